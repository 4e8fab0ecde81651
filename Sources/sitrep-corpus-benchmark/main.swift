import Dispatch
import Foundation
import SitrepCore

// Measures the live corpus at scale: indexing, start-up from an existing index, query
// latency, memory, and how long a file takes from landing in a watched folder to being in
// a published snapshot.
//
//   swift run -c release sitrep-corpus-benchmark [ARTICLES] [WORK_FOLDER]
//
// Generates ARTICLES files (default 100,000) of about 4 KB in WORK_FOLDER (default a
// temporary folder, removed afterwards), built from the sample articles' paragraphs with
// the people, places, outlets and dates varied, so that the index holds many distinct
// actors, regions, sources and days. Given a WORK_FOLDER that a previous run kept (it is
// kept whenever named), the corpus and index there are reused and only the timings after
// indexing are taken again.

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 100_000
let keep = arguments.count > 1
let work = arguments.dropFirst().first ?? NSTemporaryDirectory() + "sitrep-corpus-benchmark-\(getpid())"
let corpusFolder = work + "/articles"
let indexPath = work + "/index.sqlite"

func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func memory(_ field: String) -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
    let kb = line.flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
    return String(format: "%.0f MB", kb / 1024)
}
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

// MARK: Corpus

let people: [(String, String)] = [
    ("Antony Blinken", "Blinken"), ("Olaf Scholz", "Scholz"), ("Emmanuel Macron", "Macron"), ("Jens Stoltenberg", "Stoltenberg"),
    ("Sergei Lavrov", "Lavrov"), ("Josep Borrell", "Borrell"), ("Ursula von der Leyen", "von der Leyen"), ("Boris Johnson", "Johnson"),
    ("Recep Tayyip Erdogan", "Erdogan"), ("Mario Draghi", "Draghi"), ("Angela Merkel", "Merkel"), ("Lloyd Austin", "Austin"),
    ("Jake Sullivan", "Sullivan"), ("Dominic Raab", "Raab"), ("Heiko Maas", "Maas"), ("Andrzej Duda", "Duda"),
    ("Alexander Lukashenko", "Lukashenko"), ("Maia Sandu", "Sandu"), ("Charles Michel", "Michel"), ("Antonio Guterres", "Guterres"),
]
let regions = ["Donbas", "Crimea", "Kharkiv", "Odesa", "Transnistria", "Belarus", "Georgia", "Moldova", "Poland", "Lithuania",
               "Gaza", "West Bank", "Syria", "Kashmir", "Taiwan", "Sahel", "Balkans", "Kosovo", "Armenia", "Azerbaijan"]
let outlets = ["Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "The Independent", "UPI", "UNIAN", "The Moscow Times",
               "Daily Mail", "Kyiv Independent", "Politico Europe", "Deutsche Welle", "Euronews", "Al Jazeera", "The Times",
               "Financial Times", "Le Monde", "Der Spiegel", "Radio Free Europe"]

func generate() throws -> Int {
    let seeds = InputFiles.expand(["sample-data"]).files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        .map { FrontMatter.split($0).body }
    guard !seeds.isEmpty else { fatalError("run from the package root: sample-data/ is needed") }
    let paragraphs = seeds.flatMap { $0.components(separatedBy: "\n\n") }.filter { $0.count > 120 }
    var bytes = 0
    var state: UInt64 = 2021
    func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
    for k in 0..<count {
        let person = people[next(people.count)], region = regions[next(regions.count)]
        var text = ""
        while text.utf8.count < 3900 { text += paragraphs[next(paragraphs.count)] + "\n\n" }
        text = text.replacingOccurrences(of: "Antony Blinken", with: person.0).replacingOccurrences(of: "Anthony Blinken", with: person.0)
            .replacingOccurrences(of: "Blinken", with: person.1).replacingOccurrences(of: "Donbass", with: region)
            .replacingOccurrences(of: "Donbas", with: region)
        text += "Dispatch \(k) from the \(region) desk.\n"
        let day = 1 + next(365)
        var components = DateComponents(year: 2021, month: 1, day: 1)
        components.day = day
        let date = Calendar(identifier: .gregorian).date(from: components)!
        let iso = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let title = "\(person.1) on \(region): report \(k)"
        let file = "---\ntitle: \(title)\nsource: \(outlets[next(outlets.count)])\npublished: \(iso)\n---\n\n\(text)"
        bytes += file.utf8.count
        let folder = String(format: "%@/%03d", corpusFolder, k / 1000)
        if k % 1000 == 0 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try file.write(toFile: String(format: "%@/%06d.txt", folder, k), atomically: false, encoding: .utf8)
    }
    return bytes
}

// MARK: Run

let reuse = keep && FileManager.default.fileExists(atPath: indexPath)
if !reuse {
    try? FileManager.default.removeItem(atPath: work)
    try FileManager.default.createDirectory(atPath: corpusFolder, withIntermediateDirectories: true)
}
try? FileManager.default.removeItem(atPath: corpusFolder + "/incoming")
defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }

let memoryTotal = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("MemTotal") }.map { String($0.split(separator: " ")[1]) }
    .flatMap(Double.init).map { String(format: "%.0f GB", $0 / 1_048_576) } ?? "?"
say("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memoryTotal)")
var t = now()
if !reuse {
    let bytes = try generate()
    say(String(format: "corpus: %d articles, %.1f KB on average, generated in %.0f s", count, Double(bytes) / Double(count) / 1024, now() - t))
}

let extractor = EntityExtractor(tagger: try EntityTagger.shipped())
if !reuse {
    let store = Store.open(path: indexPath)
    t = now()
    let summary = try Indexer(store: store) { extractor }.reconcile([corpusFolder])
    let seconds = now() - t
    let size = ((try? FileManager.default.attributesOfItem(atPath: indexPath)[.size] as? Int) ?? 0) ?? 0
    say(String(format: "index from scratch: %.0f s, %.0f articles/s on all cores; index file %.0f MB", seconds,
               Double(summary.articlesAnalysed) / seconds, Double(size) / 1_048_576))
}

// Start-up as the dashboard does it: open the index and load the snapshot (usable from
// here), then reconcile the folder with the index behind it.
// The first start after indexing reads the index and writes the snapshot file; later starts
// read the file.
let roots = [Store.Root(corpusFolder)]
let indexer = Indexer(store: Store.open(path: indexPath)) { extractor }
t = now()
let changedFiles = try indexer.reconcile([corpusFolder])
say(String(format: "reconcile before the first start: %.1f s (%d files unchanged)", now() - t, changedFiles.unchanged))
try? FileManager.default.removeItem(atPath: SnapshotFile.path(forIndex: indexPath))
t = now()
_ = try Store.open(path: indexPath).snapshotArticles(under: roots)
let firstStart = now() - t
let snapshotSize = ((try? FileManager.default.attributesOfItem(atPath: SnapshotFile.path(forIndex: indexPath))[.size] as? Int) ?? 0) ?? 0
t = now()
let store = Store.open(path: indexPath)
let loaded = try store.snapshotArticles(under: roots)
let read = now() - t
let live = LiveCorpus(store: store, roots: roots, loaded: loaded)
let corpus = live.snapshot
let startup = now() - t
t = now()
let unchanged = try indexer.reconcile([corpusFolder])
let reconciled = now() - t
say(String(format: "start-up from the index: %.2f s to a usable snapshot (snapshot file %.0f MB read in %.2f s, built in memory %.2f s); "
           + "the first start after indexing, which reads the index and writes the file, %.1f s; reconcile behind it of %d unchanged files %.2f s",
           startup, Double(snapshotSize) / 1_048_576, read, startup - read, firstStart, unchanged.unchanged, reconciled))
say("memory after start-up: RSS \(memory("VmRSS")), peak \(memory("VmHWM"))")

// Query latency.
let queries: [(String, [String])] = [
    ("actor", people.map { "actor:\"\($0.0)\"" }),
    ("region", regions.map { "region:\"\($0)\"" }),
    ("text", ["Javelin", "aggression", "\"security assistance\"", "Kremlin", "sanctions", "Sevastopol", "ceasefire", "drones"]),
    ("combined", zip(people, regions).map { "actor:\"\($0.1)\" region:\"\($1)\" -source:Reuters since:2021-03-01" }),
]
for (kind, texts) in queries {
    var times: [Double] = []
    var found = 0
    for round in 0..<20 {
        for text in texts {
            let query = try Query.parse(text)
            let start = now()
            let result: [Int]
            do {
                result = try corpus.matches(query)
            } catch let error as Corpus.UnknownName {
                if round == 0 { say("  (skipped: \(error))") }
                continue
            }
            times.append(now() - start)
            if round == 0 { found += result.count }
        }
    }
    say(String(format: "query %-9@ p50 %6.2f ms  p99 %6.2f ms  (%d queries, %.0f matches on average)", kind as NSString,
               percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000, times.count, Double(found) / Double(texts.count)))
}

// Landing to snapshot: files dropped one at a time into the watched folder.
final class Landing: @unchecked Sendable {
    let lock = NSLock()
    var landed: [String: Double] = [:]
    var latencies: [Double] = []
    var snapshots = 0
}
let landing = Landing()
let landingFolder = corpusFolder + "/incoming"
try FileManager.default.createDirectory(atPath: landingFolder, withIntermediateDirectories: true)
let watcher = FolderWatcher(roots: [corpusFolder]) { batch in
    do {
        try live.apply(try indexer.update(batch).changes)
        let published = now()
        landing.lock.withLock {
            landing.snapshots += 1
            for path in batch { if let start = landing.landed.removeValue(forKey: path) { landing.latencies.append(published - start) } }
        }
    } catch {
        FileHandle.standardError.write(Data("update failed: \(error)\n".utf8))
    }
}
try watcher.start()
let drops = 50
for k in 0..<drops {
    let path = String(format: "%@/landed-%03d.txt", landingFolder, k)
    let text = "---\ntitle: Landed \(k)\nsource: Wire\npublished: 2021-12-31\n---\n\nTroops moved near Kharkiv as \(people[k % people.count].0) spoke in Kyiv on the crisis, report \(k).\n"
    landing.lock.withLock { landing.landed[URL(fileURLWithPath: path).standardizedFileURL.path] = now() }
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    usleep(300_000)
}
let deadline = now() + 120
while now() < deadline, landing.lock.withLock({ landing.latencies.count }) < drops { usleep(50_000) }
watcher.stop()
let latencies = landing.lock.withLock { landing.latencies }
say(String(format: "file landing → snapshot: p50 %.0f ms, p99 %.0f ms (%d files dropped 0.3 s apart, %d snapshots)",
           percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, latencies.count, landing.snapshots))

// Stories: every article placed oldest first, then the time to place one more.
t = now()
let eventDays = try store.eventDays()
var stories = StoryIndex()
let snapshotNow = live.snapshot
let oldestFirst = Array(snapshotNow.articles.reversed())
var storyFeatures: [StoryIndex.Features] = []
for item in oldestFirst {
    let body = item.id.flatMap { try? store.body(ofArticle: $0) } ?? ""
    storyFeatures.append(StoryIndex.Features(day: item.article.published.day, body: item.article.title + "\n\n" + body,
                                             entityKeys: Set(item.keys.map(\.key)), eventDays: item.id.flatMap { eventDays[$0] } ?? []))
}
let featured = now() - t
t = now()
for features in storyFeatures.dropLast(100) { stories.add(features) }
let placedAll = now() - t
var placeTimes: [Double] = []
for features in storyFeatures.suffix(100) {
    let start = now()
    stories.add(features)
    placeTimes.append(now() - start)
}
say(String(format: "stories: %d articles read and featured in %.1f s, placed in %.1f s, %d stories; placing one more into %d: p50 %.2f ms, p99 %.2f ms",
           stories.count, featured, placedAll, Set(stories.placements.map(\.story)).count, stories.count - 100,
           percentile(placeTimes, 0.5) * 1000, percentile(placeTimes, 0.99) * 1000))
say("memory at the end: RSS \(memory("VmRSS")), peak \(memory("VmHWM"))")
