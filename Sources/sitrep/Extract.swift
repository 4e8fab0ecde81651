import ArgumentParser
import Foundation
import SitrepCore

/// `sitrep extract`: analyse files without any index.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and clean article files and print what Sitrep extracts from each.",
        discussion: "Folders are read recursively. Problems go to stderr, one line per file; the other files are still read."
    )

    @Flag(name: .long, help: "Print one JSON array with one object per article (the stable contract).")
    var json = false

    @Flag(name: .long, help: "Also list every block the cleaner dropped, with the reason.")
    var explain = false

    @OptionGroup var input: ArticlePaths

    func run() throws {
        let articles = try ArticleInput.readAll(input.paths, explain: explain)
        if json {
            let extractor = try ArticleInput.extractor()
            let document = JSONValue.array(articles.map { ExtractReport.json(for: $0, entities: extractor.entities(in: $0.body)) })
            print(document.serialized(pretty: true))
        } else {
            for article in articles { print(Self.summary(of: article)) }
        }
    }

    static func summary(of article: Article) -> String {
        let words = article.body.split(whereSeparator: \.isWhitespace).count
        return """
        \(TextSanitizer.visible(article.path))
          title:     \(article.title)
          source:    \(article.source ?? "—")
          published: \(article.published.isoString) (from \(article.publishedFrom.rawValue))
          body:      \(words) words

        """
    }
}

extension CleanExit {
    /// Ends with a message on stderr and a non-zero status.
    static func message(_ text: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("sitrep: error: \(text)\n".utf8))
        return ExitCode(code)
    }
}
