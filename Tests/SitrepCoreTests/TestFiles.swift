import Foundation
import XCTest
@testable import SitrepCore

/// A temporary folder for one test, removed afterwards.
final class TestFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "sitrep-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: data)
        return file
    }
}

enum Fixtures {
    static var outlets: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("outlets").path
    }

    static func outlet(_ name: String) -> String { (outlets as NSString).appendingPathComponent(name) }

    /// The project's sample-data folder.
    static var sampleData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data").path
    }
}

/// Compares text the way a reader would: same words, whatever the quotes and spacing.
func normalizedForComparison(_ text: String) -> String {
    Cleaner.repetitionKey(text)
}

func read(_ path: String) -> ArticleReader.Outcome { ArticleReader().read(path: path) }

func readOne(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> Article? {
    let outcome = read(path)
    XCTAssertEqual(outcome.articles.count, 1, "articles in \(path): \(outcome.issues)", file: file, line: line)
    return outcome.articles.first
}
