import Foundation
import XCTest
@testable import SitrepCore

/// Each input format, read the way an analyst expects.
final class ReaderTests: XCTestCase {
    func testTextWithFrontMatter() throws {
        let folder = TestFolder()
        let path = folder.write("a.txt", """
        ---
        title: "Ceasefire talks resume: a first round in Geneva"
        source: Alpine Wire
        published: 2024-02-03T10:00:00+01:00
        url: https://example.org/ceasefire
        language: en
        author: not a key Sitrep reads
        ---
        Delegations met in Geneva on Friday for the first round of talks since the autumn.

        A second round is planned for March.
        """)
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.title, "Ceasefire talks resume: a first round in Geneva")
        XCTAssertEqual(article.source, "Alpine Wire")
        XCTAssertEqual(article.published.isoString, "2024-02-03T09:00:00Z")
        XCTAssertEqual(article.publishedFrom, .frontMatter)
        XCTAssertEqual(article.url, "https://example.org/ceasefire")
        XCTAssertEqual(article.language, "en")
        XCTAssertEqual(article.body, "Delegations met in Geneva on Friday for the first round of talks since the autumn.\n\nA second round is planned for March.")
    }

    func testTextWithoutHeadlineGetsASentenceTitle() throws {
        let folder = TestFolder()
        let path = folder.write("b.txt", "Officials in Tallinn said on Monday that the new border post would open in May. It will be staffed around the clock.")
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.title, "Officials in Tallinn said on Monday that the new border post would open in May")
    }

    func testHardWrappedParagraphsAreJoinedAndOneParagraphPerLineIsKept() throws {
        let folder = TestFolder()
        let wrapped = folder.write("wrapped.txt", """
        Ministers meet in Brussels

        The foreign ministers of the European Union will meet in Brussels on
        Monday to discuss new sanctions, diplomats said, with a decision
        expected before the end of the month.
        """)
        XCTAssertEqual(try XCTUnwrap(readOne(wrapped)).body,
                       "The foreign ministers of the European Union will meet in Brussels on Monday to discuss new sanctions, diplomats said, with a decision expected before the end of the month.")
        let perLine = folder.write("lines.txt", """
        Ministers meet in Brussels
        The foreign ministers of the European Union will meet in Brussels on Monday.
        A decision is expected before the end of the month, diplomats said on condition of anonymity.
        """)
        XCTAssertEqual(try XCTUnwrap(readOne(perLine)).body.components(separatedBy: "\n\n").count, 2)
    }

    func testMarkdown() throws {
        let folder = TestFolder()
        let path = folder.write("m.md", """
        # Grain corridor reopens

        Ships left **Odesa** on Tuesday, according to [the port authority](https://example.org/port).

        - Three ships carried wheat
        - One carried maize
        """)
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.title, "Grain corridor reopens")
        XCTAssertEqual(article.body, "Ships left Odesa on Tuesday, according to the port authority.\n\n• Three ships carried wheat\n\n• One carried maize")
    }

    func testHTMLStripsScriptsStylesAndNavigationAndDecodesEntities() throws {
        let folder = TestFolder()
        let path = folder.write("p.html", """
        <html><head><title>Talks collapse &#8211; Daily Bugle</title><script>var x = "<p>not text</p>";</script>
        <style>p { color: red }</style></head>
        <body><nav><ul><li>Home</li><li>World</li></ul></nav>
        <h1>Talks collapse in Doha</h1>
        <p>Negotiators left Doha on Sunday without an agreement,<br>officials said &amp; confirmed.</p>
        <!-- <p>commented out</p> -->
        <p>The next round has not been scheduled.</p>
        </body></html>
        """)
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.title, "Talks collapse in Doha")
        XCTAssertEqual(article.body, "Negotiators left Doha on Sunday without an agreement,\n\nofficials said & confirmed.\n\nThe next round has not been scheduled.")
    }

    func testHTMLTitleFromTheTitleElementWithoutTheSiteName() throws {
        let folder = TestFolder()
        let path = folder.write("t.htm", "<title>Floods hit northern Italy | World | Daily Bugle</title><p>Heavy rain caused floods across Emilia-Romagna on Wednesday, the civil protection agency said.</p>")
        XCTAssertEqual(try XCTUnwrap(readOne(path)).title, "Floods hit northern Italy")
    }

    func testJSONObjectWithNewsAPIFieldNames() throws {
        let folder = TestFolder()
        let path = folder.write("o.json", """
        {"source": {"id": "x", "name": "Harbour Post"}, "title": "Port strike ends", "publishedAt": "2023-07-01T06:30:00Z",
         "url": "https://example.org/strike", "content": "Dock workers in Gdansk returned to work on Saturday after a week-long strike. … [+1520 chars]"}
        """)
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.source, "Harbour Post")
        XCTAssertEqual(article.title, "Port strike ends")
        XCTAssertEqual(article.published.isoString, "2023-07-01T06:30:00Z")
        XCTAssertEqual(article.body, "Dock workers in Gdansk returned to work on Saturday after a week-long strike.")
        XCTAssertNil(article.part)
    }

    func testJSONArrayAndOtherFieldNames() throws {
        let folder = TestFolder()
        let path = folder.write("a.json", """
        [{"headline": "One", "source": "A", "date": "2023-01-02", "text": "First story text about the harbour in Riga."},
         {"title": "Two", "publisher": {"name": "B"}, "published": "Mon, 02 Jan 2023 10:00:00 +0000", "body": "Second story text about the port of Klaipeda."},
         "not an object"]
        """)
        let outcome = read(path)
        XCTAssertEqual(outcome.articles.map(\.title), ["One", "Two"])
        XCTAssertEqual(outcome.articles.map(\.source), ["A", "B"])
        XCTAssertEqual(outcome.articles.map { $0.published.isoString }, ["2023-01-02", "2023-01-02T10:00:00Z"])
        XCTAssertEqual(outcome.issues.map(\.description), ["\(path): item 3: not a JSON object"])
    }

    func testJSONLKeepsEveryGoodLineAndNamesTheBadOne() throws {
        let folder = TestFolder()
        var lines: [String] = []
        for i in 1...200 {
            lines.append(i == 137 ? "{\"title\": \"broken\", " : "{\"title\": \"Story \(i)\", \"content\": \"Text of story number \(i) from the regional desk.\"}")
        }
        let path = folder.write("feed.ndjson", lines.joined(separator: "\n") + "\n")
        let outcome = read(path)
        XCTAssertEqual(outcome.articles.count, 199)
        XCTAssertEqual(outcome.issues.map(\.description), ["\(path): line 137: invalid JSON"])
        XCTAssertEqual(outcome.articles.last?.part, .line(200))
    }

    func testHiddenSwapAndPartialFilesAreIgnoredInFolders() throws {
        let folder = TestFolder()
        folder.write("story.txt", "A story about the harbour.")
        folder.write("nested/deeper/other.md", "# Other\n\nAnother story about the port.")
        for name in [".hidden.txt", ".story.txt.swp", "story.txt~", "download.json.part", "page.html.crdownload", "x.tmp", "#story.txt#", "photo.jpg"] {
            folder.write(name, "ignored")
        }
        let listing = InputFiles.expand([folder.path])
        XCTAssertEqual(listing.files.map { ($0 as NSString).lastPathComponent }, ["other.md", "story.txt"])
        XCTAssertTrue(listing.problems.isEmpty)
    }

    func testControlSequencesInTextAreRemoved() throws {
        let folder = TestFolder()
        let path = folder.write("esc.txt", "Title\u{1B}]0;pwned\u{07} here\n\nBody with \u{1B}[2J\u{1B}[31mred\u{1B}[0m text and a bell\u{07}.\r\nNext line.")
        let article = try XCTUnwrap(readOne(path))
        XCTAssertEqual(article.title, "Title here")
        XCTAssertEqual(article.body, "Body with red text and a bell.\n\nNext line.")
    }

    func testControlCharactersEscapedInJSONStringsAreRemovedToo() throws {
        let folder = TestFolder()
        let path = folder.write("esc.json", #"{"title": "Safe\u001b[2J title", "content": "Text\u001b]0;x\u0007 of the story."}"#)
        let article = try XCTUnwrap(readOne(path))
        XCTAssertFalse(article.title.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertFalse(article.body.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
