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

    /// The same weights laid out for tagging.
    let table: FeatureTable

    init(rows: [UInt64: (start: Int32, count: UInt8)], classes: [UInt8], weights: [Float], lowercaseWords: Set<String>) {
        self.rows = rows
        self.table = FeatureTable(rows, tags: classes, weights: weights)
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
            let previous = i > 0 ? tags[i - 1] : -1
            let beforePrevious = i > 1 ? tags[i - 2] : -1
            feats.removeAll(keepingCapacity: true)
            features.staticFeatures(sentence, i, into: &feats)
            features.dynamicFeatures(sentence, i, previous: previous, beforePrevious: beforePrevious, into: &feats)
            for k in 0..<scores.count { scores[k] = 0 }
            scores.withUnsafeMutableBufferPointer { table.addVotes(of: feats, to: $0) }
            tags.append(best(scores, after: i > 0 ? previous : nil, last: i == words.count - 1))
        }
        return tags
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

    /// A little-endian integer of `width` bytes; 0 past the end.
    private mutating func integer<T: FixedWidthInteger>(_ width: Int) -> T {
        guard offset + width <= data.count else { overrun = true; offset = data.count; return 0 }
        var value: T = 0
        for k in (0..<width).reversed() { value = value << 8 | T(data[offset + k]) }
        offset += width
        return value
    }

    mutating func u8() -> UInt8 { integer(1) }
    mutating func u16() -> UInt16 { integer(2) }
    mutating func u32() -> UInt32 { integer(4) }
    mutating func u64() -> UInt64 { integer(8) }
}

extension Data {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
