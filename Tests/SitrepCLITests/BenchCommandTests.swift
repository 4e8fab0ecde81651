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
        // Each kind names its slowest query, whose slowest round bounds the kind's p99.
        let queries = try XCTUnwrap(object["queries"] as? [String: [String: Any]])
        XCTAssertEqual(Set(queries.keys), ["actor", "region", "text", "combined"])
        for (kind, measured) in queries {
            let slowest = try XCTUnwrap(measured["slowest"] as? [String: Any], kind)
            XCTAssertFalse((slowest["query"] as? String ?? "").isEmpty, kind)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(slowest["maxMs"] as? Double), try XCTUnwrap(measured["p99Ms"] as? Double), kind)
        }
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

    /// A kept folder is reused by the next run of the same size and seed: generating and
    /// ingesting are skipped, the rest measured again on the same corpus.
    func testAKeptCorpusIsReusedAndPhasesCanBeLeftOut() throws {
        let kept = try temporaryFolder().path + "/kept"
        let arguments = ["bench", "--articles", "200", "--json", "--keep", kept, "--skip", "extract,stories,watch"]
        let first = try sitrep(arguments, timeout: 600)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any], first.stdout)
        XCTAssertEqual(before["reused"] as? Bool, false)
        XCTAssertNotNil(before["ingestArticlesPerSecond"] as? Double)
        XCTAssertNil(before["extractArticlesPerSecond"], "extraction was left out")
        XCTAssertNil(before["watchP99Ms"], "watching was left out")
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept + "/index.sqlite"), "the index is kept")
        let second = try sitrep(arguments, timeout: 600)
        XCTAssertEqual(second.status, 0, second.stderr)
        let after = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any], second.stdout)
        XCTAssertEqual(after["reused"] as? Bool, true)
        XCTAssertNil(after["ingestArticlesPerSecond"], "nothing was ingested: the index was kept")
        XCTAssertEqual(after["indexedArticles"] as? Int, 200)
        XCTAssertGreaterThan(try XCTUnwrap(after["distinctEntities"] as? Int), 100, "the snapshot measured holds the corpus's entities")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kept).filter { $0.contains("corrupt") }, [],
                       "timing start-up in other processes leaves the index whole")
        XCTAssertEqual(try XCTUnwrap(after["frameP99Ms"] as? Double) > 0, true)
        // Another size is not the kept corpus: it is generated afresh.
        let other = try sitrep(["bench", "--articles", "250", "--json", "--keep", kept, "--skip", "extract,stories,watch"], timeout: 600)
        XCTAssertEqual(other.status, 0, other.stderr)
        let fresh = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(other.stdout.utf8)) as? [String: Any], other.stdout)
        XCTAssertEqual(fresh["reused"] as? Bool, false)
        XCTAssertEqual(fresh["indexedArticles"] as? Int, 250)
    }

    func testAnUnknownPhaseIsAOneLineError() throws {
        let run = try sitrep(["bench", "--skip", "stories,drawing"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("--skip: no phase called drawing"), run.stderr)
    }
}
