import ArgumentParser
import Foundation
import SitrepCore

/// What `query` and `timeline` share: folders, then an optional query, with the filters as
/// options too.
struct Filtering: ParsableArguments {
    @Option(help: "Only articles naming this person, organisation or country (any spelling or alias; repeatable).")
    var actor: [String] = []
    @Option(help: "Only articles naming this place or a place inside it (repeatable).")
    var region: [String] = []
    @Option(help: "Only articles from this source (repeatable).")
    var source: [String] = []
    @Option(help: "Only articles published on or after this day (YYYY-MM-DD).")
    var since: String?
    @Option(help: "Only articles published on or before this day (YYYY-MM-DD).")
    var until: String?

    @OptionGroup var index: IndexOptions

    @Argument(help: ArgumentHelp(
        "Folders or files, then optionally a query: words or \"phrases\", and actor:, region:, source:, since:, until: terms; - negates a term.",
        valueName: "folder-or-query"))
    var arguments: [String] = []

    /// The leading arguments that exist on disk are the articles; the rest is the query.
    func split() throws -> (paths: [String], query: Query) {
        let paths = Array(arguments.prefix { FileManager.default.fileExists(atPath: $0) })
        let rest = arguments.dropFirst(paths.count)
        guard !paths.isEmpty else {
            if let first = arguments.first { throw ValidationError("no such file or folder: \(first)") }
            throw ValidationError("Name at least one article file or folder.")
        }
        var query: Query
        do {
            query = try Query.parse(rest.map { $0.contains(" ") && !$0.contains(":") ? "\"\($0)\"" : $0 }.joined(separator: " "))
        } catch {
            throw ValidationError("\(error)")
        }
        query.terms += actor.map { Query.Term(.actor, $0) } + region.map { Query.Term(.region, $0) }
            + source.map { Query.Term(.source, $0) }
        if let since { query.terms.append(Query.Term(.since, since)) }
        if let until { query.terms.append(Query.Term(.until, until)) }
        return (paths, query)
    }

    /// The corpus of the articles under `paths`, through the index.
    func corpus(_ paths: [String]) throws -> Corpus {
        try IndexedCorpus.load(paths, options: index).corpus
    }

    static func matches(_ corpus: Corpus, _ query: Query) throws -> [Int] {
        do {
            return try corpus.matches(query)
        } catch {
            throw CleanExit.message("\(error)", code: 1)
        }
    }
}

/// `sitrep query`: the articles matching a filter, newest first.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the articles matching a filter, newest first.",
        discussion: """
        Examples:
          sitrep query sample-data --actor Blinken --region Donbas
          sitrep query sample-data 'actor:"Anthony Blinken" -source:UPI Javelin'
        Names match any spelling the corpus or the alias table knows, in any case or accent; \
        --region includes the places inside a region. An unknown name is an error that suggests \
        the nearest known ones.
        """
    )

    @Flag(name: .long, help: "Print one JSON array: path, title, source, published, publishedFrom, url.")
    var json = false

    @OptionGroup var filtering: Filtering

    func run() throws {
        let (paths, query) = try filtering.split()
        let corpus = try filtering.corpus(paths)
        let found = try Filtering.matches(corpus, query)
        if json {
            print(JSONValue.array(found.map { .object(ExtractReport.metadata(of: corpus.articles[$0].article)) }).serialized(pretty: true))
        } else {
            for index in found {
                let article = corpus.articles[index].article
                let source = article.source.map { "  [\(TextSanitizer.visible($0))]" } ?? ""
                print("\(article.published.day)  \(TextSanitizer.visible(article.title))\(source)")
            }
            FileHandle.standardError.write(Data("\(found.count) of \(corpus.articles.count) articles\n".utf8))
        }
    }
}

/// `sitrep timeline`: how many matching articles were published each day.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the articles matching a filter per day of publication.",
        discussion: "Takes the same folders, query and options as `sitrep query`."
    )

    @Flag(name: .long, help: "Print one JSON array of {\"day\", \"articles\"}, oldest day first.")
    var json = false

    @OptionGroup var filtering: Filtering

    func run() throws {
        let (paths, query) = try filtering.split()
        let corpus = try filtering.corpus(paths)
        let buckets = corpus.timeline(try Filtering.matches(corpus, query))
        if json {
            print(JSONValue.array(buckets.map { .object([("day", .string($0.day.isoString)), ("articles", .int($0.articles))]) })
                .serialized(pretty: true))
        } else {
            let widest = buckets.map(\.articles).max() ?? 1
            for bucket in buckets {
                let bar = String(repeating: "█", count: max(1, bucket.articles * 40 / widest))
                print("\(bucket.day)  \(String(bucket.articles).leftPadded(to: 5))  \(bar)")
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
