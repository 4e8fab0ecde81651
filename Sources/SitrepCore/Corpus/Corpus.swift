import Foundation
import Synchronization

/// Distinct entities, each once with its corpus key, shared by articles loaded together (from a
/// snapshot file, or from the index at once): they name them by number instead of each holding
/// copies.
public final class EntityTable: Sendable {
    public let entities: [Entity]
    public let keys: [CorpusEntities.Key]

    public init(entities: [Entity], keys: [CorpusEntities.Key]) {
        precondition(entities.count == keys.count)
        self.entities = entities
        self.keys = keys
    }
}

/// One article with the entities found in it: what the corpus is built from.
public struct AnalysedArticle: Sendable {
    public var article: Article
    /// The article's entities; for an article sharing a table, looked up in it when asked for.
    public var entities: [Entity] {
        get { shared.map { table, records in records.map { table.entities[Int($0)] } } ?? ownEntities }
        _modify {
            unshare()
            yield &ownEntities
        }
    }
    /// The article's id in the index, when it came from one.
    public var id: Int64?
    /// Mentions per entity, when the entities come without their mentions (from the index).
    public var mentionCounts: [Int]?
    /// Each entity's corpus key, and whether its name is canonical (gazetteer or alias table),
    /// when known already (the index stores them); computed otherwise.
    public var keys: [CorpusEntities.Key] {
        get { shared.map { table, records in records.map { table.keys[Int($0)] } } ?? ownKeys }
        _modify {
            unshare()
            yield &ownKeys
        }
    }
    /// For an article sharing a table of entities: each entity's number in it, so that a corpus
    /// built from articles sharing one table counts each distinct entity once.
    public var records: [Int32]? { shared?.records }
    /// The table those numbers refer to.
    var table: EntityTable? { shared?.table }
    /// The dates the article names (its `dates`; from the index, the stored ones): what the
    /// timeline of events counts and the reader lists.
    public var events: [DateMention]
    /// The article's quotations with their speakers (found in the body when not given).
    public var quotes: [Quote]

    private var ownEntities: [Entity]
    private var ownKeys: [CorpusEntities.Key]
    private var shared: (table: EntityTable, records: [Int32])?

    public init(article: Article, entities: [Entity], id: Int64? = nil, mentionCounts: [Int]? = nil, keys: [CorpusEntities.Key]? = nil,
                aliases: AliasTable = .shipped, events: [DateMention]? = nil, quotes: [Quote]? = nil) {
        self.article = article
        self.events = events ?? article.dates
        self.quotes = quotes ?? (article.body.isEmpty ? [] : QuoteFinder.find(in: article.body, entities: entities))
        self.ownEntities = entities
        self.id = id
        self.mentionCounts = mentionCounts
        self.ownKeys = keys ?? entities.map { CorpusEntities.Key($0, aliases: aliases) }
    }

    /// An article whose entities are entries of a shared table.
    public init(article: Article, table: EntityTable, records: [Int32], id: Int64?, mentionCounts: [Int], events: [DateMention], quotes: [Quote]) {
        self.article = article
        self.events = events
        self.quotes = quotes
        self.ownEntities = []
        self.ownKeys = []
        self.shared = (table, records)
        self.id = id
        self.mentionCounts = mentionCounts
    }

    /// Copies the article's entries out of the shared table, before they are changed.
    private mutating func unshare() {
        guard let (table, records) = shared else { return }
        ownEntities = records.map { table.entities[Int($0)] }
        ownKeys = records.map { table.keys[Int($0)] }
        shared = nil
    }

    /// How many entities the article names.
    public var entityCount: Int { shared?.records.count ?? ownEntities.count }

    /// The entity at `position` and its key, without making the whole list.
    public func entity(at position: Int) -> (entity: Entity, key: CorpusEntities.Key) {
        if let (table, records) = shared { return (table.entities[Int(records[position])], table.keys[Int(records[position])]) }
        return (ownEntities[position], ownKeys[position])
    }
}

/// Full-text search outside the snapshot: an FTS5 query and the lowest id wanted → the index
/// ids of the articles matching it.
public typealias TextSearch = @Sendable (_ query: String, _ from: Int64) throws -> [Int64]

/// The articles of a snapshot, newest first (by publication day, then instant, then path).
public struct ArticleList: RandomAccessCollection, Sendable {
    fileprivate let slots: [AnalysedArticle?]
    fileprivate let order: [Int32]

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    /// Lent, not copied: drawing a list reads a few fields of each article.
    public subscript(position: Int) -> AnalysedArticle {
        _read { yield slots[Int(order[position])].unsafelyUnwrapped }
    }
}

/// An immutable snapshot of the corpus, indexed for filtering: articles newest first, and the
/// articles naming each entity, each place (rolled up to every containing place, so that
/// `region:Ukraine` finds an article that names only Donetsk), each source and each day.
/// Facets — entity counts under a filter — come from the same postings.
///
/// A snapshot is updated by making the next one (`updated`): articles live in slots that never
/// move, postings list slots in the order they were filled, and only the order by date is
/// re-sorted, so a small change to a large corpus costs little more than copying its tables.
public struct Corpus: Sendable {
    /// Newest first (by publication day, then instant, then path).
    public var articles: ArticleList { ArticleList(slots: slots, order: order) }
    /// Every referent across the corpus, most widely reported first.
    public private(set) var entities: [CorpusEntities.Entry] = []

    /// Every article ever added, by slot; nil once removed.
    private var slots: [AnalysedArticle?] = []
    /// Live slots, newest first; and each slot's position in that order (-1 when removed).
    private var order: [Int32] = []
    private var rank: [Int32] = []
    /// Each slot's place in the order by date, worked out once: sorting compares these, not articles.
    private var orderKeys: [OrderKey] = []
    /// The ids of every place containing a place (itself included), by place id: the same few
    /// thousand places are named again and again.
    private var containing: [String: [String]] = [:]

    private struct OrderKey {
        /// The publication day, as days since 1 January 1970.
        var day: Int32
        var instant: Double
        var path: String
        var part: Int

        init(_ article: Article) {
            let day = article.published.day
            self.day = Int32(CalendarDay.daysSince1970(year: day.year, month: day.month, day: day.day))
            if case .instant(let date) = article.published { instant = date.timeIntervalSince1970 } else { instant = -.infinity }
            path = article.path
            part = article.part?.number ?? 0
        }

        /// Newest first (by publication day, then instant, then path and part).
        static func newerFirst(_ x: OrderKey, _ y: OrderKey) -> Bool {
            if x.day != y.day { return x.day > y.day }
            if x.instant != y.instant, x.instant != -.infinity, y.instant != -.infinity { return x.instant > y.instant }
            if x.path != y.path { return x.path < y.path }
            return x.part < y.part
        }
    }
    /// Slots (ascending) by entity key, place id and source key.
    private var byEntity: [String: [Int32]] = [:]
    private var byPlace: [String: [Int32]] = [:]
    private var bySource: [String: [Int32]] = [:]
    /// Entity keys by the plain keys of their names and aliases, and people by surname.
    private var byName: [String: Set<String>] = [:]
    private var bySurname: [String: Set<String>] = [:]
    private var entryByKey: [String: CorpusEntities.Entry] = [:]
    private var tally: CorpusEntities
    private var sourceNames: [String: String] = [:]
    /// Each slot's distinct entity keys as numbers into `keyNames`: those of slot s are
    /// `keyIDs[keyStart[s]..<keyStart[s + 1]]`. Facets count with these in an array; hashing
    /// every key of every listed article took a quarter of a second on a broad filter.
    private var keyStart: [Int32] = [0]
    private var keyIDs: [Int32] = []
    private var keyNames: [String] = []
    private var keyNumbers: [String: Int32] = [:]
    /// Slots by index id: a dense table (ids are the index's row ids, from 1 up), so that
    /// free-text matches (tens of thousands of ids) map to articles without hashing.
    private var slotByID = SlotTable()
    /// Live articles per publication day: the unfiltered timeline.
    private var byDay: [CalendarDay: Int] = [:]
    private let gazetteer: Gazetteer
    private let aliases: AliasTable
    /// When set, free text is matched by the index (FTS5) instead of by reading bodies.
    private let textSearch: TextSearch?
    /// What free-text queries matched, kept for the next time they are asked: the dashboard
    /// asks the same filter again on every key that narrows, folds or toggles, and again of
    /// every snapshot that files landing bring.
    private var textCache = TextCache()

    /// `textSearch`: for articles from the index, whose bodies the snapshot does not hold.
    public init(_ analysed: [AnalysedArticle], gazetteer: Gazetteer = .shipped, aliases: AliasTable = .shipped,
                textSearch: TextSearch? = nil) {
        self.gazetteer = gazetteer
        self.aliases = aliases
        self.textSearch = textSearch
        self.tally = CorpusEntities(aliases: aliases)
        apply(removing: [], adding: analysed)
    }

    /// Starts loading the gazetteer and the alias table on another core: a snapshot cannot be
    /// built without them, and they take a few tenths of a second that can pass while the
    /// snapshot's articles are read.
    public static func loadTablesAlongside() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = Gazetteer.shipped
            _ = AliasTable.shipped
        }
    }

    /// The next snapshot: these articles (by index id) gone, those added. What free text
    /// matched is carried over, so that asking again searches only the articles added.
    public func updated(removing ids: Set<Int64>, adding analysed: [AnalysedArticle]) -> Corpus {
        var next = self
        next.textCache = textCache.carried()
        next.apply(removing: ids, adding: analysed)
        return next
    }

    /// This snapshot as if no free text had been asked of it or of the snapshots before it:
    /// the next free-text query searches the whole index (what `sitrep bench` times).
    public func forgettingText() -> Corpus {
        var copy = self
        copy.textCache = TextCache()
        return copy
    }

    /// The entity keys and places (with every containing place) an article is filed under.
    private mutating func filing(_ item: AnalysedArticle) -> (keys: Set<String>, places: Set<String>) {
        var keys = Set<String>(minimumCapacity: item.keys.count), places = Set<String>()
        for (entity, key) in zip(item.entities, item.keys) {
            keys.insert(key.key)
            if let id = entity.placeID {
                if let known = containing[id] {
                    places.formUnion(known)
                } else if let place = gazetteer.places[id] {
                    let chain = gazetteer.chain(place).map(\.id)
                    containing[id] = chain
                    places.formUnion(chain)
                }
            }
        }
        return (keys, places)
    }

    private mutating func apply(removing ids: Set<Int64>, adding analysed: [AnalysedArticle]) {
        if ids.isEmpty, slots.isEmpty, analysed.count > 1, let table = analysed[0].table, analysed.allSatisfy({ $0.table === table }) {
            return build(analysed)
        }
        var touched = Set<String>()
        // Out: tombstone the slot and take it out of its postings.
        for id in ids {
            guard let slot = slotByID.remove(id), let item = slots[Int(slot)] else { continue }
            slots[Int(slot)] = nil
            let day = item.article.published.day
            if let n = byDay[day] { byDay[day] = n > 1 ? n - 1 : nil }
            tally.remove(item.entities, mentionCounts: item.mentionCounts, keys: item.keys)
            let (keys, places) = filing(item)
            touched.formUnion(keys)
            for key in keys { Self.unpost(slot, &byEntity, key) }
            for place in places { Self.unpost(slot, &byPlace, place) }
            if let source = item.article.source { Self.unpost(slot, &bySource, NameKey.plain(source)) }
        }
        // In: fill new slots, in ascending order, so postings stay sorted by appending.
        var added: [Int32] = []
        slots.reserveCapacity(slots.count + analysed.count)
        orderKeys.reserveCapacity(slots.count + analysed.count)
        for item in analysed {
            let slot = Int32(slots.count)
            slots.append(item)
            orderKeys.append(OrderKey(item.article))
            added.append(slot)
            if let id = item.id { slotByID[id] = slot }
            byDay[item.article.published.day, default: 0] += 1
            tally.add(item.entities, mentionCounts: item.mentionCounts, keys: item.keys)
            let (keys, places) = filing(item)
            touched.formUnion(keys)
            for key in keys {
                byEntity[key, default: []].append(slot)
                if let number = keyNumbers[key] {
                    keyIDs.append(number)
                } else {
                    keyNumbers[key] = Int32(keyNames.count)
                    keyIDs.append(Int32(keyNames.count))
                    keyNames.append(key)
                }
            }
            keyStart.append(Int32(keyIDs.count))
            for id in places { byPlace[id, default: []].append(slot) }
            if let source = item.article.source {
                let key = NameKey.plain(source)
                bySource[key, default: []].append(slot)
                if sourceNames[key] == nil { sourceNames[key] = source }
            }
        }
        // The order by date: a few new articles are inserted where they belong; many, or a
        // removal, re-sort.
        let keys = self.orderKeys
        if !ids.isEmpty {
            let slots = self.slots
            order.removeAll { slots[Int($0)] == nil }
        }
        if added.count > 64 || order.isEmpty {
            order += added
            order.sort { OrderKey.newerFirst(keys[Int($0)], keys[Int($1)]) }
        } else {
            for slot in added {
                let key = keys[Int(slot)]
                var low = 0, high = order.count
                while low < high {
                    let mid = (low + high) / 2
                    if OrderKey.newerFirst(keys[Int(order[mid])], key) { low = mid + 1 } else { high = mid }
                }
                order.insert(slot, at: low)
            }
        }
        rank = [Int32](repeating: -1, count: slots.count)
        for (position, slot) in order.enumerated() { rank[Int(slot)] = Int32(position) }
        index(touched)
    }

    /// A first snapshot from articles sharing one table of entities: what is the same for every article
    /// that names a distinct entity (its key, its places, its share of the tallies) is worked
    /// out once per entity, not once per article.
    private mutating func build(_ analysed: [AnalysedArticle]) {
        struct Record {
            var entity: Entity
            var key: CorpusEntities.Key
            var keyIndex: Int32 = 0
            var places: [Int32] = []
            var articles = 0
            var mentions = 0
        }
        // Numbers are dense, from 0: an array, not a dictionary.
        let highest = analysed.lazy.compactMap { $0.records!.max() }.max() ?? -1
        var records = [Record?](repeating: nil, count: Int(highest) + 1)
        var sourceKeys: [String: String] = [:]
        var keyIndex: [String: Int32] = [:], keyList: [String] = []
        var placeIndex: [String: Int32] = [:], placeList: [String] = []
        slots.reserveCapacity(analysed.count)
        orderKeys.reserveCapacity(analysed.count)
        var entityPostings: [[Int32]] = [], placePostings: [[Int32]] = []
        var lastEntitySlot: [Int32] = [], lastPlaceSlot: [Int32] = []
        for item in analysed {
            let slot = Int32(slots.count)
            slots.append(item)
            orderKeys.append(OrderKey(item.article))
            if let id = item.id { slotByID[id] = slot }
            byDay[item.article.published.day, default: 0] += 1
            for (position, record32) in item.records!.enumerated() {
                let number = Int(record32)
                if records[number] == nil {
                    let (entity, key) = item.entity(at: position)
                    var record = Record(entity: entity, key: key)
                    if let known = keyIndex[key.key] {
                        record.keyIndex = known
                    } else {
                        record.keyIndex = Int32(keyList.count)
                        keyIndex[key.key] = record.keyIndex
                        keyList.append(key.key)
                        entityPostings.append([])
                        lastEntitySlot.append(-1)
                    }
                    if let id = entity.placeID, let place = gazetteer.places[id] {
                        for containing in gazetteer.chain(place) {
                            if let known = placeIndex[containing.id] {
                                record.places.append(known)
                            } else {
                                placeIndex[containing.id] = Int32(placeList.count)
                                record.places.append(Int32(placeList.count))
                                placeList.append(containing.id)
                                placePostings.append([])
                                lastPlaceSlot.append(-1)
                            }
                        }
                    }
                    records[number] = record
                }
                records[number]!.articles += 1
                records[number]!.mentions += item.mentionCounts?[position] ?? item.entity(at: position).entity.mentions.count
                // An article is posted once under a key or place, however many entities lead there.
                let entityIndex = Int(records[number]!.keyIndex)
                if lastEntitySlot[entityIndex] != slot {
                    lastEntitySlot[entityIndex] = slot
                    entityPostings[entityIndex].append(slot)
                    keyIDs.append(Int32(entityIndex))
                }
                for place in records[number]!.places where lastPlaceSlot[Int(place)] != slot {
                    lastPlaceSlot[Int(place)] = slot
                    placePostings[Int(place)].append(slot)
                }
            }
            if let source = item.article.source {
                let key: String
                if let known = sourceKeys[source] {
                    key = known
                } else {
                    key = NameKey.plain(source)
                    sourceKeys[source] = key
                }
                bySource[key, default: []].append(slot)
                if sourceNames[key] == nil { sourceNames[key] = source }
            }
            keyStart.append(Int32(keyIDs.count))
        }
        keyNames = keyList
        keyNumbers = keyIndex
        for (index, key) in keyList.enumerated() { byEntity[key] = entityPostings[index] }
        for (index, place) in placeList.enumerated() { byPlace[place] = placePostings[index] }
        for case let record? in records {
            tally.add(record.entity, key: record.key, articles: record.articles, mentions: record.mentions)
        }
        let keys = orderKeys
        order = (0..<Int32(slots.count)).sorted { OrderKey.newerFirst(keys[Int($0)], keys[Int($1)]) }
        rank = [Int32](repeating: -1, count: slots.count)
        for (position, slot) in order.enumerated() { rank[Int(slot)] = Int32(position) }
        index(Set(keyList))
    }

    /// Entries, and the names that find them, for entities whose counts changed.
    private mutating func index(_ touched: Set<String>) {
        for key in touched {
            guard let entry = tally.entry(key) else {
                entryByKey[key] = nil
                continue
            }
            entryByKey[key] = entry
            for name in [entry.name] + entry.aliases {
                byName[NameKey.plain(name), default: []].insert(entry.key)
                if entry.kind == .person {
                    let person = NameKey.person(name)
                    byName[person, default: []].insert(entry.key)
                    if let surname = person.split(separator: " ").last { bySurname[String(surname), default: []].insert(entry.key) }
                }
            }
        }
        if !touched.isEmpty { entities = entryByKey.values.sorted(by: CorpusEntities.moreReported) }
    }

    /// Where the article from this file (and part of it) stands in the order, if the snapshot
    /// holds it: a scan of the order keys' paths, not of the articles.
    public func position(ofPath path: String, part: Int?) -> Int? {
        for slot in orderKeys.indices where orderKeys[slot].path == path {
            guard rank[slot] >= 0, let item = slots[slot], item.article.part?.number == part else { continue }
            return Int(rank[slot])
        }
        return nil
    }

    /// The first position in the order whose publication day satisfies `isPast` (days fall
    /// along the order, so the positions before it all fail it).
    private func firstPosition(_ isPast: (CalendarDay) -> Bool) -> Int {
        var low = 0, high = order.count
        while low < high {
            let mid = (low + high) / 2
            if isPast(slots[Int(order[mid])]!.article.published.day) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(min(a.count, b.count))
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    static func difference(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count)
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j == b.count || b[j] != x { out.append(x) }
        }
        return out
    }

    static func union(_ lists: [[Int32]]) -> [Int32] {
        let nonEmpty = lists.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
        var all = nonEmpty.flatMap { $0 }
        all.sort()
        var out: [Int32] = []
        out.reserveCapacity(all.count)
        for x in all where out.last != x { out.append(x) }
        return out
    }

    private static func unpost(_ slot: Int32, _ postings: inout [String: [Int32]], _ key: String) {
        guard var list = postings[key] else { return }
        postings[key] = nil  // so that `list` is the only reference and is edited in place
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < slot { low = mid + 1 } else { high = mid }
        }
        if low < list.count, list[low] == slot { list.remove(at: low) }
        if !list.isEmpty { postings[key] = list }
    }

    /// A name the query uses that the corpus cannot resolve, with the nearest known names.
    public struct UnknownName: Error, CustomStringConvertible, Equatable {
        public let field: Query.Field
        public let name: String
        public let suggestions: [String]

        public var description: String {
            let what = field == .actor ? "actor" : field == .region ? "region" : "source"
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "no \(what) called \"\(name)\" in these articles\(hint)"
        }
    }

    public struct BadDate: Error, CustomStringConvertible, Equatable {
        public let field: Query.Field
        public let value: String
        public var description: String { "\(field.rawValue): \"\(value)\" is not a date; write it as YYYY-MM-DD, as in \(field.rawValue):2021-04-01" }
    }

    // MARK: Filtering

    /// Indices into `articles` of the articles matching every term, newest first.
    ///
    /// Postings are sorted lists of slots, so terms combine by merging lists (no hashing);
    /// dates select a contiguous run of the order by date, found by binary search.
    public func matches(_ query: Query) throws -> [Int] {
        var required: [[Int32]] = []
        var excluded: [[Int32]] = []
        var textTerms: [Query.Term] = []
        var low = 0, high = order.count
        for term in query.terms {
            let list: [Int32]
            switch term.field {
            case .text:
                textTerms.append(term)
                continue
            case .actor: list = Self.union(try actorKeys(term.value).map { byEntity[$0] ?? [] })
            case .region: list = Self.union(try regionIDs(term.value).map { byPlace[$0] ?? byEntity[$0] ?? [] })
            case .source: list = Self.union(try sourceKeys(term.value).map { bySource[$0] ?? [] })
            case .since, .until:
                guard let day = DateField.parse(term.value)?.day else { throw BadDate(field: term.field, value: term.value) }
                // Days fall along the order: the articles on or after `day` come first.
                let boundary = term.field == .since ? firstPosition { $0 < day } : firstPosition { $0 <= day }
                switch (term.field, term.negated) {
                case (.since, false), (.until, true): high = min(high, boundary)
                default: low = max(low, boundary)
                }
                continue
            }
            if term.negated { excluded.append(list) } else { required.append(list) }
        }
        var result: [Int]
        // Free text still to apply once the other terms have chosen their articles.
        var textLeft = textTerms
        if required.isEmpty {
            var out = [Bool](repeating: false, count: excluded.isEmpty ? 0 : slots.count)
            for list in excluded { for slot in list { out[Int(slot)] = true } }
            // With nothing narrower than free text, start from the positions the index matched
            // rather than list every position and filter them afterwards.
            let positive = textTerms.filter { !$0.negated }.map { Self.ftsTerm($0) }
            var found: [Bool]? = nil
            if let textSearch, !positive.isEmpty {
                found = try textPositions(positive.joined(separator: " "), textSearch)
                textLeft = textTerms.filter(\.negated)
            }
            result = []
            for position in low..<max(low, high) where (found?[position] ?? true) && (out.isEmpty || !out[Int(order[position])]) {
                result.append(position)
            }
        } else {
            let shortestFirst = required.sorted { $0.count < $1.count }
            var selected = shortestFirst[0]
            for list in shortestFirst.dropFirst() { selected = Self.intersection(selected, list) }
            if !excluded.isEmpty { selected = Self.difference(selected, Self.union(excluded)) }
            if selected.count > order.count / 32 {
                // Many: marked in a table of positions and read off in order (sorting tens of
                // thousands of positions took most of an actor query).
                var listed = [Bool](repeating: false, count: order.count)
                for slot in selected where rank[Int(slot)] >= 0 { listed[Int(rank[Int(slot)])] = true }
                result = []
                result.reserveCapacity(selected.count)
                for position in low..<max(low, high) where listed[position] { result.append(position) }
            } else {
                result = selected.compactMap { slot in
                    let position = Int(rank[Int(slot)])
                    return position >= low && position < high ? position : nil
                }.sorted()
            }
        }
        if let textSearch {
            if !textLeft.isEmpty { result = try filterByIndex(result, textLeft, textSearch) }
        } else if !textTerms.isEmpty {
            let phrases = textTerms.map { (TextMatch.words($0.value), $0.negated) }
            result = result.filter { index in
                let article = articles[index].article
                let words = TextMatch.words(article.title + "\n" + article.body)
                return phrases.allSatisfy { phrase, negated in TextMatch.contains(words, phrase) != negated }
            }
        }
        return result
    }

    /// A free-text query the index refused, with SQLite's reason.
    public struct BadText: Error, CustomStringConvertible, Equatable {
        public let query: String
        public let reason: String
        public var description: String { "cannot search for \(query): \(reason)" }
    }

    /// Free-text terms through the index: the positive terms as one FTS5 query (FTS5 syntax
    /// passes through: OR, NEAR, prefix*), each negated term subtracted.
    private func filterByIndex(_ indices: [Int], _ terms: [Query.Term], _ search: TextSearch) throws -> [Int] {
        var result = indices
        let positive = terms.filter { !$0.negated }.map { Self.ftsTerm($0) }
        if !positive.isEmpty {
            let found = try textPositions(positive.joined(separator: " "), search)
            result = result.filter { found[$0] }
        }
        for term in terms where term.negated {
            let found = try textPositions(Self.ftsTerm(term), search)
            result = result.filter { !found[$0] }
        }
        return result
    }

    /// Which positions of the order an FTS5 query matches: from the cache when it was asked
    /// of this snapshot before; when it was asked of an earlier snapshot, that answer with only
    /// the articles added since searched for.
    ///
    /// An article's content never changes under its index id (a changed file's articles are
    /// written anew), so what the earlier answer said of the slots it covered still holds, and
    /// the slots added since are searched for among the ids from the lowest of theirs up. New
    /// articles get ids above every id the index holds, so that range is about as small as
    /// what was added.
    private func textPositions(_ query: String, _ search: TextSearch) throws -> [Bool] {
        let earlier = textCache.entry(query)
        if let earlier, let positions = earlier.positions { return positions }
        var matched = earlier?.matched ?? []
        let searched = earlier?.searched ?? 0
        let addedIDs = slots[searched...].lazy.compactMap { $0?.id }
        let from = searched == 0 ? 0 : addedIDs.min()
        matched += repeatElement(false, count: slots.count - matched.count)
        if let from {
            let ids: [Int64]
            do {
                ids = try search(query, from)
            } catch {
                let message = "\(error)"
                let reason = message.range(of: "fts5: ").map { String(message[$0.upperBound...]) } ?? message
                throw BadText(query: query, reason: reason.components(separatedBy: " - while").first ?? reason)
            }
            for id in ids { if let slot = slotByID[id] { matched[Int(slot)] = true } }
        }
        var listed = [Bool](repeating: false, count: order.count)
        matched.withUnsafeBufferPointer { matched in
            rank.withUnsafeBufferPointer { rank in
                for slot in 0..<matched.count where matched[slot] && rank[slot] >= 0 { listed[Int(rank[slot])] = true }
            }
        }
        textCache.keep(TextCache.Entry(query: query, matched: matched, searched: slots.count, positions: listed))
        return listed
    }

    /// One term in FTS5 syntax: a phrase or a word that is not a bare FTS5 word is quoted.
    static func ftsTerm(_ term: Query.Term) -> String {
        let value = term.value
        let operators: Set<String> = ["OR", "AND", "NOT", "NEAR"]
        let bare = !value.isEmpty && value.unicodeScalars.enumerated().allSatisfy { i, s in
            s.value >= 0x80 || s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || (s == "*" && i == value.unicodeScalars.count - 1)
        }
        if bare || operators.contains(value) { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Entities named in the given articles, with how many of them name each: the facets of
    /// a filtered view.
    public func facets(_ indices: [Int]) -> [(entry: CorpusEntities.Entry, articles: Int)] {
        // Unfiltered, the counts are the corpus's own: no need to count again.
        if indices.count == order.count { return entities.map { ($0, $0.articles) } }
        // Keys are distinct within an article: each one listed counts one article.
        var counts = [Int32](repeating: 0, count: keyNames.count)
        counts.withUnsafeMutableBufferPointer { counts in
            keyStart.withUnsafeBufferPointer { starts in
                keyIDs.withUnsafeBufferPointer { ids in
                    for index in indices {
                        let slot = Int(order[index])
                        for i in Int(starts[slot])..<Int(starts[slot + 1]) { counts[Int(ids[i])] += 1 }
                    }
                }
            }
        }
        var result: [(entry: CorpusEntities.Entry, articles: Int)] = []
        for (number, count) in counts.enumerated() where count > 0 {
            if let entry = entryByKey[keyNames[number]] { result.append((entry, Int(count))) }
        }
        return result.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.entry.name < $1.entry.name }
    }

    /// Articles per publication day among the given articles, oldest day first.
    public func timeline(_ indices: [Int]) -> [(day: CalendarDay, articles: Int)] {
        if indices.count == order.count { return byDay.sorted { $0.key < $1.key }.map { (day: $0.key, articles: $0.value) } }
        return dayCounts(indices.lazy.map { Int(self.order[$0]) })
    }

    /// How many of the slots fall on each publication day, oldest day first. Days come from
    /// the order keys and are counted in an array over the corpus's range of days: drawing the
    /// timeline under the sidebar's cursor does this for every move.
    private func dayCounts<Slots: Sequence<Int>>(_ slots: Slots) -> [(day: CalendarDay, articles: Int)] {
        guard let newest = order.first, let oldest = order.last else { return [] }
        let high = Int(orderKeys[Int(newest)].day), low = Int(orderKeys[Int(oldest)].day)
        func day(_ number: Int) -> CalendarDay { CalendarDay(date: Date(timeIntervalSince1970: Double(number) * 86_400)) }
        guard high - low < 200_000 else {
            // A corpus spanning centuries (a stray year): count by hashing instead.
            var counts: [Int32: Int] = [:]
            for slot in slots { counts[orderKeys[slot].day, default: 0] += 1 }
            return counts.sorted { $0.key < $1.key }.map { (day: day(Int($0.key)), articles: $0.value) }
        }
        var counts = [Int](repeating: 0, count: high - low + 1)
        orderKeys.withUnsafeBufferPointer { keys in
            for slot in slots { counts[Int(keys[slot].day) - low] += 1 }
        }
        var result: [(day: CalendarDay, articles: Int)] = []
        for (offset, n) in counts.enumerated() where n > 0 { result.append((day(low + offset), n)) }
        return result
    }

    /// What a timeline counts: articles by the day they were published, or by the days on
    /// which they say things happened (their dates of day granularity; an article counts once
    /// for each such day).
    public enum TimelineKind: String, Sendable {
        case published, happened
    }

    /// The days on which an article says things happened, each once.
    static func eventDays(_ item: AnalysedArticle) -> [CalendarDay] {
        var days: [CalendarDay] = []
        for date in item.events where date.granularity == .day && !days.contains(date.day) { days.append(date.day) }
        return days
    }

    /// Articles per day of the events they report, among the given articles, oldest day first.
    public func eventTimeline(_ indices: [Int]) -> [(day: CalendarDay, articles: Int)] {
        var counts: [CalendarDay: Int] = [:]
        for index in indices { for day in Self.eventDays(articles[index]) { counts[day, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { (day: $0.key, articles: $0.value) }
    }

    public func timeline(_ indices: [Int], kind: TimelineKind) -> [(day: CalendarDay, articles: Int)] {
        kind == .published ? timeline(indices) : eventTimeline(indices)
    }

    /// `timeline(_:)` counting only the articles that name the entity with this key.
    public func timeline(_ indices: [Int], naming key: String, kind: TimelineKind = .published) -> [(day: CalendarDay, articles: Int)] {
        guard let slots = byEntity[key] else { return [] }
        let all = indices.count == order.count
        // `indices` ascend (newest first): a binary search tells whether the article is listed.
        func listed(_ slot: Int32) -> Bool {
            if all { return true }
            let position = Int(rank[Int(slot)])
            var low = 0, high = indices.count
            while low < high {
                let middle = (low + high) / 2
                if indices[middle] < position { low = middle + 1 } else { high = middle }
            }
            return low < indices.count && indices[low] == position
        }
        if kind == .published { return dayCounts(slots.lazy.filter(listed).map { Int($0) }) }
        var counts: [CalendarDay: Int] = [:]
        for slot in slots where listed(slot) {
            for day in Self.eventDays(articles[Int(rank[Int(slot)])]) { counts[day, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { (day: $0.key, articles: $0.value) }
    }

    // MARK: Names

    private func isActor(_ key: String) -> Bool {
        guard let entry = entryByKey[key] else { return false }
        if entry.kind != .place { return true }
        return gazetteer.places[String(key.dropFirst("place:".count))]?.kind == .country
    }

    /// People, organisations and countries the name stands for: the full name or any alias,
    /// in any case or accent, curated spellings ("Anthony Blinken"), or a surname alone.
    func actorKeys(_ name: String) throws -> Set<String> {
        var keys = Set<String>()
        var forms = [name]
        for kind in [EntityKind.person, .organization] {
            if let entry = aliases.entry(for: name, kind: kind) { forms.append(entry.canonical) }
        }
        for form in forms {
            keys.formUnion(byName[NameKey.plain(form)] ?? [])
            keys.formUnion(byName[NameKey.person(form)] ?? [])
            if let place = gazetteer.place(named: form), place.kind == .country { keys.insert("place:" + place.id) }
        }
        keys = keys.filter(isActor)
        if keys.isEmpty, !name.contains(" ") { keys = (bySurname[NameKey.person(name)] ?? []).filter(isActor) }
        if keys.isEmpty {
            if let place = gazetteer.place(named: name), place.kind == .country { return [] }  // known, named nowhere here
            throw UnknownName(field: .actor, name: name, suggestions: nearest(name, among: entities.filter { isActor($0.key) }.map(\.name)))
        }
        return keys
    }

    /// The places the name stands for: any gazetteer spelling ("Kiev", "Donbass"), or a place
    /// the articles name.
    func regionIDs(_ name: String) throws -> Set<String> {
        let named = gazetteer.places(named: name)
        if !named.isEmpty { return Set(named.map(\.id)) }
        let keys = (byName[NameKey.plain(name)] ?? []).filter { entryByKey[$0]?.kind == .place }
        if !keys.isEmpty { return keys }
        throw UnknownName(field: .region, name: name, suggestions: nearest(name, among: entities.filter { $0.kind == .place }.map(\.name)))
    }

    func sourceKeys(_ name: String) throws -> Set<String> {
        let key = NameKey.plain(name)
        if bySource[key] != nil { return [key] }
        throw UnknownName(field: .source, name: name, suggestions: nearest(name, among: Array(sourceNames.values)))
    }

    /// Up to three names closest in spelling, for a "did you mean".
    private func nearest(_ name: String, among names: [String]) -> [String] {
        let key = Array(NameKey.plain(name))
        let scored = names.map { candidate -> (String, Int) in
            let plain = NameKey.plain(candidate)
            // A query that starts a name or one of its words ("Zelen") is as good as a near miss;
            // a surname is compared with the last word ("Blinkn" → Antony Blinken).
            let forms = [plain] + plain.split(separator: " ").map(String.init)
            if forms.contains(where: { Array($0).starts(with: key) }) { return (candidate, 0) }
            return (candidate, forms.map { TextMatch.editDistance(key, Array($0)) }.min()!)
        }
        let limit = max(2, key.count / 3)
        return scored.filter { $0.1 <= limit }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }
}

/// Free-text matching for the in-memory corpus: words compared without case or accents, a
/// quoted phrase matching its words in order.
enum TextMatch {
    static func words(_ text: String) -> [String] {
        let folded = text.isASCII ? text.lowercased() : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar.isLetterLike || scalar.isDigitASCII {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return phrase.isEmpty }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
        }
        return false
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Slots by index id, in an array indexed by id; ids beyond what an array should hold (or
/// below zero) go in a dictionary.
struct SlotTable {
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]
    private static let denseLimit: Int64 = 1 << 24

    subscript(id: Int64) -> Int32? {
        get {
            if id >= 0 && id < Int64(dense.count) {
                let slot = dense[Int(id)]
                return slot >= 0 ? slot : nil
            }
            return sparse[id]
        }
        set {
            guard id >= 0 && id < Self.denseLimit else {
                sparse[id] = newValue
                return
            }
            if id >= Int64(dense.count) {
                guard newValue != nil else { return }
                dense += [Int32](repeating: -1, count: max(Int(id) + 1, dense.count + dense.count / 2) - dense.count)
            }
            dense[Int(id)] = newValue ?? -1
        }
    }

    /// Takes the id out; its slot, if it had one.
    mutating func remove(_ id: Int64) -> Int32? {
        let slot = self[id]
        self[id] = nil
        return slot
    }
}

/// What the most recent few free-text queries matched: by slot, which outlives a snapshot, and
/// by position in one snapshot's order.
final class TextCache: Sendable {
    struct Entry: Sendable {
        var query: String
        /// Whether each slot's article matches, for the slots below `searched`.
        var matched: [Bool]
        var searched: Int
        /// The same by position in this snapshot's order; nil in a cache carried to the next.
        var positions: [Bool]?
    }

    private let entries: Mutex<[Entry]>
    private static let capacity = 16

    init(_ entries: [Entry] = []) { self.entries = Mutex(entries) }

    func entry(_ query: String) -> Entry? {
        entries.withLock { entries in
            guard let at = entries.firstIndex(where: { $0.query == query }) else { return nil }
            let entry = entries.remove(at: at)
            entries.append(entry)
            return entry
        }
    }

    func keep(_ entry: Entry) {
        entries.withLock { entries in
            entries.removeAll { $0.query == entry.query }
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append(entry)
        }
    }

    /// A cache for the next snapshot: the same answers by slot, none yet by position.
    func carried() -> TextCache {
        TextCache(entries.withLock { $0 }.map { Entry(query: $0.query, matched: $0.matched, searched: $0.searched, positions: nil) })
    }
}

