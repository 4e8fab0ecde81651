/// How many terminal columns a character takes: 0 for combining marks, 2 for East Asian wide
/// and emoji characters, 1 otherwise. Computed from Unicode properties so that the pure UI
/// layer needs no C library; the ranges follow Unicode's East Asian Width (W and F).
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of(character: $1) }
    }

    public static func of(character: Character) -> Int {
        // Printable ASCII, Latin and box drawing: one column, no property look-up.
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : of(scalar: character.unicodeScalars.first!) }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count == 1, (0xA0..<0x300).contains(first.value) || (0x2500..<0x2600).contains(first.value) { return 1 }
        if character.unicodeScalars.count == 1 {
            return of(scalar: first)
        }
        // Emoji sequences (flags, ZWJ families, keycaps) and wide bases take two columns.
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(scalar: first)
    }

    public static func of(scalar s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// A character safe to put in a cell: control characters (C0, C1, DEL, ESC) become their
    /// visible Unicode "control picture" or a replacement mark, so no text can drive the terminal.
    public static func printable(_ character: Character) -> String {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return String(character) }
        guard let first = character.unicodeScalars.first else { return " " }
        switch first.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + first.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        default:
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                return "\u{FFFD}"
            }
            return String(character)
        }
    }
}
