import ArgumentParser
import Foundation
import SitrepCore

/// `sitrep entities`: the people, organisations and places across a set of articles.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the people, organisations and places named in the articles, one per real-world referent.",
        discussion: "Folders are read recursively. Problems with files go to stderr, one line each."
    )

    @Flag(name: .long, help: "Print one JSON array: name, kind, aliases, articles, mentions, parent (places).")
    var json = false

    @OptionGroup var input: ArticlePaths
    @OptionGroup var index: IndexOptions

    func run() throws {
        let entries = try IndexedCorpus.load(input.paths, options: index).corpus.entities
        if json {
            let document = JSONValue.array(entries.map { e in
                var pairs: [(String, JSONValue)] = [("name", .string(e.name)), ("kind", .string(e.kind.rawValue)),
                                                    ("aliases", .array(e.aliases.map(JSONValue.string))),
                                                    ("articles", .int(e.articles)), ("mentions", .int(e.mentions))]
                if e.kind == .place { pairs.append(("parent", .optional(e.parent))) }
                return .object(pairs)
            })
            print(document.serialized(pretty: true))
        } else {
            for e in entries {
                let kind = e.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                print("\(kind) \(e.name)  (\(e.articles) article\(e.articles == 1 ? "" : "s"), \(e.mentions) mention\(e.mentions == 1 ? "" : "s"))")
            }
        }
    }
}
