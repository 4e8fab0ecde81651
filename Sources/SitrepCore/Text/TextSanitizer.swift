/// Removes what must never reach a terminal or an index from text read out of files.
public enum TextSanitizer {
    /// Drops terminal control sequences (CSI, OSC, other ESC sequences) and C0/C1 control
    /// characters except newline and tab; carriage returns become newlines.
    /// An article must not be able to move the cursor, clear the screen or set a window title.
    public static func stripControls(_ text: String) -> String {
        // Most text has nothing to strip: check the bytes first (C1 controls are C2 80–9F in UTF-8).
        var clean = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                clean = false
                break
            }
            previous = byte
        }
        if clean { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let s = next() {
            switch s.value {
            case 0x1B:
                skipEscapeSequence(&iterator, pending: &pending)
            case 0x9B:  // 8-bit CSI
                skipCSIBody(&iterator)
            case 0x9D:  // 8-bit OSC
                skipStringBody(&iterator)
            case 0x0D:
                // CRLF → LF; a lone CR → LF.
                if let following = iterator.next() {
                    scalars.append("\n")
                    if following != "\n" { pending = following }
                } else {
                    scalars.append("\n")
                }
            case 0x0A, 0x09:
                scalars.append(s)
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                continue
            default:
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// A single-line form for messages: every control character shown as `\u{…}`.
    public static func visible(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s.value {
            case 0x00...0x1F, 0x7F, 0x80...0x9F: out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    private static func skipEscapeSequence(_ it: inout String.UnicodeScalarView.Iterator,
                                           pending: inout Unicode.Scalar?) {
        guard let kind = it.next() else { return }
        switch kind {
        case "[": skipCSIBody(&it)
        case "]", "P", "X", "^", "_": skipStringBody(&it)
        case "(", ")", "*", "+", "#", "%": _ = it.next()  // charset designation: one more byte
        default:
            // A two-character sequence (ESC c, ESC 7…). Printable text after a stray ESC is kept.
            if kind.value < 0x20 || kind.value > 0x7E { pending = kind }
        }
    }

    /// CSI: parameters and intermediates, ended by a byte in 0x40–0x7E.
    private static func skipCSIBody(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if (0x40...0x7E).contains(s.value) { return }
            if !(0x20...0x3F).contains(s.value) { return }
        }
    }

    /// OSC, DCS and friends: ended by BEL or ST (ESC \ or 0x9C).
    private static func skipStringBody(_ it: inout String.UnicodeScalarView.Iterator) {
        var sawEscape = false
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if sawEscape && s == "\\" { return }
            sawEscape = s.value == 0x1B
        }
    }
}
