import Foundation
import SitrepCore

// Measures `extract` throughput on one core, stage by stage, in one process:
//
//   swift run -c release sitrep-extract-benchmark [ARTICLES] [SOURCE_FOLDER]
//
// Writes ARTICLES files (default 2,000) into a temporary folder, each the text of one of the
// articles in SOURCE_FOLDER (default sample-data/) without front matter, so that titles,
// sources and dates are inferred as for raw scraped files. Reports the model's load time and
// articles per second (median of three rounds) for reading + cleaning, for entity extraction,
// for quotes, and for all three: what `extract` does for each article.

func say(_ text: String) { print(text) }

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 2_000
let source = arguments.dropFirst().first ?? "sample-data"

let texts: [String] = InputFiles.expand([source]).files.compactMap { path in
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    return FrontMatter.split(text).body
}
guard !texts.isEmpty else {
    FileHandle.standardError.write(Data("sitrep-extract-benchmark: no articles in \(source)\n".utf8))
    exit(1)
}
let folder = NSTemporaryDirectory() + "sitrep-extract-benchmark-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
var bytes = 0
for i in 0..<count {
    let text = texts[i % texts.count]
    bytes += text.utf8.count
    try text.write(toFile: String(format: "%@/%06d.txt", folder, i), atomically: false, encoding: .utf8)
}

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var tagger: EntityTagger!
let loadSeconds = try seconds {
    tagger = try EntityTagger.shipped()
    _ = Gazetteer.shipped.places.count
    _ = AliasTable.shipped.person(surname: "")
}
let extractor = EntityExtractor(tagger: tagger)
let files = InputFiles.expand([folder]).files
let reader = ArticleReader()

/// The median of three rounds: this kind of machine is shared, and single runs vary by ±30%.
func median(_ rounds: Int = 3, _ work: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<rounds { times.append(try seconds(work)) }
    return times.sorted()[rounds / 2]
}

var articles: [Article] = []
let readSeconds = median {
    articles = []
    for path in files { articles += reader.read(path: path).articles }
}
var entities: [[Entity]] = []
let entitySeconds = median {
    entities = articles.map { extractor.entities(in: $0.body) }
}
let mentions = entities.reduce(0) { $0 + $1.reduce(0) { $0 + $1.mentions.count } }
// Quotes and their speakers, which `extract` finds from the entities of the same article.
var quotes = 0
let quoteSeconds = median {
    quotes = zip(articles, entities).reduce(0) { $0 + QuoteFinder.find(in: $1.0.body, entities: $1.1).count }
}

let machine = BenchMachine.current()
say("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.0f", machine.memoryGB)) GB; one core used")
say(String(format: "corpus: %d articles, %.1f KB on average", articles.count, Double(bytes) / Double(count) / 1024))
say(String(format: "model, gazetteer and aliases loaded in %.2f s", loadSeconds))
say(String(format: "read + clean:     %7.0f articles/s", Double(articles.count) / readSeconds))
say(String(format: "entities:         %7.0f articles/s  (%d mentions)", Double(articles.count) / entitySeconds, mentions))
say(String(format: "quotes:           %7.0f articles/s  (%d quotes)", Double(articles.count) / quoteSeconds, quotes))
say(String(format: "extract (all):    %7.0f articles/s", Double(articles.count) / (readSeconds + entitySeconds + quoteSeconds)))
