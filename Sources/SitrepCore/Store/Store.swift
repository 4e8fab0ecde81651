import Foundation
import GRDB

/// Sitrep's persistent index: a SQLite database (through GRDB) caching what was read from the
/// article folders, so that a restart does not re-read them.
///
/// The folders are the truth and the index only a cache: it can be deleted at any time and is
/// rebuilt from the folders. One index serves every folder; rows are keyed by absolute path.
/// It holds each file's size, modification time, content hash and the analyser that read it;
/// each article's metadata and cleaned body; its entities, their mentions and the dates it
/// names; the places mentioned, with their parents; and an FTS5 index over title and body.
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// Where the index lives; nil for an in-memory index.
    public let path: String?

    /// What opening the index had to do that the user should hear about, one line each.
    public let warnings: [String]

    /// Closes the index's connections: reads and writes after this fail rather than open the
    /// file again (a program about to delete the index calls it first).
    public func close() {
        if let pool = writer as? DatabasePool { try? pool.close() } else if let queue = writer as? DatabaseQueue { try? queue.close() }
    }

    private init(writer: any DatabaseWriter, path: String?, warnings: [String]) {
        self.writer = writer
        self.path = path
        self.warnings = warnings
    }

    /// The default place of the index: `$XDG_CACHE_HOME/sitrep/index.sqlite`, else
    /// `~/.cache/sitrep/index.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = xdg
        } else {
            cache = (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        }
        return cache + "/sitrep/index.sqlite"
    }

    /// Opens (or creates) the index at `path`, bringing its schema up to date.
    ///
    /// Never fails: an index that is not a database or is damaged is moved aside and rebuilt,
    /// and a cache directory that cannot be written falls back to an in-memory index; each
    /// says so in `warnings`.
    public static func open(path: String) -> Store {
        var warnings: [String] = []
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return inMemory(warnings + ["cannot create the index folder \(directory) (\(Store.describe(error))); using an in-memory index for this run"])
        }
        do {
            return Store(writer: try openFile(path), path: path, warnings: warnings)
        } catch let error as DatabaseError where isDamage(error) {
            do {
                let aside = try moveAside(path)
                warnings.append("the index \(path) was unreadable (\(describe(error))); moved it to \(aside) and rebuilding it from the folders")
                return Store(writer: try openFile(path), path: path, warnings: warnings)
            } catch {
                return inMemory(warnings + ["the index \(path) is unreadable and cannot be replaced (\(Store.describe(error))); using an in-memory index for this run"])
            }
        } catch {
            return inMemory(warnings + ["cannot open the index \(path) (\(Store.describe(error))); using an in-memory index for this run"])
        }
    }

    /// Whether an error means the index file itself is damaged (rather than busy or unwritable).
    public static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// Moves a damaged index (and its WAL files) out of the way, keeping it for inspection.
    static func moveAside(_ path: String) throws -> String {
        let aside = path + ".corrupt-" + String(Int(Date().timeIntervalSince1970))
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return aside
    }

    /// A fresh index in place of this one, found damaged while in use: the damaged file is
    /// moved aside as on opening.
    public func rebuilt(after error: any Error) -> Store {
        guard let path else { return Store.inMemory() }
        try? writer.close()
        do {
            let aside = try Store.moveAside(path)
            let fresh = try Store.openFile(path)
            return Store(writer: fresh, path: path,
                         warnings: ["the index \(path) was damaged (\(Store.describe(error))); moved it to \(aside) and rebuilding it from the folders"])
        } catch {
            return Store.inMemory(["the damaged index \(path) cannot be replaced (\(Store.describe(error))); using an in-memory index for this run"])
        }
    }

    /// An index that lives only as long as the process.
    public static func inMemory(_ warnings: [String] = []) -> Store {
        // An in-memory queue with the schema cannot fail short of running out of memory.
        let queue = try! DatabaseQueue(configuration: configuration())
        try! migrator.migrate(queue)
        return Store(writer: queue, path: nil, warnings: warnings)
    }

    private static func openFile(_ path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration())
        try migrator.migrate(pool)
        // Reading the schema is not enough to notice a damaged file: touch every table's root.
        try pool.read { db in
            for table in ["file", "article", "entity", "date_mention", "place", "quote"] {
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(table) LIMIT 1)")
            }
        }
        return pool
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        // Another Sitrep (the dashboard, a script) may be writing: wait for it rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.label = "sitrep-index"
        return configuration
    }

    /// A short reason for a file-system or database error.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return "not writable"
            case .SQLITE_FULL: return "disk full"
            case .SQLITE_NOTADB: return "not a database"
            case .SQLITE_CORRUPT: return "damaged"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileWriteNoPermissionError || ns.code == NSFileWriteVolumeReadOnlyError { return "not writable" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    // MARK: Schema

    /// Every schema change is a named migration, applied once and in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files, articles, entities, mentions, dates, places, full text") { db in
            try db.execute(sql: """
                CREATE TABLE file (
                    path TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,
                    hash TEXT NOT NULL,
                    analyser TEXT NOT NULL,
                    problems TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL REFERENCES file(path) ON DELETE CASCADE ON UPDATE CASCADE,
                    part_kind TEXT,
                    part INTEGER,
                    title TEXT NOT NULL,
                    source TEXT,
                    published TEXT NOT NULL,
                    published_at REAL,
                    published_from TEXT NOT NULL,
                    url TEXT,
                    language TEXT,
                    body TEXT NOT NULL
                );
                CREATE INDEX article_path ON article(path);
                CREATE TABLE place (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    parent_id TEXT
                );
                CREATE TABLE entity (
                    id INTEGER PRIMARY KEY,
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    place_id TEXT REFERENCES place(id),
                    country TEXT,
                    mentions INTEGER NOT NULL
                );
                CREATE INDEX entity_article ON entity(article_id);
                CREATE TABLE mention (
                    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL
                );
                CREATE INDEX mention_entity ON mention(entity_id);
                CREATE TABLE date_mention (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    day TEXT NOT NULL,
                    year_given INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL
                );
                CREATE INDEX date_mention_article ON date_mention(article_id);
                CREATE VIRTUAL TABLE article_text USING fts5(
                    title, body, content='article', content_rowid='id',
                    tokenize='porter unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER article_text_insert AFTER INSERT ON article BEGIN
                    INSERT INTO article_text(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER article_text_delete AFTER DELETE ON article BEGIN
                    INSERT INTO article_text(article_text, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER article_text_update AFTER UPDATE OF title, body ON article BEGIN
                    INSERT INTO article_text(article_text, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO article_text(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                """)
        }
        migrator.registerMigration("v2: each entity's corpus key, and whether its name is canonical") { db in
            try db.execute(sql: """
                ALTER TABLE entity ADD COLUMN corpus_key TEXT NOT NULL DEFAULT '';
                ALTER TABLE entity ADD COLUMN canonical INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v3: dates relative to publication, and weeks, months and years") { db in
            try db.execute(sql: """
                ALTER TABLE date_mention ADD COLUMN granularity TEXT NOT NULL DEFAULT 'day';
                ALTER TABLE date_mention ADD COLUMN relative INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v4: the index's identity, for the snapshot file") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('identity', lower(hex(randomblob(16))));
                """)
        }
        migrator.registerMigration("v5: quotations and their speakers") { db in
            try db.execute(sql: """
                CREATE TABLE quote (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    speaker TEXT,
                    speaker_key TEXT,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL
                );
                CREATE INDEX quote_article ON quote(article_id);
                """)
        }
        migrator.registerMigration("v6: each entity's mentions as one list of spans, not a row each") { db in
            // A row per mention was most of what indexing wrote (90 rows for an article of 4 KB)
            // and all the dashboard reads back is where they are.
            try db.execute(sql: """
                ALTER TABLE entity ADD COLUMN spans TEXT NOT NULL DEFAULT '';
                UPDATE entity SET spans = coalesce((
                    SELECT group_concat(span, ' ') FROM (
                        SELECT start || '-' || "end" AS span FROM mention WHERE mention.entity_id = entity.id ORDER BY start, "end"
                    )
                ), '');
                DROP TABLE mention;
                """)
        }
        return migrator
    }()
}
