import Foundation
import Synchronization

/// The corpus of some folders as it changes: the newest snapshot, replaced whole after each
/// batch of changes. Readers take the current snapshot and keep it as long as they like;
/// publishing a new one never waits for them, and they never wait for indexing.
public final class LiveCorpus: Sendable {
    public let store: Store
    public let roots: [Store.Root]
    private let textSearch: TextSearch
    private let current: Mutex<Corpus>
    /// Every article by the file it came from (absolute path); touched only by `apply`,
    /// which its caller runs one batch at a time.
    private let byFile: Mutex<[String: [AnalysedArticle]]>

    public init(store: Store, roots: [Store.Root]) throws {
        self.store = store
        self.roots = roots
        let search: TextSearch = { [store] in try store.textMatches($0) }
        textSearch = search
        var byFile: [String: [AnalysedArticle]] = [:]
        for (path, article) in try store.analysedFiles(under: roots) { byFile[path, default: []].append(article) }
        self.byFile = Mutex(byFile)
        current = Mutex(Corpus(byFile.values.flatMap { $0 }, textSearch: search))
    }

    /// The newest snapshot.
    public var snapshot: Corpus { current.withLock { $0 } }

    /// Publishes a snapshot with the changes an indexer run made: the files added, changed,
    /// renamed or removed are read again from the index.
    public func apply(_ changes: [Indexer.Change]) throws {
        guard !changes.isEmpty else { return }
        var affected = Set<String>()
        for change in changes {
            affected.insert(change.path)
            if let from = change.from { affected.insert(from) }
        }
        let fresh = try store.analysed(files: Array(affected), under: roots)
        let all = byFile.withLock { byFile -> [AnalysedArticle] in
            for path in affected { byFile[path] = nil }
            for (path, article) in fresh { byFile[path, default: []].append(article) }
            return byFile.values.flatMap { $0 }
        }
        let next = Corpus(all, textSearch: textSearch)
        current.withLock { $0 = next }
    }
}
