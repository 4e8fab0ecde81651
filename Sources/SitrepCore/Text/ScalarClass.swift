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

extension String {
    /// Calls `body` with each Unicode scalar in order, decoded straight from the UTF-8 (which
    /// a String always holds valid). Iterating `unicodeScalars` costs several times as much per
    /// scalar, and the cleaner and the tagger read every scalar of every article a few times.
    @inline(__always)
    func forEachScalar(_ body: (Unicode.Scalar) throws -> Void) rethrows {
        try scanScalars { try body($0); return false }
    }

    /// `forEachScalar` that stops as soon as `body` returns true; true when it stopped.
    @inline(__always) @discardableResult
    func scanScalars(_ body: (Unicode.Scalar) throws -> Bool) rethrows -> Bool {
        var copy = self
        return try copy.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            while i < n {
                let lead = UInt32(utf8[i])
                if lead < 0x80 {
                    if try body(Unicode.Scalar(UInt8(truncatingIfNeeded: lead))) { return true }
                    i &+= 1
                    continue
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(utf8[i &+ k]) & 0x3F }
                if try body(Unicode.Scalar(value).unsafelyUnwrapped) { return true }
                i &+= length
            }
            return false
        }
    }
}
