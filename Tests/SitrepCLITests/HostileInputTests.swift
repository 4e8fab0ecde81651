import Foundation
import XCTest

/// A folder of hostile files beside good ones, indexed by the real binary: nothing crashes or
/// hangs, each bad file gets one reason on one line, and every good article is in the index.
final class HostileInputTests: CLITestCase {
    private func write(_ folder: URL, _ name: String, _ data: Data) throws {
        try data.write(to: folder.appendingPathComponent(name))
    }

    private func article(_ k: Int) -> String {
        "---\ntitle: Good \(k)\nsource: Wire\npublished: 2021-04-0\(k % 9 + 1)\n---\n\nForeign ministers met in Kyiv on Tuesday to discuss the Donbas, officials said. Report \(k).\n"
    }

    func testAHostileFolderIsIndexedWithOneReasonPerBadFile() throws {
        let folder = try temporaryFolder()
        for k in 0..<5 { try write(folder, "good-\(k).txt", Data(article(k).utf8)) }
        // Names with a newline and with escape sequences are still good articles.
        try write(folder, "name\nwith newline.txt", Data(article(90).utf8))
        try write(folder, "esc\u{1B}[31mred\u{1B}]0;pwned\u{07}.txt", Data(article(91).utf8))

        try write(folder, "empty.txt", Data())
        var generator = SystemRandomNumberGenerator()
        try write(folder, "binary.txt", Data((0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try write(folder, "nul.txt", Data("Headline\n\nText with\u{0}NUL bytes\u{0} in Kyiv.\n".utf8))
        try write(folder, "invalid-utf8.txt", Data("Headline here\n\nTalks in Kyiv ".utf8) + Data([0xFF, 0xFE]) + Data(" resumed on Monday, officials said.\n".utf8))
        // 60 MB, over the 32 MB limit; a 10 MB single line, under it.
        let line = Data((String(repeating: "Troops moved near Kharkiv as talks stalled. ", count: 1000) + "\n\n").utf8)
        let huge = FileManager.default.createFile(atPath: folder.appendingPathComponent("huge.txt").path, contents: nil)
        XCTAssertTrue(huge)
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("huge.txt"))
        for _ in 0...(60 * 1024 * 1024 / line.count) { handle.write(line) }
        try handle.close()
        try write(folder, "one-line.txt", Data("A headline\n\n".utf8) + Data(String(repeating: "word ", count: 10 * 1024 * 1024 / 5).utf8))
        try write(folder, "deep.json", Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8))
        try write(folder, "malformed.json", Data(#"{"title": "Broken", "content": "Unclosed string}"#.utf8))
        try write(folder, "bad-front.md", Data("---\ntitle: [unclosed\nsource Wire\n\nBody text about Odesa and the Black Sea, officials said.\n".utf8))
        try write(folder, "nested.html", Data(("<html><body>" + String(repeating: "<div>", count: 100_000) + "Talks in Kyiv resumed on Monday, officials said."
                                               + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8))
        var jsonl = ""
        for k in 0..<5000 {
            jsonl += k == 2500 ? "{\"title\": \"bad line\", \n"
                : "{\"title\": \"Line \(k)\", \"source\": \"Feed\", \"publishedAt\": \"2021-04-02\", \"content\": \"Shelling near Mariupol was reported in dispatch \(k), officials said.\"}\n"
        }
        try write(folder, "feed.jsonl", Data(jsonl.utf8))
        // A link back to the folder itself, and a link to itself.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")

        let index = try temporaryFolder().appendingPathComponent("index.sqlite").path
        let run = try sitrep(["index", "--index", index, folder.path], timeout: 600)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("\u{1B}") || run.stdout.contains("\u{1B}"), "no raw escape sequence reaches the terminal")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        // One line per bad file, each naming it with its reason.
        let expected: [(String, String)] = [
            ("empty.txt", "empty file"), ("binary.txt", "binary file"), ("nul.txt", "binary file"), ("invalid-utf8.txt", "invalid UTF-8"),
            ("huge.txt", "too large"), ("deep.json", "nested deeper"), ("malformed.json", "invalid JSON"),
            ("bad-front.md", "never closed"), ("feed.jsonl", "line 2501: invalid JSON"), ("self.txt", "leads nowhere"),
        ]
        for (name, reason) in expected {
            let matching = lines.filter { $0.contains("/" + name + ":") }
            XCTAssertEqual(matching.count, 1, "\(name): \(matching)")
            XCTAssertTrue(matching.first?.contains(reason) ?? false, "\(name): \(matching)")
        }
        XCTAssertEqual(lines.count, expected.count, "nothing else, and nothing twice through the loop: \(lines)")

        // Every good article is in the index: the seven files, the four readable odd ones, and 4,999 JSONL lines.
        let query = try sitrep(["query", "--json", "--index", index, folder.path], timeout: 600)
        XCTAssertEqual(query.status, 0, query.stderr)
        let found = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(found.filter { ($0["source"] as? String) == "Feed" }.count, 4999)
        XCTAssertEqual(found.filter { ($0["title"] as? String)?.hasPrefix("Good ") ?? false }.count, 7)
        XCTAssertEqual(found.count, 4999 + 7 + 4, "\(found.count)")
    }
}
