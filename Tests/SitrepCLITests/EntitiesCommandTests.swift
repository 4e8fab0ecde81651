import Foundation
import XCTest

/// `sitrep entities`, run as a user runs it.
final class EntitiesCommandTests: CLITestCase {
    /// The raw seed texts (sample-data without front matter) in a folder.
    private func rawSeeds() throws -> URL {
        let folder = try temporaryFolder()
        let sample = Self.packageRoot.appendingPathComponent("sample-data")
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            let body = text.components(separatedBy: "\n").dropFirst(5).joined(separator: "\n")
            try body.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    func testOneObjectPerReferentWithCounts() throws {
        let result = try sitrep(["entities", "--json", try rawSeeds().path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let entities = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        func entity(_ name: String) -> [String: Any]? { entities.first { $0["name"] as? String == name } }

        let blinken = try XCTUnwrap(entity("Antony Blinken"))
        XCTAssertEqual(blinken["kind"] as? String, "person")
        XCTAssertEqual(blinken["articles"] as? Int, 4)
        XCTAssertTrue((blinken["aliases"] as? [String])?.contains("Anthony Blinken") == true)
        XCTAssertEqual(entity("Dmitry Peskov")?["articles"] as? Int, 3)
        XCTAssertEqual(entity("Kyiv")?["articles"] as? Int, 4)
        XCTAssertEqual(entity("Kyiv")?["parent"] as? String, "Ukraine")
        XCTAssertEqual(entity("Donbas")?["parent"] as? String, "Ukraine")
        XCTAssertEqual(entity("Ukraine")?["articles"] as? Int, 5)
        XCTAssertEqual(entity("Kremlin")?["kind"] as? String, "organization")
        for variant in ["Anthony Blinken", "Blinken", "Dmitri Peskov", "Zelenskyy", "Nato", "Kiev", "Donbass",
                        "Spain", "Elon Musk", "Brexit", "Thursday", "Advertisement", "Javelin", "Still", "Footage"] {
            XCTAssertNil(entity(variant), "\(variant) should not be an entity of its own")
        }
        let names = entities.map { "\($0["kind"]!):\($0["name"]!)" }
        XCTAssertEqual(names.count, Set(names).count, "one object per referent")
    }
}

/// `sitrep stories`: the sample articles' two reports of the 31 March call are one story.
final class StoriesCommandTests: CLITestCase {
    func testStoriesJSONGroupsTheTwoReportsOfTheCall() throws {
        let run = try sitrep(["stories", "--json", "sample-data"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let stories = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(stories.count, 4)
        func sources(_ story: [String: Any]) -> Set<String> {
            Set((story["items"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String })
        }
        XCTAssertTrue(stories.contains { sources($0) == ["Daily Mail", "The Independent"] }, "\(stories.map(sources))")
        XCTAssertTrue(stories.contains { sources($0) == ["The Moscow Times"] })
        XCTAssertEqual(stories.first?["last"] as? String, "2021-11-23", "newest story first")
        let text = try sitrep(["stories", "sample-data"])
        XCTAssertTrue(text.stdout.contains("2 articles"), text.stdout)
    }
}
