import Foundation
import SitrepCore
import XCTest
@testable import SitrepUI

/// The dashboard drawn from state into a buffer and read back as text, at the sizes an analyst
/// uses: 80×24, 120×40, and a narrow 60×30 that stacks the panes.
final class DashboardTests: XCTestCase {
    /// The sample articles, analysed in memory, numbered as the index numbers them.
    static let corpus: Corpus = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())
        let reader = ArticleReader()
        let articles = InputFiles.expand([root.appendingPathComponent("sample-data").path]).files.flatMap { reader.read(path: $0).articles }
        return Corpus(articles.enumerated().map { AnalysedArticle(article: $1, entities: extractor.entities(in: $1.body), id: Int64($0 + 1)) })
    }()

    private func state(_ width: Int, _ height: Int, keys: String = "") throws -> DashboardState {
        var s = DashboardState(corpus: Self.corpus, width: width, height: height)
        s.theme = .mono
        s.folders = ["sample-data"]
        for key in try Key.sequence(keys) { s = Reducer.reduce(s, .key(key)) }
        return s
    }

    private func screen(_ s: DashboardState) -> [String] { Dashboard.render(s).lines }
    private func text(_ s: DashboardState) -> String { screen(s).joined(separator: "\n") }

    private let titles = ["U.S. ‘Escalating’ Russia-Ukraine", "Blinken: U.S. supports Ukraine", "U.S. Secretary of State Anthony Blinken",
                          "US declares ‘unwavering’ support", "US secretary of state Blinken pledges"]

    func testEveryLineFillsTheWidthAndBordersLineUp() throws {
        for (width, height) in [(80, 24), (120, 40), (60, 30), (200, 60), (40, 12)] {
            let lines = screen(try state(width, height))
            XCTAssertEqual(lines.count, height)
            for line in lines { XCTAssertEqual(DisplayWidth.of(line), width, "\(width)×\(height): \(line)") }
        }
    }

    func test120x40ShowsThreePanesSideBySide() throws {
        let s = try state(120, 40)
        let lines = screen(s)
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 5/5 "), lines[0])
        XCTAssertTrue(lines[0].contains("┐┌ Actors & places "), "the sidebar sits right of the list: \(lines[0])")
        for title in titles { XCTAssertTrue(all.contains(title), title) }
        // Newest first, with date and source.
        XCTAssertTrue(lines[1].contains("2021-11-23  The Moscow Times"), lines[1])
        XCTAssertTrue(lines[5].contains("2021-04-01"), lines[5])
        XCTAssertTrue(all.contains("People"))
        XCTAssertTrue(all.contains("Antony Blinken                     4"), "Blinken with his four articles")
        XCTAssertTrue(all.contains("Organizations"))
        XCTAssertTrue(all.contains("Timeline (per week, published)"))
        XCTAssertTrue(lines[38].contains("Enter read the article"), lines[38])
        XCTAssertTrue(lines[39].contains("sample-data · 5/5 articles · 0 new"), lines[39])
    }

    func test80x24ShowsTheListSidebarAndTimeline() throws {
        let lines = screen(try state(80, 24))
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 5/5"), lines[0])
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(all.contains("Actors & places"))
        XCTAssertTrue(all.contains("Timeline"))
        XCTAssertTrue(all.contains("Blinken"))
        XCTAssertTrue(lines[23].contains("5/5 articles"))
    }

    func testNarrowTerminalStacksTheSidebarBelowTheList() throws {
        let lines = screen(try state(60, 30))
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 5/5"), lines[0])
        let sidebarRow = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("┌ Actors & places") }, "the sidebar has its own row band")
        XCTAssertGreaterThan(sidebarRow, 6)
        XCTAssertTrue(lines[sidebarRow + 1].contains("People"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("┌ Timeline") })
    }

    func testATooSmallTerminalSaysSoAndGrowingRestoresTheLayout() throws {
        var s = try state(30, 8)
        XCTAssertTrue(text(s).contains("terminal too small (need"), text(s))
        XCTAssertTrue(text(s).contains("40×12)"), text(s))
        s = Reducer.reduce(s, .resize(width: 120, height: 40))
        XCTAssertTrue(screen(s)[0].hasPrefix("┌ Articles 5/5"))
        s = Reducer.reduce(s, .resize(width: 20, height: 6))
        XCTAssertTrue(text(s).contains("too small"))
    }

    func testCommandLineFiltersAndClears() throws {
        var s = try state(120, 40, keys: ":actor Pesk")
        XCTAssertTrue(screen(s)[38].hasPrefix(":actor Pesk"), "the command line replaces the hint line")
        s = Reducer.reduce(s, .key(.tab))
        XCTAssertEqual(s.command, "actor Dmitry Peskov", "Tab completes from the corpus")
        s = Reducer.reduce(s, .key(.enter))
        let lines = screen(s)
        XCTAssertTrue(lines[0].contains("[actor:\"Dmitry Peskov\"] 3/5"), lines[0])
        XCTAssertEqual(lines[1...5].filter { $0.contains("2021-") }.count, 3)
        XCTAssertTrue(lines[39].contains("3/5 articles"), "counts follow the filter")
        s = Reducer.reduce(s, .key(.char(":")))
        for c in "clear" { s = Reducer.reduce(s, .key(.char(c))) }
        s = Reducer.reduce(s, .key(.enter))
        XCTAssertTrue(screen(s)[0].hasPrefix("┌ Articles 5/5"))
    }

    func testAnUnknownNameIsAMessageAndTheFilterStays() throws {
        let s = try state(120, 40, keys: ":actor Blinkn<Enter>")
        let lines = screen(s)
        XCTAssertTrue(lines[38].contains("did you mean \"Antony Blinken\""), lines[38])
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 5/5"))
    }

    func testActorAndRegionKeysAndTheQueryLanguage() throws {
        XCTAssertEqual(try state(120, 40, keys: "a").command, "actor ")
        XCTAssertEqual(try state(120, 40, keys: "r").command, "region ")
        let s = try state(120, 40, keys: ":actor:Kremlin region:Crimea<Enter>")
        XCTAssertEqual(s.shown.count, 3)
        let donbas = try state(120, 40, keys: "rDonbas<Enter>")
        XCTAssertEqual(donbas.shown.count, 4)
        XCTAssertEqual(Reducer.reduce(donbas, .key(.escape)).shown.count, 5, "Esc drops the last filter term")
    }

    func testEnterInTheSidebarTogglesAnEntityFilter() throws {
        var s = try state(120, 40, keys: "2")
        XCTAssertEqual(s.focus, .entities)
        XCTAssertTrue(screen(s)[0].contains("┐┌ Actors & places"))
        s = Reducer.reduce(s, .key(.down))  // past the heading, onto Antony Blinken
        XCTAssertEqual(s.sidebar[s.selectedEntity].text, "Antony Blinken")
        s = Reducer.reduce(s, .key(.enter))
        XCTAssertEqual(s.shown.count, 4)
        XCTAssertTrue(screen(s)[0].contains("[actor:\"Antony Blinken\"] 4/5"), screen(s)[0])
        s = Reducer.reduce(s, .key(.enter))
        XCTAssertEqual(s.shown.count, 5, "Enter again removes it")
    }

    func testPlacesNestUnderTheirParents() throws {
        let s = try state(120, 80)
        let rows = s.sidebar.filter { $0.kind == .entity && $0.entry?.kind == .place }
        let ukraine = try XCTUnwrap(rows.first { $0.text == "Ukraine" })
        XCTAssertEqual(ukraine.depth, 0)
        let crimea = try XCTUnwrap(rows.first { $0.text == "Crimea" })
        XCTAssertEqual(crimea.depth, 1, "Crimea sits under Ukraine")
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("│▾ Ukraine") }, "an open place is marked ▾")
        XCTAssertTrue(lines.contains { $0.contains("│  ▾ Crimea") || $0.contains("│    Crimea") }, "Crimea drawn indented under it")
    }

    func testClicksFocusAndSelectAndTheWheelScrolls() throws {
        var s = try state(120, 40)
        // Row 2 of the screen is the sidebar's first person, under the "People" heading.
        s = Reducer.reduce(s, .click(x: 90, y: 2))
        XCTAssertEqual(s.focus, .entities)
        XCTAssertEqual(s.sidebar[s.selectedEntity].text, "Antony Blinken")
        XCTAssertTrue(text(s).contains("· Antony Blinken in 4 of 5"), "the click shows his share on the timeline")
        // Row 3 is the list's third article.
        s = Reducer.reduce(s, .click(x: 20, y: 3))
        XCTAssertEqual(s.focus, .articles)
        XCTAssertEqual(s.selectedArticle, 2)
        XCTAssertNil(s.share)
        s = Reducer.reduce(s, .wheel(x: 20, y: 3, delta: 1))
        XCTAssertEqual(s.selectedArticle, 4, "the wheel moves three rows, no further than the last")
        s = Reducer.reduce(s, .wheel(x: 20, y: 3, delta: -1))
        XCTAssertEqual(s.selectedArticle, 1)
        // A click on the timeline focuses it; a click on a border or the status line changes nothing.
        let timelineY = try XCTUnwrap(screen(s).firstIndex { $0.hasPrefix("┌ Timeline") }) + 1
        s = Reducer.reduce(s, .click(x: 5, y: timelineY))
        XCTAssertEqual(s.focus, .timeline)
        let before = s
        s = Reducer.reduce(s, .click(x: 5, y: 39))
        XCTAssertEqual(s.focus, before.focus)
        XCTAssertEqual(s.selectedArticle, before.selectedArticle)
    }

    func testTheTimelineSwitchesToWhenThingsHappenedAndTheReaderListsTheDates() throws {
        var s = try state(120, 40)
        XCTAssertTrue(text(s).contains("┌ Timeline (per week, published)"), text(s))
        let published = s.buckets.reduce(0) { $0 + $1.articles }
        XCTAssertEqual(published, 5)
        s = Reducer.reduce(s, .key(.char("t")))
        XCTAssertEqual(s.timelineKind, .happened)
        XCTAssertTrue(text(s).contains("┌ Timeline (per week, when it happened)"), text(s))
        // An article counts once for each day it says something happened: more than five in all.
        XCTAssertGreaterThan(s.buckets.reduce(0) { $0 + $1.articles }, published)
        XCTAssertTrue(s.buckets.contains { $0.start <= CalendarDay(year: 2021, month: 3, day: 31)! && CalendarDay(year: 2021, month: 3, day: 31)! <= $0.end && $0.articles >= 2 },
                      "the call of 31 March, reported by two papers")
        XCTAssertTrue(screen(s).last { $0.contains("t ") } != nil || Keymap.help.contains { $0.lines.contains { $0.hasPrefix("t ") } })
        s = Reducer.reduce(s, .key(.char("t")))
        XCTAssertEqual(s.timelineKind, .published)

        // The reader lists the dated events of the Daily Mail report.
        s = try state(100, 30)
        let row = try XCTUnwrap(s.shown.firstIndex { s.corpus.articles[$0].article.source == "Daily Mail" })
        s.selectedArticle = row
        s = Reducer.reduce(s, .key(.enter))
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("When: 2021-W13 (this week) · 2021-03-31 (Wednesday)") }, lines.joined(separator: "\n"))
    }

    func testWhatAPersonSaidAcrossTheFilteredArticles() throws {
        var s = try state(120, 40, keys: "2")
        s.selectedEntity = try XCTUnwrap(s.sidebar.firstIndex { $0.text == "Dmitry Peskov" })
        s = Reducer.reduce(s, .key(.char("\"")))
        let view = try XCTUnwrap(s.quotesView)
        XCTAssertEqual(view.name, "Dmitry Peskov")
        XCTAssertEqual(Set(view.quotes.map { s.corpus.articles[$0.article].article.source ?? "" }), ["Daily Mail", "The Independent", "The Moscow Times"])
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("What Dmitry Peskov said: \(view.quotes.count) quotes in 3 articles") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("“We are deeply concerned about the provocative actions") })
        XCTAssertTrue(lines.contains { $0.contains("2021-11-23 · The Moscow Times") })
        // Any key closes it; under a filter, only the filtered articles' quotes are listed.
        s = Reducer.reduce(s, .key(.escape))
        XCTAssertNil(s.quotesView)
        for key in try Key.sequence(":source Daily Mail<Enter>2") { s = Reducer.reduce(s, .key(key)) }
        s.selectedEntity = try XCTUnwrap(s.sidebar.firstIndex { $0.text == "Dmitry Peskov" })
        s = Reducer.reduce(s, .key(.char("\"")))
        XCTAssertEqual(Set(try XCTUnwrap(s.quotesView).quotes.map { s.corpus.articles[$0.article].article.source ?? "" }), ["Daily Mail"])
        // A place has no quotes to show.
        s = Reducer.reduce(s, .key(.escape))
        s.selectedEntity = try XCTUnwrap(s.sidebar.firstIndex { $0.text == "Ukraine" })
        s = Reducer.reduce(s, .key(.char("\"")))
        XCTAssertNil(s.quotesView)
        XCTAssertNotNil(s.message)
    }

    func testTheReaderUnderlinesQuotations() throws {
        var s = DashboardState(corpus: Self.corpus, width: 100, height: 40)
        s.selectedArticle = try XCTUnwrap(s.shown.firstIndex { s.corpus.articles[$0].article.source == "The Moscow Times" })
        s = Reducer.reduce(s, .key(.enter))
        let buffer = Dashboard.render(s)
        let lines = buffer.lines
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("“This all leads to further escalation,”") })
        let column = try XCTUnwrap(Array(lines[row]).firstIndex(of: "T"))
        XCTAssertTrue(buffer[column, row].style.underline, "the quotation is underlined")
        let plain = try XCTUnwrap(lines.firstIndex { $0.contains("The United States is “escalating”") })
        XCTAssertFalse(buffer[1, plain].style.underline, "text outside quotations is not")
    }

    func testPlacesFoldAndUnfold() throws {
        var s = try state(120, 80, keys: "2")
        let ukraine = try XCTUnwrap(s.sidebar.firstIndex { $0.text == "Ukraine" })
        let crimea = try XCTUnwrap(s.sidebar.firstIndex { $0.text == "Crimea" })
        s.selectedEntity = crimea
        s = Reducer.reduce(s, .key(.left))
        XCTAssertEqual(s.sidebar[s.selectedEntity].text, s.sidebar[crimea].folded == nil ? "Ukraine" : "Crimea",
                       "← on a place with nothing inside goes to the place containing it")
        s.selectedEntity = ukraine
        let before = s.sidebar.count
        s = Reducer.reduce(s, .key(.left))
        XCTAssertEqual(s.sidebar[s.selectedEntity].text, "Ukraine", "the cursor stays on the folded place")
        XCTAssertEqual(s.sidebar[s.selectedEntity].folded, true)
        XCTAssertFalse(s.sidebar.contains { $0.text == "Crimea" }, "the places inside are hidden")
        XCTAssertLessThan(s.sidebar.count, before)
        XCTAssertTrue(screen(s).contains { $0.contains("│▸ Ukraine") }, "a folded place is marked ▸")
        // Folding survives a refresh (a new snapshot, a filter).
        s.refresh()
        XCTAssertFalse(s.sidebar.contains { $0.text == "Crimea" })
        s = Reducer.reduce(s, .key(.right))
        XCTAssertEqual(s.sidebar.count, before)
        XCTAssertTrue(s.sidebar.contains { $0.text == "Crimea" })
    }

    func testTheSelectedEntitysShareIsDrawnOnTheTimeline() throws {
        var s = try state(120, 40, keys: "2")
        XCTAssertNil(s.share, "a heading is under the cursor: no share")
        s = Reducer.reduce(s, .key(.down))
        let share = try XCTUnwrap(s.share)
        XCTAssertEqual(share.name, "Antony Blinken")
        XCTAssertEqual(share.counts.reduce(0, +), 4, "four of the five articles name him")
        XCTAssertEqual(share.counts.count, s.buckets.count)
        for (count, bucket) in zip(share.counts, s.buckets) { XCTAssertLessThanOrEqual(count, bucket.articles) }
        XCTAssertTrue(text(s).contains("Timeline (per week, published) · Antony Blinken in 4 of 5"), text(s))
        // Drawn in his colour: person cells on the strip.
        var colours = DashboardState(corpus: Self.corpus, width: 120, height: 40)
        for key in try Key.sequence("2<Down>") { colours = Reducer.reduce(colours, .key(key)) }
        let buffer = Dashboard.render(colours)
        let (w, h) = (buffer.area.width, buffer.area.height)
        let strip = (0..<h).filter { y in (0..<w).contains { "▁▂▃▄▅▆▇█".contains(buffer[$0, y].symbol) } }
        XCTAssertFalse(strip.isEmpty)
        XCTAssertTrue(strip.contains { y in (0..<w).contains { "▁▂▃▄▅▆▇█".contains(buffer[$0, y].symbol) && buffer[$0, y].style == colours.theme.person } })
        // Leaving the sidebar drops the share.
        s = Reducer.reduce(s, .key(.char("1")))
        XCTAssertNil(s.share)
        XCTAssertFalse(text(s).contains("Antony Blinken in"))
    }

    func testTheReaderShowsTheWholeCleanedTextAndEscReturnsToTheSamePlace() throws {
        var s = try state(100, 30, keys: "jj<Enter>")
        XCTAssertNotNil(s.reading)
        var lines = screen(s)
        XCTAssertTrue(lines[0].hasPrefix("┌ Reader"), lines[0])
        XCTAssertTrue(lines[1].contains("U.S. Secretary of State Anthony Blinken"), lines[1])
        XCTAssertTrue(lines.contains { $0.contains("UNIAN · 2021-04-13 ·") })
        s = Reducer.reduce(s, .key(.pageDown))
        XCTAssertGreaterThan(s.readerScroll, 0)
        s = Reducer.reduce(s, .key(.escape))
        XCTAssertNil(s.reading)
        XCTAssertEqual(s.selectedArticle, 2)
        lines = screen(s)
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles"))
    }

    func testTheReaderColoursMentionsByKind() throws {
        var s = try state(120, 40, keys: "jj<Enter>")
        s.theme = .default
        let buffer = Dashboard.render(s)
        let lines = buffer.lines
        func style(of word: String, after row: Int = 3) throws -> Style {
            let y = try XCTUnwrap(lines.indices.first { $0 > row && lines[$0].contains(word) }, word)
            let x = try XCTUnwrap(Array(lines[y]).firstIndex(of: word.first!).map { _ in lines[y].range(of: word)! }).lowerBound
            return buffer[lines[y].distance(from: lines[y].startIndex, to: x), y].style
        }
        XCTAssertEqual(try style(of: "Kuleba"), Theme.default.person)
        XCTAssertEqual(try style(of: "NATO"), Theme.default.organization)
        XCTAssertEqual(try style(of: "Ukraine"), Theme.default.place)
        XCTAssertEqual(try style(of: "affirmed"), Theme.default.text)
    }

    func testHelpIsGeneratedFromTheKeymap() throws {
        let s = try state(120, 40, keys: "?")
        let all = text(s)
        XCTAssertTrue(all.contains("┌ Help"))
        for binding in Keymap.global + Keymap.articles + Keymap.entities + Keymap.timeline {
            XCTAssertTrue(all.contains(binding.description), binding.description)
        }
        XCTAssertFalse(Reducer.reduce(s, .key(.char("x"))).showHelp, "any key closes help")
    }

    func testTheUnreadableFilesAreListedWithTheirReasons() throws {
        var s = try state(120, 40)
        s = Reducer.reduce(s, .snapshot(Self.corpus, arrived: [], unreadable: ["feeds/bad.json: line 3: invalid JSON", "feeds/empty.txt: empty file"]))
        XCTAssertTrue(screen(s)[39].contains("2 unreadable (e lists them)"), screen(s)[39])
        s = Reducer.reduce(s, .key(.char("e")))
        let all = text(s)
        XCTAssertTrue(all.contains("Files that could not be read (2)"))
        XCTAssertTrue(all.contains("feeds/bad.json: line 3: invalid JSON"))
        XCTAssertTrue(all.contains("feeds/empty.txt: empty file"))
        s = Reducer.reduce(s, .key(.char("x")))
        XCTAssertFalse(text(s).contains("Files that could not be read"))
    }

    func testTimelineCursorNarrowsToABucketAndEscWidens() throws {
        var s = try state(120, 40, keys: "3")
        XCTAssertEqual(s.focus, .timeline)
        XCTAssertEqual(s.bucketSize, .week)
        s = Reducer.reduce(s, .key(.home))
        XCTAssertEqual(s.buckets[s.selectedBucket].articles, 2, "the week of 29 March holds the two 1 April articles")
        XCTAssertTrue(screen(s).contains { $0.hasPrefix("┌ Timeline (per week, published) 29 Mar: 2") }, text(s))
        s = Reducer.reduce(s, .key(.enter))
        XCTAssertEqual(s.shown.count, 2)
        s = Reducer.reduce(s, .key(.escape))
        s = Reducer.reduce(s, .key(.escape))
        XCTAssertEqual(s.shown.count, 5)
    }

    func testSlashNarrowsTheFocusedListAsYouType() throws {
        var s = try state(120, 40, keys: "/blinken")
        XCTAssertEqual(s.shown.count, 3, "titles naming Blinken")
        XCTAssertTrue(screen(s)[38].hasPrefix("/blinken"))
        s = Reducer.reduce(s, .key(.escape))
        XCTAssertEqual(s.shown.count, 5)
        s = try state(120, 40, keys: "2/kre")
        XCTAssertEqual(s.sidebar.filter { $0.kind == .entity }.map(\.text), ["Kremlin"])
    }

    func testANewSnapshotKeepsTheSelectionAndMarksArrivals() throws {
        var s = try state(120, 40, keys: "jj")
        let selected = s.currentArticle?.article.path
        let fewer = Corpus(Array(Self.corpus.articles.dropFirst()))  // the newest article gone
        s = Reducer.reduce(s, .snapshot(fewer, arrived: [], unreadable: []))
        XCTAssertEqual(s.currentArticle?.article.path, selected, "the same article stays selected")
        s = Reducer.reduce(s, .snapshot(Self.corpus, arrived: [Self.corpus.articles[0].article.path], unreadable: ["bad.json: invalid JSON"]))
        XCTAssertEqual(s.currentArticle?.article.path, selected)
        let lines = screen(s)
        XCTAssertTrue(lines[1].hasPrefix("│● 2021-11-23"), "the arrival is marked new: \(lines[1])")
        XCTAssertTrue(lines[39].contains("1 new"), lines[39])
        XCTAssertTrue(lines[39].contains("1 unreadable"), lines[39])
    }

    func testControlCharactersInTitlesAreDrawnHarmlessly() throws {
        let hostile = Article(path: "evil.txt", title: "Ti\u{1B}]0;pwned\u{07}tle \u{1B}[2J\u{1B}[31mred", source: "X\u{1B}[H",
                              published: .day(CalendarDay(year: 2021, month: 4, day: 2)!), publishedFrom: .frontMatter, body: "Body \u{1B}[2J text.")
        var s = DashboardState(corpus: Corpus([AnalysedArticle(article: hostile, entities: [])]), width: 100, height: 20)
        s.theme = .mono
        let all = Dashboard.render(s).cells.map(\.symbol).joined()
        XCTAssertFalse(all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no escape or bell reaches a cell")
        XCTAssertTrue(text(s).contains("Ti␛]0;pwned␇tle ␛[2J␛[31mred"))
        s = Reducer.reduce(s, .key(.enter))
        XCTAssertFalse(Dashboard.render(s).cells.map(\.symbol).joined().unicodeScalars.contains { $0.value == 0x1B })
    }

    func testWideCharactersNeverBreakTheBorders() throws {
        let wide = Article(path: "wide.txt", title: "北京 talks 🇺🇦 and emoji 😀 in a title that goes on and on and on beyond the pane",
                           source: "新华社", published: .day(CalendarDay(year: 2021, month: 4, day: 2)!), publishedFrom: .frontMatter, body: "")
        for width in [80, 81, 120] {
            var s = DashboardState(corpus: Corpus([AnalysedArticle(article: wide, entities: [])]), width: width, height: 24)
            s.theme = .mono
            for line in screen(s) { XCTAssertEqual(DisplayWidth.of(line), width, line) }
            let articleRow = screen(s)[1]
            XCTAssertTrue(articleRow.hasPrefix("│"), articleRow)
        }
    }
}
