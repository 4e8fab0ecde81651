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
}
