import Foundation
import XCTest
@testable import SitrepCore

final class EntityTaggerTests: XCTestCase {
    /// The CoNLL-2003 folder: $SITREP_CONLL_DIR, else ../shared/data/conll2003 beside the project.
    static var conllDirectory: String {
        if let dir = ProcessInfo.processInfo.environment["SITREP_CONLL_DIR"] { return dir }
        return URL(fileURLWithPath: Fixtures.sampleData).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/conll2003").path
    }

    func testShippedModelScoresAtLeast085F1OnCoNLLDevelopmentSet() throws {
        let testa = Self.conllDirectory + "/eng.testa"
        guard FileManager.default.fileExists(atPath: testa) else {
            throw XCTSkip("CoNLL-2003 eng.testa not found at \(testa) (set SITREP_CONLL_DIR); the F1 check needs it")
        }
        let tagger = try EntityTagger.shipped()
        let (overall, byType) = CoNLL.evaluate(tagger, on: try CoNLL.read(path: testa))
        print("eng.testa PER/ORG/LOC: \(overall)")
        for (type, score) in byType.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { print("  \(type.conllName): \(score)") }
        XCTAssertGreaterThanOrEqual(overall.f1, 0.85)
        XCTAssertEqual(overall.gold, 5020, "every PER/ORG/LOC mention of eng.testa is counted")
    }

    func testTagsNamesInNewsSentences() throws {
        let tagger = try EntityTagger.shipped()
        func entities(_ sentence: String) -> [String] {
            let words = sentence.split(separator: " ").map(String.init)
            return tagger.tag(words).map { "\($0.type.conllName):" + words[$0.range].joined(separator: " ") }
        }
        XCTAssertEqual(entities("Secretary of State Antony Blinken spoke with Ukrainian Foreign Minister Dmytro Kuleba on Wednesday ."),
                       ["PER:Antony Blinken", "MISC:Ukrainian", "PER:Dmytro Kuleba"])
        XCTAssertTrue(entities("Russia moved troops toward Crimea , officials in Kiev said .").contains("LOC:Kiev"))
    }

    func testModelRoundTripsThroughItsFileFormat() throws {
        let tagger = try EntityTagger.shipped()
        let data = tagger.serialized(scale: tagger.weights.map(abs).max()! / 32767)
        let reloaded = try EntityTagger.load(data)
        let words = "NATO Secretary General Jens Stoltenberg met officials in Brussels .".split(separator: " ").map(String.init)
        XCTAssertEqual(reloaded.tag(words).map(\.range), tagger.tag(words).map(\.range))
    }

    func testTruncatedModelIsRefused() throws {
        let data = try Data(contentsOf: Self.shippedModelURL())
        XCTAssertThrowsError(try EntityTagger.load(data.prefix(data.count / 2)))
        XCTAssertThrowsError(try EntityTagger.load(Data("not a model".utf8)))
    }

    static func shippedModelURL() -> URL {
        URL(fileURLWithPath: Fixtures.sampleData).deletingLastPathComponent()
            .appendingPathComponent("Sources/SitrepCore/Resources/entity-tagger.model")
    }
}

final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] { Tokenizer.tokens(text).map(\.text) }

    func testAbbreviationsStayWhole() {
        XCTAssertEqual(words("U.S. Gen. Mark Milley and Mr. Blinken met Sec[retary] Blinken."),
                       ["U.S.", "Gen.", "Mark", "Milley", "and", "Mr.", "Blinken", "met", "Sec", "[", "retary", "]", "Blinken", "."])
    }

    func testPossessivesQuotesAndDashes() {
        XCTAssertEqual(words("Kyiv’s “unwavering” support — Russia's 'threat'"),
                       ["Kyiv", "’s", "“", "unwavering", "”", "support", "—", "Russia", "'s", "'", "threat", "'"])
        XCTAssertEqual(words("May 7 (UPI) -- Russia-backed"), ["May", "7", "(", "UPI", ")", "--", "Russia-backed"])
    }

    func testNumbersURLsAndHandles() {
        XCTAssertEqual(words("Some 100,000 troops, 3.5 km, at https://example.org/a?b=1. Follow @SecBlinken #Ukraine"),
                       ["Some", "100,000", "troops", ",", "3.5", "km", ",", "at", "https://example.org/a?b=1", ".", "Follow", "@SecBlinken", "#Ukraine"])
    }

    func testBulletsAndOffsets() {
        let text = "• Kyiv said 🇺🇦 ok"
        let tokens = Tokenizer.tokens(text)
        XCTAssertEqual(tokens.map(\.text), ["•", "Kyiv", "said", "🇺", "🇦", "ok"])
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[token.start..<token.end])), token.text)
        }
    }

    func testSentences() {
        let text = "Blinken met Gen. Milley in the U.S. capital. “It was not clear,” an official said. Russia denied it!\n\nA new paragraph"
        let tokens = Tokenizer.tokens(text)
        let sentences = Tokenizer.sentences(tokens).map { tokens[$0].map(\.text).joined(separator: " ") }
        XCTAssertEqual(sentences, ["Blinken met Gen. Milley in the U.S. capital .",
                                   "“ It was not clear , ” an official said .",
                                   "Russia denied it !",
                                   "A new paragraph"])
    }
}
