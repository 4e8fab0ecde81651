/// The tagger's weights by feature: an open-addressing hash table keyed by the features'
/// own 64-bit hashes. The keys are already well mixed, so no second hash function is needed,
/// and a look-up is a multiply, a shift and usually one probe — the tagger makes one per
/// feature per token, which with Swift's general-purpose Dictionary dominated tagging time.
struct FeatureTable: Sendable {
    private let keys: [UInt64]
    private let starts: [Int32]
    private let counts: [UInt8]
    private let shift: UInt64
    private let mask: Int

    /// The count that marks a row kept as a dense vector; its start is the vector's index.
    static let denseRow: UInt8 = 255

    /// `rows`: feature → (offset, count) into the model's class and weight arrays.
    init(_ rows: [UInt64: (start: Int32, count: UInt8)]) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var counts = [UInt8](repeating: 0, count: capacity)
        let bits = UInt64(capacity.trailingZeroBitCount)
        let shift = 64 - bits
        for (key, row) in rows {
            var i = Int((key &* 0x9E3779B97F4A7C15) >> shift)
            while counts[i] != 0 { i = (i + 1) & (capacity - 1) }
            keys[i] = key
            starts[i] = row.start
            counts[i] = row.count
        }
        self.keys = keys
        self.starts = starts
        self.counts = counts
        self.shift = shift
        self.mask = capacity - 1
    }

    /// The (offset, count) of a feature's weights, or nil when the model never saw it.
    @inline(__always)
    func row(_ key: UInt64) -> (start: Int, count: Int)? {
        var i = Int((key &* 0x9E3779B97F4A7C15) >> shift)
        while true {
            let count = counts[i]
            if count == 0 { return nil }
            if keys[i] == key { return (Int(starts[i]), Int(count)) }
            i = (i + 1) & mask
        }
    }
}
