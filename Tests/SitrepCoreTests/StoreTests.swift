import Foundation
import GRDB
import XCTest
@testable import SitrepCore

/// The index: reconciling it with the folders while Sitrep was not running, and surviving a
/// damaged index file or a cache directory it cannot write.
final class StoreTests: XCTestCase {
    static let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())

    private func indexer(_ store: Store) -> Indexer {
        Indexer(store: store) { StoreTests.extractor }
    }

    /// An indexer that fails if it has to analyse anything.
    private func idleIndexer(_ store: Store) -> Indexer {
        Indexer(store: store) { throw Failure("nothing should have been analysed") }
    }

    struct Failure: Error { let message: String; init(_ m: String) { message = m } }

    private func article(_ title: String, source: String = "Wire", day: String = "2021-04-01", body: String) -> String {
        "---\ntitle: \(title)\nsource: \(source)\npublished: \(day)\n---\n\n\(body)\n"
    }

    private func corpus(_ store: Store, _ folder: TestFolder) throws -> Corpus {
        Corpus(try store.analysed(under: [Store.Root(folder.path)]), textSearch: { try store.textMatches($0, from: $1) })
    }

    /// Paths are keyed absolute and standard: a path that is so already is kept as it is,
    /// any other made so as Foundation makes it.
    func testPathsAreKeyedAbsoluteAndStandard() {
        let cwd = FileManager.default.currentDirectoryPath
        for path in ["/a/b.txt", "/a//b.txt", "/a/./b.txt", "/a/c/../b.txt", "/a/b/", "/a/b/.", "/a/b/..", "/", "b.txt", "./b.txt",
                     "../b.txt", "/a/.hidden/b.txt", "/a/b..c.txt", "/a/…/b.txt", "/a/.../b.txt", "/a/..b/c.txt", "/.", "/..", "/a/."] {
            XCTAssertEqual(Indexer.absolute(path), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
        XCTAssertEqual(Indexer.absolute("x.md"), cwd + "/x.md")
    }

    func testFirstRunAddsEverythingAndASecondRunReadsNothing() throws {
        let folder = TestFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData) {
            folder.write("seeds/" + name, try Data(contentsOf: URL(fileURLWithPath: Fixtures.sampleData + "/" + name)))
        }
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        XCTAssertEqual(store.warnings, [])
        let first = try indexer(store).reconcile([folder.path])
        XCTAssertEqual(first.count(.added), 5)
        XCTAssertEqual(first.articlesAnalysed, 5)

        // Reopened, as at the next start: nothing changed, nothing is read.
        let reopened = Store.open(path: index.path + "/index.sqlite")
        let second = try idleIndexer(reopened).reconcile([folder.path])
        XCTAssertEqual(second.unchanged, 5)
        XCTAssertEqual(second.changes, [])

        let corpus = try self.corpus(reopened, folder)
        XCTAssertEqual(corpus.articles.count, 5)
        XCTAssertEqual(try corpus.matches(Query.parse("actor:Blinken")).count, 4)
        XCTAssertEqual(try corpus.matches(Query.parse("region:Ukraine")).count, 5)
        XCTAssertEqual(try corpus.matches(Query.parse("Javelin")).count, 1, "free text goes through the full-text index")
        XCTAssertEqual(try corpus.matches(Query.parse("-Javelin")).count, 4)
        // Entity counts survive the round trip through the index.
        let blinken = try XCTUnwrap(corpus.entities.first { $0.name == "Antony Blinken" })
        XCTAssertEqual(blinken.articles, 4)
        XCTAssertGreaterThan(blinken.mentions, 4)
        let donetsk = try XCTUnwrap(corpus.entities.first { $0.name == "Donetsk Oblast" || $0.name == "Donetsk" })
        XCTAssertNotNil(donetsk.parent, "places keep their parents")
        // Paths read as the user named the folder.
        XCTAssertTrue(corpus.articles.allSatisfy { $0.article.path.hasPrefix(folder.path + "/seeds/") })
    }

    /// The reader view's highlights: every mention the extractor found, with its entity's kind,
    /// in order of where it stands, read back from the index.
    func testMentionsReadBackAsExtracted() throws {
        let folder = TestFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData) {
            folder.write(name, try Data(contentsOf: URL(fileURLWithPath: Fixtures.sampleData + "/" + name)))
        }
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        try indexer(store).reconcile([folder.path])
        let analysed = try store.analysed(under: [Store.Root(folder.path)])
        XCTAssertEqual(analysed.count, 5)
        for item in analysed {
            let id = try XCTUnwrap(item.id)
            let body = try XCTUnwrap(try store.body(ofArticle: id))
            let expected = StoreTests.extractor.entities(in: body)
                .flatMap { entity in entity.mentions.map { ($0.start, $0.end, entity.kind) } }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            let read = try store.mentions(ofArticle: id)
            XCTAssertGreaterThan(read.count, 10)
            XCTAssertEqual(read.map { "\($0.start)-\($0.end) \($0.kind)" }, expected.map { "\($0.0)-\($0.1) \($0.2)" })
        }
    }

    /// An index written before mentions were kept as spans keeps them through the migration.
    func testMentionRowsOfAnOlderIndexBecomeSpans() throws {
        let folder = TestFolder()
        let path = folder.path + "/index.sqlite"
        let pool = try DatabasePool(path: path)
        try Store.migrator.migrate(pool, upTo: "v5: quotations and their speakers")
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO file(path, size, mtime, hash, analyser) VALUES ('/n/a.txt', 1, 1, 'h', 'old');
                INSERT INTO article(id, path, title, published, published_from, body)
                    VALUES (7, '/n/a.txt', 'T', '2021-04-01', 'text', 'Peskov met Blinken. Blinken left.');
                INSERT INTO entity(id, article_id, name, kind, aliases, mentions) VALUES (1, 7, 'Antony Blinken', 'person', '', 2);
                INSERT INTO entity(id, article_id, name, kind, aliases, mentions) VALUES (2, 7, 'Dmitry Peskov', 'person', '', 1);
                INSERT INTO entity(id, article_id, name, kind, aliases, mentions) VALUES (3, 7, 'Nobody', 'organisation', '', 0);
                INSERT INTO mention(entity_id, text, start, "end") VALUES (1, 'Blinken', 20, 27), (1, 'Blinken', 11, 18), (2, 'Peskov', 0, 6);
                """)
        }
        try pool.close()
        let store = Store.open(path: path)
        XCTAssertEqual(store.warnings, [])
        let spans = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT spans FROM entity ORDER BY id") }
        XCTAssertEqual(spans, ["11-18 20-27", "0-6", ""])
        XCTAssertEqual(try store.mentions(ofArticle: 7).map { "\($0.start)-\($0.end)" }, ["0-6", "11-18", "20-27"])
        let tables = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'mention'") }
        XCTAssertEqual(tables, [])
    }

    /// A large index is searched in parts, a range of ids each: together they find what one
    /// search finds, in order, from the first id or any other, and a query FTS5 refuses is
    /// refused whole.
    func testFreeTextSearchedInPartsFindsWhatOneSearchFinds() throws {
        let folder = TestFolder()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData).sorted()
        for copy in 0..<4 {
            for name in seeds {
                folder.write("copy\(copy)/" + name, try Data(contentsOf: URL(fileURLWithPath: Fixtures.sampleData + "/" + name)))
            }
        }
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        XCTAssertEqual(try indexer(store).reconcile([folder.path]).count(.added), 20)
        for query in ["Javelin", "Ukraine", "\"Secretary of State\"", "Kremlin OR Donbas", "Ukrain*", "NEAR(Blinken Kuleba, 10)"] {
            let whole = try store.textMatches(query, parts: 1)
            XCTAssertFalse(whole.isEmpty, query)
            XCTAssertEqual(whole, whole.sorted(), query)
            for parts in [2, 3, 7] {
                XCTAssertEqual(try store.textMatches(query, parts: parts), whole, "\(query) in \(parts) parts")
                // From an id up, as a snapshot asks about the articles added since it last searched.
                for from in [whole[whole.count / 2], whole.last! + 1] {
                    XCTAssertEqual(try store.textMatches(query, from: from, parts: parts), whole.filter { $0 >= from },
                                   "\(query) from id \(from) in \(parts) parts")
                }
            }
        }
        XCTAssertEqual(try store.textMatches("Javelin", parts: 3).count, 4, "one seed names the Javelin, copied four times")
        XCTAssertThrowsError(try store.textMatches("\"unbalanced", parts: 3))
        XCTAssertThrowsError(try store.textMatches("\"unbalanced", parts: 1))
        // Through a snapshot, SQLite's complaint becomes one line naming the query.
        let corpus = try self.corpus(store, folder)
        XCTAssertThrowsError(try corpus.matches(Query.parse("AND"))) { error in
            XCTAssertEqual("\(error)", "cannot search for AND: syntax error near \"AND\"")
        }
        XCTAssertEqual(try corpus.matches(Query.parse("Javelin -Kremlin")).count + (try corpus.matches(Query.parse("Javelin Kremlin")).count), 4)
        // Free text with only exclusions and dates beside it: the text's matches, less those.
        let ukraine = Set(try corpus.matches(Query.parse("Ukraine")))
        let peskov = Set(try corpus.matches(Query.parse("actor:Peskov")))
        let may = Set(try corpus.matches(Query.parse("since:2021-05-01")))
        XCTAssertFalse(peskov.isEmpty)
        XCTAssertEqual(try corpus.matches(Query.parse("Ukraine -actor:Peskov since:2021-05-01")), ukraine.subtracting(peskov).intersection(may).sorted())
        XCTAssertEqual(try corpus.matches(Query.parse("Ukraine -Javelin")), ukraine.subtracting(try corpus.matches(Query.parse("Javelin"))).sorted())
    }

    /// The snapshot file beside the index gives back what the index holds, is used only while
    /// it stands for the index as it is, and a damaged one is ignored and rewritten.
    func testTheSnapshotFileStandsInForTheIndexOnlyWhileItMatches() throws {
        let folder = TestFolder()
        folder.write("kyiv.txt", article("Talks in Kyiv", body: "Antony Blinken met Dmytro Kuleba in Kyiv on Tuesday to discuss the Donbas."))
        let moscow = folder.write("moscow.txt", article("Kremlin warns", source: "TASS", body: "Dmitry Peskov said in Moscow that NATO must not cross red lines."))
        let index = TestFolder()
        let path = index.path + "/index.sqlite"
        let snapshotPath = SnapshotFile.path(forIndex: path)
        let store = Store.open(path: path)
        try indexer(store).reconcile([folder.path])
        let roots = [Store.Root(folder.path)]
        XCTAssertFalse(FileManager.default.fileExists(atPath: snapshotPath))

        func summary(_ loaded: [(path: String, article: AnalysedArticle)]) -> [String] {
            loaded.map { file, a in
                let entities = zip(zip(a.entities, a.keys), a.mentionCounts ?? []).map { pair, count in
                    "\(pair.0.name)/\(pair.0.kind)/\(pair.0.aliases)/\(pair.0.placeID ?? "-")/\(pair.0.parents)/\(pair.0.country ?? "-")/\(pair.1.key)/\(pair.1.canonicalName)/\(count)"
                }
                let events = a.events.map { "\($0.text)=\($0.isoString)@\($0.start)-\($0.end)/\($0.relative)/\($0.yearGiven)" }
                return "\(file)|\(a.id ?? -1)|\(a.article.path)|\(a.article.title)|\(a.article.source ?? "-")|\(a.article.published.isoString)|\(a.article.publishedFrom)|\(entities)|\(events)"
            }.sorted()
        }
        let fromIndex = try store.analysedFiles(under: roots)
        let first = try store.snapshotArticles(under: roots)
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshotPath), "the first load writes the file")
        XCTAssertEqual(summary(first), summary(fromIndex))
        XCTAssertTrue(try store.snapshotFileIsCurrent(under: roots))
        let header = try XCTUnwrap(SnapshotFile.header(at: snapshotPath))
        XCTAssertEqual(summary(try XCTUnwrap(SnapshotFile.read(from: snapshotPath, expecting: header))), summary(fromIndex),
                       "the file gives back exactly what the index holds")
        XCTAssertTrue(summary(fromIndex).contains { $0.contains("Dmitry Peskov") && $0.contains("Kremlin warns") })
        XCTAssertTrue(summary(fromIndex).contains { $0.contains("Tuesday=2021-03-30") }, "the dates come back too")
        // A corpus built from the file (each distinct entity counted once) is the corpus built from the index.
        let cached = try store.snapshotArticles(under: roots)
        XCTAssertNotNil(cached.first?.article.records, "read from the file")
        let fromFile = Corpus(cached.map(\.article)), rebuilt = Corpus(fromIndex.map(\.article))
        XCTAssertEqual(fromFile.entities, rebuilt.entities)
        XCTAssertEqual(fromFile.articles.map(\.article.path), rebuilt.articles.map(\.article.path))
        for query in ["actor:Blinken", "region:Ukraine", "region:Donbas", "source:TASS", "actor:Peskov region:Russia", "-actor:Kuleba"] {
            XCTAssertEqual(try fromFile.matches(Query.parse(query)), try rebuilt.matches(Query.parse(query)), query)
        }
        let all = try rebuilt.matches(Query())
        XCTAssertEqual(fromFile.facets(Array(all.prefix(1))).map(\.entry.key), rebuilt.facets(Array(all.prefix(1))).map(\.entry.key))

        // The index changes: the file no longer stands for it, and the next load reads the index.
        try Data(article("Kremlin warns again", source: "TASS", body: "Dmitry Peskov repeated the warning in Moscow.").utf8)
            .write(to: URL(fileURLWithPath: moscow))
        try indexer(store).reconcile([folder.path])
        XCTAssertFalse(try store.snapshotFileIsCurrent(under: roots))
        let after = try store.snapshotArticles(under: roots)
        XCTAssertTrue(after.contains { $0.article.article.title == "Kremlin warns again" })
        XCTAssertFalse(after.contains { $0.article.article.title == "Kremlin warns" })
        XCTAssertTrue(try store.snapshotFileIsCurrent(under: roots), "and writes it again")

        // Other folders, or the same folder written another way, do not use it.
        let other = TestFolder()
        other.write("x.txt", article("Elsewhere", body: "Nothing to see in Lyon."))
        try indexer(store).reconcile([other.path])
        XCTAssertEqual(try store.snapshotArticles(under: [Store.Root(other.path)]).map(\.article.article.title), ["Elsewhere"])

        // A damaged file is ignored and replaced.
        try Data(repeating: 0x41, count: 300).write(to: URL(fileURLWithPath: snapshotPath))
        XCTAssertNil(SnapshotFile.header(at: snapshotPath))
        XCTAssertEqual(summary(try store.snapshotArticles(under: roots)), summary(try store.analysedFiles(under: roots)))
        XCTAssertTrue(try store.snapshotFileIsCurrent(under: roots))
        // Cut short, it is refused whole.
        let whole = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
        try whole.prefix(whole.count - 7).write(to: URL(fileURLWithPath: snapshotPath))
        XCTAssertNil(SnapshotFile.read(from: snapshotPath, expecting: try XCTUnwrap(SnapshotFile.header(at: snapshotPath))))
    }

    func testReconcileSeesAddsChangesDeletesAndRenamesMadeWhileStopped() throws {
        let folder = TestFolder()
        let kyiv = folder.write("kyiv.txt", article("Talks in Kyiv", body: "Foreign ministers met in Kyiv on Tuesday to discuss the Donbas."))
        let paris = folder.write("paris.txt", article("Summit in Paris", body: "Leaders gathered in Paris for a climate summit."))
        let berlin = folder.write("berlin.txt", article("Vote in Berlin", body: "The Bundestag voted in Berlin on the budget."))
        let touched = folder.write("rome.txt", article("Visit to Rome", body: "The delegation arrived in Rome for talks."))
        let index = TestFolder()
        let path = index.path + "/index.sqlite"
        XCTAssertEqual(try indexer(Store.open(path: path)).reconcile([folder.path]).count(.added), 4)

        // While Sitrep is not running: one file edited, one deleted, one renamed, one added,
        // and one only touched (new modification time, same content).
        try Data(article("Talks in Kyiv collapse", body: "Negotiations in Kyiv collapsed over Crimea.").utf8).write(to: URL(fileURLWithPath: kyiv))
        try FileManager.default.removeItem(atPath: paris)
        let renamed = folder.path + "/germany/berlin-vote.txt"
        try FileManager.default.createDirectory(atPath: folder.path + "/germany", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: berlin, toPath: renamed)
        let added = folder.write("madrid.txt", article("Protest in Madrid", body: "Thousands marched in Madrid against the reform."))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: touched)

        let store = Store.open(path: path)
        let summary = try indexer(store).reconcile([folder.path])
        XCTAssertEqual(Set(summary.changes.map { "\($0.kind.rawValue) \(($0.path as NSString).lastPathComponent)" }),
                       ["changed kyiv.txt", "removed paris.txt", "renamed berlin-vote.txt", "added madrid.txt"])
        XCTAssertEqual(summary.changes.first { $0.kind == .renamed }?.from, berlin)
        XCTAssertEqual(summary.articlesAnalysed, 2, "the rename and the touched file are not read again")
        XCTAssertEqual(summary.unchanged, 1)

        let corpus = try self.corpus(store, folder)
        XCTAssertEqual(Set(corpus.articles.map(\.article.title)),
                       ["Talks in Kyiv collapse", "Vote in Berlin", "Visit to Rome", "Protest in Madrid"])
        XCTAssertEqual(corpus.articles.first { $0.article.title == "Vote in Berlin" }?.article.path, renamed)
        XCTAssertEqual(try corpus.matches(Query.parse("region:Crimea")).map { corpus.articles[$0].article.title }, ["Talks in Kyiv collapse"])
        XCTAssertEqual(try corpus.matches(Query.parse("climate")).count, 0, "the deleted article's text left the full-text index")
        XCTAssertEqual(try corpus.matches(Query.parse("marched")).count, 1)
        XCTAssertEqual(try corpus.matches(Query.parse("Negotiations")).count, 1)
        XCTAssertEqual(try corpus.matches(Query.parse("Tuesday")).count, 0, "the edited article's old text is gone")
        _ = added
    }

    func testAnOtherFolderInTheSameIndexIsLeftAlone() throws {
        let a = TestFolder(), b = TestFolder()
        a.write("one.txt", article("One", body: "A story from Kyiv about the war."))
        b.write("two.txt", article("Two", body: "A story from Warsaw about the border."))
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        try indexer(store).reconcile([a.path])
        try indexer(store).reconcile([b.path])
        XCTAssertEqual(try store.analysed(under: [Store.Root(a.path)]).map(\.article.title), ["One"])
        XCTAssertEqual(try store.analysed(under: [Store.Root(b.path)]).map(\.article.title), ["Two"])
        XCTAssertEqual(try idleIndexer(store).reconcile([a.path]).changes, [])
    }

    func testAFileThatCannotBeReadIsRecordedWithItsReason() throws {
        let folder = TestFolder()
        folder.write("good.txt", article("Good", body: "A story from Kyiv about the war."))
        folder.write("bad.json", "{ not json")
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        let summary = try indexer(store).reconcile([folder.path])
        XCTAssertEqual(summary.count(.error), 1)
        XCTAssertEqual(try store.problems(under: [Store.Root(folder.path)]).count, 1)
        // Not retried until it changes.
        XCTAssertEqual(try idleIndexer(store).reconcile([folder.path]).changes, [])
        XCTAssertEqual(try store.problems(under: [Store.Root(folder.path)]).first?.path, folder.path + "/bad.json")
    }

    func testAnIndexThatIsNotADatabaseIsMovedAsideAndRebuilt() throws {
        let folder = TestFolder()
        folder.write("one.txt", article("One", body: "A story from Kyiv about the war."))
        let index = TestFolder()
        let path = index.write("index.sqlite", String(repeating: "this is not a database\n", count: 400))
        let store = Store.open(path: path)
        XCTAssertEqual(store.path, path)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("moved it to"), store.warnings[0])
        let aside = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.hasPrefix("index.sqlite.corrupt-") }
        XCTAssertEqual(aside.count, 1, "the damaged file is kept for inspection")
        XCTAssertEqual(try indexer(store).reconcile([folder.path]).count(.added), 1)
        XCTAssertEqual(try store.analysed(under: [Store.Root(folder.path)]).count, 1)
    }

    func testAnIndexDamagedInsideIsMovedAsideAndRebuilt() throws {
        let folder = TestFolder()
        for k in 0..<40 { folder.write("story-\(k).txt", article("Story \(k)", body: "Troops massed near Kharkiv as talks in Geneva stalled, day \(k).")) }
        let index = TestFolder()
        let path = index.path + "/index.sqlite"
        do {
            let store = Store.open(path: path)
            try indexer(store).reconcile([folder.path])
            try store.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        // Scribble over every page after the first (the header stays valid).
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 8192)
        for i in stride(from: 4096, to: bytes.count, by: 7) { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))

        let store = Store.open(path: path)
        XCTAssertEqual(store.warnings.count, 1, "\(store.warnings)")
        XCTAssertEqual(store.path, path)
        XCTAssertEqual(try indexer(store).reconcile([folder.path]).count(.added), 40)
    }

    func testACacheFolderThatCannotBeCreatedFallsBackToMemory() throws {
        let index = TestFolder()
        let blocker = index.write("not-a-folder", "a file where the cache folder should be")
        let store = Store.open(path: blocker + "/sitrep/index.sqlite")
        XCTAssertNil(store.path)
        XCTAssertEqual(store.warnings.count, 1)
        XCTAssertTrue(store.warnings[0].contains("in-memory index"), store.warnings[0])
        let folder = TestFolder()
        folder.write("one.txt", article("One", body: "A story from Kyiv about the war."))
        XCTAssertEqual(try indexer(store).reconcile([folder.path]).count(.added), 1)
    }

    func testAnalyserVersionChangeReadsEverythingAgain() throws {
        let folder = TestFolder()
        folder.write("one.txt", article("One", body: "A story from Kyiv about the war."))
        let index = TestFolder()
        let store = Store.open(path: index.path + "/index.sqlite")
        try indexer(store).reconcile([folder.path])
        try store.writer.write { db in try db.execute(sql: "UPDATE file SET analyser = 'an older analyser'") }
        let summary = try indexer(store).reconcile([folder.path])
        XCTAssertEqual(summary.changes.map(\.kind), [.changed])
        XCTAssertEqual(try store.analysed(under: [Store.Root(folder.path)]).count, 1)
    }

    func testXDGCacheHomeIsHonoured() {
        XCTAssertEqual(Store.defaultPath(environment: ["XDG_CACHE_HOME": "/var/cache/me", "HOME": "/home/me"]), "/var/cache/me/sitrep/index.sqlite")
        XCTAssertEqual(Store.defaultPath(environment: ["HOME": "/home/me"]), "/home/me/.cache/sitrep/index.sqlite")
        XCTAssertEqual(Store.defaultPath(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/me"]), "/home/me/.cache/sitrep/index.sqlite",
                       "the XDG spec says to ignore a relative path")
    }
}
