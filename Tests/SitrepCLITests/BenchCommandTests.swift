import Foundation
import XCTest

/// `sitrep bench`, run as a user runs it: every measure reported, and nothing left behind.
final class BenchCommandTests: CLITestCase {
    func testBenchMeasuresEveryStageAndLeavesNothingBehind() throws {
        let scratch = try temporaryFolder()
        let run = try sitrep(["bench", "--articles", "200", "--json"], environment: ["TMPDIR": scratch.path + "/"], timeout: 600)
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
        XCTAssertEqual(object["articles"] as? Int, 200)
        XCTAssertEqual(object["indexedArticles"] as? Int, 200, "every generated article is in the index")
        for key in ["extractArticlesPerSecond", "ingestArticlesPerSecond", "coldStartSeconds", "queryP50Ms", "queryP99Ms", "frameP99Ms",
                    "watchP50Ms", "watchP99Ms", "peakRSSMB"] {
            let value = try XCTUnwrap(object[key] as? Double, key)
            XCTAssertTrue(value.isFinite && value > 0, "\(key): \(value)")
        }
        XCTAssertLessThanOrEqual(try XCTUnwrap(object["queryP50Ms"] as? Double), try XCTUnwrap(object["queryP99Ms"] as? Double))
        XCTAssertLessThanOrEqual(try XCTUnwrap(object["watchP50Ms"] as? Double), try XCTUnwrap(object["watchP99Ms"] as? Double))
        XCTAssertEqual(object["watchFiles"] as? Int, 60)
        let formats = try XCTUnwrap(object["formats"] as? [String: Int])
        XCTAssertEqual(Set(formats.keys), ["txt", "txt-raw", "md", "html", "json", "jsonl"])
        let machine = try XCTUnwrap(object["machine"] as? [String: Any])
        XCTAssertEqual(machine["cores"] as? Int, ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "the corpus and its index are removed")
        XCTAssertFalse(run.stderr.contains("\r"), "no progress line when stderr is not a terminal")
    }

    func testTooFewArticlesIsAOneLineError() throws {
        let run = try sitrep(["bench", "--articles", "10"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("--articles must be at least 200 (got 10)"), run.stderr)
    }
}
