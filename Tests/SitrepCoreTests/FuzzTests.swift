import Foundation
import XCTest
@testable import SitrepCore

/// Mutation fuzzing with a fixed seed: the sample articles (and a few formats) cut, spliced,
/// flipped and salted with hostile bytes, fed to the readers, the cleaner, the front-matter
/// parser, the tokenizer, the extractors and the query parser. Nothing may crash, and what they
/// return must hold together (offsets inside the text they point into). A failing input is
/// printed, to be kept as a fixture.
final class FuzzTests: XCTestCase {
    /// SplitMix64 (the bench corpus's generator): the same inputs on every run.
    typealias Random = BenchCorpus.SplitMix

    static let salt: [[UInt8]] = [
        [0x00], [0xFF], [0xC3], [0xE2, 0x80], [0x1B, 0x5B, 0x32, 0x4A], [0x0A, 0x0A], [0x0D], Array("---\n".utf8), Array("“".utf8),
        Array("”".utf8), Array("‘".utf8), Array("’".utf8), Array("\"".utf8), Array("<div>".utf8), Array("</p>".utf8), Array("{\"a\":[".utf8),
        Array("Mr.".utf8), Array(" U.S. ".utf8), Array("March 31, 2021".utf8), Array("last Friday".utf8), Array("said Peskov".utf8),
        Array("🇺🇦".utf8), Array("e\u{301}".utf8), Array("\u{200B}".utf8), Array("\u{FEFF}".utf8),
    ]

    static func mutate(_ input: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(8)) {
            let at = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.insert(contentsOf: salt[random.below(salt.count)], at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + random.below(200))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let from = random.below(bytes.count), length = min(bytes.count - from, random.below(300))
                bytes.insert(contentsOf: bytes[from..<from + length], at: at)
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            }
        }
        return bytes
    }

    func testMutatedArticlesNeverCrashAndStayConsistent() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleData).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: (Fixtures.sampleData as NSString).appendingPathComponent($0)))
        }.map { [UInt8]($0) } + [
            Array(#"[{"title": "A", "source": {"name": "Wire"}, "publishedAt": "2021-04-02T10:00:00Z", "content": "Talks in Kyiv on Tuesday, Peskov said."}]"#.utf8),
            Array("<html><head><title>T | Site</title></head><body><h1>Head</h1><p>“We will not retreat,” said Dmytro Kuleba in Kyiv.</p></body></html>".utf8),
        ]
        let extensions = ["txt", "txt", "txt", "txt", "txt", "json", "html"]
        let extractor = EntityExtractor(tagger: try EntityTagger.shipped())
        let reader = ArticleReader()
        let folder = TestFolder()
        var random = Random(seed: 2021)
        // 300 rounds in the suite; SITREP_FUZZ_ROUNDS=N (and SITREP_FUZZ_SEED) for a longer run.
        let rounds = ProcessInfo.processInfo.environment["SITREP_FUZZ_ROUNDS"].flatMap(Int.init) ?? 300
        random.state = ProcessInfo.processInfo.environment["SITREP_FUZZ_SEED"].flatMap(UInt64.init) ?? random.state
        for round in 0..<rounds {
            let pick = random.below(seeds.count)
            let input = Self.mutate(seeds[pick], &random)
            let path = folder.write("fuzz-\(round).\(extensions[pick])", Data(input))
            let outcome = reader.read(path: path)
            for article in outcome.articles {
                let scalars = Array(article.body.unicodeScalars)
                for date in article.dates {
                    XCTAssertTrue(date.start >= 0 && date.start <= date.end && date.end <= scalars.count, "round \(round): date offsets")
                }
                let entities = extractor.entities(in: article.body)
                for entity in entities {
                    for mention in entity.mentions {
                        guard mention.start >= 0, mention.start <= mention.end, mention.end <= scalars.count else {
                            XCTFail("round \(round): mention offsets outside the body; input kept at \(path)")
                            continue
                        }
                        XCTAssertEqual(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])), mention.text, "round \(round)")
                    }
                }
                for quote in QuoteFinder.find(in: article.body, entities: entities) {
                    XCTAssertTrue(quote.start >= 0 && quote.start <= quote.end && quote.end <= scalars.count, "round \(round): quote offsets")
                }
            }
            try? FileManager.default.removeItem(atPath: path)
            // The text itself, straight into the tokenizer and the front-matter parser.
            let text = String(decoding: input, as: UTF8.self)
            let tokens = Tokenizer.tokens(text)
            let count = text.unicodeScalars.count
            XCTAssertTrue(tokens.allSatisfy { $0.start >= 0 && $0.start <= $0.end && $0.end <= count }, "round \(round): token offsets")
            _ = FrontMatter.split(text)
            _ = RelativeDates.find(in: text, reference: CalendarDay(year: 2021, month: 4, day: 1)!)
        }
    }

    func testMutatedQueriesParseOrFailWithAMessage() {
        let seeds = [#"actor:"Anthony Blinken" -source:UPI region:Crimea "Black Sea" -Javelin since:2021-04-01"#,
                     "region:Donbas until:2021-05-01 sanction*", #"actor:Peskov OR "Kremlin" -"#]
        var random = Random(seed: 7)
        for _ in 0..<2000 {
            let text = String(decoding: Self.mutate(Array(seeds[random.below(seeds.count)].utf8), &random), as: UTF8.self)
            do {
                let query = try Query.parse(text)
                // What parses prints back to something that parses to the same query.
                XCTAssertEqual(try? Query.parse(query.description), query, text)
            } catch {
                XCTAssertFalse("\(error)".isEmpty)
                XCTAssertFalse("\(error)".contains("\n"), "one line: \(error)")
            }
        }
    }
}
