import Foundation

/// A statistical named-entity tagger: an averaged perceptron over BILOU tags, decoded
/// greedily from left to right with only well-formed tag transitions allowed.
///
/// The model is a table from hashed features to a few quantised class weights; it is trained
/// by `sitrep-train-tagger` on CoNLL-2003 and ships as a resource of SitrepCore.
public struct EntityTagger: Sendable {
    /// Feature → the classes it votes for: offsets into `classes`/`weights`.
    let rows: [UInt64: (start: Int32, count: UInt8)]
    let classes: [UInt8]
    let weights: [Float]
    let features: TaggerFeatures

    let table: FeatureTable

    init(rows: [UInt64: (start: Int32, count: UInt8)], classes: [UInt8], weights: [Float], lowercaseWords: Set<String>) {
        self.rows = rows
        self.table = FeatureTable(rows)
        self.classes = classes
        self.weights = weights
        self.features = TaggerFeatures(lowercaseWords: lowercaseWords)
    }

    /// The model shipped with Sitrep.
    public static func shipped() throws -> EntityTagger {
        guard let url = Bundle.module.url(forResource: "entity-tagger", withExtension: "model") else {
            throw ModelError("the entity tagger model is missing from the SitrepCore resources")
        }
        return try load(Data(contentsOf: url))
    }

    public struct ModelError: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// Entity spans of one sentence, as token ranges with their type.
    public func tag(_ words: [String]) -> [(range: Range<Int>, type: EntityType)] {
        TagSet.spans(tagSequence(words)).map { (range: $0.0, type: $0.1) }
    }

    func tagSequence(_ words: [String]) -> [Int] {
        let sentence = TaggerFeatures.sentence(words)
        var tags: [Int] = []
        tags.reserveCapacity(words.count)
        var scores = [Float](repeating: 0, count: TagSet.count)
        var feats: [UInt64] = []
        feats.reserveCapacity(48)
        for i in 0..<words.count {
            for k in 0..<scores.count { scores[k] = 0 }
            let previous = i > 0 ? tags[i - 1] : -1
            let beforePrevious = i > 1 ? tags[i - 2] : -1
            feats.removeAll(keepingCapacity: true)
            features.staticFeatures(sentence, i, into: &feats)
            features.dynamicFeatures(sentence, i, previous: previous, beforePrevious: beforePrevious, into: &feats)
            scores.withUnsafeMutableBufferPointer { scores in
                classes.withUnsafeBufferPointer { classes in
                    weights.withUnsafeBufferPointer { weights in
                        for f in feats { add(f, to: scores, classes: classes, weights: weights) }
                    }
                }
            }
            tags.append(best(scores, after: i > 0 ? previous : nil, last: i == words.count - 1))
        }
        return tags
    }

    @inline(__always)
    private func add(_ feature: UInt64, to scores: UnsafeMutableBufferPointer<Float>,
                     classes: UnsafeBufferPointer<UInt8>, weights: UnsafeBufferPointer<Float>) {
        guard let row = table.row(feature) else { return }
        // The model file was validated when loaded: every class index is below TagSet.count.
        for k in row.start..<row.start + row.count { scores[Int(classes[k])] += weights[k] }
    }

    /// The best tag that may follow `previous`; at the end of a sentence an open entity must close.
    /// Which tag may follow which: row 0 is the sentence start, row p + 1 follows tag p.
    private static let transitions: [[Bool]] = (-1..<TagSet.count).map { previous in
        (0..<TagSet.count).map { TagSet.allowed($0, after: previous < 0 ? nil : previous) }
    }
    /// Tags that leave an entity open, not allowed on a sentence's last token.
    private static let opening: [Bool] = (0..<TagSet.count).map { tag in
        TagSet.decode(tag).map { $0.0 == .begin || $0.0 == .inside } ?? false
    }

    static func bestAllowed(_ scores: [Float], after previous: Int?, last: Bool) -> Int {
        var bestTag = 0
        var bestScore = -Float.infinity
        let allowed = transitions[(previous ?? -1) + 1]
        for tag in 0..<scores.count where allowed[tag] && !(last && opening[tag]) {
            if scores[tag] > bestScore { bestScore = scores[tag]; bestTag = tag }
        }
        return bestTag
    }

    private func best(_ scores: [Float], after previous: Int?, last: Bool) -> Int {
        EntityTagger.bestAllowed(scores, after: previous, last: last)
    }

    // MARK: - Model file

    private static let magic: [UInt8] = Array("SRTG".utf8)
    private static let version: UInt32 = 3

    /// Binary, little-endian: magic, version, lowercase lexicon, weight scale, then per
    /// feature its hash and (class, Int16 weight) pairs.
    public func serialized(scale: Float) -> Data {
        var out = Data(EntityTagger.magic)
        out.appendLE(EntityTagger.version)
        let lexicon = features.lowercaseWords.sorted()
        out.appendLE(UInt32(lexicon.count))
        for word in lexicon {
            let bytes = Array(word.utf8)
            out.appendLE(UInt16(bytes.count))
            out.append(contentsOf: bytes)
        }
        out.appendLE(scale.bitPattern)
        out.appendLE(UInt32(rows.count))
        for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
            out.appendLE(key)
            out.append(row.count)
            for k in Int(row.start)..<Int(row.start) + Int(row.count) {
                out.append(classes[k])
                out.appendLE(UInt16(bitPattern: Int16(max(-32767, min(32767, (weights[k] / scale).rounded())))))
            }
        }
        return out
    }

    public static func load(_ data: Data) throws -> EntityTagger {
        var reader = ByteReader(data: [UInt8](data))
        guard reader.bytes(4) == magic else { throw ModelError("not a Sitrep tagger model") }
        guard reader.u32() == version else { throw ModelError("tagger model version mismatch") }
        var lexicon = Set<String>()
        for _ in 0..<reader.u32() {
            let length = Int(reader.u16())
            lexicon.insert(String(decoding: reader.bytes(length), as: UTF8.self))
        }
        let scale = Float(bitPattern: reader.u32())
        let count = Int(reader.u32())
        var rows: [UInt64: (start: Int32, count: UInt8)] = [:]
        rows.reserveCapacity(count)
        var classes: [UInt8] = []
        var weights: [Float] = []
        for _ in 0..<count {
            let key = reader.u64()
            let n = reader.u8()
            rows[key] = (Int32(classes.count), n)
            for _ in 0..<n {
                let tag = reader.u8()
                guard Int(tag) < TagSet.count else { throw ModelError("tagger model names an unknown tag") }
                classes.append(tag)
                weights.append(Float(Int16(bitPattern: reader.u16())) * scale)
            }
        }
        guard !reader.overrun else { throw ModelError("tagger model file is truncated") }
        return EntityTagger(rows: rows, classes: classes, weights: weights, lowercaseWords: lexicon)
    }
}

struct ByteReader {
    let data: [UInt8]
    var offset = 0
    var overrun = false

    mutating func bytes(_ n: Int) -> [UInt8] {
        guard offset + n <= data.count else { overrun = true; offset = data.count; return [] }
        defer { offset += n }
        return Array(data[offset..<offset + n])
    }

    mutating func u8() -> UInt8 { bytes(1).first ?? 0 }
    mutating func u16() -> UInt16 { bytes(2).reversed().reduce(0) { $0 << 8 | UInt16($1) } }
    mutating func u32() -> UInt32 { bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    mutating func u64() -> UInt64 { bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
}

extension Data {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
