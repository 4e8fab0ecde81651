import Foundation
import GRDB
import GRDBSQLite
import Synchronization

extension Store {
    /// A folder or file as the user named it, and its key in the index.
    public struct Root: Sendable {
        public var given: String
        public var absolute: String

        public init(_ given: String) {
            self.given = given
            self.absolute = Indexer.absolute(given)
        }

        /// The path as the user would write it: under the root they named.
        public func display(_ path: String) -> String {
            if path == absolute { return given }
            let rest = path.dropFirst(absolute.count)
            return given.hasSuffix("/") ? given + rest.dropFirst() : given + rest
        }

        public func contains(_ path: String) -> Bool {
            path == absolute || path.hasPrefix(absolute.hasSuffix("/") ? absolute : absolute + "/")
        }
    }

    /// What the corpus needs of every article under the roots: metadata and entities with
    /// their mention counts. Bodies and mention offsets stay in the index (text search runs
    /// there; the reader fetches a body when it shows one).
    public func analysed(under roots: [Root]) throws -> [AnalysedArticle] {
        try analysedFiles(under: roots).map(\.article)
    }

    /// `analysed(under:)` with the file (absolute path) each article came from.
    public func analysedFiles(under roots: [Root]) throws -> [(path: String, article: AnalysedArticle)] {
        try writer.read { db in try analysedFiles(under: roots, db) }
    }

    func analysedFiles(under roots: [Root], _ db: Database) throws -> [(path: String, article: AnalysedArticle)] {
        var loaded = Loaded()
        for root in Self.distinct(roots) {
            try loaded.articles(db, root, sql: "path = ? OR (path >= ? AND path < ?)",
                                arguments: [root.absolute, root.absolute + "/", root.absolute + "0"])
        }
        try loaded.entities(db)
        try loaded.dates(db)
        try loaded.quotes(db)
        return zip(loaded.order, loaded.result).map { (loaded.paths[$0.0]!, $0.1) }
    }

    /// The articles of some files (absolute paths) under the roots, with the file each came from.
    public func analysed(files: [String], under roots: [Root]) throws -> [(path: String, article: AnalysedArticle)] {
        try writer.read { db in
            var loaded = Loaded()
            for file in Set(files) {
                guard let root = roots.first(where: { $0.contains(file) }) else { continue }
                try loaded.articles(db, root, sql: "path = ?", arguments: [file])
            }
            try loaded.entities(db)
            try loaded.dates(db)
            try loaded.quotes(db)
            return zip(loaded.order, loaded.result).map { (loaded.paths[$0.0]!, $0.1) }
        }
    }

    /// Articles and their entities as read from the index, in the order read.
    private struct Loaded {
        var articles: [Int64: AnalysedArticle] = [:]
        var order: [Int64] = []
        var paths: [Int64: String] = [:]
        var places: [String: [String]] = [:]  // place id → parents' names, innermost first
        /// Entities are kept once each, in a table the articles share: the same few thousand
        /// referents are named by every article, and a copy each took a third of the memory.
        private var records: [EntityRow: Int32] = [:]
        private var tableEntities: [Entity] = [], tableKeys: [CorpusEntities.Key] = []
        private var named: [Int64: (records: [Int32], mentions: [Int])] = [:]
        /// Strings read again and again (speakers), kept once.
        private var strings: [String: String] = [:]

        /// An entity as stored for one article, less its mention count.
        private struct EntityRow: Hashable {
            var name: String, kind: String, aliases: String, place: String?, country: String?, key: String, canonical: Bool
        }

        var result: [AnalysedArticle] {
            let table = EntityTable(entities: tableEntities, keys: tableKeys)
            return order.map { id in
                let read = articles[id]!
                let entities = named[id] ?? ([], [])
                return AnalysedArticle(article: read.article, table: table, records: entities.records, id: id,
                                       mentionCounts: entities.mentions, events: read.events, quotes: read.quotes)
            }
        }

        mutating func interned(_ string: String?) -> String? {
            guard let string else { return nil }
            if let known = strings[string] { return known }
            strings[string] = string
            return string
        }

        mutating func articles(_ db: Database, _ root: Root, sql condition: String, arguments: StatementArguments) throws {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, part_kind, part, title, source, published, published_at, published_from, url, language
                FROM article WHERE \(condition)
                """, arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard articles[id] == nil else { continue }
                let path: String = row[1]
                var part: ArticlePart? = nil
                if let number: Int = row[3] { part = (row[2] as String?) == "line" ? .line(number) : .item(number) }
                let published: PublishedDate
                if let seconds: Double = row[7] {
                    published = .instant(Date(timeIntervalSince1970: seconds))
                } else if let day = DateField.parse(row[6] as String) {
                    published = day
                } else {
                    continue
                }
                let article = Article(path: root.display(path), part: part, title: row[4], source: row[5], published: published,
                                      publishedFrom: PublishedSource(rawValue: row[8]) ?? .file, url: row[9], language: row[10], body: "")
                articles[id] = AnalysedArticle(article: article, entities: [], id: id, mentionCounts: [], keys: [])
                order.append(id)
                paths[id] = path
            }
        }

        /// Rows of a table kept per article, for the articles loaded: the whole table when many
        /// are (one scan beats thousands of look-ups), else those of their ids.
        private func rows(_ db: Database, _ table: String, _ columns: String, orderBy: String) throws -> RowCursor {
            if articles.count > 500 { return try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table) ORDER BY \(orderBy)") }
            let ids = order.map(String.init).joined(separator: ",")
            return try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table) WHERE article_id IN (\(ids)) ORDER BY \(orderBy)")
        }

        mutating func entities(_ db: Database) throws {
            guard !articles.isEmpty else { return }
            try read(try rows(db, "entity", "article_id, name, kind, aliases, place_id, country, mentions, corpus_key, canonical", orderBy: "id"), db)
        }

        mutating func dates(_ db: Database) throws {
            guard !articles.isEmpty else { return }
            let rows = try rows(db, "date_mention", "article_id, text, day, granularity, relative, start, \"end\", year_given", orderBy: "article_id, start")
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard articles[id] != nil, let day = DateField.isoDay(row[2] as String) else { continue }
                articles[id]!.events.append(DateMention(text: row[1], day: day, yearGiven: row[7], start: row[5], end: row[6],
                                                        granularity: DateGranularity(rawValue: row[3]) ?? .day, relative: row[4]))
            }
        }

        mutating func quotes(_ db: Database) throws {
            guard !articles.isEmpty else { return }
            let rows = try rows(db, "quote", "article_id, text, speaker, speaker_key, start, \"end\"", orderBy: "article_id, start")
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard articles[id] != nil else { continue }
                let speaker = interned(row[2]), speakerKey = interned(row[3])
                articles[id]!.quotes.append(Quote(text: row[1], speaker: speaker, start: row[4], end: row[5], speakerKey: speakerKey))
            }
        }

        private mutating func read(_ rows: RowCursor, _ db: Database) throws {
            while let row = try rows.next() {
                let articleID: Int64 = row[0]
                guard articles[articleID] != nil, let kind = EntityKind(rawValue: row[2]) else { continue }
                let stored = EntityRow(name: row[1], kind: row[2], aliases: row[3], place: row[4], country: row[5], key: row[7], canonical: row[8])
                let number: Int32
                if let known = records[stored] {
                    number = known
                } else {
                    var parents: [String] = []
                    if let placeID = stored.place {
                        if let known = places[placeID] {
                            parents = known
                        } else {
                            parents = try Store.parents(of: placeID, db)
                            places[placeID] = parents
                        }
                    }
                    let entity = Entity(name: stored.name, kind: kind, aliases: stored.aliases.isEmpty ? [] : stored.aliases.split(separator: "\n").map(String.init),
                                        mentions: [], placeID: stored.place, parents: parents, country: stored.country)
                    number = Int32(tableEntities.count)
                    records[stored] = number
                    tableEntities.append(entity)
                    tableKeys.append(stored.key.isEmpty ? CorpusEntities.Key(entity) : CorpusEntities.Key(key: stored.key, canonicalName: stored.canonical))
                }
                named[articleID, default: ([], [])].records.append(number)
                named[articleID, default: ([], [])].mentions.append(row[6])
            }
        }
    }

    /// The names of the places containing a place, innermost first, from the index's places.
    fileprivate static func parents(of id: String, _ db: Database) throws -> [String] {
        var names: [String] = []
        var seen: Set<String> = [id]
        // Prepared once per connection: a corpus names thousands of places.
        var next = try String.fetchOne(try db.cachedStatement(sql: "SELECT parent_id FROM place WHERE id = ?"), arguments: [id])
        let parent = try db.cachedStatement(sql: "SELECT name, parent_id FROM place WHERE id = ?")
        while let parentID = next, seen.insert(parentID).inserted,
              let row = try Row.fetchOne(parent, arguments: [parentID]) {
            names.append(row[0])
            next = row[1]
        }
        return names
    }

    /// The problems recorded for files under the roots when they were read.
    public func problems(under roots: [Root]) throws -> [ReadIssue] {
        try writer.read { db in
            var issues: [ReadIssue] = []
            for root in Self.distinct(roots) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT path, problems FROM file WHERE problems != '' AND (path = ? OR (path >= ? AND path < ?)) ORDER BY path
                    """, arguments: [root.absolute, root.absolute + "/", root.absolute + "0"])
                while let row = try rows.next() {
                    let path = root.display(row[0])
                    for line in (row[1] as String).split(separator: "\n") {
                        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                        guard fields.count == 3 else { continue }
                        issues.append(ReadIssue(path: path, location: fields[1].isEmpty ? nil : fields[1], reason: fields[2],
                                                severity: fields[0] == "warning" ? .warning : .error))
                    }
                }
            }
            return issues
        }
    }

    /// Index ids of the articles whose title or body match an FTS5 query, in ascending order.
    ///
    /// A large index is searched in parts, one range of ids per core, each part on its own
    /// reader connection: FTS5 seeks to a range's first id in every posting list, so the parts
    /// split the work, and the disk reads of a search the page cache has not seen yet overlap.
    /// A word in three quarters of 100,000 articles took 7 ms to list on one core.
    /// `from`: the lowest id wanted (a snapshot that searched before asks only about the
    /// articles added since). `parts`: how many parts to search in; by default one per core
    /// (up to four) from `textSplitFrom` ids to search up, else one.
    public func textMatches(_ query: String, from: Int64 = 0, parts: Int? = nil) throws -> [Int64] {
        let top = try writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM article") } ?? 0
        let span = max(1, top - from)
        let parts = max(1, min(Int(span), parts ?? (span >= Self.textSplitFrom ? min(4, ProcessInfo.processInfo.activeProcessorCount) : 1)))
        guard parts > 1 else { return try textMatches(query, from: from, below: Int64.max) }
        let bounds = (0...parts).map { k in k == parts ? Int64.max : from + span / Int64(parts) * Int64(k) }
        let found = Mutex<[Result<[Int64], any Error>?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let result = Result { try textMatches(query, from: bounds[k], below: bounds[k + 1]) }
            found.withLock { $0[k] = result }
        }
        var ids: [Int64] = []
        for result in found.withLock({ $0 }) { ids += try result!.get() }
        return ids
    }

    /// Fewer ids than this to search are searched in one part.
    static let textSplitFrom: Int64 = 20_000

    /// The matching ids in `low..<high`.
    private func textMatches(_ query: String, from low: Int64, below high: Int64) throws -> [Int64] {
        try writer.read { db in
            // Stepped through with SQLite's own calls, one id per step: 75,000 ids cost about
            // 2 ms on top of what FTS5 takes to find them. As one `group_concat` string they
            // cost about 4 ms, GRDB's cursor was no faster than that, and GRDB's rows into a
            // set took ten times as long.
            let sql = "SELECT rowid FROM article_text WHERE article_text MATCH ?1 AND rowid >= ?2 AND rowid < ?3"
            var statement: OpaquePointer? = nil
            guard sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw DatabaseError(resultCode: db.lastErrorCode, message: db.lastErrorMessage, sql: sql)
            }
            defer { sqlite3_finalize(statement) }
            let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
            sqlite3_bind_text(statement, 1, query, -1, transient)
            sqlite3_bind_int64(statement, 2, low)
            sqlite3_bind_int64(statement, 3, high)
            var ids: [Int64] = []
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_ROW {
                    ids.append(sqlite3_column_int64(statement, 0))
                } else if code == SQLITE_DONE {
                    return ids
                } else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
                }
            }
        }
    }

    /// Where each entity is mentioned in an article's body (Unicode-scalar offsets), in order.
    public func mentions(ofArticle id: Int64) throws -> [(start: Int, end: Int, kind: EntityKind)] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT spans, kind FROM entity WHERE article_id = ? ORDER BY id", arguments: [id])
        }
        var mentions: [(start: Int, end: Int, kind: EntityKind)] = []
        for row in rows {
            guard let kind = EntityKind(rawValue: row[1]) else { continue }
            let spans: String = row[0]
            mentions += Self.spans(spans).map { ($0.start, $0.end, kind) }
        }
        return mentions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// An entity's mentions as the index keeps them: "start-end" pairs, separated by spaces.
    static func spansText(_ mentions: [Mention]) -> String {
        mentions.map { "\($0.start)-\($0.end)" }.joined(separator: " ")
    }

    /// The spans `spansText` wrote; anything malformed is skipped.
    static func spans(_ text: String) -> [(start: Int, end: Int)] {
        text.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: "-")
            guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), start <= end else { return nil }
            return (start, end)
        }
    }

    /// How many articles the index holds under the roots, without loading them.
    public func articleCount(under roots: [Root]) throws -> Int {
        try writer.read { db in
            try Self.distinct(roots).reduce(0) { total, root in
                total + (try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE path = ? OR (path >= ? AND path < ?)",
                                          arguments: [root.absolute, root.absolute + "/", root.absolute + "0"]) ?? 0)
            }
        }
    }

    /// The days each article says things happened (its dates of day granularity), by article id.
    public func eventDays() throws -> [Int64: [CalendarDay]] {
        try writer.read { db in
            var days: [Int64: [CalendarDay]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT article_id, day FROM date_mention WHERE granularity = 'day'")
            while let row = try rows.next() {
                if let day = DateField.isoDay(row[1] as String) { days[row[0], default: []].append(day) }
            }
            return days
        }
    }

    /// A body, for the reader.
    public func body(ofArticle id: Int64) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT body FROM article WHERE id = ?", arguments: [id]) }
    }

    /// Roots without those inside another root, so an article is listed once.
    static func distinct(_ roots: [Root]) -> [Root] {
        roots.filter { root in !roots.contains { $0.absolute != root.absolute && $0.contains(root.absolute) } }
            .reduce(into: [Root]()) { kept, root in if !kept.contains(where: { $0.absolute == root.absolute }) { kept.append(root) } }
    }
}
