import XCTest
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
}
