import Foundation
import XCTest
@testable import SitrepUI

final class ThemeTests: XCTestCase {
    static var themesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes").path
    }

    func testTheShippedThemesLoad() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(names, ["default.toml", "high-contrast.toml", "light.toml", "mono.toml"])
        let light = try ThemeFile.load("light", folders: [Self.themesFolder])
        XCTAssertEqual(light.selected, Style(foreground: .indexed(232), background: .indexed(153), bold: true))
        let contrast = try ThemeFile.load("high-contrast", folders: [Self.themesFolder])
        XCTAssertEqual(contrast.chip, Style(foreground: .indexed(0), background: .indexed(11)))
        XCTAssertEqual(try ThemeFile.load("default", folders: [Self.themesFolder]).selected, Theme.default.selected,
                       "the default file matches the built-in default")
        let mono = try ThemeFile.load("mono", folders: [Self.themesFolder])
        XCTAssertEqual(mono.selected, Style(reverse: true))
        for role in ThemeFile.roles.map(\.1) {
            let style = mono[keyPath: role]
            XCTAssertEqual(style.foreground, .default)
            XCTAssertEqual(style.background, .default)
        }
    }

    func testColoursByNameNumberAndHex() throws {
        let theme = try ThemeFile.parse("[person]\nfg = \"#FF8000\"\nbg = \"bright-blue\"\n[place]\nfg = 34\n", file: "t.toml", name: "t")
        XCTAssertEqual(theme.person, Style(foreground: .rgb(255, 128, 0), background: .indexed(12)))
        XCTAssertEqual(theme.place, Style(foreground: .indexed(34)))
        XCTAssertEqual(theme.heading, Theme.default.heading, "roles left out keep the default")
    }

    func testMistakesNameTheFileTheKeyAndWhatWasExpected() {
        func problem(_ text: String) -> String {
            do { _ = try ThemeFile.parse(text, file: "mine.toml", name: "mine"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(problem("[persons]\nfg = 1\n").hasPrefix("mine.toml: unknown key \"persons\""), true)
        XCTAssertEqual(problem("[person]\nfg = 300\n"), "mine.toml: person.fg must be 0–255, not 300")
        XCTAssertTrue(problem("[person]\nfg = \"purplish\"\n").contains("person.fg: \"purplish\" is not a colour"))
        XCTAssertEqual(problem("[person]\nbold = \"yes\"\n"), "mine.toml: person.bold must be true or false")
        XCTAssertTrue(problem("[person]\ncolour = 3\n").contains("unknown key \"person.colour\""))
        XCTAssertTrue(problem("person = 3\n").contains("\"person\" must be a table"))
        XCTAssertTrue(problem("[person\nfg = 1\n").hasPrefix("mine.toml: line 1:"), problem("[person\nfg = 1\n"))
        XCTAssertThrowsError(try ThemeFile.load("nonexistent", folders: [Self.themesFolder])) { error in
            XCTAssertTrue("\(error)".contains("no theme called \"nonexistent\""))
        }
    }

    func testConfigFile() throws {
        let config = try DashboardConfig.parse("theme = \"light\"\nfolders = [\"/news\", \"/wires\"]\n", file: "config.toml")
        XCTAssertEqual(config, DashboardConfig(theme: "light", folders: ["/news", "/wires"]))
        XCTAssertThrowsError(try DashboardConfig.parse("theme = 3\n", file: "config.toml")) { error in
            XCTAssertEqual("\(error)", "config.toml: theme must be a string, as in theme = \"light\"")
        }
        XCTAssertThrowsError(try DashboardConfig.parse("colour = \"x\"\n", file: "config.toml")) { error in
            XCTAssertTrue("\(error)".contains("unknown key \"colour\""))
        }
        XCTAssertEqual(DashboardConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/etc/me", "HOME": "/home/me"]), "/etc/me/sitrep")
        XCTAssertEqual(DashboardConfig.defaultPath(environment: ["HOME": "/home/me"]), "/home/me/.config/sitrep")
    }

    func testThemeCommandSwitchesTheme() throws {
        var state = DashboardState(corpus: DashboardTests.corpus, width: 100, height: 30)
        state.themes["light"] = try ThemeFile.load("light", folders: [Self.themesFolder])
        state = Reducer.run("theme light", state)
        XCTAssertEqual(state.theme.name, "light")
        XCTAssertEqual(Dashboard.render(state)[1, 1].style, state.theme.selected, "the selected row is drawn in the new theme")
        state = Reducer.run("theme neon", state)
        XCTAssertEqual(state.message, "no theme called \"neon\"; there are default, light, mono")
        XCTAssertEqual(state.theme.name, "light")
    }
}
