import Foundation
import XCTest
@testable import SitrepCore

/// Every kind of bad file gets one clear reason naming the file, and loses nothing else.
final class BadInputTests: XCTestCase {
    private func onlyIssue(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> ReadIssue? {
        let outcome = read(path)
        XCTAssertTrue(outcome.articles.isEmpty, file: file, line: line)
        XCTAssertEqual(outcome.issues.count, 1, "\(outcome.issues)", file: file, line: line)
        return outcome.issues.first
    }

    func testEmptyFile() {
        let folder = TestFolder()
        let issue = onlyIssue(folder.write("empty.txt", ""))
        XCTAssertEqual(issue?.reason, "empty file")
        XCTAssertEqual(issue?.severity, .error)
    }

    func testWhitespaceOnlyFileHasNoText() {
        let folder = TestFolder()
        XCTAssertEqual(onlyIssue(folder.write("blank.txt", " \n\u{00A0}\n\n"))?.reason, "no article text left after removing page debris")
    }

    func testBinaryFile() {
        let folder = TestFolder()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        bytes += (0..<2000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        XCTAssertEqual(onlyIssue(folder.write("image.txt", Data(bytes)))?.reason, "binary file, not text")
    }

    func testTextWithNULBytesIsBinary() {
        let folder = TestFolder()
        XCTAssertEqual(onlyIssue(folder.write("nul.txt", Data("Headline\n\nA story\0with a NUL byte.".utf8)))?.reason, "binary file, not text")
    }

    func testInvalidUTF8IsRepairedAndKeptWithAWarning() throws {
        let folder = TestFolder()
        var data = Data("Mayor of Lviv re-elected\n\nThe mayor of Lviv won a fourth term, officials said in a statement on Monday ".utf8)
        data += Data([0xFF, 0xFE, 0xC3])
        data += Data(" night.".utf8)
        let path = folder.write("latin.txt", data)
        let outcome = read(path)
        XCTAssertEqual(outcome.articles.count, 1)
        XCTAssertTrue(outcome.articles[0].body.contains("\u{FFFD}"))
        XCTAssertEqual(outcome.issues, [ReadIssue(path: path, reason: "invalid UTF-8; bad bytes replaced with U+FFFD", severity: .warning)])
    }

    func testUTF16WithByteOrderMarkIsRead() throws {
        let folder = TestFolder()
        var data = Data([0xFF, 0xFE])
        data += "Kyiv metro extends hours\n\nThe Kyiv metro will run later on weekends, the city said.".data(using: .utf16LittleEndian)!
        let article = try XCTUnwrap(readOne(folder.write("utf16.txt", data)))
        XCTAssertEqual(article.title, "Kyiv metro extends hours")
    }

    func testFileOverTheSizeLimit() {
        let folder = TestFolder()
        let big = Data(repeating: UInt8(ascii: "a"), count: FileText.sizeLimit + 1)
        let issue = onlyIssue(folder.write("huge.txt", big))
        XCTAssertEqual(issue?.reason, "too large (32 MB; the limit is 32 MB)")
    }

    func testUnclosedFrontMatterIsReportedAndTheTextKept() throws {
        let folder = TestFolder()
        let path = folder.write("fm.md", "---\ntitle: Never closed\n\nMinisters met in Vilnius on Monday to discuss energy prices.")
        let outcome = read(path)
        XCTAssertEqual(outcome.articles.count, 1)
        XCTAssertTrue(outcome.articles[0].body.contains("Ministers met in Vilnius on Monday"))
        XCTAssertEqual(outcome.issues.map(\.reason), ["front matter opened with '---' but never closed; read as plain text"])
        XCTAssertEqual(outcome.issues.map(\.severity), [.warning])
    }

    func testMalformedFrontMatterLinesAndDatesAreWarnings() throws {
        let folder = TestFolder()
        let path = folder.write("fm2.txt", "---\nsource: Alpine Wire\nthis line has no colon\npublished: last Tuesday-ish\n---\nHeadline of the day\n\nMinisters met in Vilnius on Monday to discuss energy prices.")
        let outcome = read(path)
        let article = try XCTUnwrap(outcome.articles.first)
        XCTAssertEqual(article.source, "Alpine Wire")
        XCTAssertEqual(article.publishedFrom, .file)
        XCTAssertEqual(outcome.issues.map(\.reason), ["front matter line 3 is not 'key: value'",
                                                      "published date 'last Tuesday-ish' is not a date; inferred instead"])
    }

    func testMalformedJSON() {
        let folder = TestFolder()
        let issue = onlyIssue(folder.write("bad.json", "{\"title\": \"x\", \"content\": "))
        XCTAssertTrue(issue?.reason.hasPrefix("invalid JSON") == true, issue?.reason ?? "")
    }

    func testDeeplyNestedJSONIsRefusedWithoutParsing() {
        let folder = TestFolder()
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        XCTAssertEqual(onlyIssue(folder.write("deep.json", deep))?.reason, "JSON nested deeper than 64 levels")
    }

    func testFileThatVanishes() {
        let issue = onlyIssue(NSTemporaryDirectory() + "sitrep-no-such-file-\(UUID().uuidString).txt")
        XCTAssertEqual(issue?.reason, "file vanished or cannot be opened")
    }

    func testDeeplyNestedHTMLIsReadWithoutRecursion() throws {
        let folder = TestFolder()
        let html = "<h1>Deep page</h1>" + String(repeating: "<div>", count: 100_000) + "<p>The story is at the bottom of a very deep page, officials said.</p>" + String(repeating: "</div>", count: 100_000)
        let article = try XCTUnwrap(readOne(folder.write("deep.html", html)))
        XCTAssertEqual(article.title, "Deep page")
        XCTAssertEqual(article.body, "The story is at the bottom of a very deep page, officials said.")
    }

    func testIssuesNameTheFileWithControlCharactersMadeVisible() {
        let issue = ReadIssue(path: "/news/evil\u{1B}]0;x\u{07}\nname.txt", reason: "empty file")
        XCTAssertEqual(issue.description, "/news/evil\\u{1b}]0;x\\u{7}\\u{a}name.txt: empty file")
    }

    func testMissingAndUnsupportedPathsAreReportedByTheListing() {
        let folder = TestFolder()
        let pdf = folder.write("report.pdf", "%PDF-1.4")
        let listing = InputFiles.expand([folder.path + "/missing", pdf])
        XCTAssertEqual(listing.problems.map(\.reason), ["no such file or folder",
                                                        "unsupported file type .pdf (Sitrep reads .txt, .md, .html, .json, .jsonl)"])
    }

    func testSymlinkLoopIsWalkedOnce() throws {
        let folder = TestFolder()
        folder.write("a/story.txt", "A story about the harbour.")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a/loop", withDestinationPath: folder.path + "/a")
        let listing = InputFiles.expand([folder.path])
        XCTAssertEqual(listing.files.filter { $0.hasSuffix("story.txt") }.count, 1)
    }
}
