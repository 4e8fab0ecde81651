/// Building text byte by byte: appending Unicode scalars to a String one at a time is
/// expensive in Swift, appending to a byte buffer and decoding once is not.
struct ByteText {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always) mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)); return }
        UTF8.encode(scalar) { bytes.append($0) }
    }

    mutating func append(contentsOf text: String) { bytes.append(contentsOf: text.utf8) }

    var isEmpty: Bool { bytes.isEmpty }
    var last: UInt8? { bytes.last }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// ASCII lower case of a byte.
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
}

extension String {
    /// True when every byte is ASCII: the fast paths apply.
    @inline(__always) var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

extension String {
    /// Whether any of `needles` (lower-case ASCII) occurs in the text, ignoring ASCII case:
    /// a byte scan cheap enough to run before a regular expression that needs one of them.
    func containsASCII(anyOf needles: [String]) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            for needle in needles {
                let n = Array(needle.utf8)
                guard n.count <= haystack.count else { continue }
                var i = 0
                while i <= haystack.count - n.count {
                    if ByteText.lower(haystack[i]) == n[0] {
                        var k = 1
                        while k < n.count && ByteText.lower(haystack[i + k]) == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
            }
            return false
        }
    }
}

/// A text addressed by Unicode-scalar offsets (the offsets Sitrep reports), sliced without
/// rebuilding strings scalar by scalar.
struct ScalarText {
    let text: String
    private let positions: [String.Index]

    init(_ text: String) {
        self.text = text
        var positions = Array(text.unicodeScalars.indices)
        positions.append(text.unicodeScalars.endIndex)
        self.positions = positions
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        String(text.unicodeScalars[positions[start]..<positions[end]])
    }
}
