import ArgumentParser
import Foundation
import SitrepCore
import SitrepTerminal
import SitrepUI
import Synchronization

/// `sitrep [FOLDER…]`: the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard on article folders (the default command).",
        discussion: "Keys: j/k move, Tab switches pane, Enter reads or filters, : a r / filter, ? help, q quits."
    )

    @Option(help: ArgumentHelp("Colour theme: default, light, high-contrast, mono, or a .toml file (default: the config file's, else default).",
                               valueName: "name"))
    var theme: String?

    @Argument(help: "Article folders or files (default: the config file's folders).", completion: .file())
    var paths: [String] = []

    @OptionGroup var index: IndexOptions

    /// Where themes are looked for: the user's, then the package's `themes/` (beside the
    /// working directory, or above the built binary).
    static func themeFolders(config: String) -> [String] {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let package = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [config + "/themes", "themes", package.appendingPathComponent("themes").path]
    }

    func run() throws {
        var warnings: [String] = []
        let configFolder = DashboardConfig.defaultPath()
        var config = DashboardConfig()
        if let text = try? String(contentsOfFile: configFolder + "/config.toml", encoding: .utf8) {
            do { config = try DashboardConfig.parse(text, file: configFolder + "/config.toml") } catch { warnings.append("\(error); using the defaults") }
        }
        var themes: [String: Theme] = ["default": .default, "mono": .mono]
        let folders = Self.themeFolders(config: configFolder)
        for folder in folders.reversed() {
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                do { themes[name] = try ThemeFile.load(folder + "/" + file, folders: []) } catch { warnings.append("\(error)") }
                themes[name]?.name = name
            }
        }
        let requested = theme ?? config.theme ?? "default"
        var chosen = themes[requested] ?? .default
        if themes[requested] == nil {
            do { chosen = try ThemeFile.load(requested, folders: folders) } catch { warnings.append("\(error); using the default theme") }
        }
        let input = (paths.isEmpty ? config.folders : paths)
        guard !input.isEmpty else {
            throw ValidationError("Name at least one article folder (or set folders in \(configFolder)/config.toml).")
        }
        for path in input where !FileManager.default.fileExists(atPath: path) {
            throw CleanExit.message("no such file or folder: \(path)", code: 1)
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CleanExit.message("the dashboard needs a terminal; for scripts use `sitrep query`, `sitrep entities`, `sitrep timeline`, `sitrep watch --json` or `sitrep snapshot`", code: 2)
        }
        for warning in warnings { Console.warn(warning) }
        // The dashboard opens on the index as it stands; reconciling it with the folders runs
        // behind it, publishing each batch as it is written.
        let store = index.open()
        let roots = input.map(Store.Root.init)
        let live = try LiveCorpus(store: store, roots: roots)
        var state = DashboardState(corpus: live.snapshot, width: 80, height: 24)
        state.folders = input
        state.themes = themes
        state.theme = chosen
        state.message = (warnings + store.warnings).first
        @Sendable func unreadable() -> [String] {
            (try? store.problems(under: roots).filter { $0.severity == .error }.map(\.description)) ?? []
        }
        state.unreadable = unreadable()
        // Stories are worked out on a queue of their own once the list is first grouped by
        // them (they cost a core for minutes and memory for every article on a large corpus):
        // the whole corpus once, then each new snapshot's new articles. A request made while
        // one runs is folded into the next run.
        let stories = LiveStories()
        let storyQueue = DispatchQueue(label: "sitrep.stories", qos: .utility)
        let storiesStarted = Atomic<Bool>(false), storiesWanted = Atomic<Bool>(false)
        let loop = RunLoop(state: state) { state in
            guard let index = state.reading, let id = state.corpus.articles[index].id else { return nil }
            return Self.body(id, store)
        }
        let indexer = Indexer(store: store) { try ArticleInput.extractor() }
        @Sendable func placeStories() {
            guard storiesStarted.load(ordering: .acquiring), !storiesWanted.exchange(true, ordering: .acquiringAndReleasing) else { return }
            storyQueue.async {
                storiesWanted.store(false, ordering: .releasing)
                let map = stories.update(live.snapshot, body: { try? store.body(ofArticle: $0) },
                                         progress: { _, _, partial in loop.post(.stories(partial)) })
                loop.post(.stories(map))
            }
        }
        /// Publishes a batch of index changes; arrivals while open are marked new.
        @Sendable func publish(_ changes: [Indexer.Change], arrivals: Bool) {
            do {
                try live.apply(changes)
                let arrived = arrivals ? changes.filter { $0.kind == .added || $0.kind == .changed || $0.kind == .renamed }
                    .map { change in roots.first { $0.contains(change.path) }?.display(change.path) ?? change.path } : []
                loop.post(.snapshot(live.snapshot, arrived: arrived, unreadable: unreadable()))
                placeStories()
            } catch {
                loop.post(.snapshot(live.snapshot, arrived: [], unreadable: unreadable() + ["cannot index: \(Store.describe(error))"]))
            }
        }
        // One queue for the start-up reconcile and the watcher's updates: never two at once.
        let indexing = DispatchQueue(label: "sitrep.indexing")
        // After files land, the snapshot file is rewritten once things have been quiet for a while.
        let keeper = SnapshotKeeper { _ = try? store.refreshSnapshotFile(under: roots) }
        let watcher = FolderWatcher(roots: input) { batch in
            indexing.sync {
                do {
                    publish(try indexer.update(batch).changes, arrivals: true)
                    keeper.changed()
                } catch {
                    loop.post(.snapshot(live.snapshot, arrived: [], unreadable: unreadable() + ["cannot index: \(Store.describe(error))"]))
                }
            }
        }
        // Watching starts first, so nothing that lands while the folders are reconciled is missed.
        try? watcher.start()
        let watched = input
        indexing.async {
            do {
                try indexer.reconcile(watched, progress: { loop.post(.indexing(done: $0.done, total: $0.total)) },
                                      onBatch: { publish($0, arrivals: false) })
                // The next start reads the snapshot file: bring it up to date when reconciling changed the index.
                if !((try? store.snapshotFileIsCurrent(under: roots)) ?? true) { keeper.changed(after: 0) }
            } catch {
                loop.post(.snapshot(live.snapshot, arrived: [], unreadable: unreadable() + ["cannot index: \(Store.describe(error))"]))
            }
        }
        loop.observe = { state in
            if state.groupByStory, !storiesStarted.exchange(true, ordering: .acquiringAndReleasing) { placeStories() }
        }
        Crash.installHandlers()
        let signals = SignalWatch { loop.stop() }
        loop.run()
        watcher.stop()
        _ = signals
    }
}

extension DashboardCommand {
    /// An article's body and mentions, for the reader.
    static func body(_ id: Int64, _ store: Store) -> (String, [ReaderMention]) {
        let body = (try? store.body(ofArticle: id)) ?? ""
        let mentions = ((try? store.mentions(ofArticle: id)) ?? []).map { ReaderMention(start: $0.start, end: $0.end, kind: $0.kind) }
        return (body, mentions)
    }
}

/// Rewrites the snapshot file some time after the index changed, once for many changes, on a
/// queue of its own: reading the whole index takes seconds at scale, and indexing the files
/// that land meanwhile must not wait for it (the file is written from one read of the index,
/// so it is right whatever indexing does at the same time).
final class SnapshotKeeper: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sitrep.snapshot-file", qos: .utility)
    private let refresh: @Sendable () -> Void
    /// Touched only on `queue`.
    private var pending = false

    init(refresh: @escaping @Sendable () -> Void) {
        self.refresh = refresh
    }

    func changed(after seconds: Double = 120) {
        queue.async { [self] in
            guard !pending else { return }
            pending = true
            queue.asyncAfter(deadline: .now() + seconds) { [self] in
                pending = false
                refresh()
            }
        }
    }
}

/// SIGINT and SIGTERM end the dashboard through its loop, so the terminal is restored.
final class SignalWatch {
    private var sources: [any DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "sitrep.signals"))
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }
}

/// `sitrep snapshot`: the dashboard drawn without a terminal, after some keys.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the dashboard as text, as it looks after the given keys.",
        discussion: """
        Keys are typed as text; <Enter>, <Esc>, <Tab>, <S-Tab>, <Bksp>, <Space>, <Up>, <Down>, \
        <Left>, <Right>, <PgUp>, <PgDn>, <Home>, <End>, <C-x> and <lt> name the others. Example:
          sitrep snapshot sample-data --size 100x30 --keys ':actor Peskov<Enter>'
        """
    )

    @Option(help: ArgumentHelp("The screen size, as WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(help: "Keys to feed the dashboard before drawing it.")
    var keys: String = ""

    @OptionGroup var input: ArticlePaths
    @OptionGroup var index: IndexOptions

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw ValidationError("--size takes WIDTHxHEIGHT, as in --size 120x40")
        }
        let sequence: [Key]
        do { sequence = try Key.sequence(keys) } catch { throw ValidationError("\(error)") }
        let loaded = try IndexedCorpus.load(input.paths, options: index)
        let roots = input.paths.map(Store.Root.init)
        var state = DashboardState(corpus: loaded.corpus, width: parts[0], height: parts[1])
        state.theme = .mono
        state.folders = input.paths
        state.unreadable = (try? loaded.store.problems(under: roots).filter { $0.severity == .error }.map(\.description)) ?? []
        // Stories read every body: worked out only when the keys could ask for the grouping.
        if sequence.contains(.char("s")) {
            state.storyOf = LiveStories().update(loaded.corpus, body: { try? loaded.store.body(ofArticle: $0) })
        }
        for key in sequence {
            state = Reducer.reduce(state, .key(key))
            if let reading = state.reading, state.readerBody.isEmpty, let id = state.corpus.articles[reading].id {
                let (body, mentions) = DashboardCommand.body(id, loaded.store)
                state = Reducer.reduce(state, .body(body, mentions: mentions))
            }
            if state.quit { break }
        }
        for line in Dashboard.render(state).lines {
            print(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
    }
}
