import Foundation
import GRDB

/// What a snapshot is made of, kept in one binary file beside the index so that start-up
/// reads it in one go instead of querying millions of entity rows.
///
/// The file is a cache of the index, never a source: it records which index it was read from
/// and that index's generation (a counter every indexing transaction raises, in the same
/// transaction), the analyser version and the folders, and is used only when all of them
/// still match; otherwise the snapshot is read from the index and the file written again. The
/// file is written only from one read of the index, so what it holds is what that generation
/// held. Strings are stored once, and each distinct entity once, so reading it
/// shares them between the articles that name them.
///
/// Layout, little-endian: the magic, a header (format, analyser, generation, roots), a table
/// of strings, a table of entities, then the articles, each with its entities as (entity,
/// mention count) pairs and the dates it names.
public enum SnapshotFile {
    static let magic = Array("SITREP-SNAPSHOT\n".utf8)
    static let format: UInt32 = 3

    /// Where the snapshot of an index at `indexPath` lives.
    public static func path(forIndex indexPath: String) -> String { indexPath + ".snapshot" }

    public struct Header: Equatable {
        public var analyser: String
        public var digest: UInt64
        public var roots: [String]

        public init(analyser: String, digest: UInt64, roots: [String]) {
            self.analyser = analyser
            self.digest = digest
            self.roots = roots
        }
    }

    // MARK: Writing

    public static func write(_ loaded: [(path: String, article: AnalysedArticle)], header: Header, to path: String) throws {
        var out = Writer()
        out.bytes(magic)
        out.u32(format)
        out.string(header.analyser)
        out.i64(Int64(bitPattern: header.digest))
        out.u32(UInt32(header.roots.count))
        for root in header.roots { out.string(root) }

        // Strings and entities are interned: each distinct one is written once.
        var strings: [String: UInt32] = [:]
        var stringList: [String] = []
        func id(_ s: String) -> UInt32 {
            if let known = strings[s] { return known }
            let next = UInt32(stringList.count)
            strings[s] = next
            stringList.append(s)
            return next
        }
        func optional(_ s: String?) -> UInt32 { s.map(id) ?? UInt32.max }
        struct EntityRecord: Hashable {
            var name: UInt32, kind: UInt8, aliases: [UInt32], place: UInt32, parents: [UInt32], country: UInt32, key: UInt32, canonical: Bool
        }
        var entities: [EntityRecord: UInt32] = [:]
        var entityList: [EntityRecord] = []
        var articles = Writer()
        articles.u32(UInt32(loaded.count))
        for (file, analysed) in loaded {
            let article = analysed.article
            articles.i64(analysed.id ?? -1)
            articles.u32(id(file))
            articles.u32(id(article.path))
            switch article.part {
            case nil: articles.u8(0); articles.u32(0)
            case .line(let n)?: articles.u8(1); articles.u32(UInt32(n))
            case .item(let n)?: articles.u8(2); articles.u32(UInt32(n))
            }
            articles.u32(id(article.title))
            articles.u32(optional(article.source))
            switch article.published {
            case .day(let day):
                articles.u8(0)
                articles.u32(UInt32(day.year * 10_000 + day.month * 100 + day.day))
            case .instant(let date):
                articles.u8(1)
                articles.f64(date.timeIntervalSince1970)
            }
            articles.string(article.publishedFrom.rawValue)
            articles.u32(optional(article.url))
            articles.u32(optional(article.language))
            articles.u32(UInt32(analysed.entityCount))
            for index in 0..<analysed.entityCount {
                let (entity, key) = analysed.entity(at: index)
                let record = EntityRecord(name: id(entity.name), kind: UInt8(EntityKind.allCases.firstIndex(of: entity.kind)!),
                                          aliases: entity.aliases.map(id), place: optional(entity.placeID), parents: entity.parents.map(id),
                                          country: optional(entity.country), key: id(key.key), canonical: key.canonicalName)
                let number: UInt32
                if let known = entities[record] {
                    number = known
                } else {
                    number = UInt32(entityList.count)
                    entities[record] = number
                    entityList.append(record)
                }
                articles.u32(number)
                articles.u32(UInt32(analysed.mentionCounts?[index] ?? entity.mentions.count))
            }
            articles.u32(UInt32(analysed.events.count))
            for date in analysed.events {
                articles.u32(id(date.text))
                articles.u32(UInt32(date.day.year * 10_000 + date.day.month * 100 + date.day.day))
                articles.u8(UInt8(DateGranularity.allCases.firstIndex(of: date.granularity)!))
                articles.u8((date.relative ? 1 : 0) | (date.yearGiven ? 2 : 0))
                articles.u32(UInt32(date.start))
                articles.u32(UInt32(date.end))
            }
            articles.u32(UInt32(analysed.quotes.count))
            for quote in analysed.quotes {
                articles.u32(id(quote.text))
                articles.u32(optional(quote.speaker))
                articles.u32(optional(quote.speakerKey))
                articles.u32(UInt32(quote.start))
                articles.u32(UInt32(quote.end))
            }
        }
        out.u32(UInt32(stringList.count))
        for s in stringList { out.string(s) }
        out.u32(UInt32(entityList.count))
        for e in entityList {
            out.u32(e.name)
            out.u8(e.kind)
            out.u32(UInt32(e.aliases.count))
            for a in e.aliases { out.u32(a) }
            out.u32(e.place)
            out.u32(UInt32(e.parents.count))
            for p in e.parents { out.u32(p) }
            out.u32(e.country)
            out.u32(e.key)
            out.u8(e.canonical ? 1 : 0)
        }
        out.bytes(articles.data)
        // Written whole under another name, then renamed: a reader never sees half a file.
        let temporary = path + ".\(getpid()).tmp"
        try Data(out.data).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(path): \(String(cString: strerror(code)))"])
        }
    }

    // MARK: Reading

    /// The file's header, or nil when there is no readable snapshot there.
    public static func header(at path: String) -> Header? {
        // The header is at the front: read a little of the file, all of it only if need be.
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let front = try? handle.read(upToCount: 1 << 16) else { return nil }
        var input = Reader(bytes: [UInt8](front))
        if let header = try? readHeader(&input) { return header }
        guard front.count == 1 << 16, let data = FileManager.default.contents(atPath: path) else { return nil }
        var whole = Reader(bytes: [UInt8](data))
        return try? readHeader(&whole)
    }

    /// The snapshot in the file when its header is `expected`; nil when there is none, it is
    /// for another index state, or it is damaged.
    public static func read(from path: String, expecting expected: Header) -> [(path: String, article: AnalysedArticle)]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var input = Reader(bytes: [UInt8](data))
        guard let header = try? readHeader(&input), header == expected else { return nil }
        return try? readBody(&input)
    }

    private static func readHeader(_ input: inout Reader) throws -> Header {
        guard try input.bytes(magic.count) == magic, try input.u32() == format else { throw Reader.Damaged() }
        let analyser = try input.string()
        let digest = UInt64(bitPattern: try input.i64())
        let count = try input.u32()
        var roots: [String] = []
        for _ in 0..<count { roots.append(try input.string()) }
        return Header(analyser: analyser, digest: digest, roots: roots)
    }

    private static func readBody(_ input: inout Reader) throws -> [(path: String, article: AnalysedArticle)] {
        let stringCount = Int(try input.u32())
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try input.string()) }
        func string(_ id: UInt32) throws -> String {
            guard Int(id) < strings.count else { throw Reader.Damaged() }
            return strings[Int(id)]
        }
        func optional(_ id: UInt32) throws -> String? { id == UInt32.max ? nil : try string(id) }

        let entityCount = Int(try input.u32())
        var entities: [Entity] = [], entityKeys: [CorpusEntities.Key] = []
        entities.reserveCapacity(entityCount)
        entityKeys.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            let name = try string(try input.u32())
            let kindIndex = Int(try input.u8())
            guard kindIndex < EntityKind.allCases.count else { throw Reader.Damaged() }
            var aliases: [String] = []
            for _ in 0..<(try input.u32()) { aliases.append(try string(try input.u32())) }
            let place = try optional(try input.u32())
            var parents: [String] = []
            for _ in 0..<(try input.u32()) { parents.append(try string(try input.u32())) }
            let country = try optional(try input.u32())
            let key = try string(try input.u32())
            let canonical = try input.u8() == 1
            entities.append(Entity(name: name, kind: EntityKind.allCases[kindIndex], aliases: aliases, mentions: [], placeID: place,
                                   parents: parents, country: country))
            entityKeys.append(CorpusEntities.Key(key: key, canonicalName: canonical))
        }
        let table = EntityTable(entities: entities, keys: entityKeys)

        let articleCount = Int(try input.u32())
        var result: [(path: String, article: AnalysedArticle)] = []
        result.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
            let id = try input.i64()
            let file = try string(try input.u32())
            let display = try string(try input.u32())
            let partKind = try input.u8(), partNumber = Int(try input.u32())
            let part: ArticlePart? = partKind == 1 ? .line(partNumber) : partKind == 2 ? .item(partNumber) : nil
            let title = try string(try input.u32())
            let source = try optional(try input.u32())
            let published: PublishedDate
            if try input.u8() == 0 {
                let packed = Int(try input.u32())
                guard let day = CalendarDay(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100) else { throw Reader.Damaged() }
                published = .day(day)
            } else {
                published = .instant(Date(timeIntervalSince1970: try input.f64()))
            }
            guard let from = PublishedSource(rawValue: try input.string()) else { throw Reader.Damaged() }
            let url = try optional(try input.u32())
            let language = try optional(try input.u32())
            let count = Int(try input.u32())
            var mentions: [Int] = [], records: [Int32] = []
            mentions.reserveCapacity(count)
            records.reserveCapacity(count)
            for _ in 0..<count {
                let number = Int(try input.u32())
                guard number < entities.count else { throw Reader.Damaged() }
                records.append(Int32(number))
                mentions.append(Int(try input.u32()))
            }
            var events: [DateMention] = []
            let eventCount = Int(try input.u32())
            events.reserveCapacity(eventCount)
            for _ in 0..<eventCount {
                let text = try string(try input.u32())
                let packed = Int(try input.u32())
                guard let day = CalendarDay(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100) else { throw Reader.Damaged() }
                let granularity = Int(try input.u8()), flags = try input.u8()
                guard granularity < DateGranularity.allCases.count else { throw Reader.Damaged() }
                events.append(DateMention(text: text, day: day, yearGiven: flags & 2 != 0, start: Int(try input.u32()), end: Int(try input.u32()),
                                          granularity: DateGranularity.allCases[granularity], relative: flags & 1 != 0))
            }
            var quotes: [Quote] = []
            let quoteCount = Int(try input.u32())
            quotes.reserveCapacity(quoteCount)
            for _ in 0..<quoteCount {
                let text = try string(try input.u32())
                let speaker = try optional(try input.u32()), speakerKey = try optional(try input.u32())
                quotes.append(Quote(text: text, speaker: speaker, start: Int(try input.u32()), end: Int(try input.u32()), speakerKey: speakerKey))
            }
            let article = Article(path: display, part: part, title: title, source: source, published: published, publishedFrom: from,
                                  url: url, language: language, body: "")
            result.append((file, AnalysedArticle(article: article, table: table, records: records, id: id < 0 ? nil : id,
                                                 mentionCounts: mentions, events: events, quotes: quotes)))
        }
        guard input.atEnd else { throw Reader.Damaged() }
        return result
    }

    // MARK: Bytes

    private struct Writer {
        var data: [UInt8] = []
        mutating func bytes(_ b: [UInt8]) { data += b }
        mutating func u8(_ v: UInt8) { data.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data += $0 } }
        mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { data += $0 } }
        mutating func f64(_ v: Double) { i64(Int64(bitPattern: v.bitPattern)) }
        mutating func string(_ s: String) {
            let utf8 = Array(s.utf8)
            u32(UInt32(utf8.count))
            data += utf8
        }
    }

    private struct Reader {
        struct Damaged: Error {}
        let bytes: [UInt8]
        var at = 0
        var atEnd: Bool { at == bytes.count }

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, at + n <= bytes.count else { throw Damaged() }
            defer { at += n }
            return bytes[at..<at + n]
        }
        mutating func bytes(_ n: Int) throws -> [UInt8] { Array(try take(n)) }
        mutating func u8() throws -> UInt8 { try take(1).first! }
        mutating func u32() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw Damaged() }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) })
        }
        mutating func i64() throws -> Int64 {
            guard at + 8 <= bytes.count else { throw Damaged() }
            defer { at += 8 }
            return Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: Int64.self) })
        }
        mutating func f64() throws -> Double { Double(bitPattern: UInt64(bitPattern: try i64())) }
        mutating func string() throws -> String {
            let n = Int(try u32())
            guard at + n <= bytes.count else { throw Damaged() }
            defer { at += n }
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[at..<at + n]), as: UTF8.self) }
        }
    }
}

extension Store {
    /// Raises the index's generation; called inside every transaction that changes what the
    /// index holds.
    static func advanceGeneration(_ db: Database) throws {
        let generation = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        try db.execute(sql: "PRAGMA user_version = \(generation + 1)")
    }

    /// What the snapshot file must record to stand for the index under these roots now: the
    /// index's identity (made when it was created) and generation.
    func snapshotHeader(under roots: [Root], _ db: Database) throws -> SnapshotFile.Header {
        let identity = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity'") ?? ""
        let generation = try Int64.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        var digest: UInt64 = 0xcbf29ce484222325
        for b in identity.utf8 { digest = (digest ^ UInt64(b)) &* 0x100000001b3 }
        digest = (digest ^ UInt64(bitPattern: generation)) &* 0x100000001b3
        return SnapshotFile.Header(analyser: Analyser.version, digest: digest,
                                   roots: roots.map { $0.given + "\u{0}" + $0.absolute })
    }

    /// The articles under the roots with their files: from the snapshot file beside the index
    /// when it stands for the index as it is, else from the index (and the file is written for
    /// the next start). An index in memory has no file.
    public func snapshotArticles(under roots: [Root]) throws -> [(path: String, article: AnalysedArticle)] {
        guard let path else { return try analysedFiles(under: roots) }
        let file = SnapshotFile.path(forIndex: path)
        let header = try writer.read { db in try snapshotHeader(under: roots, db) }
        if let cached = SnapshotFile.read(from: file, expecting: header) { return cached }
        return try refreshSnapshotFile(under: roots)
    }

    /// Reads the articles under the roots from the index and writes the snapshot file for
    /// them; returns them. A file that cannot be written is only a slower next start.
    @discardableResult
    public func refreshSnapshotFile(under roots: [Root]) throws -> [(path: String, article: AnalysedArticle)] {
        let (header, loaded) = try writer.read { db in (try snapshotHeader(under: roots, db), try analysedFiles(under: roots, db)) }
        if let path { try? SnapshotFile.write(loaded, header: header, to: SnapshotFile.path(forIndex: path)) }
        return loaded
    }

    /// Whether the snapshot file stands for the index under the roots as it is now.
    public func snapshotFileIsCurrent(under roots: [Root]) throws -> Bool {
        guard let path else { return true }
        let header = try writer.read { db in try snapshotHeader(under: roots, db) }
        return SnapshotFile.header(at: SnapshotFile.path(forIndex: path)) == header
    }
}
