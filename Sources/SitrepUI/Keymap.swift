/// A key as the dashboard sees it, whatever terminal it came from.
public enum Key: Sendable, Equatable, Hashable {
    case char(Character)
    case enter, escape, tab, backTab, backspace
    case up, down, left, right, pageUp, pageDown, home, end
    case ctrl(Character)

    /// How help and the key-hint line write it.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .ctrl(let c): return "^" + String(c).uppercased()
        }
    }
}

/// What a key does.
public enum Action: Sendable, Equatable {
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case nextPane, previousPane, focus(Pane)
    case open, back
    case command, actorCommand, regionCommand, narrow
    case help, quit, problems
    case earlier, later
    case fold, unfold
    case timelineKind
    case quotes
    case groupByStory
}

/// One binding: the keys, what they do, and how help describes it.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var description: String
    /// Shown on the key-hint line.
    public var hint: Bool
}

/// The keybindings, as tables per context: the reducer looks keys up here, and the help
/// overlay and hint line are generated from the same tables.
public enum Keymap {
    public static let global: [Binding] = [
        Binding(keys: [.char("j"), .down], action: .moveDown, description: "move down", hint: false),
        Binding(keys: [.char("k"), .up], action: .moveUp, description: "move up", hint: false),
        Binding(keys: [.char("g"), .home], action: .top, description: "go to the top", hint: false),
        Binding(keys: [.char("G"), .end], action: .bottom, description: "go to the bottom", hint: false),
        Binding(keys: [.pageDown, .ctrl("d")], action: .pageDown, description: "page down", hint: false),
        Binding(keys: [.pageUp, .ctrl("u")], action: .pageUp, description: "page up", hint: false),
        Binding(keys: [.tab], action: .nextPane, description: "next pane", hint: true),
        Binding(keys: [.backTab], action: .previousPane, description: "previous pane", hint: false),
        Binding(keys: [.char("1")], action: .focus(.articles), description: "focus the articles", hint: false),
        Binding(keys: [.char("2")], action: .focus(.entities), description: "focus actors & places", hint: false),
        Binding(keys: [.char("3")], action: .focus(.timeline), description: "focus the timeline", hint: false),
        Binding(keys: [.char(":")], action: .command, description: "command line (:actor, :region, :source, :since, :until, :clear, :theme, :q)", hint: true),
        Binding(keys: [.char("a")], action: .actorCommand, description: "filter by actor", hint: true),
        Binding(keys: [.char("r")], action: .regionCommand, description: "filter by region", hint: true),
        Binding(keys: [.char("/")], action: .narrow, description: "narrow the focused list as you type", hint: true),
        Binding(keys: [.escape], action: .back, description: "back, clear narrowing, or drop the last filter", hint: false),
        Binding(keys: [.char("?")], action: .help, description: "this help", hint: true),
        Binding(keys: [.char("t")], action: .timelineKind, description: "timeline by publication day, or by the days events happened", hint: true),
        Binding(keys: [.char("e")], action: .problems, description: "files that could not be read, with the reasons", hint: false),
        Binding(keys: [.char("q")], action: .quit, description: "quit", hint: true),
    ]

    public static let articles: [Binding] = [
        Binding(keys: [.enter], action: .open, description: "read the article", hint: true),
        Binding(keys: [.char("s")], action: .groupByStory, description: "group by story (articles reporting the same event), or list by date", hint: true),
    ]

    public static let entities: [Binding] = [
        Binding(keys: [.enter, .char(" ")], action: .open, description: "toggle the entity as a filter", hint: true),
        Binding(keys: [.char("\"")], action: .quotes, description: "what the person or organisation said, across the filtered articles", hint: true),
        Binding(keys: [.char("h"), .left], action: .fold, description: "fold the places inside (or go to the containing place)", hint: false),
        Binding(keys: [.char("l"), .right], action: .unfold, description: "unfold the places inside", hint: false),
    ]

    public static let timeline: [Binding] = [
        Binding(keys: [.char("h"), .left], action: .earlier, description: "earlier bucket", hint: false),
        Binding(keys: [.char("l"), .right], action: .later, description: "later bucket", hint: false),
        Binding(keys: [.enter], action: .open, description: "narrow to the bucket (Esc widens)", hint: true),
    ]

    public static let reader: [Binding] = [
        Binding(keys: [.char("j"), .down], action: .moveDown, description: "scroll down", hint: false),
        Binding(keys: [.char("k"), .up], action: .moveUp, description: "scroll up", hint: false),
        Binding(keys: [.pageDown, .char(" ")], action: .pageDown, description: "page down", hint: false),
        Binding(keys: [.pageUp], action: .pageUp, description: "page up", hint: false),
        Binding(keys: [.char("g"), .home], action: .top, description: "top", hint: false),
        Binding(keys: [.char("G"), .end], action: .bottom, description: "bottom", hint: false),
        Binding(keys: [.escape, .char("q")], action: .back, description: "back to the list", hint: true),
    ]

    /// The tables that apply, most specific first.
    static func tables(for state: DashboardState) -> [[Binding]] {
        if state.reading != nil { return [reader] }
        switch state.focus {
        case .articles: return [articles, global]
        case .entities: return [entities, global]
        case .timeline: return [timeline, global]
        }
    }

    static func action(for key: Key, in state: DashboardState) -> Action? {
        for table in tables(for: state) {
            if let binding = table.first(where: { $0.keys.contains(key) }) { return binding.action }
        }
        return nil
    }

    /// Sections of the help overlay: a title and lines "keys  description".
    public static var help: [(title: String, lines: [String])] {
        func lines(_ table: [Binding]) -> [String] {
            table.map { binding in
                let keys = binding.keys.map(\.label).joined(separator: " ")
                return keys.padding(toLength: max(12, keys.count + 2), withPad: " ", startingAt: 0) + binding.description
            }
        }
        return [("Everywhere", lines(global)), ("Articles", lines(articles)), ("Actors & places", lines(entities)),
                ("Timeline", lines(timeline)), ("Reader", lines(reader))]
    }
}

extension Key {
    /// Keys written as text, for `sitrep snapshot --keys` and tests: characters stand for
    /// themselves; `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Bksp>`, `<Space>`, `<Up>`, `<Down>`,
    /// `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>` and `<C-x>` name the others.
    public static func sequence(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        var rest = Substring(text)
        let names: [String: Key] = ["enter": .enter, "cr": .enter, "esc": .escape, "tab": .tab, "s-tab": .backTab, "bksp": .backspace,
                                    "bs": .backspace, "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
                                    "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "lt": .char("<")]
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">") {
                let name = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                if let key = names[name] {
                    keys.append(key)
                } else if name.hasPrefix("c-"), name.count == 3 {
                    keys.append(.ctrl(name.last!))
                } else {
                    throw KeyError(description: "unknown key <\(name)> in --keys (known: <Enter> <Esc> <Tab> <S-Tab> <Bksp> <Space> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <C-x> <lt>)")
                }
                rest = rest[rest.index(after: close)...]
            } else {
                keys.append(.char(first))
                rest = rest.dropFirst()
            }
        }
        return keys
    }

    public struct KeyError: Error, CustomStringConvertible {
        public let description: String
    }
}
