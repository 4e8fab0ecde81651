import Foundation
import XCTest

/// `sitrep query` and `sitrep timeline` on the five seed articles as scraped: the raw texts
/// without front matter, so titles, sources and dates are inferred.
final class QueryCommandTests: CLITestCase {
    private var rawSeeds: URL!

    override func setUpWithError() throws {
        rawSeeds = try temporaryFolder()
        let sample = Self.packageRoot.appendingPathComponent("sample-data")
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            // Drop the front matter: everything up to the second "---" line.
            let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
            XCTAssertFalse(body.isEmpty, name)
            try body.write(to: rawSeeds.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// The paths `query --json` prints, in order.
    private func query(_ arguments: [String], in folder: String? = nil) throws -> [String] {
        let run = try sitrep(["query", "--json", folder ?? rawSeeds.path] + arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return array.compactMap { $0["path"] as? String }
    }

    private func texts(_ paths: [String]) throws -> [String] {
        try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
    }

    func testActorMatchesEverySpellingOfBlinken() throws {
        let byName = try query(["--actor", "Blinken"])
        XCTAssertEqual(byName.count, 4)
        XCTAssertEqual(try query(["--actor", "Anthony Blinken"]), byName)
        XCTAssertEqual(try query(["--actor", "antony blinken"]), byName)
        XCTAssertTrue(try texts(byName).allSatisfy { $0.contains("Blinken") })
    }

    func testActorPeskovAndRegionsWithTheirInsides() throws {
        let peskov = try query(["--actor", "Peskov"])
        XCTAssertEqual(peskov.count, 3)
        XCTAssertTrue(try texts(peskov).allSatisfy { $0.contains("Peskov") })
        XCTAssertEqual(try query(["--region", "Donbas"]).count, 4)
        XCTAssertEqual(try query(["--region", "Donbass"]).count, 4)
        XCTAssertEqual(try query(["--region", "Ukraine"]).count, 5)
        let luhansk = try query(["--region", "Luhansk"])
        XCTAssertEqual(luhansk.count, 2)
        XCTAssertTrue(try texts(luhansk).allSatisfy { $0.contains("Luhansk") })
        XCTAssertEqual(try query(["--region", "Kiev"]), try query(["--region", "Kyiv"]))
    }

    func testSourceTextAndCombinedFilters() throws {
        let upi = try query(["--source", "UPI"])
        XCTAssertEqual(upi.count, 1)
        XCTAssertTrue(try texts(upi)[0].contains("(UPI)"))
        let javelin = try query(["Javelin"])
        XCTAssertEqual(javelin.count, 1)
        XCTAssertTrue(try texts(javelin)[0].contains("Javelin"))
        XCTAssertEqual(try query(["--actor", "Kremlin", "--region", "Crimea"]).count, 3)
        // The query language says the same as the options.
        XCTAssertEqual(try query(["actor:Kremlin region:Crimea"]), try query(["--actor", "Kremlin", "--region", "Crimea"]))
        // A negated term removes what it matches.
        let notUPI = try query(["actor:\"Anthony Blinken\" -source:UPI"])
        XCTAssertEqual(Set(notUPI), Set(try query(["--actor", "Blinken"])).subtracting(upi))
    }

    func testSinceOnSampleDataAndNewestFirst() throws {
        let since = try query(["--since", "2021-05-01"], in: "sample-data")
        XCTAssertEqual(since.count, 2)
        let all = try sitrep(["query", "--json", "sample-data"])
        let days = (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["published"] as? String }
        XCTAssertEqual(days.count, 5)
        XCTAssertEqual(days, days.sorted(by: >))
    }

    func testUnknownNameIsOneLineWithSuggestions() throws {
        let run = try sitrep(["query", "--json", rawSeeds.path, "--actor", "Blinkn"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        let line = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(line.contains("no actor called \"Blinkn\""), line)
        XCTAssertTrue(line.contains("Antony Blinken"), line)
        let bad = try sitrep(["query", rawSeeds.path, "--since", "yesterday-ish"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("YYYY-MM-DD"), bad.stderr)
    }

    func testTimelineCountsPerDay() throws {
        let run = try sitrep(["timeline", "--json", "sample-data"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let buckets = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(buckets.compactMap { $0["articles"] as? Int }.reduce(0, +), 5)
        let days = buckets.compactMap { $0["day"] as? String }
        XCTAssertEqual(days, days.sorted())
        let filtered = try sitrep(["timeline", "--json", "sample-data", "--since", "2021-05-01"])
        let after = try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(after.compactMap { $0["articles"] as? Int }.reduce(0, +), 2)
    }
}
