/// Entities across many articles: one per real-world referent, with how many articles and
/// mentions name it.
///
/// Places merge by gazetteer id; organisations by their curated or normalised name; people by
/// their full name with transliteration variants folded. A bare surname that no article could
/// resolve stays apart from full names: two people may share it.
public struct CorpusEntities: Sendable {
    public struct Entry: Sendable, Equatable {
        /// What identifies the referent across articles ("person:antony blinken", "place:UA").
        public var key: String
        public var name: String
        public var kind: EntityKind
        public var aliases: [String]
        public var articles: Int
        public var mentions: Int
        /// For places: the name of the containing place.
        public var parent: String?
    }

    private struct Tally {
        var kind: EntityKind
        /// Names and other forms, with how many articles use each (so an article can be taken out).
        var names: [String: Int] = [:]
        var aliases: [String: Int] = [:]
        var articles = 0
        var mentions = 0
        var parent: String?
        var fixedName: String?
    }

    private var tallies: [String: Tally] = [:]
    private let aliasTable: AliasTable

    public init(aliases: AliasTable = .shipped) {
        aliasTable = aliases
    }

    /// What the corpus needs to know of an entity beyond the article: the referent it is, and
    /// whether its name is the canonical one (a gazetteer or alias-table name).
    public struct Key: Sendable, Equatable {
        public var key: String
        public var canonicalName: Bool

        public init(key: String, canonicalName: Bool) {
            self.key = key
            self.canonicalName = canonicalName
        }

        public init(_ entity: Entity, aliases: AliasTable = .shipped) {
            key = CorpusEntities.key(entity)
            canonicalName = entity.placeID != nil || aliases.entry(for: entity.name, kind: entity.kind) != nil
        }
    }

    static func key(_ entity: Entity) -> String {
        switch entity.kind {
        case .place: return "place:" + (entity.placeID ?? NameKey.plain(entity.name))
        case .organization: return "org:" + NameKey.plain(entity.name)
        case .person: return "person:" + NameKey.person(entity.name)
        }
    }

    /// Adds the entities of one article. `mentionCounts`, when given, stands for each entity's mentions (entities from the index
    /// come without their mention offsets).
    /// `keys`, when given, are the entities' `Key`s, computed already.
    /// Adds one entity as `articles` articles name it, with `mentions` mentions in all: the
    /// same entity, named the same way in many articles, is counted in one step.
    public mutating func add(_ entity: Entity, key known: Key, articles: Int, mentions: Int) {
        Self.update(&tallies[known.key, default: Tally(kind: entity.kind)], entity, known, mentions: mentions, articles: articles)
    }

    public mutating func add(_ entities: [Entity], mentionCounts: [Int]? = nil, keys: [Key]? = nil) {
        for (i, entity) in entities.enumerated() {
            let known = keys?[i] ?? Key(entity, aliases: aliasTable)
            let key = known.key
            // Updated in place: copying a tally out and back would copy its tables every time.
            Self.update(&tallies[key, default: Tally(kind: entity.kind)], entity, known,
                        mentions: mentionCounts?[i] ?? entity.mentions.count)
        }
    }

    private static func update(_ tally: inout Tally, _ entity: Entity, _ known: Key, mentions: Int, articles: Int = 1) {
        tally.names[entity.name, default: 0] += articles
        for alias in entity.aliases { tally.aliases[alias, default: 0] += articles }
        tally.articles += articles
        tally.mentions += mentions
        if tally.parent == nil { tally.parent = entity.parents.first }
        // Gazetteer and curated names are canonical whatever the articles wrote.
        if known.canonicalName { tally.fixedName = entity.name }
    }

    /// Takes out the entities of one article added before.
    public mutating func remove(_ entities: [Entity], mentionCounts: [Int]? = nil, keys: [Key]? = nil) {
        for (i, entity) in entities.enumerated() {
            let key = keys?[i].key ?? Key(entity, aliases: aliasTable).key
            guard var tally = tallies.removeValue(forKey: key) else { continue }
            func decrement(_ table: inout [String: Int], _ name: String) {
                if let n = table[name] { table[name] = n > 1 ? n - 1 : nil }
            }
            decrement(&tally.names, entity.name)
            for alias in entity.aliases { decrement(&tally.aliases, alias) }
            tally.articles -= 1
            tally.mentions -= mentionCounts?[i] ?? entity.mentions.count
            if tally.articles > 0, !tally.names.isEmpty { tallies[key] = tally }
        }
    }

    /// One entity, as `entries` lists it; nil when no article names it.
    public func entry(_ key: String) -> Entry? {
        tallies[key].map { Self.entry(key, $0) }
    }

    private static func entry(_ key: String, _ tally: Tally) -> Entry {
        let name = tally.fixedName ?? tally.names.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        var forms = Set(tally.aliases.keys)
        forms.formUnion(tally.names.keys)
        forms.remove(name)
        return Entry(key: key, name: name, kind: tally.kind, aliases: forms.sorted(), articles: tally.articles, mentions: tally.mentions,
                     parent: tally.kind == .place ? tally.parent : nil)
    }

    /// The order of `entries`: more articles, then more mentions, then by name.
    public static func moreReported(_ a: Entry, _ b: Entry) -> Bool {
        if a.articles != b.articles { return a.articles > b.articles }
        if a.mentions != b.mentions { return a.mentions > b.mentions }
        return (a.name, a.kind.rawValue) < (b.name, b.kind.rawValue)
    }

    /// Every entity, most widely reported first; the canonical name is the curated or
    /// gazetteer name, else the form most articles use (alphabetical on ties), so it does not
    /// depend on the order articles were read.
    public var entries: [Entry] {
        tallies.map { Self.entry($0.key, $0.value) }.sorted(by: Self.moreReported)
    }
}
