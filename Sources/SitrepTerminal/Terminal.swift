import CNcursesw
import Foundation
import SitrepUI

/// The terminal as ncursesw sees it: opened once, shown a Buffer per frame, closed on every
/// exit path. The only place in Sitrep that talks to the terminal.
public final class Terminal {
    public private(set) var isOpen = false
    /// Colour pairs made so far, by foreground and background.
    private var pairs: [Int: Int16] = [:]

    public init() {}

    /// Makes sure wide characters work: with no UTF-8 locale, ncurses cannot measure or draw
    /// them, so fall back to C.UTF-8 (the one UTF-8 locale every machine of ours has).
    public static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" {
            return
        }
        setlocale(LC_ALL, "C.UTF-8")
    }

    /// Enters the full-screen mode: no echo, keys unbuffered, keypad and mouse decoded.
    public func open() {
        guard !isOpen else { return }
        Terminal.ensureUTF8Locale()
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(sitrep_stdscr(), true)
        set_escdelay(25)  // Esc on its own must not wait a second for a following key
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        mousemask(sitrep_all_mouse_events(), nil)
        isOpen = true
    }

    /// Opens ncurses on a file instead of the terminal (for measuring drawing without a
    /// screen); false when the terminal type is unknown.
    public func openHeadless(output path: String, term: String) -> Bool {
        guard !isOpen else { return true }
        Terminal.ensureUTF8Locale()
        guard let out = fopen(path, "w"), let input = fopen("/dev/null", "r") else { return false }
        guard newterm(term, out, input) != nil else { return false }
        if has_colors() {
            start_color()
            use_default_colors()
        }
        isOpen = true
        return true
    }

    /// Leaves full-screen mode and restores the terminal. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        endwin()
        isOpen = false
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(sitrep_cols()), Int(sitrep_lines()))
    }

    /// How many colours the terminal has (0 without colour support).
    public var colorCount: Int { has_colors() ? Int(sitrep_colors()) : 0 }

    /// The colour pair for a style's colours, made on first use; 0 (the terminal's default)
    /// when the terminal cannot show them.
    private func pair(_ style: Style) -> Int16 {
        func number(_ color: Color) -> Int16? {
            switch color {
            case .default: return -1
            case .indexed(let n): return Int(n) < colorCount ? Int16(n) : nil
            case .rgb(let r, let g, let b):
                // The 6×6×6 cube of the 256-colour palette.
                guard colorCount >= 256 else { return nil }
                func level(_ v: UInt8) -> Int { Int(v) < 48 ? 0 : Int(v) < 115 ? 1 : (Int(v) - 35) / 40 }
                return Int16(16 + 36 * level(r) + 6 * level(g) + level(b))
            }
        }
        guard colorCount > 0, let fg = number(style.foreground), let bg = number(style.background), fg != -1 || bg != -1 else { return 0 }
        let key = Int(fg) << 16 | Int(UInt16(bitPattern: bg))
        if let made = pairs[key] { return made }
        let next = Int16(pairs.count + 1)
        guard Int(next) < Int(sitrep_color_pairs()) else { return 0 }
        init_pair(next, fg, bg)
        pairs[key] = next
        return next
    }

    /// Draws the buffer with its styles.
    public func show(_ buffer: Buffer, theme: Theme = .mono) {
        let screen = sitrep_stdscr()
        for y in 0..<buffer.area.height {
            for x in 0..<buffer.area.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                var attributes: attr_t = 0
                if cell.style.bold { attributes |= sitrep_a_bold() }
                if cell.style.underline { attributes |= sitrep_a_underline() }
                if cell.style.reverse { attributes |= sitrep_a_reverse() }
                if cell.style.dim { attributes |= sitrep_a_dim() }
                attributes |= attr_t(UInt32(bitPattern: sitrep_color_pair(Int32(pair(cell.style)))))
                wattrset(screen, Int32(bitPattern: UInt32(truncatingIfNeeded: attributes)))
                var wide = Array(cell.symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
                mvwaddnwstr(screen, Int32(y), Int32(x), &wide, Int32(wide.count - 1))
            }
        }
        wrefresh(screen)
    }

    /// The next key, click or resize, waiting at most `timeoutMilliseconds`.
    public func readEvent(timeoutMilliseconds: Int32) -> Event? {
        let screen = sitrep_stdscr()
        wtimeout(screen, timeoutMilliseconds)
        var character: wint_t = 0
        let result = wget_wch(screen, &character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_RESIZE: return .resize(width: size.width, height: size.height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_ENTER: return .key(.enter)
            case KEY_MOUSE:
                var mouse = MEVENT()
                guard getmouse(&mouse) == OK else { return nil }
                let state = mmask_t(mouse.bstate)
                if state & sitrep_button4_pressed() != 0 { return .wheel(x: Int(mouse.x), y: Int(mouse.y), delta: -1) }
                if state & sitrep_button5_pressed() != 0 { return .wheel(x: Int(mouse.x), y: Int(mouse.y), delta: 1) }
                if state & sitrep_button1_pressed() != 0 { return .click(x: Int(mouse.x), y: Int(mouse.y)) }
                return nil
            default: return nil
            }
        }
        switch character {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(character + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }
}
