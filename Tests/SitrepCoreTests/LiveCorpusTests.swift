import Foundation
import XCTest
@testable import SitrepCore

/// Snapshots made by updating the previous one must be the snapshots a rebuild would make,
/// and the live corpus must follow the index as files come and go.
final class LiveCorpusTests: XCTestCase {
    static let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())

    /// The seed articles, each under an index id.
    static let seeds: [AnalysedArticle] = {
        let reader = ArticleReader()
        return InputFiles.expand([Fixtures.sampleData]).files.flatMap { reader.read(path: $0).articles }.enumerated().map { i, article in
            AnalysedArticle(article: article, entities: extractor.entities(in: article.body), id: Int64(i + 1))
        }
    }()

    private func assertSame(_ updated: Corpus, _ rebuilt: Corpus, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(updated.articles.map(\.article.path), rebuilt.articles.map(\.article.path), "order", file: file, line: line)
        XCTAssertEqual(updated.entities, rebuilt.entities, "entities", file: file, line: line)
        for text in ["actor:Blinken", "region:Ukraine", "region:Donbas", "actor:Kremlin region:Crimea", "Javelin", "-source:UPI",
                     "since:2021-04-10", "actor:Peskov -region:Luhansk"] {
            let query = try Query.parse(text)
            let a = try? updated.matches(query), b = try? rebuilt.matches(query)
            XCTAssertEqual(a.map { $0.map { updated.articles[$0].article.path } }, b.map { $0.map { rebuilt.articles[$0].article.path } },
                           text, file: file, line: line)
            if let a, let b { XCTAssertEqual(updated.facets(a).map(\.articles), rebuilt.facets(b).map(\.articles), text, file: file, line: line) }
        }
    }

    func testAnUpdatedSnapshotIsTheSnapshotARebuildMakes() throws {
        let seeds = Self.seeds
        XCTAssertEqual(seeds.count, 5)
        // Start with three, then take one out and bring the other two in, one at a time and together.
        let start = Corpus(Array(seeds[0..<3]))
        let step1 = start.updated(removing: [seeds[1].id!], adding: [seeds[3]])
        try assertSame(step1, Corpus([seeds[0], seeds[2], seeds[3]]))
        let step2 = step1.updated(removing: [], adding: [seeds[4], seeds[1]])
        try assertSame(step2, Corpus(seeds))
        // An article changed in place: out under its old id, in under a new one.
        var edited = seeds[2]
        edited.id = 99
        edited.article.title = "Edited"
        let step3 = step2.updated(removing: [seeds[2].id!], adding: [edited])
        try assertSame(step3, Corpus([seeds[0], seeds[1], seeds[3], seeds[4], edited]))
        XCTAssertTrue(step3.articles.contains { $0.article.title == "Edited" })
        // Everything out: an empty corpus that still answers.
        let empty = step3.updated(removing: Set(step3.articles.compactMap(\.id)), adding: [])
        XCTAssertEqual(empty.articles.count, 0)
        XCTAssertEqual(empty.entities, [])
        XCTAssertEqual(try empty.matches(Query.parse("Javelin")), [])
        // The snapshot a reader holds does not change under it.
        XCTAssertEqual(step1.articles.count, 3)
    }

    func testDatesNegationAndCombinationsOverTheSeeds() throws {
        let corpus = Corpus(Self.seeds)
        func days(_ text: String) throws -> [String] {
            try corpus.matches(Query.parse(text)).map { corpus.articles[$0].article.published.day.isoString }
        }
        XCTAssertEqual(try days(""), ["2021-11-23", "2021-05-07", "2021-04-13", "2021-04-01", "2021-04-01"])
        XCTAssertEqual(try days("since:2021-05-01"), ["2021-11-23", "2021-05-07"])
        XCTAssertEqual(try days("-since:2021-05-01"), ["2021-04-13", "2021-04-01", "2021-04-01"])
        XCTAssertEqual(try days("until:2021-04-13"), ["2021-04-13", "2021-04-01", "2021-04-01"])
        XCTAssertEqual(try days("-until:2021-04-13"), ["2021-11-23", "2021-05-07"])
        XCTAssertEqual(try days("since:2021-04-02 until:2021-05-07"), ["2021-05-07", "2021-04-13"])
        XCTAssertEqual(try days("since:2021-06-01 until:2021-05-01"), [])
        XCTAssertEqual(try days("actor:Blinken -source:UPI since:2021-04-01"), ["2021-04-13", "2021-04-01", "2021-04-01"])
        XCTAssertEqual(try days("region:Ukraine -region:Donbas"), ["2021-05-07"])
        XCTAssertEqual(try days("-actor:Blinken"), ["2021-11-23"])
        XCTAssertEqual(try days("actor:Kremlin region:Crimea").count, 3)
    }

    func testTheLiveCorpusFollowsTheIndex() throws {
        let folder = TestFolder()
        func article(_ title: String, _ body: String) -> String { "---\ntitle: \(title)\nsource: Wire\npublished: 2021-04-02\n---\n\n\(body)\n" }
        let first = folder.write("one.txt", article("One", "Troops gathered near Kharkiv as Antony Blinken spoke."))
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        let indexer = Indexer(store: store) { LiveCorpusTests.extractor }
        try indexer.reconcile([folder.path])
        let live = try LiveCorpus(store: store, roots: [Store.Root(folder.path)])
        let before = live.snapshot
        XCTAssertEqual(before.articles.map(\.article.title), ["One"])

        let second = folder.write("two.txt", article("Two", "Shelling was reported in Donetsk."))
        try live.apply(indexer.update([second]).changes)
        XCTAssertEqual(Set(live.snapshot.articles.map(\.article.title)), ["One", "Two"])
        XCTAssertEqual(try live.snapshot.matches(Query.parse("region:Donbas")).count, 1)
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Shelling")).count, 1, "the new article's text is searchable")

        try Data(article("One, revised", "Talks in Geneva stalled.").utf8).write(to: URL(fileURLWithPath: first))
        try FileManager.default.removeItem(atPath: second)
        try live.apply(indexer.update([first, second]).changes)
        XCTAssertEqual(live.snapshot.articles.map(\.article.title), ["One, revised"])
        XCTAssertThrowsError(try live.snapshot.matches(Query.parse("actor:Blinken")), "no article names him any more")
        XCTAssertEqual(before.articles.map(\.article.title), ["One"], "an old snapshot is unchanged")
    }
}
