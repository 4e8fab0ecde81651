import XCTest
@testable import SitrepCore

/// Dated events in the sample articles, as an analyst reads them, and relative expressions
/// across month and year boundaries.
final class DateGoldTests: XCTestCase {
    /// Per sample article: each date expression in the cleaned body (as written) and the date
    /// it means, in ISO 8601 at its granularity.
    static let gold: [(file: String, dates: [(String, String)])] = [
        ("2021-04-01_daily-mail_us-declares-unwavering-support-for-ukraine.txt", [
            ("this week", "2021-W13"), ("Wednesday", "2021-03-31"), ("Thursday", "2021-04-01"), ("Thursday", "2021-04-01"),
            ("this week", "2021-W13"), ("Wednesday", "2021-03-31"), ("Thursday", "2021-04-01"), ("Monday", "2021-03-29"),
            ("Wednesday", "2021-03-31"), ("Thursday", "2021-04-01"), ("last Friday", "2021-03-26"), ("Thursday", "2021-04-01"),
            ("This week", "2021-W13"),
        ]),
        ("2021-04-01_the-independent_blinken-pledges-support-for-ukraine.txt", [
            ("Wednesday", "2021-03-31"), ("26 March", "2021-03-26"), ("31 March", "2021-03-31"), ("last week", "2021-W12"),
            ("July last year", "2020-07"), ("2014", "2014"), ("Wednesday", "2021-03-31"), ("Tuesday", "2021-03-30"),
        ]),
        ("2021-04-13_unian_blinken-affirms-us-support-for-euro-atlantic-integration.txt", [
            ("today", "2021-04-13"), ("April 13", "2021-04-13"), ("March 30, 2021", "2021-03-30"), ("March 31, 2021", "2021-03-31"),
            ("April 8, 2021", "2021-04-08"),
        ]),
        ("2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt", [
            ("Thursday", "2021-05-06"), ("May 7", "2021-05-07"), ("Thursday", "2021-05-06"), ("last month", "2021-04"),
            ("May 1", "2021-05-01"), ("2014", "2014"), ("Thursday", "2021-05-06"), ("Thursday", "2021-05-06"), ("Thursday", "2021-05-06"),
        ]),
        ("2021-11-23_the-moscow-times_us-escalating-tensions-by-arming-kiev-kremlin.txt", [
            ("2014", "2014"), ("Tuesday", "2021-11-23"), ("January", "2022-01"), ("Monday", "2021-11-22"), ("2014", "2014"),
        ]),
    ]

    func testSampleArticlesDatedEventsAgainstTheGold() throws {
        var correct = 0, predicted = 0, expected = 0
        for (file, gold) in Self.gold {
            let article = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(file)))
            let found = article.dates.map { ($0.text, $0.isoString) }
            // Multiset overlap of (text, date) pairs.
            var remaining = gold.map { "\($0.0)|\($0.1)" }
            for pair in found {
                if let at = remaining.firstIndex(of: "\(pair.0)|\(pair.1)") {
                    remaining.remove(at: at)
                    correct += 1
                }
            }
            predicted += found.count
            expected += gold.count
            XCTAssertEqual(remaining, [], "\(file): missed or wrong; found \(found)")
            // Offsets point at the words.
            let scalars = Array(article.body.unicodeScalars)
            for date in article.dates {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[date.start..<date.end])), date.text)
            }
        }
        let precision = Double(correct) / Double(max(1, predicted)), recall = Double(correct) / Double(max(1, expected))
        print(String(format: "sample-article dates: precision %.3f, recall %.3f (%d gold, %d found)", precision, recall, expected, predicted))
        XCTAssertGreaterThanOrEqual(precision, 0.95)
        XCTAssertGreaterThanOrEqual(recall, 0.95)
    }

    func testTheIssuesExamples() throws {
        let dailyMail = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(Self.gold[0].file)))
        let call = try XCTUnwrap(dailyMail.dates.first { $0.text == "Wednesday" })
        XCTAssertEqual(call.isoString, "2021-03-31", "Blinken's call on Wednesday, in the paper of Thursday 1 April")
        XCTAssertTrue(call.relative)
        let unian = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(Self.gold[2].file)))
        XCTAssertEqual(unian.dates.first { $0.text == "April 13" }?.isoString, "2021-04-13")
    }

    private func dates(_ text: String, published: CalendarDay) -> [String] {
        let explicit = ExplicitDates.find(in: text, reference: published)
        return (explicit + RelativeDates.find(in: text, reference: published, explicit: explicit))
            .sorted { $0.start < $1.start }.map { "\($0.text)=\($0.isoString)" }
    }

    func testRelativeDatesAcrossAYearBoundary() {
        // Friday 1 January 2021, in ISO week 2020-W53.
        let newYear = CalendarDay(year: 2021, month: 1, day: 1)!
        XCTAssertEqual(newYear.weekday, 5)
        XCTAssertEqual(dates("Troops moved on Wednesday and again yesterday. Talks stalled last week and last month.", published: newYear),
                       ["Wednesday=2020-12-30", "yesterday=2020-12-31", "last week=2020-W52", "last month=2020-12"])
        XCTAssertEqual(dates("The deal from July last year expires next month; last December was calmer than this year, and last year worse.", published: newYear),
                       ["July last year=2020-07", "next month=2021-02", "last December=2020-12", "this year=2021", "last year=2020"])
        XCTAssertEqual(dates("Elections are due in December, and the treaty dates from 2014.", published: newYear),
                       ["December=2020-12", "2014=2014"])
        XCTAssertEqual(dates("This week the talks resumed.", published: newYear), ["This week=2020-W53"])
    }

    func testRelativeDatesAcrossAMonthBoundary() {
        // Monday 1 March 2021.
        let march1 = CalendarDay(year: 2021, month: 3, day: 1)!
        XCTAssertEqual(dates("Shelling began on Sunday, resumed yesterday and again Monday; last Monday was quiet, next Monday talks.", published: march1),
                       ["Sunday=2021-02-28", "yesterday=2021-02-28", "Monday=2021-03-01", "last Monday=2021-02-22", "next Monday=2021-03-08"])
        XCTAssertEqual(dates("Earlier this month, and last month, and tomorrow.", published: march1),
                       ["this month=2021-03", "last month=2021-02", "tomorrow=2021-03-02"])
    }

    func testWhatIsNotARelativeDate() {
        let day = CalendarDay(year: 2021, month: 4, day: 1)!
        XCTAssertEqual(dates("Good Friday services and Black Friday sales, as USA Today reported.", published: day), [])
        XCTAssertEqual(dates("You may go. The March on Rome. August institutions.", published: day), [])
        XCTAssertEqual(dates("On Wednesday, March 31, Blinken called.", published: day), ["March 31=2021-03-31"],
                       "a weekday beside an explicit date is that date, counted once")
        XCTAssertEqual(dates("In the past year and the coming week.", published: day), [])
    }
}
