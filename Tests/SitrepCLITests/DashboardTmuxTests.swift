import Foundation
import XCTest

/// The real `sitrep` binary in a real terminal: tmux runs it, `send-keys` types, and
/// `capture-pane` reads the screen.
final class DashboardTmuxTests: CLITestCase {
    var session = ""

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // Output goes to a file: the tmux server that the first command starts would keep
        // a pipe open forever. A client that does not answer within 20 s fails the test.
        let path = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let child = try Child(path, arguments, environment: ProcessInfo.processInfo.environment, directory: NSTemporaryDirectory())
        if child.wait(20) == nil {
            XCTFail("tmux \(arguments.joined(separator: " ")) did not answer within 20 s: \(child.errors)")
        }
        return child.output
    }

    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", session]).components(separatedBy: "\n")
    }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    @discardableResult
    func waitForScreen(_ seconds: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                               _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        XCTFail("\(what) — screen was:\n\(last.joined(separator: "\n"))", file: file, line: line)
        return last
    }

    func type(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Starts the dashboard on `folder` in a new tmux session; returns the file that will
    /// hold its exit status.
    @discardableResult
    func startSession(_ folder: URL, width: Int, height: Int) throws -> URL {
        let status = try temporaryFolder().appendingPathComponent("status")
        session = "sitrep-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let command = "cd '\(Self.packageRoot.path)' && XDG_CACHE_HOME='\(cacheHome.path)' '\(Self.binary.path)' '\(folder.path)'; echo \"EXIT=$?\" > '\(status.path)'; sleep 60"
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
        return status
    }

    /// The sample articles, copied into `folder`.
    func copySampleData(to folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("sample-data").path) {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("sample-data/\(name)"), to: folder.appendingPathComponent(name))
        }
    }

    private func articleRows(_ screen: [String]) -> Int {
        screen.prefix { !$0.hasPrefix("┌ Timeline") }.filter { $0.range(of: #"^│[·● ] 20\d\d-"#, options: .regularExpression) != nil }.count
    }

    /// A free-text filter stays right while files land, change and go: each new snapshot
    /// answers it from what the one before found and a search of only the new articles.
    func testAFreeTextFilterFollowsFilesLanding() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let folder = try temporaryFolder()
        try copySampleData(to: folder)
        _ = try startSession(folder, width: 160, height: 40)
        defer { _ = try? tmux(["kill-session", "-t", session]) }
        try waitForScreen(60, "the dashboard opens") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false }

        try type(":Javelin", "Enter")
        var lines = try waitForScreen(5, "one seed names the Javelin") { $0.first?.contains("[Javelin] 1/5") ?? false }
        XCTAssertEqual(articleRows(lines), 1)
        func write(_ name: String, _ title: String, _ body: String) throws {
            try "---\ntitle: \(title)\nsource: Wire\npublished: 2021-12-01\n---\n\n\(body)\n"
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("javelin.txt", "More Javelin missiles for Kyiv", "A new shipment of Javelin missiles reached Kyiv on Tuesday.")
        lines = try waitForScreen(5, "the new article naming it joins the list") { $0.first?.contains("[Javelin] 2/6") ?? false }
        XCTAssertTrue(lines.joined().contains("More Javelin missiles for Kyiv"))
        try write("grain.txt", "Grain ships leave Odesa", "Ships loaded with grain left Odesa as talks resumed.")
        lines = try waitForScreen(5, "an article without it is counted, not listed") { $0.first?.contains("[Javelin] 2/7") ?? false }
        XCTAssertFalse(lines.joined().contains("Grain ships leave Odesa"))
        try write("javelin.txt", "Shipment to Kyiv delayed", "The shipment of missiles to Kyiv was delayed.")
        lines = try waitForScreen(5, "the article rewritten without it leaves the list") { $0.first?.contains("[Javelin] 1/7") ?? false }
        XCTAssertFalse(lines.joined().contains("Kyiv delayed"))
        let seed = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.contains("moscow-times") })
        try FileManager.default.removeItem(at: folder.appendingPathComponent(seed))
        lines = try waitForScreen(5, "the deleted seed leaves the list") { $0.first?.contains("[Javelin] 0/6") ?? false }
        XCTAssertEqual(articleRows(lines), 0)
        try type("q")
    }

    func testTheDashboardInARealTerminal() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let folder = try temporaryFolder()
        try copySampleData(to: folder)
        let status = try startSession(folder, width: 200, height: 60)
        defer { _ = try? tmux(["kill-session", "-t", session]) }

        // Open: the titles, Blinken and Crimea in the sidebar, the timeline.
        var lines = try waitForScreen(60, "the dashboard opens") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false }
        let all = lines.joined(separator: "\n")
        for title in ["Blinken: U.S. supports Ukraine against Russian aggression", "US declares ‘unwavering’ support for Ukraine",
                      "U.S. ‘Escalating’ Russia-Ukraine Tensions"] {
            XCTAssertTrue(all.contains(title), title)
        }
        XCTAssertTrue(all.contains("Antony Blinken"))
        XCTAssertTrue(all.contains("Crimea"))
        XCTAssertTrue(all.contains("┌ Timeline"))
        XCTAssertEqual(articleRows(lines), 5)

        // :actor Peskov leaves the three articles naming him; :clear restores all.
        try type(":actor Peskov", "Enter")
        lines = try waitForScreen(5, "the Peskov filter") { $0.first?.contains("[actor:Peskov] 3/5") ?? false }
        XCTAssertEqual(articleRows(lines), 3)
        try type(":clear", "Enter")
        lines = try waitForScreen(5, ":clear") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false }
        XCTAssertEqual(articleRows(lines), 5)

        // A file written into the folder appears within 3 s.
        let written = Date()
        try "---\ntitle: Fresh report from Odesa\nsource: Wire\npublished: 2021-12-01\n---\n\nShips left Odesa on Tuesday as talks resumed.\n"
            .write(to: folder.appendingPathComponent("fresh.txt"), atomically: true, encoding: .utf8)
        try waitForScreen(3, "the new file shows within 3 s") { $0.joined().contains("Fresh report from Odesa") }
        XCTAssertLessThan(Date().timeIntervalSince(written), 3.5)
        lines = try screen()
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 6/6"), lines[0])

        // s groups the list by story, the new file included: the two reports of the call as one.
        try type("s")
        lines = try waitForScreen(10, "grouped by story") { $0.first?.contains("6/6 in 5 stories") ?? false }
        let call = try XCTUnwrap(lines.firstIndex { $0.contains("Daily Mail") })
        XCTAssertTrue(lines[call].contains(" 2 US declares"), lines[call])
        XCTAssertTrue(lines[call + 1].contains("└ US secretary of state Blinken"), lines[call + 1])
        try type("s")
        lines = try waitForScreen(5, "listed by date again") { $0.first?.hasPrefix("┌ Articles 6/6 ─") ?? false }

        // Escape sequences in a file change nothing: no cleared screen, no colours, no window title.
        let titleBefore = try tmux(["display-message", "-p", "-t", session, "#{pane_title}"])
        let hostile = "---\ntitle: Hostile \u{1B}]0;pwned\u{07} \u{1B}[2J\u{1B}[31mred\u{1B}[0m headline\nsource: Evil \u{1B}[H\npublished: 2021-12-02\n---\n\nText \u{1B}[2J\u{1B}]2;owned\u{07} with escapes in Kyiv.\n"
        try hostile.write(to: folder.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        lines = try waitForScreen(5, "the hostile file is listed") { $0.joined().contains("Hostile") }
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles 7/7"), "the screen was not cleared: \(lines[0])")
        // Reading strips escape sequences whole (payload included); the dashboard would draw any left as symbols.
        XCTAssertTrue(lines.joined().contains("Hostile red headline"), "the title without its escape sequences")
        XCTAssertFalse(lines.joined().contains("pwned"))
        XCTAssertEqual(try tmux(["display-message", "-p", "-t", session, "#{pane_title}"]), titleBefore, "the window title is unchanged")
        XCTAssertFalse(try tmux(["display-message", "-p", "-t", session, "#{pane_title}"]).contains("pwned"))
        XCTAssertEqual(articleRows(lines), 7)

        // Resizing keeps it alive and correct.
        try tmux(["resize-window", "-t", session, "-x", "60", "-y", "20"])
        lines = try waitForScreen(5, "stacked at 60×20") { $0.first?.hasPrefix("┌ Articles 7/7") ?? false && $0.contains { $0.hasPrefix("┌ Actors & places") } }
        XCTAssertTrue(lines.filter { !$0.isEmpty }.allSatisfy { $0.count <= 60 })
        try tmux(["resize-window", "-t", session, "-x", "20", "-y", "6"])
        try waitForScreen(5, "too small at 20×6") { $0.joined(separator: " ").contains("too small") }
        try tmux(["resize-window", "-t", session, "-x", "200", "-y", "60"])
        lines = try waitForScreen(5, "back at 200×60") { $0.first?.hasPrefix("┌ Articles 7/7") ?? false }
        XCTAssertTrue(lines[0].contains("┐┌ Actors & places"), "side by side again")

        // q exits with status 0 and the terminal restored.
        try type("q")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !FileManager.default.fileExists(atPath: status.path) { usleep(100_000) }
        XCTAssertEqual(try String(contentsOf: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), "EXIT=0")
        lines = try screen()
        XCTAssertFalse(lines.joined().contains("┌ Articles"), "the dashboard's screen is gone after exit")
    }
}

extension DashboardTmuxTests {
    func testItOpensBeforeIndexingFinishesAndFillsInAsItGoes() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let folder = try temporaryFolder()
        let seed = try String(contentsOf: Self.packageRoot.appendingPathComponent("sample-data/2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt"), encoding: .utf8)
        for k in 0..<300 {
            try (seed + "\nUpdate \(k).\n").write(to: folder.appendingPathComponent(String(format: "%03d.txt", k)), atomically: false, encoding: .utf8)
        }
        try startSession(folder, width: 120, height: 40)
        defer { _ = try? tmux(["kill-session", "-t", session]) }
        let early = try waitForScreen(30, "the screen opens while indexing") { $0.joined().contains("indexing ") }
        XCTAssertFalse(early.first?.hasPrefix("┌ Articles 300/300") ?? true, "not everything is in yet")
        try waitForScreen(240, "every article arrives") { $0.first?.hasPrefix("┌ Articles 300/300") ?? false && !$0.joined().contains("indexing ") }
        try type("q")
    }
}

extension DashboardTmuxTests {
    /// Ctrl-Z hands the terminal back to the shell; `fg` brings the dashboard back, redrawn.
    func testCtrlZSuspendsAndFgRedraws() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let folder = try temporaryFolder()
        try copySampleData(to: folder)
        // An interactive shell with job control, as an analyst has.
        session = "sitrep-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        try tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", "env PS1='$ ' bash --norc --noprofile -i"])
        defer { _ = try? tmux(["kill-session", "-t", session]) }
        try waitForScreen(10, "the shell's prompt") { $0.contains { $0.hasPrefix("$") } }
        try type("cd '\(Self.packageRoot.path)' && XDG_CACHE_HOME='\(cacheHome.path)' '\(Self.binary.path)' '\(folder.path)'", "Enter")
        try waitForScreen(60, "the dashboard opens") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false }

        try type("C-z")
        let shell = try waitForScreen(10, "the shell is back") { $0.joined(separator: "\n").contains("Stopped") }
        XCTAssertFalse(shell.contains { $0.hasPrefix("┌ Articles") }, "the dashboard's screen is put away")

        try type("fg", "Enter")
        try waitForScreen(10, "fg redraws the dashboard") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false && $0.joined().contains("Antony Blinken") }
        // It still answers keys.
        try type("2", "Down")
        try waitForScreen(5, "keys work after resuming") { $0.joined().contains("· Antony Blinken in 4 of 5") }

        try type("q")
        try type("echo EXIT=$?", "Enter")
        try waitForScreen(10, "q exits with status 0") { $0.contains { $0.hasPrefix("EXIT=0") } }
    }
}

extension DashboardTmuxTests {
    /// A theme's #RRGGBB colour reaches a direct-colour terminal as 24-bit colour, and a
    /// 256-colour terminal as the nearest palette colour.
    func testTrueColourWhenTheTerminalHasIt() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let hasDirect = ["/usr/share/terminfo/t/tmux-direct", "/lib/terminfo/t/tmux-direct", "/etc/terminfo/t/tmux-direct"]
            .contains { FileManager.default.fileExists(atPath: $0) }
        try XCTSkipUnless(hasDirect, "the tmux-direct terminal description is missing (apt-get install ncurses-term); CI installs it")
        let folder = try temporaryFolder()
        let theme = folder.appendingPathComponent("orange.toml")
        try "name = \"orange\"\n[person]\nfg = \"#ff8800\"\n".write(to: theme, atomically: true, encoding: .utf8)
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("sample-data"), to: articles)
        for (term, expected) in [("tmux-direct", "\u{1B}[38;2;255;136;0m"), ("tmux-256color", "\u{1B}[38;5;208m")] {
            session = "sitrep-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
            let command = "cd '\(Self.packageRoot.path)' && env -u NO_COLOR TERM=\(term) XDG_CACHE_HOME='\(cacheHome.path)' '\(Self.binary.path)' --theme '\(theme.path)' '\(articles.path)'; sleep 60"
            try tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
            defer { _ = try? tmux(["kill-session", "-t", session]) }
            try waitForScreen(60, "the dashboard opens (\(term))") { $0.joined().contains("Antony Blinken") }
            let styled = try tmux(["capture-pane", "-e", "-p", "-t", session])
            let line = try XCTUnwrap(styled.components(separatedBy: "\n").first { $0.contains("Antony Blinken") })
            XCTAssertTrue(line.contains(expected + "  Antony Blinken"), "\(term): \(line.debugDescription)")
        }
    }
}

extension DashboardTmuxTests {
    /// The watched folder is deleted and made again while the dashboard is open: its articles
    /// go, and files written into the new folder appear.
    func testAWatchedFolderDeletedAndMadeAgain() throws {
        _ = try XCTUnwrap(Self.tmuxPath, "tmux is needed for the terminal tests (apt-get install tmux)")
        let folder = try temporaryFolder()
        try copySampleData(to: folder)
        try startSession(folder, width: 120, height: 40)
        defer { _ = try? tmux(["kill-session", "-t", session]) }
        try waitForScreen(60, "the dashboard opens") { $0.first?.hasPrefix("┌ Articles 5/5") ?? false }
        try FileManager.default.removeItem(at: folder)
        try waitForScreen(10, "the articles go with the folder") { $0.first?.hasPrefix("┌ Articles 0/0") ?? false }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Back in the new folder\nsource: Wire\npublished: 2021-12-01\n---\n\nTalks resumed in Kyiv.\n"
            .write(to: folder.appendingPathComponent("back.txt"), atomically: true, encoding: .utf8)
        try waitForScreen(10, "a file in the new folder appears") { $0.joined().contains("Back in the new folder") }
        try type("q")
    }
}

/// The dashboard's errors before any screen opens.
final class DashboardErrorTests: CLITestCase {
    func testWithoutATerminalItPointsToTheSubcommands() throws {
        let run = try sitrep(["sample-data"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("needs a terminal"), run.stderr)
        XCTAssertTrue(run.stderr.contains("sitrep query"), run.stderr)
    }

    func testAFolderThatDoesNotExistIsAClearError() throws {
        let run = try sitrep(["no-such-folder"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("no such file or folder: no-such-folder"), true, run.stderr)
    }

    func testSnapshotPrintsTheScreenAfterTheKeys() throws {
        let run = try sitrep(["snapshot", "sample-data", "--size", "100x30", "--keys", ":actor Peskov<Enter>"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 30)
        XCTAssertTrue(lines[0].hasPrefix("┌ Articles [actor:Peskov] 3/5"), String(lines[0]))
        let bad = try sitrep(["snapshot", "sample-data", "--size", "wide"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("WIDTHxHEIGHT"), bad.stderr)
        let badKey = try sitrep(["snapshot", "sample-data", "--keys", "<Nope>"])
        XCTAssertTrue(badKey.stderr.contains("unknown key <nope>"), badKey.stderr)
    }
}
