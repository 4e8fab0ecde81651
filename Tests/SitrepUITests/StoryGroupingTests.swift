import Foundation
import SitrepCore
import XCTest
@testable import SitrepUI

/// The article list grouped by story: `s` toggles it, each story's count stands on its newest
/// article, the other reports hang below it, and stories worked out later regroup the list.
final class StoryGroupingTests: XCTestCase {
    static let corpus = DashboardTests.corpus
    static let stories = LiveStories().update(corpus, body: { _ in nil })

    private func state(_ width: Int, _ height: Int, stories: Bool = true) -> DashboardState {
        var s = DashboardState(corpus: Self.corpus, width: width, height: height)
        s.theme = .mono
        if stories { s = Reducer.reduce(s, .stories(Self.stories)) }
        return s
    }

    private func rows(_ s: DashboardState) -> [String] {
        Dashboard.render(s).lines.filter { $0.contains("2021-") }
    }

    func testSGroupsTheTwoReportsOfTheCallAndSAgainListsByDate() throws {
        var s = state(120, 40)
        let byDate = rows(s)
        s = Reducer.reduce(s, .key(.char("s")))
        let screen = Dashboard.render(s).lines
        XCTAssertTrue(screen[0].contains("Articles 5/5 in 4 stories"), screen[0])
        let grouped = rows(s)
        let dailyMail = try XCTUnwrap(grouped.firstIndex { $0.contains("Daily Mail") })
        XCTAssertTrue(grouped[dailyMail].contains("  2 US declares ‘unwavering’ support"), grouped[dailyMail])
        XCTAssertTrue(grouped[dailyMail + 1].contains("The Independent") && grouped[dailyMail + 1].contains("└ US secretary of state Blinken"),
                      grouped[dailyMail + 1])
        // Stories of one article carry no count.
        let upi = try XCTUnwrap(grouped.first { $0.contains("UPI") })
        XCTAssertTrue(upi.contains("     Blinken: U.S. supports Ukraine"), upi)
        s = Reducer.reduce(s, .key(.char("s")))
        XCTAssertEqual(rows(s), byDate)
        XCTAssertFalse(Dashboard.render(s).lines[0].contains("stories"))
    }

    func testStoriesThatArriveWhileGroupedRegroupAndKeepTheSelectedArticle() throws {
        var s = state(120, 40, stories: false)
        s = Reducer.reduce(s, .key(.char("s")))
        XCTAssertEqual(s.message, "stories are still being worked out: the list groups as they come")
        XCTAssertTrue(Dashboard.render(s).lines[0].contains("in 5 stories"), "unknown stories stand alone")
        // Select the Independent's report; it stays selected as the stories arrive and the list regroups.
        while s.currentArticle?.article.source != "The Independent" { s = Reducer.reduce(s, .key(.down)) }
        s = Reducer.reduce(s, .stories(Self.stories))
        XCTAssertEqual(s.currentArticle?.article.source, "The Independent")
        XCTAssertTrue(Dashboard.render(s).lines[0].contains("in 4 stories"))
        // A filter keeps the grouping: Peskov's three articles are the two reports of the call and
        // the Moscow Times piece.
        s = Reducer.run("actor Peskov", s)
        XCTAssertTrue(Dashboard.render(s).lines[0].contains("3/5 in 2 stories"), Dashboard.render(s).lines[0])
    }

    func testGroupedListsFillEverySize() throws {
        for (width, height) in [(80, 24), (60, 30), (200, 60)] {
            let s = Reducer.reduce(state(width, height), .key(.char("s")))
            for line in Dashboard.render(s).lines { XCTAssertEqual(DisplayWidth.of(line), width, "\(width)×\(height): \(line)") }
            XCTAssertTrue(rows(s).contains { $0.contains("└ US secretary") }, "\(width)×\(height)")
        }
    }
}

/// Events from other threads wait for the loop; a loop that falls behind keeps one snapshot.
final class InboxTests: XCTestCase {
    func testAWaitingSnapshotIsReplacedWithBothArrivalsAndStoriesLikewise() {
        let empty = Corpus([]), full = StoryGroupingTests.corpus
        var inbox: [Event] = []
        Event.enqueue(.snapshot(empty, arrived: ["a.txt"], unreadable: []), into: &inbox)
        Event.enqueue(.indexing(done: 1, total: 3), into: &inbox)
        Event.enqueue(.stories([1: 1]), into: &inbox)
        Event.enqueue(.snapshot(full, arrived: ["b.txt"], unreadable: ["bad.json: invalid JSON"]), into: &inbox)
        Event.enqueue(.stories([1: 1, 2: 1]), into: &inbox)
        XCTAssertEqual(inbox.count, 3)
        guard case .indexing = inbox[0], case .snapshot(let corpus, let arrived, let unreadable) = inbox[1], case .stories(let map) = inbox[2] else {
            return XCTFail("\(inbox)")
        }
        XCTAssertEqual(corpus.articles.count, 5, "the newest snapshot")
        XCTAssertEqual(arrived, ["a.txt", "b.txt"])
        XCTAssertEqual(unreadable, ["bad.json: invalid JSON"])
        XCTAssertEqual(map, [1: 1, 2: 1])
        // A burst of batches leaves one snapshot waiting.
        for k in 0..<500 { Event.enqueue(.snapshot(full, arrived: ["\(k).txt"], unreadable: []), into: &inbox) }
        XCTAssertEqual(inbox.filter { if case .snapshot = $0 { return true } else { return false } }.count, 1)
    }
}
