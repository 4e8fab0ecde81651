import ArgumentParser
import Dispatch
import Foundation
import SitrepCore
import SitrepTerminal
import SitrepUI

/// `sitrep bench`: generates a corpus and measures Sitrep on it, in one process and one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Sitrep on a generated corpus: extraction, indexing, start-up, queries, frames, watching and memory.",
        discussion: """
        Writes a deterministic news-like corpus (a fixed seed; 1–20 KB articles as text with \
        front matter, raw text with datelines, Markdown, HTML pages, JSON and JSON Lines) into a \
        temporary folder, measures, prints a table (or one JSON object with --json), and removes \
        the folder. Build with `-c release`: a debug build is several times slower. A progress \
        line is drawn on stderr when it is a terminal.

          swift run -c release sitrep bench --articles 100000
        """
    )

    @Option(help: "How many articles to generate (at least 200).")
    var articles = 20_000

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "The corpus generator's seed.")
    var seed: UInt64 = 2021

    @Option(help: ArgumentHelp("Keep the corpus and index in this folder instead of a temporary one. A later run with the same folder, --articles and --seed reuses them: generating and ingesting are skipped (the table says so) and every other phase is measured again.", valueName: "folder"))
    var keep: String?

    @Option(help: ArgumentHelp("Phases to leave out, comma-separated: extract, stories, watch (placing stories takes minutes at 100,000 articles).", valueName: "phases"))
    var skip: String = ""

    var skipped: Set<String> { Set(skip.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }) }

    func validate() throws {
        guard articles >= 200 else { throw ValidationError("--articles must be at least 200 (got \(articles))") }
        let unknown = skipped.subtracting(BenchRun.skippable)
        guard unknown.isEmpty else {
            throw ValidationError("--skip: no phase called \(unknown.sorted().joined(separator: ", ")); phases that can be left out: \(BenchRun.skippable.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        let work: String
        var cleanup: BenchCleanup?
        if let keep {
            work = keep
        } else {
            work = NSTemporaryDirectory() + "sitrep-bench-\(getpid())"
            try? FileManager.default.removeItem(atPath: work)
            cleanup = BenchCleanup(folder: work)
        }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            throw CleanExit.message("bench: cannot create \(work): \(error.localizedDescription)", code: 1)
        }
        defer { cleanup?.run() }
        let run = BenchRun(folder: work, count: articles, seed: seed, skipping: skipped)
        let result = try run.measure()
        if json {
            let data = try JSONSerialization.data(withJSONObject: result.json, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(result.table)
        }
    }
}

/// What `sitrep bench` runs in a new process to time start-up: the index opened and its
/// snapshot made usable exactly as the dashboard does, then "ready" on stdout. Not listed.
struct BenchStartUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-start-up", shouldDisplay: false)

    @Option var index: String
    @Argument var folder: String
    /// Only drop the index's files from the page cache. Done in a process of its own: closing
    /// any descriptor of a database file drops the locks every SQLite connection of the same
    /// process holds on it, which let another process damage the index.
    @Flag var evict = false

    func run() throws {
        if evict {
            for path in [index, index + "-wal", SnapshotFile.path(forIndex: index)] { BenchRun.evict(path) }
            return
        }
        let store = Store.open(path: index)
        let live = try LiveCorpus(store: store, roots: [Store.Root(folder)])
        FileHandle.standardOutput.write(Data("ready \(live.snapshot.articles.count)\n".utf8))
    }
}

/// Removes the bench's folder on the way out, and on Ctrl-C or SIGTERM.
final class BenchCleanup: @unchecked Sendable {
    let folder: String
    private var sources: [any DispatchSourceSignal] = []

    init(folder: String) {
        self.folder = folder
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "sitrep.bench.signals"))
            source.setEventHandler { [folder] in
                BenchStatus.clear()
                try? FileManager.default.removeItem(atPath: folder)
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    func run() { try? FileManager.default.removeItem(atPath: folder) }
}

/// The progress line on stderr (only when it is a terminal).
struct BenchStatus {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var started = Date()
    private var lastDrawn = Date.distantPast

    mutating func phase(_ name: String) {
        started = Date()
        lastDrawn = .distantPast
        show(name)
    }

    mutating func show(_ text: String) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    mutating func count(_ name: String, _ done: Int, _ total: Int) {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24, filled = total > 0 ? min(width, done * width / total) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        show(String(format: "%@ %@ %d/%d  %.0f/s  ETA %02d:%02d", name, bar, done, total, rate, Int(left) / 60, Int(left) % 60))
    }

    static func clear() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// One bench run: each phase measured in turn, in this process.
struct BenchRun {
    let folder: String
    let count: Int
    let seed: UInt64
    var skipping: Set<String> = []
    static let skippable: Set<String> = ["extract", "stories", "watch"]

    var corpusFolder: String { folder + "/articles" }
    var indexPath: String { folder + "/index.sqlite" }
    /// Written once a corpus and its index are complete: what a kept folder holds.
    var markerPath: String { folder + "/bench-corpus.json" }

    /// The summary of a kept corpus of this size and seed, if the folder holds one.
    func keptSummary() -> BenchCorpus.Summary? {
        guard let data = FileManager.default.contents(atPath: markerPath),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["count"] as? Int == count, (object["seed"] as? NSNumber)?.uint64Value == seed,
              let articles = object["articles"] as? Int, let files = object["files"] as? Int,
              let bytes = object["bytes"] as? Int, let formats = object["formats"] as? [String: Int] else { return nil }
        return BenchCorpus.Summary(articles: articles, files: files, bytes: bytes, formats: formats)
    }

    struct Result {
        var json: [String: Any]
        var table: String
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The `count` articles of the snapshot with the highest index ids.
    static func newestByID(_ corpus: Corpus, _ count: Int) -> [AnalysedArticle] {
        let articles = corpus.articles
        let byID = (0..<articles.count).compactMap { position in articles[position].id.map { (id: $0, position: position) } }
        return byID.sorted { $0.id > $1.id }.prefix(count).map { articles[$0.position] }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    func measure() throws -> Result {
        var status = BenchStatus()
        var json: [String: Any] = ["articles": count, "seed": seed]
        var rows: [(String, String, String)] = []
        let machine = BenchMachine.current()
        json["machine"] = ["cores": machine.cores, "memoryGB": machine.memoryGB, "cpu": machine.cpu]
        #if DEBUG
        let build = "debug build — numbers several times slower than a release build"
        #else
        let build = "release build"
        #endif
        json["build"] = build

        // The gazetteer and alias table: every start-up loads them, paid once here and added to
        // the start-up below. The tagger's model is loaded only when a file has to be analysed,
        // so opening an index that is up to date does without it.
        var t = Self.now()
        let gazetteer = Gazetteer.shipped
        _ = AliasTable.shipped.person(surname: "")
        let tablesSeconds = Self.now() - t
        t = Self.now()
        let tagger = try EntityTagger.shipped()
        json["modelLoadSeconds"] = Self.now() - t
        json["tablesLoadSeconds"] = tablesSeconds
        let places = gazetteer.places.count

        // The corpus.
        status.phase("generating")
        t = Self.now()
        let generator = BenchCorpus(seed: seed, gazetteer: gazetteer)
        let kept = keptSummary()
        // Files landed by an earlier run's watch phase are not part of the corpus.
        try? FileManager.default.removeItem(atPath: corpusFolder + "/incoming")
        if kept == nil {
            try? FileManager.default.removeItem(atPath: markerPath)
            try? FileManager.default.removeItem(atPath: corpusFolder)
            for path in [indexPath, indexPath + "-wal", indexPath + "-shm", SnapshotFile.path(forIndex: indexPath)] {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        let summary = try kept ?? generator.write(count: count, into: corpusFolder) { status.count("generating", $0, count) }
        json["reused"] = kept != nil
        json["files"] = summary.files
        json["corpusMB"] = Double(summary.bytes) / 1_048_576
        json["formats"] = summary.formats
        json["generateSeconds"] = Self.now() - t

        // Extraction: a sample of the files, spread over the corpus, on every core.
        let extractor = EntityExtractor(tagger: tagger)
        let store = Store.open(path: indexPath)
        let indexer = Indexer(store: store) { extractor }
        if skipping.contains("extract") {
            rows.append(("extract: read, clean, dates, entities, quotes", "skipped", "—"))
        } else {
            status.phase("extracting")
            let files = InputFiles.expand([corpusFolder]).files
            let step = max(1, files.count / 4_000)
            let sample = stride(from: 0, to: files.count, by: step).map { files[$0] }
            _ = try indexer.extractOnly(Array(sample.prefix(20)))  // warm-up
            t = Self.now()
            let extracted = try indexer.extractOnly(sample)
            let extractRate = Double(extracted) / (Self.now() - t)
            json["extractArticlesPerSecond"] = extractRate
            rows.append(("extract: read, clean, dates, entities, quotes", String(format: "%.0f articles/s", extractRate), "—"))
        }

        // Ingest: everything into a new index, then the snapshot file, as `sitrep index` does.
        status.phase("indexing")
        t = Self.now()
        let reconciled = try indexer.reconcile([corpusFolder], progress: { progress in
            status.count("indexing", progress.done, progress.total)
        })
        let roots = [Store.Root(corpusFolder)]
        _ = try store.refreshSnapshotFile(under: roots)
        let ingestSeconds = Self.now() - t
        let indexed = try store.articleCount(under: roots)
        if kept == nil {
            let ingestRate = Double(reconciled.articlesAnalysed) / ingestSeconds
            json["ingestArticlesPerSecond"] = ingestRate
            rows.append(("ingest into a new index (all of it)", String(format: "%.0f articles/s", ingestRate), "≥ 500"))
        } else {
            rows.append(("ingest into a new index (all of it)", "not measured: kept", "≥ 500"))
        }
        json["indexedArticles"] = indexed
        json["indexMB"] = Self.megabytes(indexPath)
        json["snapshotFileMB"] = Self.megabytes(SnapshotFile.path(forIndex: indexPath))
        guard indexed == summary.articles else {
            throw CleanExit.message("bench: the index holds \(indexed) articles, the corpus \(summary.articles); stopping", code: 1)
        }
        if kept == nil {
            let marker: [String: Any] = ["count": count, "seed": seed, "articles": summary.articles, "files": summary.files,
                                         "bytes": summary.bytes, "formats": summary.formats]
            try? JSONSerialization.data(withJSONObject: marker).write(to: URL(fileURLWithPath: markerPath))
        }

        // Start-up: the index and snapshot file evicted from the page cache, then a new sitrep
        // process opens them as the dashboard does (the gazetteer loading alongside); timed
        // from launching it to its snapshot being usable.
        status.phase("starting up")
        var starts: [Double] = []
        for _ in 0..<3 {
            guard try Self.launch(["bench-start-up", "--evict", "--index", indexPath, corpusFolder]) == 0 else {
                throw CleanExit.message("bench: could not drop the index from the page cache", code: 1)
            }
            starts.append(try Self.startUp(index: indexPath, folder: corpusFolder, expecting: indexed))
        }
        let coldStart = Self.percentile(starts, 0.5)
        json["coldStartSeconds"] = coldStart
        json["coldStartRuns"] = starts
        rows.append(("start-up to a usable snapshot (cold cache, new process)", String(format: "%.2f s (median of 3)", coldStart), "≤ 2 s"))
        // This process's own snapshot, for the phases that follow.
        t = Self.now()
        let opened = Store.open(path: indexPath)
        if let warning = opened.warnings.first { throw CleanExit.message("bench: \(warning)", code: 1) }
        let loaded = try opened.snapshotArticles(under: roots)
        let readSeconds = Self.now() - t
        let live = LiveCorpus(store: opened, roots: roots, loaded: loaded)
        let corpus = live.snapshot
        json["distinctEntities"] = corpus.entities.count
        json["startUpParts"] = ["tables": tablesSeconds, "readSnapshot": readSeconds, "buildCorpus": Self.now() - t - readSeconds]
        let afterStart = Self.rss("VmRSS")
        json["rssAfterStartMB"] = afterStart

        // Queries.
        status.phase("querying")
        let texts = generator.queryTexts
        let people = generator.queryPeople, regions = generator.queryPlaces
        let kinds: [(String, [String])] = [
            ("actor", people.map { "actor:\"\($0)\"" }),
            ("region", regions.map { "region:\"\($0)\"" }),
            ("text", texts),
            ("combined", zip(people, regions).enumerated().map { i, pair in
                i % 2 == 0 ? "actor:\"\(pair.0)\" region:\"\(pair.1)\" since:2021-03-01 -source:Reuters"
                           : "actor:\"\(pair.0)\" \(texts[i % texts.count])"
            }),
        ]
        // Round 0 is the first ask of each query after the cold start above: the index's pages
        // come from disk. Rounds 1–10 each ask a new snapshot that has forgotten what free text
        // matched, so that every free-text query is a search of the whole index.
        var all: [Double] = [], allCold: [Double] = []
        var perKind: [String: Any] = [:]
        var skipped: [String] = []
        let queryRows = rows.count
        for (kind, queries) in kinds {
            var times: [Double] = [], coldTimes: [Double] = []
            var byQuery: [String: [Double]] = [:]
            var matched = 0
            for round in 0...10 {
                let snapshot = round == 0 ? corpus : corpus.updated(removing: [], adding: []).forgettingText()
                for text in queries {
                    let query = try Query.parse(text)
                    let start = Self.now()
                    do {
                        let found = try snapshot.matches(query)
                        let elapsed = Self.now() - start
                        if round == 0 { coldTimes.append(elapsed); matched += found.count } else { times.append(elapsed); byQuery[text, default: []].append(elapsed) }
                    } catch {
                        if round == 0 { skipped.append("\(text): \(error)") }
                    }
                }
            }
            all += times
            allCold += coldTimes
            let p50 = Self.percentile(times, 0.5) * 1000, p99 = Self.percentile(times, 0.99) * 1000
            let coldP50 = Self.percentile(coldTimes, 0.5) * 1000, coldMax = (coldTimes.max() ?? .nan) * 1000
            // The query whose slowest round was slowest, to say where a p99 comes from.
            let slowest = byQuery.max { ($0.value.max() ?? 0) < ($1.value.max() ?? 0) }
            perKind[kind] = ["p50Ms": p50, "p99Ms": p99, "queries": times.count, "meanMatches": Double(matched) / Double(max(1, queries.count)),
                             "coldP50Ms": coldP50, "coldMaxMs": coldMax,
                             "slowest": ["query": slowest?.key ?? "", "p50Ms": Self.percentile(slowest?.value ?? [], 0.5) * 1000,
                                         "maxMs": (slowest?.value.max() ?? .nan) * 1000]]
            rows.append(("  \(kind) (\(queries.count) queries × 10) p50 / p99", String(format: "%.2f / %.2f ms", p50, p99), ""))
            if kind == "text" {
                if let slowest {
                    rows.append(("  text, slowest query (\(slowest.key)) p50 / max", String(format: "%.2f / %.2f ms", Self.percentile(slowest.value, 0.5) * 1000,
                                                                                          (slowest.value.max() ?? .nan) * 1000), ""))
                }
                rows.append(("  text, first ask after the cold start, p50 / max", String(format: "%.2f / %.2f ms", coldP50, coldMax), ""))
            }
        }
        let queryP50 = Self.percentile(all, 0.5) * 1000, queryP99 = Self.percentile(all, 0.99) * 1000
        json["queryP50Ms"] = queryP50
        json["queryP99Ms"] = queryP99
        json["queryColdP50Ms"] = Self.percentile(allCold, 0.5) * 1000
        json["queryColdMaxMs"] = (allCold.max() ?? .nan) * 1000
        json["queries"] = perKind
        if !skipped.isEmpty { json["queriesSkipped"] = skipped }
        rows.insert(("  first ask after the cold start, p50 / max", String(format: "%.2f / %.2f ms", Self.percentile(allCold, 0.5) * 1000,
                                                                            (allCold.max() ?? .nan) * 1000), ""), at: queryRows)
        rows.insert(("query p50 / p99, all kinds", String(format: "%.2f / %.2f ms", queryP50, queryP99), "p99 ≤ 10 ms"),
                    at: queryRows)

        // Free text asked again after files land, as the dashboard does with a filter on: each
        // round the 50 articles with the highest ids leave and come back (new ids would come
        // from the index), and the snapshot searches only them.
        let landing = Self.newestByID(corpus, 50)
        var again: [Double] = []
        var snapshot = corpus.forgettingText()
        for text in texts { _ = try? snapshot.matches(try Query.parse(text)) }
        for _ in 0..<10 {
            snapshot = snapshot.updated(removing: Set(landing.compactMap(\.id)), adding: landing)
            for text in texts {
                let query = try Query.parse(text)
                let start = Self.now()
                if (try? snapshot.matches(query)) != nil { again.append(Self.now() - start) }
            }
        }
        json["textAgainP50Ms"] = Self.percentile(again, 0.5) * 1000
        json["textAgainP99Ms"] = Self.percentile(again, 0.99) * 1000
        rows.append(("  text again after 50 articles land, p50 / p99", String(format: "%.2f / %.2f ms", Self.percentile(again, 0.5) * 1000,
                                                                             Self.percentile(again, 0.99) * 1000), ""))

        // Frames at 200×60, moving through the list, the sidebar and the timeline.
        status.phase("drawing")
        let frames = Self.frames(corpus, folder: corpusFolder, people: people)
        json["frameP50Ms"] = frames.p50
        json["frameP99Ms"] = frames.p99
        json["frameTerminal"] = frames.terminal
        json["frames"] = frames.kinds
        json["filterFrameP50Ms"] = frames.filterP50
        json["filterFrameP99Ms"] = frames.filterP99
        rows.append(("frame 200×60, state → buffer → terminal, p50 / p99", String(format: "%.2f / %.2f ms", frames.p50, frames.p99), "p99 ≤ 8 ms"))
        rows.append(("filter key → frame (:actor NAME Enter) p50 / p99", String(format: "%.1f / %.1f ms", frames.filterP50, frames.filterP99), ""))

        // Stories: the whole corpus placed once (as the dashboard does after it opens), then
        // each landed file's article placed as it arrives (below).
        var stories: LiveStories?
        if skipping.contains("stories") {
            rows.append(("stories: the whole corpus placed once", "skipped", ""))
        } else {
            status.phase("placing stories")
            let live = LiveStories()
            t = Self.now()
            let storyMap = live.update(corpus, body: { try? opened.body(ofArticle: $0) },
                                       progress: { done, total, _ in status.count("placing stories", done, total) })
            let placeAll = Self.now() - t
            json["storiesFirstPassSeconds"] = placeAll
            json["stories"] = Set(storyMap.values).count
            rows.append(("stories: the whole corpus placed once", String(format: "%.1f s, %d stories", placeAll, Set(storyMap.values).count), ""))
            stories = live
        }

        // Files landing in the watched folder, one at a time.
        if skipping.contains("watch") {
            rows.append(("file landing → in a snapshot", "skipped", "p99 ≤ 500 ms"))
        } else {
            status.phase("watching")
            let watch = try Self.watch(live: live, indexer: indexer, generator: generator, folder: corpusFolder, first: count,
                                       stories: stories, body: { try? opened.body(ofArticle: $0) })
            json["watchP50Ms"] = watch.p50
            json["watchP99Ms"] = watch.p99
            json["watchFiles"] = watch.files
            rows.append(("file landing → in a snapshot p50 / p99 (\(watch.files) files)", String(format: "%.0f / %.0f ms", watch.p50, watch.p99), "p99 ≤ 500 ms"))
            if stories != nil {
                json["storyPlaceP50Ms"] = watch.storyP50
                json["storyPlaceP99Ms"] = watch.storyP99
                rows.append(("placing a landed article in its story p50 / p99", String(format: "%.1f / %.1f ms", watch.storyP50, watch.storyP99), ""))
            }
        }

        // The index is deleted next: nothing may open it again.
        opened.close()
        store.close()
        let peak = Self.rss("VmHWM")
        json["peakRSSMB"] = peak
        rows.append(("peak RSS (whole run)", String(format: "%.0f MB", peak), "≤ 1 GB"))
        rows.append(("RSS after start-up", String(format: "%.0f MB", afterStart), ""))
        BenchStatus.clear()

        let formats = summary.formats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var table = "Sitrep bench: \(count) articles in \(summary.files) files, "
            + String(format: "%.0f MB (%.1f KB a file on average); ", Double(summary.bytes) / 1_048_576, Double(summary.bytes) / Double(summary.files) / 1024)
            + "formats: \(formats); seed \(seed)\n"
        table += "machine: \(machine.cores) cores (\(machine.cpu)), \(String(format: "%.0f", machine.memoryGB)) GB memory; \(build)\n"
        table += "index \(String(format: "%.0f", Self.megabytes(indexPath))) MB, snapshot file \(String(format: "%.0f", Self.megabytes(SnapshotFile.path(forIndex: indexPath)))) MB; "
            + "\(corpus.entities.count) distinct entities, \(places) gazetteer places\n\n"
        let width = rows.map { $0.0.count }.max() ?? 0
        table += "".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + "measured".padding(toLength: 22, withPad: " ", startingAt: 0) + "target at 100,000\n"
        for (name, value, target) in rows {
            table += name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.padding(toLength: 22, withPad: " ", startingAt: 0) + target + "\n"
        }
        if !skipped.isEmpty { table += "\nqueries skipped (names not in this corpus): " + skipped.joined(separator: "; ") + "\n" }
        return Result(json: json, table: table)
    }

    // MARK: Phases

    static func frames(_ corpus: Corpus, folder: String, people: [String])
        -> (p50: Double, p99: Double, filterP50: Double, filterP99: Double, terminal: Bool, kinds: [String: [String: Any]]) {
        var state = DashboardState(corpus: corpus, width: 200, height: 60)
        state.folders = [folder]
        let terminal = Terminal()
        let headless = terminal.openHeadless(output: "/dev/null", term: "xterm-256color")
        defer { if headless { terminal.close() } }
        var times: [Double] = []
        // What each kind of frame costs: moving in the list, in the sidebar (which redraws the
        // entity's share of the timeline), in the timeline, paging the list, and changing focus.
        var byKind: [String: [Double]] = [:]
        let moves: [(String, Key)] = Array(repeating: ("list", .down), count: 200) + [("focus", .tab)]
            + Array(repeating: ("sidebar", .down), count: 100) + [("focus", .tab)]
            + Array(repeating: ("timeline", .left), count: 100) + [("focus", .tab)] + Array(repeating: ("page", .pageDown), count: 50)
        for (kind, key) in moves {
            let start = now()
            state = Reducer.reduce(state, .key(key))
            let buffer = Dashboard.render(state)
            if headless { terminal.show(buffer, theme: .default) }
            let elapsed = now() - start
            times.append(elapsed)
            byKind[kind, default: []].append(elapsed)
        }
        let kinds = byKind.mapValues { ["p50Ms": percentile($0, 0.5) * 1000, "p99Ms": percentile($0, 0.99) * 1000, "maxMs": ($0.max() ?? 0) * 1000, "frames": $0.count] as [String: Any] }
        var filterTimes: [Double] = []
        for name in people {
            var s = Reducer.reduce(state, .key(.escape))
            let start = now()
            s = Reducer.run("actor \(name)", s)
            let buffer = Dashboard.render(s)
            if headless { terminal.show(buffer, theme: .default) }
            filterTimes.append(now() - start)
        }
        return (percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000, percentile(filterTimes, 0.5) * 1000,
                percentile(filterTimes, 0.99) * 1000, headless, kinds)
    }

    /// Files written one at a time (half in place, half under a temporary name and renamed in,
    /// as scrapers do) into a watched subfolder; the time from the write to the first snapshot
    /// that holds the file.
    static func watch(live: LiveCorpus, indexer: Indexer, generator: BenchCorpus, folder: String, first: Int,
                      stories: LiveStories?, body: @escaping @Sendable (Int64) -> String?) throws
        -> (p50: Double, p99: Double, files: Int, storyP50: Double, storyP99: Double) {
        final class Landing: @unchecked Sendable {
            let lock = NSLock()
            var landed: [String: Double] = [:]
            var latencies: [Double] = []
            var placing: [Double] = []
            var failure: String?
        }
        let landing = Landing()
        let incoming = folder + "/incoming"
        try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
        let watcher = FolderWatcher(roots: [folder]) { batch in
            do {
                try live.apply(try indexer.update(batch).changes)
                let published = now()
                landing.lock.withLock {
                    for path in batch { if let start = landing.landed.removeValue(forKey: path) { landing.latencies.append(published - start) } }
                }
                // What the dashboard does next: place the new articles in their stories.
                guard let stories else { return }
                let start = now()
                _ = stories.update(live.snapshot, body: body)
                let placed = now() - start
                landing.lock.withLock { landing.placing.append(placed) }
            } catch {
                landing.lock.withLock { landing.failure = "\(error)" }
            }
        }
        try watcher.start()
        defer { watcher.stopAndWait() }
        let drops = 60
        for k in 0..<drops {
            let (name, text) = generator.file(first + k)
            let path = Indexer.absolute(incoming + "/" + name)
            landing.lock.withLock { landing.landed[path] = now() }
            if k % 2 == 0 {
                try text.write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                let temporary = incoming + "/." + name + ".part"
                try text.write(toFile: temporary, atomically: false, encoding: .utf8)
                guard rename(temporary, path) == 0 else { throw CleanExit.message("bench: cannot rename \(temporary)", code: 1) }
            }
            usleep(250_000)
        }
        let deadline = now() + 30
        while now() < deadline, landing.lock.withLock({ landing.latencies.count < drops && landing.failure == nil }) { usleep(20_000) }
        let (latencies, placing, failure) = landing.lock.withLock { (landing.latencies, landing.placing, landing.failure) }
        if let failure { throw CleanExit.message("bench: indexing a landed file failed: \(failure)", code: 1) }
        guard latencies.count == drops else {
            throw CleanExit.message("bench: \(drops - latencies.count) of \(drops) landed files never reached a snapshot within 30 s", code: 1)
        }
        return (percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, drops,
                percentile(placing, 0.5) * 1000, percentile(placing, 0.99) * 1000)
    }

    /// Runs this sitrep with the arguments and waits for it; its status.
    static func launch(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Launches `sitrep bench-start-up` and times it until it says its snapshot is ready.
    static func startUp(index: String, folder: String, expecting articles: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench-start-up", "--index", index, folder]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = now()
        try process.run()
        // Timed to the line that says the snapshot is ready, not to the process's exit.
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            data += more
        }
        let elapsed = now() - start
        process.waitUntilExit()
        let said = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, said == "ready \(articles)" else {
            throw CleanExit.message("bench: the start-up run said \"\(said)\" (status \(process.terminationStatus)), expected \"ready \(articles)\"", code: 1)
        }
        return elapsed
    }

    // MARK: Memory and files

    /// A field of /proc/self/status, in MB.
    static func rss(_ field: String) -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return (line.flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0) / 1024
    }

    static func megabytes(_ path: String) -> Double {
        Double(((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) ?? 0) / 1_048_576
    }

    /// Writes a file's pages out and drops them from the page cache, so the next read comes from
    /// the disk. Only in a process with no SQLite connection to the file (`bench-start-up --evict`).
    static func evict(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
        close(fd)
    }
}
