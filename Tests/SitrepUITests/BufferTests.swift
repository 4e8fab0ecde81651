import XCTest
@testable import SitrepCore
@testable import SitrepUI

final class BufferTests: XCTestCase {
    func testWritingIsClippedToTheRectangle() {
        var buffer = Buffer(width: 10, height: 2)
        buffer.write("Hello, analyst", x: 2, y: 0, clip: Rect(x: 2, y: 0, width: 5, height: 1))
        XCTAssertEqual(buffer.lines, ["  Hello   ", "          "])
    }

    func testWideCharactersTakeTwoColumnsAndNeverSplit() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("新闻报道", x: 0, y: 0)
        XCTAssertEqual(buffer.lines, ["新闻报"])
        XCTAssertTrue(buffer[1, 0].isContinuation)
        var narrow = Buffer(width: 4, height: 1)
        narrow.write("|新闻", x: 0, y: 0)
        XCTAssertEqual(narrow.lines, ["|新 "], "a wide character that does not fit is not half-drawn")
    }

    func testEmojiAndCombiningMarks() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("🇺🇦 e\u{301}!", x: 0, y: 0)
        XCTAssertEqual(buffer.lines, ["🇺🇦 é!   "])
        XCTAssertEqual(DisplayWidth.of("🇺🇦"), 2)
        XCTAssertEqual(DisplayWidth.of("Київ"), 4)
    }

    func testControlCharactersAreShownNotSentToTheTerminal() {
        var buffer = Buffer(width: 12, height: 1)
        buffer.write("a\u{1B}[2Jb\u{07}", x: 0, y: 0)
        XCTAssertEqual(buffer.lines, ["a␛[2Jb␇     "])
        XCTAssertFalse(buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value < 0x20 } })
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("新闻", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        XCTAssertEqual(buffer.lines, [" x闻"])
    }

    /// Writing takes a shortcut for runs of plain ASCII; mixed text (ASCII next to combining
    /// marks, wide characters, emoji, flags, control characters, CR LF) must come out cell for
    /// cell as writing it a grapheme at a time does.
    func testMixedTextIsDrawnAsOneGraphemeAtATime() {
        let pieces = ["a", "Z", " ", "-", "e\u{301}", "\u{301}", "新", "闻", "🇺🇦", "👩\u{200D}🔬", "\u{1B}", "\r\n", "\n", "’",
                      "●", "·", "К", "ї", "\u{200B}", "x\u{FE0F}", "\u{7F}", "\u{85}"]
        // The bench corpus's generator: the same strings on every run.
        var random = BenchCorpus.SplitMix(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ n: Int) -> Int { random.below(n) }
        for _ in 0..<2_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let x = next(4), width = 1 + next(12)
            var fast = Buffer(width: 16, height: 1), slow = Buffer(width: 16, height: 1)
            let column = fast.write(text, x: x, y: 0, clip: Rect(x: 0, y: 0, width: width, height: 1))
            let slowColumn = Self.graphemeAtATime(text, into: &slow, x: x, maxX: width)
            XCTAssertEqual(fast.lines, slow.lines, "writing \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(fast.cells.map(\.isContinuation), slow.cells.map(\.isContinuation))
            XCTAssertEqual(column, slowColumn)
        }
    }

    /// Cutting text to a width takes the same shortcut: it must cut where cutting a grapheme
    /// at a time cuts.
    func testFittingMixedTextCutsWhereAGraphemeAtATimeCuts() {
        let pieces = ["a", "Zelensky", " ", "’s", "e\u{301}", "新闻", "🇺🇦", "\u{1B}[2J", "\r\n", "\n", "●", "Київ", "\u{200B}"]
        var random = BenchCorpus.SplitMix(seed: 2021)
        func next(_ n: Int) -> Int { random.below(n) }
        for _ in 0..<2_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 1 + next(20)
            var out = "", used = 0, expected: (String, Int)? = nil
            for character in text {
                let symbol = character == "\n" ? " " : DisplayWidth.printable(character)
                let w = DisplayWidth.of(symbol)
                if used + w > width {
                    let cut = used + 1 <= width ? out + "…" : String(out.dropLast()) + "…"
                    expected = (cut, DisplayWidth.of(cut))
                    break
                }
                out += symbol
                used += w
            }
            let fitted = Dashboard.fitted(text, width)
            XCTAssertEqual(fitted.text, expected?.0 ?? out, "fitting \(text.debugDescription) to \(width)")
            XCTAssertEqual(fitted.width, expected?.1 ?? used)
        }
    }

    /// Writing a grapheme at a time: the reference the shortcut is checked against.
    static func graphemeAtATime(_ text: String, into buffer: inout Buffer, x: Int, maxX: Int) -> Int {
        func clearWide(_ x: Int) {
            guard x < buffer.area.width else { return }
            if buffer[x, 0].isContinuation, x > 0 { buffer[x - 1, 0] = Cell(" ") }
            if x + 1 < buffer.area.width, buffer[x + 1, 0].isContinuation { buffer[x + 1, 0] = Cell(" ") }
        }
        var column = x
        for character in text {
            let symbol = DisplayWidth.printable(character)
            let width = DisplayWidth.of(symbol)
            if width == 0 {
                if column > 0, column - 1 < maxX {
                    var previous = column - 1
                    if buffer[previous, 0].isContinuation, previous > 0 { previous -= 1 }
                    buffer[previous, 0].symbol += symbol
                }
                continue
            }
            if column + width > maxX { break }
            clearWide(column)
            buffer[column, 0] = Cell(symbol)
            if width == 2 {
                clearWide(column + 1)
                buffer[column + 1, 0] = Cell("", isContinuation: true)
            }
            column += width
        }
        return column
    }
}
