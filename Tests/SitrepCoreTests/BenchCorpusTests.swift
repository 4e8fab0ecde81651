import Foundation
import XCTest
@testable import SitrepCore

/// The corpus `sitrep bench` measures on: the same for a seed, news-like, and read back whole.
final class BenchCorpusTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func written(_ count: Int, seed: UInt64 = 2021) throws -> (String, BenchCorpus.Summary) {
        let folder = NSTemporaryDirectory() + "sitrep-bench-corpus-\(UUID().uuidString)"
        folders.append(folder)
        let summary = try BenchCorpus(seed: seed).write(count: count, into: folder)
        return (folder, summary)
    }

    private func contents(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in InputFiles.expand([folder]).files {
            files[String(path.dropFirst(folder.count))] = FileManager.default.contents(atPath: path)
        }
        return files
    }

    func testTheSameSeedWritesTheSameFilesAndAnotherSeedDoesNot() throws {
        let (a, _) = try written(120), (b, _) = try written(120), (c, _) = try written(120, seed: 7)
        XCTAssertEqual(contents(a), contents(b))
        XCTAssertNotEqual(contents(a), contents(c))
    }

    func testEveryArticleIsReadBackWithItsTitleSourceAndDate() throws {
        let (folder, summary) = try written(600)
        XCTAssertEqual(Set(summary.formats.keys), ["txt", "txt-raw", "md", "html", "json", "jsonl"])
        let reader = ArticleReader()
        var articles: [Article] = []
        for path in InputFiles.expand([folder]).files {
            let outcome = reader.read(path: path)
            XCTAssertEqual(outcome.issues.filter { $0.severity == .error }, [], path)
            articles += outcome.articles
        }
        XCTAssertEqual(articles.count, 600)
        XCTAssertEqual(summary.articles, 600)
        let generator = BenchCorpus()
        for article in articles {
            XCTAssertFalse(article.title.isEmpty, article.path)
            XCTAssertNotNil(article.source.flatMap { generator.outlets.contains($0) ? $0 : nil }, "\(article.path): \(article.source ?? "no source"): \(article.body.prefix(80))")
            XCTAssertNotEqual(article.publishedFrom, .file, article.path)
            XCTAssertEqual(article.published.day.year, 2021, article.path)
        }
        // Lengths as news has them: mostly a few KB, a few long ones, none under 1 KB or over 20 KB of text.
        let lengths = articles.map { $0.body.utf8.count }.sorted()
        XCTAssertGreaterThan(lengths.first!, 800)
        XCTAssertLessThan(lengths.last!, 21_000)
        XCTAssertTrue((2_500...5_000).contains(lengths[lengths.count / 2]), "median \(lengths[lengths.count / 2])")
        XCTAssertGreaterThan(lengths[lengths.count * 95 / 100], 7_000)
    }

    func testTheTaggerFindsTheLeadPersonOfNearlyEveryArticle() throws {
        let generator = BenchCorpus()
        let extractor = EntityExtractor(tagger: try EntityTagger.shipped())
        var found = 0
        var missed: [String] = []
        let stories = (0..<150).map { generator.story($0) }
        for (k, story) in stories.enumerated() {
            let person = generator.event(k).lead
            let names = extractor.entities(in: story.paragraphs.joined(separator: "\n\n")).filter { $0.kind == .person }.map(\.name)
            if names.contains(where: { $0.hasSuffix(person.surname) }) { found += 1 } else { missed.append("\(person.full) in \(names)") }
        }
        print("lead person missed: " + missed.prefix(12).joined(separator: "; "))
        XCTAssertGreaterThan(Double(found) / Double(stories.count), 0.95)
        // Names are skewed as in the news: the most reported person is in many articles, most in few.
        let leads = stories.map { story in generator.people.firstIndex { story.paragraphs.joined().contains($0.full) } ?? -1 }
        XCTAssertGreaterThan(leads.filter { $0 == 0 }.count, 5)
    }

    /// A third of the articles retell an earlier article's event: the story index groups most
    /// of them with it, and seldom groups articles about different events.
    func testArticlesAboutOneEventMostlyFormOneStory() throws {
        let generator = BenchCorpus()
        let extractor = EntityExtractor(tagger: try EntityTagger.shipped())
        var index = StoryIndex()
        var events: [String] = []
        for k in 0..<300 {
            let story = generator.story(k), event = generator.event(k)
            events.append("\(event.lead.full)|\(event.topic.word)|\(event.place)|\(event.organisation)")
            let body = story.paragraphs.joined(separator: "\n\n")
            let day = CalendarDay(year: story.day.year, month: story.day.month, day: story.day.day)!
            index.add(StoryIndex.Features(day: day, body: story.title + "\n\n" + body,
                                          entityKeys: Set(extractor.entities(in: body).map { CorpusEntities.Key($0).key })))
        }
        var same = 0, sameTogether = 0, different = 0, differentTogether = 0
        for a in 0..<300 {
            for b in (a + 1)..<300 where abs(generator.event(a).dayOfYear - generator.event(b).dayOfYear) <= 3 {
                let together = index.placements[a].story == index.placements[b].story
                if events[a] == events[b] { same += 1; if together { sameTogether += 1 } } else { different += 1; if together { differentTogether += 1 } }
            }
        }
        print("bench corpus stories: \(sameTogether)/\(same) same-event pairs together, \(differentTogether)/\(different) other pairs within 3 days together")
        XCTAssertGreaterThan(same, 50)
        XCTAssertGreaterThan(Double(sameTogether) / Double(same), 0.7)
        XCTAssertLessThan(Double(differentTogether) / Double(max(1, different)), 0.1)
    }
}
