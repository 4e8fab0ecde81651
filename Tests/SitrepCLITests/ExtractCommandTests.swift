import Foundation
import XCTest

/// `sitrep extract`, run as a user runs it.
final class ExtractCommandTests: CLITestCase {
    func testExtractJSONContractOnSampleData() throws {
        let run = try sitrep(["extract", "--json", "sample-data"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let articles = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(articles.count, 5)
        for article in articles {
            for key in ["path", "title", "source", "published", "publishedFrom", "body", "entities", "dates", "quotes"] {
                XCTAssertNotNil(article[key], "missing \(key)")
            }
            XCTAssertEqual(article["publishedFrom"] as? String, "front-matter")
            XCTAssertNotNil(article["entities"] as? [Any])
            XCTAssertNotNil(article["quotes"] as? [Any])
            let body = Array((article["body"] as! String).unicodeScalars)
            for date in article["dates"] as! [[String: Any]] {
                let start = date["start"] as! Int, end = date["end"] as! Int
                XCTAssertEqual(String(String.UnicodeScalarView(body[start..<end])), date["text"] as? String)
                XCTAssertNotNil((date["date"] as? String).flatMap { $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) })
            }
        }
        let unian = try XCTUnwrap(articles.first { ($0["source"] as? String) == "UNIAN" })
        XCTAssertEqual(unian["published"] as? String, "2021-04-13")
        XCTAssertTrue((unian["dates"] as! [[String: Any]]).contains { $0["text"] as? String == "April 13" && $0["date"] as? String == "2021-04-13" })
    }

    func testSourceIsNullWhenUnknown() throws {
        let folder = try temporaryFolder()
        try "Headline here\n\nA story with no outlet named anywhere in it.".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let run = try sitrep(["extract", "--json", folder.path])
        XCTAssertTrue(run.stdout.contains("\"source\": null"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\"publishedFrom\": \"file\""))
    }

    func testBadFilesGetOneLineEachAndTheOthersAreRead() throws {
        let folder = try temporaryFolder()
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: folder.appendingPathComponent("binary.txt"))
        try "{ not json".write(to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        try "Good headline\n\nA good story about the harbour in Gdansk.".write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        let run = try sitrep(["extract", "--json", folder.path])
        XCTAssertEqual(run.status, 0)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, run.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("sitrep: error: \(folder.path)/empty.txt: empty file") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("sitrep: error: \(folder.path)/binary.txt: binary file") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("sitrep: error: \(folder.path)/broken.json: invalid JSON") })
        let articles = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(articles.map { $0["title"] as? String }, ["Good headline"])
    }

    func testNothingReadableExitsNonZeroWithAMessage() throws {
        let folder = try temporaryFolder()
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let run = try sitrep(["extract", "--json", folder.path + "/empty.txt", folder.path + "/missing.txt"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.hasSuffix("sitrep: error: no article could be read from 1 file\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("missing.txt: no such file or folder"))
    }

    func testExplainListsDroppedDebris() throws {
        let run = try sitrep(["extract", "--explain", "sample-data/2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("dropped advertising:"))
        XCTAssertTrue(run.stderr.contains("dropped related:") && run.stderr.contains("Latest Headlines"))
        XCTAssertTrue(run.stdout.contains("title:     Blinken: U.S. supports Ukraine against Russian aggression"))
    }
}
