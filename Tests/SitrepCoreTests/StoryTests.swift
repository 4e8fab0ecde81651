import XCTest
@testable import SitrepCore

/// Stories: the sample articles' two reports of one call form one story; copies collapse;
/// placing is incremental.
final class StoryTests: XCTestCase {
    static let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())

    private func features(_ article: Article) -> StoryIndex.Features {
        let entities = Self.extractor.entities(in: article.body)
        return StoryIndex.Features(day: article.published.day, body: article.title + "\n\n" + article.body,
                                   entityKeys: Set(entities.map { CorpusEntities.Key($0).key }),
                                   eventDays: article.dates.filter { $0.granularity == .day }.map(\.day))
    }

    private func sampleArticles() throws -> [Article] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData).sorted()
            .map { try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent($0))) }
            .sorted { $0.published.day < $1.published.day }
    }

    func testTheTwoReportsOfTheCallAreOneStoryAndTheMoscowTimesAnother() throws {
        let articles = try sampleArticles()
        var index = StoryIndex()
        for article in articles { index.add(features(article)) }
        func story(_ source: String) -> Int { index.placements[articles.firstIndex { $0.source == source }!].story }
        XCTAssertEqual(story("Daily Mail"), story("The Independent"), "Blinken's call of 31 March, reported twice")
        XCTAssertNotEqual(story("The Moscow Times"), story("Daily Mail"))
        XCTAssertEqual(Set(index.placements.map(\.story)).count, 4, "five articles, four stories")

        // Without the window, similarity alone: the two reports reach the threshold, but so does the
        // UNIAN piece twelve days later, which recaps the same call; the window keeps it apart.
        var all = StoryIndex()
        all.window = 10_000
        let features = articles.map(features)
        for f in features { all.add(f) }
        var pairs: [(String, Double)] = []
        for i in 0..<articles.count {
            for j in (i + 1)..<articles.count {
                pairs.append(("\(articles[i].source!) / \(articles[j].source!)", all.similarity(features[i], features[j])))
            }
        }
        pairs.sort { $0.1 > $1.1 }
        print("story similarity of the sample pairs: " + pairs.map { String(format: "%@ %.2f", $0.0, $0.1) }.joined(separator: "; "))
        let reports = try XCTUnwrap(pairs.first { Set($0.0.components(separatedBy: " / ")) == ["Daily Mail", "The Independent"] })
        XCTAssertGreaterThanOrEqual(reports.1, all.threshold)
        XCTAssertLessThan(try XCTUnwrap(pairs.first { $0.0.contains("Moscow Times") && $0.0.contains("Daily Mail") }).1, all.threshold)
    }

    func testANearIdenticalCopyIsListedUnderItsOriginal() throws {
        let articles = try sampleArticles()
        var index = StoryIndex()
        for article in articles { index.add(features(article)) }
        let upi = try XCTUnwrap(articles.firstIndex { $0.source == "UPI" })
        var copy = articles[upi]
        copy.body = copy.body.replacingOccurrences(of: "Thursday", with: "Thursday,") + "\n\nCopyright 2021 United Press International."
        let placed = index.add(features(copy))
        XCTAssertEqual(placed.copyOf, upi)
        XCTAssertEqual(placed.story, index.placements[upi].story)
    }

    func testOutsideTheWindowTheSameActorsStartANewStory() throws {
        let articles = try sampleArticles()
        var index = StoryIndex()
        let dailyMail = try XCTUnwrap(articles.first { $0.source == "Daily Mail" })
        index.add(features(dailyMail))
        var later = try XCTUnwrap(articles.first { $0.source == "The Independent" })
        later.published = .day(CalendarDay(year: 2021, month: 4, day: 9)!)
        XCTAssertEqual(index.add(features(later)).story, 1, "eight days later: a story of its own")
    }

    /// The dashboard's stories: a new snapshot places only its new articles, and earlier
    /// articles keep their stories.
    func testLiveStoriesPlaceOnlyWhatANewSnapshotAdds() throws {
        let articles = try sampleArticles()
        let analysed = articles.enumerated().map { k, article in
            AnalysedArticle(article: article, entities: Self.extractor.entities(in: article.body), id: Int64(k + 1))
        }
        let last = try XCTUnwrap(analysed.firstIndex { $0.article.source == "The Independent" })
        let before = Corpus(analysed.enumerated().filter { $0.offset != last }.map(\.element))
        let after = before.updated(removing: [], adding: [analysed[last]])
        let stories = LiveStories()
        var read: [Int64] = []
        let first = stories.update(before, body: { read.append($0); return nil })
        XCTAssertEqual(Set(read), Set(analysed.map(\.id!)).subtracting([analysed[last].id!]))
        read = []
        let second = stories.update(after, body: { read.append($0); return nil })
        XCTAssertEqual(read, [analysed[last].id!], "only the new article is read and placed")
        for (id, story) in first { XCTAssertEqual(second[id], story) }
        let dailyMail = try XCTUnwrap(analysed.first { $0.article.source == "Daily Mail" }?.id)
        XCTAssertEqual(second[analysed[last].id!], second[dailyMail], "the second report of the call joins the first")
        XCTAssertEqual(Set(second.values).count, 4)
    }
}
