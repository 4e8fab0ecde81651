import Foundation
import Glibc
import GRDB
import Synchronization

/// Brings the index in line with the folders: the folders are the truth.
///
/// Files whose size and modification time match the index are taken as they are; the others
/// are hashed, and only content that is new or changed is read and analysed. A file that
/// vanished while another with the same content appeared was renamed, and keeps its analysis.
/// Files gone from the folders leave the index. Work is written in batches, each one
/// transaction holding whole files (a file's row with all its articles), so a run killed at
/// any instant leaves a consistent index and the next run finishes the job.
public final class Indexer: Sendable {
    public let store: Store
    private let makeExtractor: @Sendable () throws -> EntityExtractor
    private let madeExtractor = Mutex<EntityExtractor?>(nil)
    /// Places this indexer has written to the index (committed): the place table only grows,
    /// and writing each place's chain again for every article that names it was 6 statements
    /// an article.
    private let placesWritten = Mutex<Set<String>>([])
    let gazetteer: Gazetteer

    /// Files analysed per transaction.
    static let batchSize = 64

    /// `extractor` is called the first time a file has to be analysed, so that opening an
    /// up-to-date index does not load the tagger model.
    public init(store: Store, gazetteer: Gazetteer = .shipped, extractor: @escaping @Sendable () throws -> EntityExtractor) {
        self.store = store
        self.gazetteer = gazetteer
        self.makeExtractor = extractor
    }

    private func extractor() throws -> EntityExtractor {
        try madeExtractor.withLock { made in
            if let made { return made }
            let extractor = try makeExtractor()
            made = extractor
            return extractor
        }
    }

    /// One change to the index, as `watch --json` and the dashboard report it.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, changed, removed, renamed, error }
        public var kind: Kind
        /// The absolute path (the new one, for a rename).
        public var path: String
        /// For a rename, where the file was.
        public var from: String?
        /// For an error, the one-line reason.
        public var message: String?

        public init(kind: Kind, path: String, from: String? = nil, message: String? = nil) {
            self.kind = kind
            self.path = path
            self.from = from
            self.message = message
        }
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var unchanged = 0
        public var changes: [Change] = []
        /// Problems met reading the files analysed in this run.
        public var problems: [ReadIssue] = []
        /// Problems listing the roots: a missing folder, an unsupported file named directly.
        public var listingProblems: [ReadIssue] = []
        public var articlesAnalysed = 0

        public func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
    }

    /// How far a reconcile has got, for a progress bar.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
    }

    /// An absolute, standardised path: the key files have in the index.
    public static func absolute(_ path: String) -> String {
        // A path that is absolute with no empty, "." or ".." part is standard already (every
        // file a listing of an absolute folder gives): Foundation's URL took most of listing
        // 100,000 files.
        if isStandardAbsolute(path) { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Whether a path starts with "/" and has no empty, "." or ".." part (one pass over its bytes).
    static func isStandardAbsolute(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/"), bytes.count > 1 else { return false }
        var length = 0, onlyDots = true
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    private struct Stored {
        var size: Int64
        var mtime: Double
        var hash: String
        var analyser: String
    }

    private struct Listed {
        var path: String
        var size: Int64
        var mtime: Double
    }

    /// Reconciles the index with the files and folders `roots` name. A root that does not
    /// exist is reported and its indexed files are left alone (an unmounted disk is not an
    /// empty folder).
    @discardableResult
    ///
    /// `onBatch` hears the changes of each transaction as soon as it is written, so that a
    /// reader of the index (the dashboard) can show them before the whole run is done.
    public func reconcile(_ roots: [String], progress: (Progress) -> Void = { _ in },
                          onBatch: ([Change]) -> Void = { _ in }) throws -> Summary {
        try reconcile(roots, vanished: [], progress: progress, onBatch: onBatch)
    }

    /// Brings the index up to date with paths a watcher reported: files or folders that were
    /// written, moved in, moved away or deleted. A path that no longer exists leaves the index
    /// with everything under it — unless its content turns up under one of the other paths,
    /// which is a rename.
    @discardableResult
    public func update(_ paths: [String]) throws -> Summary {
        let present = paths.filter { FileManager.default.fileExists(atPath: $0) }
        let gone = paths.filter { !FileManager.default.fileExists(atPath: $0) }
        return try reconcile(present, vanished: gone.map(Self.absolute), progress: { _ in }, onBatch: { _ in })
    }

    private func reconcile(_ roots: [String], vanished: [String], progress: (Progress) -> Void,
                           onBatch: ([Change]) -> Void) throws -> Summary {
        var summary = Summary()
        let listing = roots.isEmpty ? InputFiles.Listing() : InputFiles.expand(roots)
        summary.listingProblems = listing.problems
        let existingRoots = roots.filter { FileManager.default.fileExists(atPath: $0) }.map(Self.absolute) + vanished
        var listed: [Listed] = []
        var seen = Set<String>()
        for file in listing.files {
            let path = Self.absolute(file)
            // Overlapping roots (a folder and a file in it) list a file twice.
            guard seen.insert(path).inserted, let (size, mtime) = Self.fileStatus(path) else { continue }
            listed.append(Listed(path: path, size: size, mtime: mtime))
        }
        summary.files = listed.count
        let stored = try storedFiles(under: existingRoots)
        let current = Analyser.version

        // Sort the listing out: unchanged, touched only (same content), or to be read.
        var touched: [Listed] = []
        // Only the hash is kept: the content is read again when analysed, and a corpus of
        // 100,000 files held in memory at once would be most of a gigabyte.
        var candidates: [(file: Listed, hash: String?)] = []
        for file in listed {
            if let old = stored[file.path], old.analyser == current, old.size == file.size, old.mtime == file.mtime {
                summary.unchanged += 1
                continue
            }
            let hash = FileManager.default.contents(atPath: file.path).map(ContentHash.of)
            if let old = stored[file.path], old.analyser == current, let hash, hash == old.hash {
                touched.append(file)
                summary.unchanged += 1
                continue
            }
            candidates.append((file, hash))
        }
        // Renamed while we were away: a vanished file's content under a new path.
        let listedPaths = Set(listed.map(\.path))
        var vanishedByHash: [String: [String]] = [:]
        for (path, old) in stored where !listedPaths.contains(path) && old.analyser == current {
            vanishedByHash[old.hash, default: []].append(path)
        }
        var renames: [(from: String, to: Listed)] = []
        var toRead: [(file: Listed, hash: String?)] = []
        for candidate in candidates {
            if stored[candidate.file.path] == nil, let hash = candidate.hash, var paths = vanishedByHash[hash], !paths.isEmpty {
                renames.append((paths.removeLast(), candidate.file))
                vanishedByHash[hash] = paths
            } else {
                toRead.append(candidate)
            }
        }
        let renamedFrom = Set(renames.map(\.from))
        let removed = stored.keys.filter { !listedPaths.contains($0) && !renamedFrom.contains($0) }.sorted()

        try store.writer.write { db in
            if !removed.isEmpty || !renames.isEmpty || !touched.isEmpty { try Store.advanceGeneration(db) }
            for path in removed { try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path]) }
            for (from, to) in renames {
                try db.execute(sql: "UPDATE file SET path = ?, size = ?, mtime = ? WHERE path = ?", arguments: [to.path, to.size, to.mtime, from])
            }
            for file in touched {
                try db.execute(sql: "UPDATE file SET size = ?, mtime = ? WHERE path = ?", arguments: [file.size, file.mtime, file.path])
            }
        }
        summary.changes += removed.map { Change(kind: .removed, path: $0) }
        summary.changes += renames.map { Change(kind: .renamed, path: $0.to.path, from: $0.from) }
        if !summary.changes.isEmpty { onBatch(summary.changes) }

        let total = toRead.count
        let extractor = total > 0 ? try self.extractor() : nil
        var done = 0
        progress(Progress(done: 0, total: total))
        // Analysis of one batch (on every core) overlaps the writing of the one before (one
        // transaction each, in order, on a queue of its own); a batch's changes are reported
        // once it is written.
        let writing = DispatchQueue(label: "sitrep.index.write")
        var inFlight: (batch: ArraySlice<(file: Listed, hash: String?)>, results: [Analysed], written: DispatchGroup, failure: Failure)?
        defer { inFlight?.written.wait() }
        func finish() throws {
            guard let (batch, results, written, failure) = inFlight else { return }
            written.wait()
            inFlight = nil
            if let error = failure.error { throw error }
            let before = summary.changes.count
            for (item, result) in zip(batch, results) {
                let existed = stored[item.file.path] != nil
                if result.articles.isEmpty, let first = result.problems.first(where: { $0.severity == .error }) {
                    summary.changes.append(Change(kind: .error, path: item.file.path, message: first.description))
                } else {
                    summary.changes.append(Change(kind: existed ? .changed : .added, path: item.file.path))
                }
                summary.problems += result.problems
                summary.articlesAnalysed += result.articles.count
            }
            onBatch(Array(summary.changes[before...]))
            done += batch.count
            progress(Progress(done: done, total: total))
        }
        for start in stride(from: 0, to: toRead.count, by: Self.batchSize) {
            let batch = toRead[start..<min(start + Self.batchSize, toRead.count)]
            let results = analyse(batch.map { ($0.file.path, $0.file.size, $0.file.mtime, $0.hash) }, extractor!)
            try finish()
            let written = DispatchGroup(), failure = Failure()
            writing.async(group: written) { [self] in
                do { try write(results, current) } catch { failure.error = error }
            }
            inFlight = (batch, results, written, failure)
        }
        try finish()
        return summary
    }

    /// The error a write on the writing queue ended with, if any.
    private final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    // MARK: Analysis

    struct Analysed {
        var path: String
        var size: Int64
        var mtime: Double
        var hash: String
        var articles: [(article: Article, entities: [Entity], quotes: [Quote])]
        var problems: [ReadIssue]
    }

    /// Reads and analyses files as indexing does — reading, cleaning, dates, entities and
    /// quotes, on every core — and writes nothing: what `sitrep bench` measures as extraction.
    /// Returns how many articles the files held.
    public func extractOnly(_ paths: [String]) throws -> Int {
        let extractor = try extractor()
        return analyse(paths.map { ($0, 0, 0, nil) }, extractor).reduce(0) { $0 + $1.articles.count }
    }

    /// Reads and analyses files on every core; results in the order given.
    func analyse(_ files: [(path: String, size: Int64, mtime: Double, hash: String?)], _ extractor: EntityExtractor) -> [Analysed] {
        let results = Results(count: files.count)
        let reader = ArticleReader()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let outcome = reader.read(path: file.path)
            let articles = outcome.articles.map { article in
                let entities = extractor.entities(in: article.body)
                return (article, entities, QuoteFinder.find(in: article.body, entities: entities))
            }
            // A file that vanished between listing and reading has no hash: it is recorded
            // with its problem and read again when it reappears.
            results.set(i, Analysed(path: file.path, size: file.size, mtime: file.mtime, hash: file.hash ?? "",
                                    articles: articles, problems: outcome.issues))
        }
        return results.values.map { $0! }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Analysed?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Analysed) { lock.withLock { values[i] = value } }
    }

    // MARK: Writing

    private func write(_ results: [Analysed], _ analyser: String) throws {
        let before = placesWritten.withLock { $0 }
        var places = before
        try store.writer.write { db in
            places = before  // a retried transaction starts again
            try Store.advanceGeneration(db)
            for result in results { try Self.insert(result, analyser: analyser, gazetteer: gazetteer, places: &places, db) }
        }
        // Only once the transaction is committed.
        placesWritten.withLock { $0.formUnion(places) }
    }

    /// Replaces everything the index holds for one file. The statements are prepared once per
    /// connection: preparing the delete, with its cascades and full-text trigger, cost more than
    /// running it.
    /// `places` holds the places known to be in the index already; those written are added.
    static func insert(_ result: Analysed, analyser: String, gazetteer: Gazetteer, places: inout Set<String>, _ db: Database) throws {
        try RowInsert(db, "DELETE FROM file WHERE path = ?").run(result.path)
        let problems = result.problems.map { issue in
            [issue.severity == .warning ? "warning" : "error", issue.location ?? "", issue.reason]
                .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: "\t")
        }.joined(separator: "\n")
        try RowInsert(db, "INSERT INTO file(path, size, mtime, hash, analyser, problems) VALUES (?, ?, ?, ?, ?, ?)")
            .run(result.path, result.size, result.mtime, result.hash, result.hash.isEmpty ? "" : analyser, problems)
        let insertArticle = try RowInsert(db, """
            INSERT INTO article(path, part_kind, part, title, source, published, published_at, published_from, url, language, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertEntity = try RowInsert(db, """
            INSERT INTO entity(article_id, name, kind, aliases, place_id, country, mentions, corpus_key, canonical, spans)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertQuote = try RowInsert(db, "INSERT INTO quote(article_id, text, speaker, speaker_key, start, \"end\") VALUES (?, ?, ?, ?, ?, ?)")
        let insertDate = try RowInsert(db, "INSERT INTO date_mention(article_id, text, day, year_given, start, \"end\", granularity, relative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let insertPlace = try RowInsert(db, "INSERT OR IGNORE INTO place(id, name, kind, parent_id) VALUES (?, ?, ?, ?)")
        for (article, entities, quotes) in result.articles {
            var partKind: String? = nil
            if let part = article.part {
                switch part {
                case .line: partKind = "line"
                case .item: partKind = "item"
                }
            }
            var instant: Double? = nil
            if case .instant(let date) = article.published { instant = date.timeIntervalSince1970 }
            try insertArticle.run(article.path, partKind, article.part?.number, article.title, article.source,
                                  article.published.isoString, instant, article.publishedFrom.rawValue,
                                  article.url, article.language, article.body)
            let articleID = db.lastInsertedRowID
            for quote in quotes {
                try insertQuote.run(articleID, quote.text, quote.speaker, quote.speakerKey, quote.start, quote.end)
            }
            for date in article.dates {
                try insertDate.run(articleID, date.text, date.day.isoString, date.yearGiven, date.start, date.end,
                                   date.granularity.rawValue, date.relative)
            }
            for entity in entities {
                let key = CorpusEntities.Key(entity)
                if let id = entity.placeID, !places.contains(id), let place = gazetteer.places[id] {
                    for p in gazetteer.chain(place) where places.insert(p.id).inserted {
                        try insertPlace.run(p.id, p.name, p.kind.rawValue, p.parentID)
                    }
                }
                try insertEntity.run(articleID, entity.name, entity.kind.rawValue, entity.aliases.joined(separator: "\n"),
                                     entity.placeID.flatMap { gazetteer.places[$0] == nil ? nil : $0 }, entity.country,
                                     entity.mentions.count, key.key, key.canonicalName, Store.spansText(entity.mentions))
            }
        }
    }

    // MARK: Reading the index

    private func storedFiles(under roots: [String]) throws -> [String: Stored] {
        try store.writer.read { db in
            var files: [String: Stored] = [:]
            for root in roots {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT path, size, mtime, hash, analyser FROM file WHERE path = ? OR (path >= ? AND path < ?)
                    """, arguments: [root, root + "/", root + "0"])
                while let row = try rows.next() {
                    files[row[0]] = Stored(size: row[1], mtime: row[2], hash: row[3], analyser: row[4])
                }
            }
            return files
        }
    }

    /// Size and modification time (seconds, with the nanoseconds) of a regular file.
    static func fileStatus(_ path: String) -> (Int64, Double)? {
        var info = Glibc.stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let mtime = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return (Int64(info.st_size), mtime)
    }
}
