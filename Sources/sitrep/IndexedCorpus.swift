import ArgumentParser
import Foundation
import GRDB
import SitrepCore

/// Where the index is: every command that reads folders through the index takes this.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("index"), help: ArgumentHelp(
        "The index file (default: $XDG_CACHE_HOME/sitrep/index.sqlite, else ~/.cache/sitrep/index.sqlite).",
        valueName: "path"))
    var path: String?

    /// The index, with any warning about it on stderr.
    func open() -> Store {
        let store = Store.open(path: path ?? Store.defaultPath())
        for warning in store.warnings { Console.warn(warning) }
        return store
    }
}

enum Console {
    static func warn(_ line: String) { FileHandle.standardError.write(Data("sitrep: warning: \(line)\n".utf8)) }
    static func report(_ issues: [ReadIssue]) {
        for issue in issues {
            FileHandle.standardError.write(Data("sitrep: \(issue.severity == .warning ? "warning" : "error"): \(issue)\n".utf8))
        }
    }
}

/// The folders' corpus through the index: reconcile, then load the snapshot.
enum IndexedCorpus {
    struct Loaded {
        var corpus: Corpus
        var summary: Indexer.Summary
        var store: Store
    }

    /// Brings the index up to date with `paths`, reporting file problems on stderr. A write the
    /// cache directory refuses (read-only, full) falls back to an in-memory index for this run;
    /// a damaged index is moved aside and rebuilt.
    static func reconcile(_ paths: [String], options: IndexOptions,
                          progress: ((Indexer.Progress) -> Void)? = nil) throws -> (store: Store, summary: Indexer.Summary) {
        var store = options.open()
        let extractor: @Sendable () throws -> EntityExtractor = { try ArticleInput.extractor() }
        var summary: Indexer.Summary
        do {
            summary = try Indexer(store: store, extractor: extractor).reconcile(paths, progress: progress ?? { _ in })
        } catch let error as DatabaseError where store.path != nil {
            if Store.isDamage(error) {
                store = store.rebuilt(after: error)
                for warning in store.warnings { Console.warn(warning) }
            } else {
                Console.warn("cannot write the index \(store.path!) (\(Store.describe(error))); using an in-memory index for this run")
                store = Store.inMemory()
            }
            summary = try Indexer(store: store, extractor: extractor).reconcile(paths, progress: progress ?? { _ in })
        }
        Console.report(summary.listingProblems + (try store.problems(under: paths.map(Store.Root.init))))
        return (store, summary)
    }

    /// `reconcile`, then the corpus of `paths`; an error when no article could be read.
    static func load(_ paths: [String], options: IndexOptions, progress: ((Indexer.Progress) -> Void)? = nil) throws -> Loaded {
        let (store, summary) = try reconcile(paths, options: options, progress: progress)
        Corpus.loadTablesAlongside()
        let articles = try store.snapshotArticles(under: paths.map(Store.Root.init)).map(\.article)
        if articles.isEmpty {
            let count = summary.files
            throw CleanExit.message("no article could be read from \(count) file\(count == 1 ? "" : "s")", code: 1)
        }
        let search: TextSearch = { [store] query, from in try store.textMatches(query, from: from) }
        return Loaded(corpus: Corpus(articles, textSearch: search), summary: summary, store: store)
    }
}
