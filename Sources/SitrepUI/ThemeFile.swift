import Foundation
import TOMLKit

/// Themes as TOML files: one table per role, each with `fg`, `bg` (a colour name, 0–255, or
/// "#RRGGBB") and `bold`, `underline`, `reverse`, `dim` (true or false). Roles a file leaves
/// out keep the default theme's style. Every mistake is reported with the file, the key and
/// what was expected, and the default theme is used instead.
public enum ThemeFile {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    static var roles: [(String, WritableKeyPath<Theme, Style>)] { [
        ("text", \.text), ("dim", \.dim), ("border", \.border), ("focused-border", \.focusedBorder), ("title", \.title),
        ("chip", \.chip), ("selected", \.selected), ("heading", \.heading), ("person", \.person),
        ("organization", \.organization), ("place", \.place), ("new", \.new), ("bar", \.bar),
        ("bar-highlight", \.barHighlight), ("status", \.status), ("hint", \.hint), ("message", \.message),
    ] }

    static let colorNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses a theme file's text; `file` names it in problems.
    public static func parse(_ text: String, file: String, name: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(description: "\(file): line \(error.source.begin.line): \(error.description)")
        }
        var theme = Theme.default
        theme.name = name
        let known = Dictionary(uniqueKeysWithValues: roles)
        for key in table.keys.sorted() {
            if key == "name" { continue }
            guard let path = known[key] else {
                throw Problem(description: "\(file): unknown key \"\(key)\" (roles: \(roles.map(\.0).joined(separator: ", ")))")
            }
            guard let role = table[key]?.table else { throw Problem(description: "\(file): \"\(key)\" must be a table, as in [\(key)]") }
            var style = Style()
            for field in role.keys.sorted() {
                let value = role[field]!
                switch field {
                case "fg", "bg":
                    let color = try parseColor(value, file: file, key: "\(key).\(field)")
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "underline", "reverse", "dim":
                    guard let flag = value.bool else { throw Problem(description: "\(file): \(key).\(field) must be true or false") }
                    switch field {
                    case "bold": style.bold = flag
                    case "underline": style.underline = flag
                    case "reverse": style.reverse = flag
                    default: style.dim = flag
                    }
                default:
                    throw Problem(description: "\(file): unknown key \"\(key).\(field)\" (expected fg, bg, bold, underline, reverse, dim)")
                }
            }
            theme[keyPath: path] = style
        }
        return theme
    }

    static func parseColor(_ value: any TOMLValueConvertible, file: String, key: String) throws -> Color {
        if let n = value.int {
            guard (0...255).contains(n) else { throw Problem(description: "\(file): \(key) must be 0–255, not \(n)") }
            return .indexed(UInt8(n))
        }
        if let text = value.string?.lowercased() {
            if text == "default" { return .default }
            if let n = colorNames[text] { return .indexed(n) }
            if text.hasPrefix("#"), text.count == 7, let rgb = UInt32(text.dropFirst(), radix: 16) {
                return .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
            }
            throw Problem(description: "\(file): \(key): \"\(text)\" is not a colour (a name such as \"red\" or \"bright-blue\", 0–255, or \"#RRGGBB\")")
        }
        throw Problem(description: "\(file): \(key) must be a colour name, a number 0–255 or \"#RRGGBB\"")
    }

    /// Finds and loads the theme called `name`: a path to a .toml file, or NAME.toml in the
    /// folders given (the user's theme folder, `themes/` of the package). "default" and
    /// "mono" are built in when no file is found.
    public static func load(_ name: String, folders: [String]) throws -> Theme {
        let candidates = name.hasSuffix(".toml") || name.contains("/") ? [name] : folders.map { "\($0)/\(name).toml" }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Problem(description: "\(path): cannot be read as UTF-8 text")
            }
            return try parse(text, file: path, name: name)
        }
        if name == "default" { return .default }
        if name == "mono" { return .mono }
        throw Problem(description: "no theme called \"\(name)\" (looked in \(folders.joined(separator: ", ")))")
    }
}

/// The dashboard's config file (`$XDG_CONFIG_HOME/sitrep/config.toml`): `theme = "NAME"`
/// and `folders = ["…"]`, the folders to open when none are named.
public struct DashboardConfig: Sendable, Equatable {
    public var theme: String?
    public var folders: [String] = []

    public init(theme: String? = nil, folders: [String] = []) {
        self.theme = theme
        self.folders = folders
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/sitrep"
    }

    public static func parse(_ text: String, file: String) throws -> DashboardConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeFile.Problem(description: "\(file): line \(error.source.begin.line): \(error.description)")
        }
        var config = DashboardConfig()
        for key in table.keys.sorted() {
            let value = table[key]!
            switch key {
            case "theme":
                guard let name = value.string else { throw ThemeFile.Problem(description: "\(file): theme must be a string, as in theme = \"light\"") }
                config.theme = name
            case "folders":
                guard let array = value.array, let folders = Optional(array.compactMap { $0.string }), folders.count == array.count else {
                    throw ThemeFile.Problem(description: "\(file): folders must be a list of strings, as in folders = [\"~/news\"]")
                }
                config.folders = folders.map { ($0 as NSString).expandingTildeInPath }
            default:
                throw ThemeFile.Problem(description: "\(file): unknown key \"\(key)\" (expected theme, folders)")
            }
        }
        return config
    }
}
