import Foundation
import GRDB
import XCTest

/// `sitrep index` and the index behind every command, run as a user runs them.
final class IndexCommandTests: CLITestCase {
    /// A folder of `count` distinct articles made from the seeds.
    private func corpus(_ count: Int) throws -> URL {
        let folder = try temporaryFolder()
        let sample = Self.packageRoot.appendingPathComponent("sample-data")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: sample.path).sorted()
            .map { try String(contentsOf: sample.appendingPathComponent($0), encoding: .utf8) }
        for k in 0..<count {
            let text = seeds[k % seeds.count] + "\nFollow-up note \(k): the story was updated at \(k % 24) o'clock.\n"
            try text.write(to: folder.appendingPathComponent(String(format: "day-%02d/article-%04d.txt", k % 7, k)).creatingParent(), atomically: false, encoding: .utf8)
        }
        return folder
    }

    func testIndexSummarisesOnePipedLineAndASecondRunReadsNothing() throws {
        let index = try temporaryFolder().appendingPathComponent("index.sqlite").path
        let first = try sitrep(["index", "--index", index, "sample-data"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("indexed 5 files in "), first.stdout)
        XCTAssertTrue(first.stdout.contains("5 added, 0 changed, 0 removed, 0 renamed, 0 unchanged, 0 unreadable; 5 articles"), first.stdout)
        XCTAssertEqual(first.stdout.split(separator: "\n").count, 1)
        XCTAssertFalse(first.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        let second = try sitrep(["index", "--index", index, "sample-data"])
        XCTAssertTrue(second.stdout.contains("0 added, 0 changed, 0 removed, 0 renamed, 5 unchanged"), second.stdout)
    }

    func testCommandsUseTheDefaultCacheIndex() throws {
        let run = try sitrep(["query", "sample-data", "--actor", "Peskov"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheHome.appendingPathComponent("sitrep/index.sqlite").path))
    }

    func testAnUnwritableCacheFallsBackToMemoryWithOneWarning() throws {
        let blocker = try temporaryFolder().appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let run = try sitrep(["query", "--json", "sample-data", "--region", "Donbas"], environment: ["XDG_CACHE_HOME": blocker.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let warnings = run.stderr.split(separator: "\n")
        XCTAssertEqual(warnings.count, 1, run.stderr)
        XCTAssertTrue(warnings[0].contains("in-memory index"), run.stderr)
        let found = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(found.count, 4)
    }

    func testKilledWhileIndexingTheNextRunFindsAConsistentIndexAndFinishes() throws {
        let folder = try corpus(400)
        let index = try temporaryFolder().appendingPathComponent("index.sqlite").path
        let process = try start(["index", "--index", index, folder.path])
        // Kill it once some batches are in, while it is still working.
        var indexed = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: index),
               let queue = try? DatabaseQueue(path: index, configuration: { var c = Configuration(); c.readonly = true; return c }()),
               let count = try? queue.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM file") ?? 0 }) {
                indexed = count
                try? queue.close()
                if indexed >= 64 { break }
            }
            usleep(20_000)
        }
        XCTAssertTrue(process.isRunning, "indexing finished before it could be killed; make the corpus larger")
        process.signal(SIGKILL)
        XCTAssertEqual(process.wait(30), 128 + SIGKILL)
        XCTAssertGreaterThanOrEqual(indexed, 64)

        // What the killed run committed is whole: every file row has its article.
        let queue = try DatabaseQueue(path: index)
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM file WHERE path NOT IN (SELECT path FROM article)"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM file"), try Int.fetchOne(db, sql: "SELECT count(*) FROM article"))
        }
        try queue.close()

        let rerun = try sitrep(["index", "--index", index, folder.path])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("; 400 articles in"), rerun.stdout)
        XCTAssertFalse(rerun.stdout.contains(" 0 added"), "the second run finished the job: \(rerun.stdout)")
        let query = try sitrep(["query", "--json", "--index", index, folder.path])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as! [Any]).count, 400)
    }

    /// kill -9 at several moments of indexing 2,000 files (a fixed seed picks them), and at the
    /// same moments of a run that also meets edits and deletions made while it was down: after
    /// each kill the index is whole, and the run after the last one matches the folder exactly.
    func testKilledAtRandomMomentsTheIndexStaysWholeAndEndsMatchingTheFolder() throws {
        let folder = try corpus(2000)
        let index = try temporaryFolder().appendingPathComponent("index.sqlite").path
        var seed: UInt64 = 42
        func nextDelay() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return 0.3 + Double(seed >> 40) / Double(1 << 24) * 2.5
        }
        func assertWhole(_ round: Int) throws {
            guard FileManager.default.fileExists(atPath: index) else { return }
            let queue = try DatabaseQueue(path: index)
            try queue.read { db in
                XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok", "round \(round)")
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM file WHERE problems = '' AND path NOT IN (SELECT path FROM article)"), 0,
                               "round \(round): every readable file has its articles")
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE path NOT IN (SELECT path FROM file)"), 0,
                               "round \(round): no article without its file")
            }
            try queue.close()
        }
        for round in 0..<5 {
            if round == 3 {
                // While it is down: some files edited, some deleted.
                for k in stride(from: 0, to: 2000, by: 97) {
                    let path = folder.appendingPathComponent(String(format: "day-%02d/article-%04d.txt", k % 7, k))
                    if k % 2 == 0 { try FileManager.default.removeItem(at: path) } else { try "Edited \(k) in Kyiv.\n".write(to: path, atomically: true, encoding: .utf8) }
                }
            }
            let process = try start(["index", "--index", index, folder.path])
            usleep(useconds_t(nextDelay() * 1_000_000))
            process.signal(SIGKILL)
            XCTAssertNotNil(process.wait(30))
            try assertWhole(round)
        }
        let final = try sitrep(["index", "--index", index, folder.path], timeout: 600)
        XCTAssertEqual(final.status, 0, final.stderr)
        try assertWhole(99)
        let root = folder.standardizedFileURL.path
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".txt") }
            .map { root + "/" + $0 }
        let queue = try DatabaseQueue(path: index)
        let indexed = try queue.read { db in try String.fetchAll(db, sql: "SELECT path FROM file") }
        try queue.close()
        XCTAssertEqual(Set(indexed), Set(files), "the index matches the folder exactly")
        XCTAssertEqual(files.count, 2000 - 11, "the 11 deleted files are gone")
    }

    func testACorruptIndexIsMovedAsideWithOneWarningAndRebuilt() throws {
        let folder = try temporaryFolder()
        let index = folder.appendingPathComponent("index.sqlite")
        try Data(String(repeating: "garbage ", count: 1000).utf8).write(to: index)
        let run = try sitrep(["query", "--json", "--index", index.path, "sample-data", "--actor", "Blinken"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("moved it to"), run.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [Any]).count, 4)
        let again = try sitrep(["query", "--json", "--index", index.path, "sample-data", "--actor", "Blinken"])
        XCTAssertEqual(again.stderr, "", "the rebuilt index is healthy")
    }
}

private extension URL {
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
