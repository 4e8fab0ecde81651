import Foundation
import XCTest
@testable import SitrepCore

/// The corpus `sitrep bench` measures on: the same for a seed, news-like, and read back whole.
final class BenchCorpusTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func written(_ count: Int, seed: UInt64 = 2021) throws -> (String, BenchCorpus.Summary) {
        let folder = NSTemporaryDirectory() + "sitrep-bench-corpus-\(UUID().uuidString)"
        folders.append(folder)
        let summary = try BenchCorpus(seed: seed).write(count: count, into: folder)
        return (folder, summary)
    }

    private func contents(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in InputFiles.expand([folder]).files {
            files[String(path.dropFirst(folder.count))] = FileManager.default.contents(atPath: path)
        }
        return files
    }

    func testTheSameSeedWritesTheSameFilesAndAnotherSeedDoesNot() throws {
        let (a, _) = try written(120), (b, _) = try written(120), (c, _) = try written(120, seed: 7)
        XCTAssertEqual(contents(a), contents(b))
        XCTAssertNotEqual(contents(a), contents(c))
    }

    func testEveryArticleIsReadBackWithItsTitleSourceAndDate() throws {
        let (folder, summary) = try written(600)
        XCTAssertEqual(Set(summary.formats.keys), ["txt", "txt-raw", "md", "html", "json", "jsonl"])
        let reader = ArticleReader()
        var articles: [Article] = []
        for path in InputFiles.expand([folder]).files {
            let outcome = reader.read(path: path)
            XCTAssertEqual(outcome.issues.filter { $0.severity == .error }, [], path)
            articles += outcome.articles
        }
        XCTAssertEqual(articles.count, 600)
        XCTAssertEqual(summary.articles, 600)
        let generator = BenchCorpus()
        for article in articles {
            XCTAssertFalse(article.title.isEmpty, article.path)
            XCTAssertNotNil(article.source.flatMap { generator.outlets.contains($0) ? $0 : nil }, "\(article.path): \(article.source ?? "no source"): \(article.body.prefix(80))")
            XCTAssertNotEqual(article.publishedFrom, .file, article.path)
            XCTAssertEqual(article.published.day.year, 2021, article.path)
        }
        // Lengths as news has them: mostly a few KB, a few long ones, none under 1 KB or over 20 KB of text.
        let lengths = articles.map { $0.body.utf8.count }.sorted()
        XCTAssertGreaterThan(lengths.first!, 800)
        XCTAssertLessThan(lengths.last!, 21_000)
        XCTAssertTrue((2_500...5_000).contains(lengths[lengths.count / 2]), "median \(lengths[lengths.count / 2])")
        XCTAssertGreaterThan(lengths[lengths.count * 95 / 100], 7_000)
    }

    func testTheTaggerFindsTheLeadPersonOfNearlyEveryArticle() throws {
        let generator = BenchCorpus()
        let extractor = EntityExtractor(tagger: try EntityTagger.shipped())
        var found = 0
        let stories = (0..<150).map { generator.story($0) }
        for story in stories {
            let lead = story.paragraphs[0]
            let person = generator.people.first { lead.hasPrefix($0.full) || lead.contains(" " + $0.full) }
            let names = extractor.entities(in: story.paragraphs.joined(separator: "\n\n")).filter { $0.kind == .person }.map(\.name)
            if let person, names.contains(where: { $0.hasSuffix(person.surname) }) { found += 1 }
        }
        // Lead sentences that open with an organisation name the person later; most open with them.
        XCTAssertGreaterThan(Double(found) / Double(stories.count), 0.75)
        // Names are skewed as in the news: the most reported person is in many articles, most in few.
        let leads = stories.map { story in generator.people.firstIndex { story.paragraphs.joined().contains($0.full) } ?? -1 }
        XCTAssertGreaterThan(leads.filter { $0 == 0 }.count, 5)
    }
}
