/// Character classes on Unicode scalars with an ASCII fast path: most news text is ASCII, and
/// Unicode property look-ups are the cost that dominates text scanning otherwise.
extension Unicode.Scalar {
    @inline(__always)
    var isLetterLike: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    @inline(__always)
    var isSpaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0xA0 || value == 0x200B || value == 0xFEFF || properties.isWhitespace
    }

    @inline(__always)
    var isDigitASCII: Bool { value >= 0x30 && value <= 0x39 }
}

extension StringProtocol {
    /// True when the first character is an upper-case letter ("Kyiv", "É"), decided from the
    /// first byte for ASCII.
    @inline(__always)
    var startsUppercase: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return unicodeScalars.first!.properties.isUppercase
    }
}
