import ArgumentParser
import Foundation
import SitrepCore

/// The article files and folders a command reads.
struct ArticlePaths: ParsableArguments {
    @Argument(help: "Article files or folders (read recursively).", completion: .file())
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one article file or folder.") }
    }
}

/// Reads every article under the paths a command was given, reporting problems on stderr
/// one line each, and fails with a message when nothing at all could be read.
enum ArticleInput {
    /// The entity extractor with the shipped model, or a clean exit naming what is missing.
    static func extractor() throws -> EntityExtractor {
        do {
            return EntityExtractor(tagger: try EntityTagger.shipped())
        } catch {
            throw CleanExit.message("\(error)", code: 2)
        }
    }

    static func readAll(_ paths: [String], explain: Bool = false) throws -> [Article] {
        let listing = InputFiles.expand(paths)
        var problems = listing.problems
        var articles: [Article] = []
        let reader = ArticleReader()
        for path in listing.files {
            let outcome = reader.read(path: path)
            if explain {
                for (block, reason) in outcome.dropped {
                    FileHandle.standardError.write(Data("sitrep: dropped \(reason.rawValue): \(TextSanitizer.visible(path)): \(TextSanitizer.visible(block.text))\n".utf8))
                }
            }
            articles += outcome.articles
            problems += outcome.issues
        }
        for problem in problems {
            let label = problem.severity == .warning ? "warning" : "error"
            FileHandle.standardError.write(Data("sitrep: \(label): \(problem)\n".utf8))
        }
        if articles.isEmpty {
            let count = listing.files.count
            throw CleanExit.message("no article could be read from \(count) file\(count == 1 ? "" : "s")", code: 1)
        }
        return articles
    }
}
