/// The tagger's weights by feature, laid out for look-up speed: tagging makes one look-up per
/// feature per token, at random places in a table of megabytes, so the cost is cache misses.
///
/// An open-addressing hash table keyed by the features' own 64-bit hashes (already well
/// mixed: a multiply and a shift find the slot); each slot holds its key and where its row
/// is, so a probe touches one cache line. A row's votes (tag and weight together) follow one
/// another. Rows voting for many tags — the bias, shapes, frequent words, met on almost every
/// token — are dense vectors added in one vector operation.
struct FeatureTable: Sendable {
    private struct Slot {
        var key: UInt64 = 0
        var start: Int32 = 0
        /// Votes in the row; 0 marks an empty slot, `denseRow` a dense row.
        var count: UInt8 = 0
    }

    struct Vote {
        var weight: Float
        var tag: UInt8
    }

    private let slots: [Slot]
    private let shift: UInt64
    private let mask: Int
    /// Sparse rows' votes, row after row.
    let votes: [Vote]
    /// Dense rows: tags 0–15 as one vector, and tag 16.
    let dense: [SIMD16<Float>]
    let denseLast: [Float]

    static let denseRow: UInt8 = 255
    /// Rows with this many votes or more are kept dense.
    static let denseFrom: UInt8 = 6

    /// `rows`: feature → (offset, count) into `tags`/`weights`.
    init(_ rows: [UInt64: (start: Int32, count: UInt8)], tags: [UInt8], weights: [Float]) {
        precondition(TagSet.count == 17, "dense rows hold 16 + 1 tags")
        var capacity = 16
        while capacity < rows.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var votes: [Vote] = [], dense: [SIMD16<Float>] = [], denseLast: [Float] = []
        let shift = 64 - UInt64(capacity.trailingZeroBitCount)
        // In key order, so that the layout does not depend on dictionary order.
        for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
            let range = Int(row.start)..<Int(row.start) + Int(row.count)
            var slot = Slot(key: key)
            if row.count >= FeatureTable.denseFrom {
                var vector = SIMD16<Float>(), last: Float = 0
                for k in range { if tags[k] < 16 { vector[Int(tags[k])] = weights[k] } else { last = weights[k] } }
                slot.start = Int32(dense.count)
                slot.count = FeatureTable.denseRow
                dense.append(vector)
                denseLast.append(last)
            } else {
                slot.start = Int32(votes.count)
                slot.count = row.count
                for k in range { votes.append(Vote(weight: weights[k], tag: tags[k])) }
            }
            var i = Int((key &* 0x9E3779B97F4A7C15) >> shift)
            while slots[i].count != 0 { i = (i + 1) & (capacity - 1) }
            slots[i] = slot
        }
        self.slots = slots
        self.shift = shift
        self.mask = capacity - 1
        self.votes = votes
        self.dense = dense
        self.denseLast = denseLast
    }

    /// Adds the votes of every feature the model knows to `scores` (one per tag).
    func addVotes(of features: [UInt64], to scores: UnsafeMutableBufferPointer<Float>) {
        var vector = SIMD16<Float>(), last: Float = 0
        slots.withUnsafeBufferPointer { slots in
            votes.withUnsafeBufferPointer { votes in
                dense.withUnsafeBufferPointer { dense in
                    denseLast.withUnsafeBufferPointer { denseLast in
                        for key in features {
                            var i = Int((key &* 0x9E3779B97F4A7C15) >> shift)
                            while true {
                                let slot = slots[i]
                                if slot.count == 0 { break }
                                if slot.key == key {
                                    let start = Int(slot.start)
                                    if slot.count == FeatureTable.denseRow {
                                        vector += dense[start]
                                        last += denseLast[start]
                                    } else {
                                        for k in start..<start + Int(slot.count) { scores[Int(votes[k].tag)] += votes[k].weight }
                                    }
                                    break
                                }
                                i = (i + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        for k in 0..<16 { scores[k] += vector[k] }
        scores[16] += last
    }
}
