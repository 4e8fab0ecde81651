/// The entity types the tagger knows. MISC (nationalities, events, works) is learnt from
/// CoNLL so that it does not pollute the others, but Sitrep reports only PER, ORG and LOC.
public enum EntityType: Int, Sendable, CaseIterable {
    case person, organization, location, misc

    public var conllName: String { ["PER", "ORG", "LOC", "MISC"][rawValue] }

    public init?(conllName: some StringProtocol) {
        guard let index = ["PER", "ORG", "LOC", "MISC"].firstIndex(of: String(conllName)) else { return nil }
        self.init(rawValue: index)
    }
}

/// BILOU tags: Begin, Inside, Last, Outside, Unit. Class 0 is O; then four per type.
enum TagSet {
    enum Position: Int { case begin, inside, last, unit }

    static let count = 1 + 4 * EntityType.allCases.count

    static func tag(_ position: Position, _ type: EntityType) -> Int { 1 + type.rawValue * 4 + position.rawValue }

    static func decode(_ tag: Int) -> (Position, EntityType)? {
        guard tag > 0 else { return nil }
        return (Position(rawValue: (tag - 1) % 4)!, EntityType(rawValue: (tag - 1) / 4)!)
    }

    static func name(_ tag: Int) -> String {
        guard let (position, type) = decode(tag) else { return "O" }
        return ["B", "I", "L", "U"][position.rawValue] + "-" + type.conllName
    }

    /// Whether `tag` may follow `previous` (nil: sentence start) in a well-formed sequence.
    static func allowed(_ tag: Int, after previous: Int?) -> Bool {
        let open = previous.flatMap(decode).flatMap { ($0.0 == .begin || $0.0 == .inside) ? $0.1 : nil }
        guard let (position, type) = decode(tag) else { return open == nil }
        switch position {
        case .begin, .unit: return open == nil
        case .inside, .last: return open == type
        }
    }

    /// Spans (token ranges with a type) from a BILOU sequence.
    static func spans(_ tags: [Int]) -> [(Range<Int>, EntityType)] {
        var result: [(Range<Int>, EntityType)] = []
        var start: Int? = nil
        for (i, tag) in tags.enumerated() {
            guard let (position, type) = decode(tag) else { start = nil; continue }
            switch position {
            case .unit: result.append((i..<i + 1, type)); start = nil
            case .begin: start = i
            case .inside: break
            case .last: if let s = start { result.append((s..<i + 1, type)) }; start = nil
            }
        }
        return result
    }

    /// BILOU tags for spans over `count` tokens.
    static func tags(count: Int, spans: [(Range<Int>, EntityType)]) -> [Int] {
        var tags = Array(repeating: 0, count: count)
        for (range, type) in spans {
            if range.count == 1 { tags[range.lowerBound] = tag(.unit, type); continue }
            for i in range { tags[i] = tag(.inside, type) }
            tags[range.lowerBound] = tag(.begin, type)
            tags[range.upperBound - 1] = tag(.last, type)
        }
        return tags
    }
}
