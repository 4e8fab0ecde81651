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

/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` (or
/// `.whitespacesAndNewlines`) trims, scalar by scalar, without the round trip through
/// `NSString` and UTF-16 that made trimming a few per cent of reading JSON and front matter.
extension String {
    /// Without the spaces (Unicode category Zs, tab, U+200B) at either end; with `newlines`, also
    /// line and paragraph separators and U+000A–U+000D, U+0085.
    func trimmingSpaces(newlines: Bool = false) -> String { self[...].trimmingSpaces(newlines: newlines) }
}

extension Substring {
    /// As `String.trimmingSpaces`.
    func trimmingSpaces(newlines: Bool = false) -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(self)
        }
        var head = 0, tail = 0
        for scalar in unicodeScalars {
            guard Self.trims(scalar, newlines) else { break }
            head += UTF8.width(scalar)
        }
        let count = utf8.count
        if head < count {
            for scalar in unicodeScalars.reversed() {
                guard Self.trims(scalar, newlines) else { break }
                tail += UTF8.width(scalar)
            }
        }
        let bytes = utf8
        let from = bytes.index(bytes.startIndex, offsetBy: Swift.min(head, count))
        let to = bytes.index(bytes.endIndex, offsetBy: -tail)
        return from < to ? String(decoding: bytes[from..<to], as: UTF8.self) : ""
    }

    @inline(__always)
    private static func trims(_ scalar: Unicode.Scalar, _ newlines: Bool) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || v == 0x09 || (newlines && v >= 0x0A && v <= 0x0D) }
        if newlines && (v == 0x85 || v == 0x2028 || v == 0x2029) { return true }
        // Foundation's set: category Zs, and U+200B (a space separator in older Unicode).
        return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000
    }
}

extension StringProtocol {
    /// Whether the text holds this ASCII character: one pass over the UTF-8. (`contains("&")`
    /// resolves to Foundation's substring search, which goes through `NSString`.)
    @inline(__always)
    func containsASCII(_ character: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(truncatingIfNeeded: character.value))
    }
}

extension String {
    /// The text of a run of scalars, encoded straight into UTF-8: several times cheaper than
    /// appending them to a `String.UnicodeScalarView` one by one.
    init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[n] = UInt8(truncatingIfNeeded: value)
                    n &+= 1
                } else {
                    UTF8.encode(scalar) { buffer[n] = $0; n &+= 1 }
                }
            }
            return n
        }
    }
}
