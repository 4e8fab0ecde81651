import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The corpus of some folders as it changes: the newest snapshot, replaced whole after each
/// batch of changes. Readers take the current snapshot and keep it as long as they like;
/// publishing a new one never waits for them, and they never wait for indexing.
public final class LiveCorpus: Sendable {
    public let store: Store
    public let roots: [Store.Root]
    private let textSearch: TextSearch
    private let current: Mutex<Corpus>
    /// The index ids of the articles of each file (absolute path).
    private let byFile: Mutex<[String: [Int64]]>

    public convenience init(store: Store, roots: [Store.Root]) throws {
        Corpus.loadTablesAlongside()
        self.init(store: store, roots: roots, loaded: try store.snapshotArticles(under: roots))
    }

    /// A live corpus of articles already read from the index (`Store.snapshotArticles(under:)`).
    public init(store: Store, roots: [Store.Root], loaded: [(path: String, article: AnalysedArticle)]) {
        self.store = store
        self.roots = roots
        let search: TextSearch = { [store] in try store.textMatches($0, from: $1) }
        textSearch = search
        var byFile: [String: [Int64]] = [:]
        for (path, article) in loaded { byFile[path, default: []].append(article.id!) }
        self.byFile = Mutex(byFile)
        current = Mutex(Corpus(loaded.map(\.article), textSearch: search))
    }

    /// The newest snapshot.
    public var snapshot: Corpus { current.withLock { $0 } }

    /// Publishes a snapshot with the changes an indexer run made: the files added, changed,
    /// renamed or removed are read again from the index. Calls must not overlap (the watcher
    /// makes them one batch at a time).
    public func apply(_ changes: [Indexer.Change]) throws {
        guard !changes.isEmpty else { return }
        var affected = Set<String>()
        for change in changes {
            affected.insert(change.path)
            if let from = change.from { affected.insert(from) }
        }
        let fresh = try store.analysed(files: Array(affected), under: roots)
        let gone = byFile.withLock { byFile -> Set<Int64> in
            var gone = Set<Int64>()
            for path in affected { gone.formUnion(byFile.removeValue(forKey: path) ?? []) }
            for (path, article) in fresh { byFile[path, default: []].append(article.id!) }
            return gone
        }
        let next = snapshot.updated(removing: gone, adding: fresh.map(\.article))
        current.withLock { $0 = next }
        HeapTrim.now(atMostEvery: 10)
    }
}

/// Hands memory the allocator keeps but no longer uses back to the system. Each snapshot is
/// a new copy of large tables; glibc keeps the freed copies for reuse, and a dashboard that
/// takes in files all day grew to twice the memory its snapshot needs (a soak test: 578 MB,
/// 258 MB after a trim).
enum HeapTrim {
    private static let last = Mutex(0.0)

    static func now(atMostEvery seconds: Double) {
        #if canImport(Glibc)
        let time = Date().timeIntervalSince1970
        let due = last.withLock { last -> Bool in
            guard time - last >= seconds else { return false }
            last = time
            return true
        }
        if due, let trim = trim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim`, which the Swift module of glibc leaves out.
    private typealias Trim = @convention(c) (Int) -> Int32
    nonisolated(unsafe) private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    #endif
}
