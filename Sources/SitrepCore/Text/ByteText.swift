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
    /// Every needle's bytes, back to back, ordered by first byte.
    private let bytes: [UInt8]
    /// Where each needle starts in `bytes`; one more entry marks the end of the last.
    private let starts: [Int]
    /// For each first byte b, the needles `first[b]..<first[b + 1]`.
    private let first: [Int]

    init(_ words: [String]) {
        let needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var bytes: [UInt8] = [], starts: [Int] = [], first = [Int](repeating: 0, count: 257)
        for needle in needles {
            starts.append(bytes.count)
            bytes += needle
            first[Int(needle[0]) + 1] += 1
        }
        starts.append(bytes.count)
        for b in 0..<256 { first[b + 1] += first[b] }
        self.bytes = bytes
        self.starts = starts
        self.first = first
    }

    func occur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    first.withUnsafeBufferPointer { first in
                        let count = haystack.count
                        for i in 0..<count {
                            let b = Int(ByteText.lower(haystack[i]))
                            var n = first[b]
                            let last = first[b + 1]
                            while n < last {
                                let start = starts[n], length = starts[n + 1] - start
                                n += 1
                                guard i + length <= count else { continue }
                                var k = 1
                                while k < length && ByteText.lower(haystack[i + k]) == bytes[start + k] { k += 1 }
                                if k == length { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
}

/// A text addressed by Unicode-scalar offsets (the offsets Sitrep reports), sliced without
/// rebuilding strings scalar by scalar.
struct ScalarText {
    let text: String
    private let utf8: [UInt8]
    /// Where each scalar starts in `utf8`, and the end.
    private let offsets: [Int32]

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (k, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { offsets.append(Int32(k)) }
        offsets.append(Int32(utf8.count))
        self.offsets = offsets
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[Int(offsets[start])..<Int(offsets[end])], as: UTF8.self)
    }
}
