import ArgumentParser
import Foundation
import SitrepCore

/// `sitrep stories`: articles about the same event, grouped.
struct Stories: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group the articles that report the same event into stories.",
        discussion: """
        Articles are placed oldest first: each joins the story of the most similar article \
        published within 3 days of it (words by TF-IDF and entities, half each), or starts one. \
        Near-identical copies (SimHash) are listed under the article they copy. Stories are \
        listed newest first.
        """
    )

    @Flag(name: .long, help: "Print one JSON array of stories, each with its articles.")
    var json = false

    @OptionGroup var input: ArticlePaths
    @OptionGroup var index: IndexOptions

    func run() throws {
        let loaded = try IndexedCorpus.load(input.paths, options: index)
        let articles = Array(loaded.corpus.articles.reversed())  // oldest first
        let eventDays = try loaded.store.eventDays()
        var stories = StoryIndex()
        for item in articles {
            let body = item.id.flatMap { try? loaded.store.body(ofArticle: $0) } ?? item.article.body
            stories.add(StoryIndex.Features(day: item.article.published.day, body: item.article.title + "\n\n" + body,
                                            entityKeys: Set(item.keys.map(\.key)), eventDays: item.id.flatMap { eventDays[$0] } ?? []))
        }
        // Stories by their first article; copies under the article they copy.
        var members: [Int: [Int]] = [:]
        var copies: [Int: [Int]] = [:]
        for (number, placement) in stories.placements.enumerated() {
            if let original = placement.copyOf { copies[original, default: []].append(number) } else { members[placement.story, default: []].append(number) }
        }
        let ordered = members.sorted { a, b in
            let lastA = articles[a.value.last!].article.published.day, lastB = articles[b.value.last!].article.published.day
            return lastA != lastB ? lastA > lastB : a.value.count > b.value.count
        }
        if json {
            let output = ordered.map { story, numbers -> JSONValue in
                let items = numbers.map { number -> JSONValue in
                    var pairs = ExtractReport.metadata(of: articles[number].article)
                    pairs.append(("similarity", .double((stories.placements[number].similarity * 1000).rounded() / 1000)))
                    pairs.append(("copies", .array((copies[number] ?? []).map { .object(ExtractReport.metadata(of: articles[$0].article)) })))
                    return .object(pairs)
                }
                let first = articles[numbers.first!].article, last = articles[numbers.last!].article
                return .object([("title", .string(first.title)), ("first", .string(first.published.day.isoString)),
                                ("last", .string(last.published.day.isoString)), ("articles", .int(numbers.count)),
                                ("copies", .int(numbers.reduce(0) { $0 + (copies[$1]?.count ?? 0) })), ("items", .array(items))])
            }
            print(JSONValue.array(output).serialized(pretty: true))
        } else {
            for (_, numbers) in ordered {
                let first = articles[numbers.first!].article
                let extra = numbers.reduce(0) { $0 + (copies[$1]?.count ?? 0) }
                print("\(first.published.day)  \(numbers.count) article\(numbers.count == 1 ? "" : "s")\(extra > 0 ? " + \(extra) cop\(extra == 1 ? "y" : "ies")" : "")  \(TextSanitizer.visible(first.title))")
                for number in numbers {
                    let a = articles[number].article
                    print("    \(a.published.day)  \(TextSanitizer.visible(a.source ?? "—"))  \(TextSanitizer.visible(a.title))")
                    for copy in copies[number] ?? [] { print("        copy: \(TextSanitizer.visible(articles[copy].article.path))") }
                }
            }
        }
    }
}
