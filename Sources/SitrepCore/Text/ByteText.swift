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

/// Lower-case ASCII words to look for in text, ignoring ASCII case, all in one pass: a cheap
/// test to run before a regular expression that cannot match without one of them.
struct ASCIINeedles: Sendable {
    private let needles: [[UInt8]]
    /// For each first byte, the needles that start with it.
    private let byFirstByte: [[Int]]

    init(_ words: [String]) {
        needles = words.map { Array($0.utf8) }
        var table = [[Int]](repeating: [], count: 256)
        for (index, needle) in needles.enumerated() where !needle.isEmpty { table[Int(needle[0])].append(index) }
        byFirstByte = table
    }

    func occur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let count = haystack.count
            var i = 0
            while i < count {
                let candidates = byFirstByte[Int(ByteText.lower(haystack[i]))]
                for index in candidates {
                    let needle = needles[index]
                    guard i + needle.count <= count else { continue }
                    var k = 1
                    while k < needle.count && ByteText.lower(haystack[i + k]) == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
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
