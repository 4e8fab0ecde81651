import ArgumentParser
import Dispatch
import Foundation
import SitrepCore

/// `sitrep watch`: index folders, then report every change as it lands.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Index folders, then keep the index up to date as files land, change or go, until interrupted.",
        discussion: """
        A file counts once it is complete: when its writer closes it, or when it is moved in \
        whole (an atomic rename). Changes are gathered for 0.1 s and indexed together. With \
        --json, each change is one line: {"change": "added"|"changed"|"removed"|"renamed"|"error", \
        "path", "from" (renames), "message" (errors)}.
        """
    )

    @Flag(name: .long, help: "Print one JSON object per change, one per line.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("List the folders every SECONDS instead of using inotify (for network file systems).", valueName: "seconds"))
    var poll: Double?

    @OptionGroup var input: ArticlePaths
    @OptionGroup var index: IndexOptions

    func validate() throws {
        if let poll, !(poll > 0) { throw ValidationError("--poll takes a number of seconds greater than 0") }
    }

    func run() throws {
        // An empty folder is fine to watch, and the snapshot is not needed: reconcile only.
        let (store, _) = try IndexedCorpus.reconcile(input.paths, options: index)
        let roots = input.paths.map(Store.Root.init)
        let indexer = Indexer(store: store) { try ArticleInput.extractor() }
        let json = self.json
        let watcher = FolderWatcher(roots: input.paths, mode: poll.map { .poll(seconds: $0) } ?? .inotify) { batch in
            let changes: [Indexer.Change]
            let problems: [ReadIssue]
            do {
                let summary = try indexer.update(batch)
                changes = summary.changes
                problems = summary.problems
            } catch {
                changes = batch.map { Indexer.Change(kind: .error, path: $0, message: "cannot index: \(Store.describe(error))") }
                problems = []
            }
            Console.report(problems.filter { $0.severity == .warning })
            for change in changes { Watch.emit(change, roots: roots, json: json) }
        }
        do {
            try watcher.start()
        } catch {
            throw CleanExit.message("\(error)", code: 1)
        }
        let mode = poll.map { "every \($0) s" } ?? "with inotify"
        FileHandle.standardError.write(Data("sitrep: watching \(input.paths.count) folder\(input.paths.count == 1 ? "" : "s") \(mode) (\((try? store.articleCount(under: roots)) ?? 0) articles); Ctrl-C stops\n".utf8))
        // Ctrl-C, SIGTERM and SIGHUP let the batch in hand finish, then exit 0.
        let signals = SignalWatch {
            watcher.stopAndWait()
            Foundation.exit(0)
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }

    static func emit(_ change: Indexer.Change, roots: [Store.Root], json: Bool) {
        func shown(_ path: String) -> String { roots.first { $0.contains(path) }?.display(path) ?? path }
        let line: String
        if json {
            var pairs: [(String, JSONValue)] = [("change", .string(change.kind.rawValue)), ("path", .string(shown(change.path)))]
            if let from = change.from { pairs.append(("from", .string(shown(from)))) }
            if let message = change.message { pairs.append(("message", .string(message))) }
            line = JSONValue.object(pairs).serialized(pretty: false)
        } else {
            let from = change.from.map { " (from \(TextSanitizer.visible(shown($0))))" } ?? ""
            let message = change.message.map { ": \($0)" } ?? ""
            line = "\(change.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(TextSanitizer.visible(shown(change.path)))\(from)\(message)"
        }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
