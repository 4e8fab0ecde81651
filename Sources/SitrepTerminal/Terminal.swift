import CNcursesw
import Foundation
import SitrepUI

/// The terminal as ncursesw sees it: opened once, shown a Buffer per frame, closed on every
/// exit path. The only place in Sitrep that talks to the terminal.
public final class Terminal {
    public private(set) var isOpen = false

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
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        mousemask(sitrep_all_mouse_events(), nil)
        isOpen = true
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

    /// Draws the buffer (symbols and attributes; colours come with the dashboard's themes).
    public func show(_ buffer: Buffer) {
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
                wattrset(screen, Int32(bitPattern: UInt32(truncatingIfNeeded: attributes)))
                var wide = Array(cell.symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
                mvwaddnwstr(screen, Int32(y), Int32(x), &wide, Int32(wide.count - 1))
            }
        }
        wrefresh(screen)
    }
}
