import Foundation
import XCTest

/// `sitrep watch --json` as a script uses it: files land, change and go while it runs, and
/// each change is one JSON line; the index it keeps answers queries.
final class WatchCommandTests: CLITestCase {
    /// What a running command has written so far to one of its output files.
    struct Lines {
        let path: String
        init(_ path: String) { self.path = path }
        var raw: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        var changes: [[String: String]] {
            raw.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
            }
        }
        func count(_ change: String, _ name: String) -> Int {
            changes.filter { $0["change"] == change && ($0["path"] ?? "").hasSuffix("/" + name) }.count
        }
    }

    private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    private func article(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\nsource: Wire\npublished: 2021-04-02\n---\n\n\(body)\n"
    }

    func testWatchReportsEachChangeAsOneJSONLineAndKeepsTheIndex() throws {
        let folder = try temporaryFolder()
        let index = try temporaryFolder().appendingPathComponent("index.sqlite").path
        try article("Already there", "Troops gathered near Kharkiv on Monday.").write(to: folder.appendingPathComponent("old.txt"), atomically: true, encoding: .utf8)

        let process = try start(["watch", "--json", "--index", index, folder.path])
        let lines = Lines(process.outputPath), errors = Lines(process.errorsPath)
        XCTAssertTrue(eventually(60) { errors.raw.contains("watching 1 folder") }, "watch did not start")

        // An atomic rename: written under a temporary name, then moved into place.
        let temporary = folder.appendingPathComponent("renamed.txt.part")
        try article("Landed whole", "Talks resumed in Geneva over the Donbas.").write(to: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent("renamed.txt"))
        XCTAssertTrue(eventually(30) { lines.count("added", "renamed.txt") == 1 }, "\(lines.changes)")

        // A slow writer: the article is read once, whole, after it is closed.
        let slow = folder.appendingPathComponent("slow.txt").path
        let fd = open(slow, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        for chunk in [article("Written slowly", "The first paragraph arrives."), "\nThe second paragraph names Odesa.\n", "\nThe last paragraph names Sevastopol.\n"] {
            let bytes = Array(chunk.utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            usleep(400_000)
        }
        XCTAssertEqual(lines.count("added", "slow.txt"), 0, "nothing read while the file is open")
        close(fd)
        XCTAssertTrue(eventually(30) { lines.count("added", "slow.txt") == 1 }, "\(lines.changes)")

        // A new subfolder, and a delete.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tuesday"), withIntermediateDirectories: true)
        usleep(300_000)
        try article("In a new folder", "Shelling was reported in Mariupol.").write(to: folder.appendingPathComponent("tuesday/new.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("old.txt"))
        XCTAssertTrue(eventually(30) { lines.count("added", "new.txt") == 1 && lines.count("removed", "old.txt") == 1 }, "\(lines.changes)")

        // A burst of 2,000 files.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("burst"), withIntermediateDirectories: true)
        usleep(300_000)
        for k in 0..<2000 {
            try article("Burst \(k)", "Report \(k) from the front line near Bakhmut.")
                .write(to: folder.appendingPathComponent(String(format: "burst/%04d.txt", k)), atomically: false, encoding: .utf8)
        }
        XCTAssertTrue(eventually(240) { lines.changes.filter { $0["change"] == "added" && ($0["path"] ?? "").contains("/burst/") }.count >= 2000 },
                      "\(lines.changes.count) lines so far")
        usleep(500_000)
        let burst = lines.changes.filter { ($0["path"] ?? "").contains("/burst/") }
        XCTAssertEqual(burst.count, 2000, "each file once")
        XCTAssertEqual(Set(burst.compactMap { $0["path"] }).count, 2000)
        XCTAssertFalse(lines.changes.contains { $0["change"] == "error" }, "\(lines.changes.filter { $0["change"] == "error" })")

        process.signal(SIGTERM)
        XCTAssertEqual(process.wait(30), 0, "watch ends cleanly on SIGTERM: \(errors.raw)")

        // The index the watcher kept answers queries with the complete slow file and without the deleted one.
        let query = try sitrep(["query", "--json", "--index", index, folder.path, "--region", "Crimea"])
        let found = try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(found.compactMap { $0["title"] as? String }, ["Written slowly"], query.stderr)
        let all = try sitrep(["query", "--json", "--index", index, folder.path])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [Any]).count, 2003)
    }
}

