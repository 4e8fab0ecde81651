import CNcursesw
import Foundation
import SitrepUI

/// The terminal as ncursesw sees it: opened once, shown a Buffer per frame, closed on every
/// exit path. The only place in Sitrep that talks to the terminal.
public final class Terminal {
    public private(set) var isOpen = false
    /// Colour pairs made so far, by foreground and background.
    private var pairs: [Int: Int16] = [:]
    /// The buffer last written to the screen: cells that have not changed are not written again.
    private var lastShown: Buffer? = nil

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
        lastShown = nil
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
        // A direct-colour terminal (its terminfo says so: TERM=xterm-direct, tmux-direct…) takes
        // colours as 0xRRGGBB, after the first eight, which stay the ANSI ones.
        let direct = colorCount >= 1 << 24
        func number(_ color: Color) -> Int32? {
            switch color {
            case .default: return -1
            case .indexed(let n):
                if direct && n >= 8 {
                    let (r, g, b) = Self.paletteRGB(n)
                    return Self.directValue(r, g, b)
                }
                return Int(n) < colorCount ? Int32(n) : nil
            case .rgb(let r, let g, let b):
                if direct { return Self.directValue(r, g, b) }
                // The 6×6×6 cube of the 256-colour palette.
                guard colorCount >= 256 else { return nil }
                func level(_ v: UInt8) -> Int32 { Int(v) < 48 ? 0 : Int(v) < 115 ? 1 : (Int32(v) - 35) / 40 }
                return 16 + 36 * level(r) + 6 * level(g) + level(b)
            }
        }
        guard colorCount > 0, let fg = number(style.foreground), let bg = number(style.background), fg != -1 || bg != -1 else { return 0 }
        let key = Int(fg) << 32 | Int(UInt32(bitPattern: bg))
        if let made = pairs[key] { return made }
        let next = Int16(pairs.count + 1)
        // Pairs reach the screen through the attribute bits, which hold 255 of them.
        guard Int(next) < min(256, Int(sitrep_color_pairs())) else { return 0 }
        init_extended_pair(Int32(next), fg, bg)
        pairs[key] = next
        return next
    }

    /// A direct colour: 0xRRGGBB, nudged off the eight values below 8 that mean the ANSI colours.
    static func directValue(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }

    /// The xterm palette's colour for an indexed colour from 8 up: the bright colours, the
    /// 6×6×6 cube and the grey ramp.
    static func paletteRGB(_ n: UInt8) -> (UInt8, UInt8, UInt8) {
        switch n {
        case 0..<16:
            let bright: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                                                   (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            return bright[Int(n)]
        case 16..<232:
            let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = Int(n) - 16
            return (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
        default:
            let v = UInt8(8 + (Int(n) - 232) * 10)
            return (v, v, v)
        }
    }

    /// Draws the buffer with its styles.
    public func show(_ buffer: Buffer, theme: Theme = .mono) {
        let screen = sitrep_stdscr()
        let previous = lastShown?.area == buffer.area ? lastShown : nil
        lastShown = buffer
        let width = buffer.area.width
        // Runs of cells in one style are written with one call; cells that are the same as last
        // time (ncurses keeps what was written) are not written again.
        var run: [wchar_t] = []
        run.reserveCapacity(width + 1)
        var runStart = 0, runStyle = Style.plain
        func flush(_ y: Int) {
            guard !run.isEmpty else { return }
            var attributes: attr_t = 0
            if runStyle.bold { attributes |= sitrep_a_bold() }
            if runStyle.underline { attributes |= sitrep_a_underline() }
            if runStyle.reverse { attributes |= sitrep_a_reverse() }
            if runStyle.dim { attributes |= sitrep_a_dim() }
            attributes |= attr_t(UInt32(bitPattern: sitrep_color_pair(Int32(pair(runStyle)))))
            wattrset(screen, Int32(bitPattern: UInt32(truncatingIfNeeded: attributes)))
            let count = Int32(run.count)
            run.append(0)
            mvwaddnwstr(screen, Int32(y), Int32(runStart), run, count)
            run.removeAll(keepingCapacity: true)
        }
        let previousCells = previous?.cells ?? []
        let compare = previous != nil
        buffer.cells.withUnsafeBufferPointer { cells in
            previousCells.withUnsafeBufferPointer { old in
                for y in 0..<buffer.area.height {
                    let row = y * width
                    for x in 0..<width {
                        let i = row + x
                        if cells[i].isContinuation { continue }
                        if compare, old[i] == cells[i], x + 1 >= width || old[i + 1] == cells[i + 1] {
                            flush(y)
                            continue
                        }
                        if !run.isEmpty && cells[i].style != runStyle { flush(y) }
                        if run.isEmpty {
                            runStart = x
                            runStyle = cells[i].style
                        }
                        for scalar in cells[i].symbol.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    flush(y)
                }
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
