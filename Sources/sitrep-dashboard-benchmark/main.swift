import Dispatch
import Foundation
import SitrepCore
import SitrepTerminal
import SitrepUI

// Measures the dashboard's frame time at 200×60 with a large corpus loaded: state → buffer
// (render) → terminal (ncurses, writing to /dev/null), and the time from a filter key to the
// frame that shows it.
//
//   swift run -c release sitrep-dashboard-benchmark [ARTICLES]
//
// The corpus (default 100,000 articles) is made in memory: titles, sources and days varied,
// each article naming 25 of 3,000 people, organisations and gazetteer places.

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// A fixed-seed generator, so every run measures the same corpus.
struct Generator {
    var state: UInt64 = 7
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
var generator = Generator()
@MainActor func next(_ n: Int) -> Int { generator.next(n) }
let gazetteer = Gazetteer.shipped
let places = gazetteer.places.values.filter { $0.kind != .city || $0.population > 500_000 }.sorted { $0.id < $1.id }
let firstNames = ["Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hassan", "Ivan", "Julia", "Karim", "Lena", "Marek", "Nadia", "Oleg"]
let surnames = (0..<100).map { "Surname\($0)" }
var pool: [Entity] = []
for k in 0..<1500 {
    pool.append(Entity(name: "\(firstNames[k % firstNames.count]) \(surnames[k / firstNames.count % surnames.count])\(k)", kind: .person,
                       aliases: [], mentions: [], placeID: nil, parents: [], country: nil))
}
for k in 0..<500 {
    pool.append(Entity(name: "Organisation \(k)", kind: .organization, aliases: [], mentions: [], placeID: nil, parents: [], country: nil))
}
for place in places.prefix(1000) {
    pool.append(Entity(name: place.name, kind: .place, aliases: [], mentions: [], placeID: place.id,
                       parents: gazetteer.chain(place).dropFirst().map(\.name), country: nil))
}
let keys = pool.map { CorpusEntities.Key($0) }
let sources = (0..<20).map { "Outlet \($0)" }
let words = ["talks", "troops", "sanctions", "border", "ceasefire", "election", "summit", "shelling", "aid", "drones", "energy", "grain"]
var started = now()
var articles: [AnalysedArticle] = []
articles.reserveCapacity(count)
for k in 0..<count {
    let day = CalendarDay(date: Date(timeIntervalSince1970: 1_609_459_200 + Double(next(365)) * 86_400))
    let title = "\(words[next(words.count)].capitalized) and \(words[next(words.count)]) as leaders meet, report \(k)"
    let article = Article(path: "/corpus/\(k / 1000)/\(k).txt", title: title, source: sources[next(sources.count)],
                          published: .day(day), publishedFrom: .frontMatter, body: "")
    var picked = Set<Int>()
    while picked.count < 25 { picked.insert(next(pool.count)) }
    let chosen = picked.sorted()
    articles.append(AnalysedArticle(article: article, entities: chosen.map { pool[$0] }, id: Int64(k + 1),
                                    mentionCounts: chosen.map { _ in 1 + next(4) }, keys: chosen.map { keys[$0] }))
}
let corpus = Corpus(articles)
say(String(format: "corpus: %d articles in memory, %d entities (built in %.1f s)", corpus.articles.count, corpus.entities.count, now() - started))
say("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; release build; 200×60")

var dashboard = DashboardState(corpus: corpus, width: 200, height: 60)
dashboard.folders = ["/corpus"]
let terminal = Terminal()
let headless = terminal.openHeadless(output: "/dev/null", term: "xterm-256color")
defer { terminal.close() }

// Frames while moving through the list, the sidebar and the timeline.
var renderTimes: [Double] = [], showTimes: [Double] = [], frameTimes: [Double] = []
let moves: [Key] = Array(repeating: .down, count: 200) + [.tab] + Array(repeating: .down, count: 100) + [.tab] + Array(repeating: .left, count: 100) + [.tab]
for key in moves {
    let t0 = now()
    dashboard = Reducer.reduce(dashboard, .key(key))
    let t1 = now()
    let buffer = Dashboard.render(dashboard)
    let t2 = now()
    if headless { terminal.show(buffer, theme: .default) }
    let t3 = now()
    renderTimes.append(t2 - t1)
    showTimes.append(t3 - t2)
    frameTimes.append(t3 - t0)
}
say(String(format: "frame (key → state → buffer → terminal): p50 %.2f ms, p99 %.2f ms over %d frames", percentile(frameTimes, 0.5) * 1000,
           percentile(frameTimes, 0.99) * 1000, frameTimes.count))
say(String(format: "  render (state → buffer): p50 %.2f ms, p99 %.2f ms", percentile(renderTimes, 0.5) * 1000, percentile(renderTimes, 0.99) * 1000))
say(headless ? String(format: "  terminal (buffer → ncurses, to /dev/null): p50 %.2f ms, p99 %.2f ms", percentile(showTimes, 0.5) * 1000,
                      percentile(showTimes, 0.99) * 1000) : "  terminal: not measured (ncurses could not open headless)")

// A filter change: the command line typed and Enter, then the frame.
var filterTimes: [Double] = []
let actors = corpus.entities.filter { $0.kind == .person }.prefix(50).map(\.name)
for name in actors {
    var s = dashboard
    s = Reducer.reduce(s, .key(.escape))
    s = Reducer.run("actor \(name)", s)  // what Enter on the command line does
    let t0 = now()
    s = Reducer.run("clear", s)
    s = Reducer.run("actor \(name)", s)
    let buffer = Dashboard.render(s)
    if headless { terminal.show(buffer, theme: .default) }
    filterTimes.append(now() - t0)
    precondition(s.shown.count > 0)
}
say(String(format: "filter key → frame (:actor NAME Enter): p50 %.1f ms, p99 %.1f ms over %d actors", percentile(filterTimes, 0.5) * 1000,
           percentile(filterTimes, 0.99) * 1000, filterTimes.count))
