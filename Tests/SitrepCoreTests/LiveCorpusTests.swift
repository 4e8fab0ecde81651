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

    /// Facets under a filter count, for each referent, the listed articles that name it: the
    /// same whether the snapshot was built from a snapshot file (articles sharing one table of
    /// entities) or article by article, and after an update.
    func testFacetsCountTheListedArticlesThatNameEachReferent() throws {
        let seeds = Self.seeds
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("facets-\(getpid()).snapshot").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let header = SnapshotFile.Header(analyser: "test", digest: 1, roots: ["seeds"])
        try SnapshotFile.write(seeds.map { ("/seeds/" + $0.article.path, $0) }, header: header, to: file)
        let shared = try XCTUnwrap(SnapshotFile.read(from: file, expecting: header)).map(\.article)
        XCTAssertNotNil(shared.first?.records, "read back, the articles share the file's table")
        let fromFile = Corpus(shared)
        let updated = Corpus(Array(seeds[0..<2])).updated(removing: [], adding: Array(seeds[2...]))
        for corpus in [fromFile, Corpus(seeds), updated] {
            for text in ["actor:Blinken", "region:Ukraine", "region:Donbas", "-source:UPI", "since:2021-04-10", "actor:Peskov -region:Luhansk"] {
                let listed = try corpus.matches(try Query.parse(text))
                var expected: [String: Int] = [:]
                for index in listed { for key in Set(corpus.articles[index].keys.map(\.key)) { expected[key, default: 0] += 1 } }
                let facets = corpus.facets(listed)
                XCTAssertEqual(Dictionary(uniqueKeysWithValues: facets.map { ($0.entry.key, $0.articles) }), expected, text)
                XCTAssertEqual(facets.map(\.articles), facets.map(\.articles).sorted(by: >), "most named first: \(text)")
            }
        }
        XCTAssertEqual(fromFile.facets(try fromFile.matches(try Query.parse("actor:Blinken"))).first { $0.entry.name == "Antony Blinken" }?.articles, 4,
                       "Blinken is named in four of the seeds")
    }

    /// Text a snapshot searched for is kept: asked again, the snapshot answers from what it
    /// kept; the snapshot after files land searches only the articles they brought; one that
    /// forgets searches the whole index.
    func testFreeTextIsSearchedOnlyForTheArticlesAdded() throws {
        let seeds = Self.seeds
        // The index: ids and bodies; a search answers for the ids from `from` up.
        final class Index: @unchecked Sendable {
            var rows: [(id: Int64, body: String)] = []
            var asked: [Int64] = []
        }
        let index = Index()
        index.rows = seeds.map { ($0.id!, $0.article.body) }
        let search: TextSearch = { query, from in
            index.asked.append(from)
            return index.rows.filter { $0.id >= from && $0.body.contains(query) }.map(\.id)
        }
        let blinken = try Query.parse("Blinken")
        func found(_ corpus: Corpus) throws -> [String] { try corpus.matches(blinken).map { corpus.articles[$0].article.path } }
        func naming(_ corpus: Corpus) -> [String] {
            (0..<corpus.articles.count).map { corpus.articles[$0].article }.filter { $0.body.contains("Blinken") }.map(\.path)
        }

        let first = Corpus(Array(seeds[0..<3]), textSearch: search)
        XCTAssertEqual(try found(first), naming(first))
        XCTAssertEqual(try found(first), naming(first))
        XCTAssertEqual(index.asked, [0], "asked again, the snapshot answers from what it kept")

        let landed = first.updated(removing: [], adding: Array(seeds[3...]))
        XCTAssertEqual(try found(landed), naming(landed))
        XCTAssertEqual(naming(landed).count, 4, "four of the seeds name him")
        XCTAssertEqual(index.asked, [0, 4], "only the two articles added (ids 4 and 5) are searched")

        // A file that named him changed: its article goes, and comes back under a new id
        // without his name; another that named him is deleted.
        let changedID = try XCTUnwrap(seeds.first { $0.article.body.contains("Blinken") }?.id)
        let deletedID = try XCTUnwrap(seeds.last { $0.article.body.contains("Blinken") }?.id)
        var revised = seeds[Int(changedID) - 1]
        revised.article.body = revised.article.body.replacingOccurrences(of: "Blinken", with: "the secretary")
        revised.id = 6
        index.rows.removeAll { $0.id == changedID || $0.id == deletedID }
        index.rows.append((6, revised.article.body))
        let changed = landed.updated(removing: [changedID, deletedID], adding: [revised])
        XCTAssertEqual(try found(changed), naming(changed))
        XCTAssertEqual(naming(changed).count, 2)
        XCTAssertEqual(index.asked, [0, 4, 6], "only the revised article is searched")

        let gone = changed.updated(removing: [6], adding: [])
        XCTAssertEqual(try found(gone), naming(gone))
        XCTAssertEqual(index.asked, [0, 4, 6], "with nothing added, nothing is searched")
        XCTAssertEqual(try found(landed), naming(landed), "an earlier snapshot keeps its own answer")

        XCTAssertEqual(try found(gone.forgettingText()), naming(gone))
        XCTAssertEqual(index.asked, [0, 4, 6, 0], "a snapshot that forgot searches the whole index")
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
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Troops")).count, 1)

        try Data(article("One, revised", "Talks in Geneva stalled.").utf8).write(to: URL(fileURLWithPath: first))
        try FileManager.default.removeItem(atPath: second)
        try live.apply(indexer.update([first, second]).changes)
        XCTAssertEqual(live.snapshot.articles.map(\.article.title), ["One, revised"])
        XCTAssertThrowsError(try live.snapshot.matches(Query.parse("actor:Blinken")), "no article names him any more")
        // Free text asked before the change is answered for the snapshot after it.
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Shelling")).count, 0, "the deleted article is not found")
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Troops")).count, 0, "nor the words the revision took out")
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Geneva")).count, 1)
        let third = folder.write("three.txt", article("Three", "Shelling resumed near Troops' positions in Geneva's absence."))
        try live.apply(indexer.update([third]).changes)
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Shelling")).map { live.snapshot.articles[$0].article.title }, ["Three"])
        XCTAssertEqual(try live.snapshot.matches(Query.parse("Geneva")).count, 2)
        XCTAssertEqual(before.articles.map(\.article.title), ["One"], "an old snapshot is unchanged")
    }
}
