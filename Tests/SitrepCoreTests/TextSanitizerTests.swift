import XCTest
@testable import SitrepCore

final class TextSanitizerTests: XCTestCase {
    func testTerminalSequencesAreRemoved() {
        XCTAssertEqual(TextSanitizer.stripControls("a\u{1B}]0;title\u{07}b\u{1B}]2;t\u{1B}\\c"), "abc")
        XCTAssertEqual(TextSanitizer.stripControls("\u{1B}[2J\u{1B}[H\u{1B}[1;31mred\u{1B}[0m"), "red")
        XCTAssertEqual(TextSanitizer.stripControls("x\u{9B}31my\u{9D}0;t\u{9C}z"), "xyz")
        XCTAssertEqual(TextSanitizer.stripControls("keep\ttabs\nand lines\r\nCRLF\rCR"), "keep\ttabs\nand lines\nCRLF\nCR")
        XCTAssertEqual(TextSanitizer.stripControls("bell\u{07} nul\u{0} del\u{7F} done"), "bell nul del done")
    }

    func testStrayEscapeKeepsTheFollowingText() {
        XCTAssertEqual(TextSanitizer.stripControls("a\u{1B}7b"), "ab")
        XCTAssertEqual(TextSanitizer.stripControls("end\u{1B}"), "end")
    }

    /// `forEachScalar` decodes UTF-8 itself: it must give exactly `unicodeScalars`, for scalars
    /// of one to four bytes, at the edges of each length, in any order.
    /// `trimmingSpaces` must trim exactly what Foundation's `trimmingCharacters` trims, for
    /// every space, line break and look-alike, including a space a combining mark follows.
    func testTrimmingSpacesMatchesFoundation() {
        let pieces: [String] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}",
                                "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
                                "\u{FEFF}", "\u{301}", "a", "Kyiv", "é", "\u{1F1FA}\u{1F1E6}", ".", "\u{0}", "—"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces + ["", "   ", " \u{301}abc \u{301}", "\r\n", "abc"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            XCTAssertEqual(text.trimmingSpaces(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
            XCTAssertEqual(text.trimmingSpaces(newlines: true), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            let inner = ("x" + text + "y").dropFirst().dropLast()
            XCTAssertEqual(inner.trimmingSpaces(), inner.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testForEachScalarMatchesUnicodeScalars() {
        let edges: [UInt32] = [0x0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x2019, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                               0x10000, 0x1F1FA, 0x1F600, 0x10FFFF]
        var random = BenchCorpus.SplitMix(seed: 0x5CA1_AB1E)
        for round in 0..<2_000 {
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<random.below(40) {
                let value: UInt32
                switch random.below(5) {
                case 0: value = edges[random.below(edges.count)]
                case 1: value = UInt32(random.below(0x80))
                case 2: value = 0x80 + UInt32(random.below(0x800 - 0x80))
                case 3: value = 0x800 + UInt32(random.below(0xD800 - 0x800))
                default: value = 0x10000 + UInt32(random.below(0x110000 - 0x10000))
                }
                scalars.append(Unicode.Scalar(value)!)
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            var seen: [Unicode.Scalar] = []
            text.forEachScalar { seen.append($0) }
            XCTAssertEqual(seen, Array(text.unicodeScalars), "round \(round)")
            XCTAssertEqual(seen, scalars, "round \(round)")
            // And back: scalars encoded straight into a string, whole and a slice of them.
            XCTAssertEqual(String(scalars: scalars[...]), text, "round \(round)")
            let cut = scalars.isEmpty ? 0 : random.below(scalars.count)
            XCTAssertEqual(Array(String(scalars: scalars[cut...]).unicodeScalars), Array(scalars[cut...]), "round \(round)")
            // Stopping early: at the first scalar above U+FFFF, having seen exactly those before it.
            var before: [Unicode.Scalar] = []
            let stopped = text.scanScalars { scalar in
                if scalar.value > 0xFFFF { return true }
                before.append(scalar)
                return false
            }
            let firstWide = scalars.firstIndex { $0.value > 0xFFFF }
            XCTAssertEqual(stopped, firstWide != nil, "round \(round)")
            XCTAssertEqual(before, Array(scalars[..<(firstWide ?? scalars.count)]), "round \(round)")
        }
    }
}
