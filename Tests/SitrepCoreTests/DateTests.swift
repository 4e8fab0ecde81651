import XCTest
@testable import SitrepCore

final class DateTests: XCTestCase {
    private let april1 = CalendarDay(year: 2021, month: 4, day: 1)!

    func testExplicitDateForms() {
        let text = "On March 30, 2021 and on 26 March, then 2021-04-13, April 13 and 1st of May."
        let found = ExplicitDates.find(in: text, reference: april1)
        XCTAssertEqual(found.map(\.text), ["March 30, 2021", "26 March", "2021-04-13", "April 13", "1st of May"])
        XCTAssertEqual(found.map(\.day.isoString), ["2021-03-30", "2021-03-26", "2021-04-13", "2021-04-13", "2021-05-01"])
    }

    func testOffsetsAreUnicodeScalarOffsets() {
        let text = "Kyiv’s mayor 🇺🇦 said on 26 March that…"
        let found = ExplicitDates.find(in: text, reference: april1)
        let scalars = Array(text.unicodeScalars)
        let mention = try! XCTUnwrap(found.first)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])), "26 March")
    }

    func testYearlessDateTakesTheNearestStatedYearElseTheReference() {
        XCTAssertEqual(ExplicitDates.find(in: "On 31 December. Later, on 2 January.", reference: CalendarDay(year: 2023, month: 1, day: 5)!)
            .map(\.day.isoString), ["2022-12-31", "2023-01-02"])
        XCTAssertEqual(ExplicitDates.find(in: "By 2 January the talks had ended.", reference: CalendarDay(year: 2023, month: 11, day: 5)!, yearChoice: .onOrBefore)
            .map(\.day.isoString), ["2023-01-02"])
    }

    func testModalMayIsNotAMonth() {
        XCTAssertTrue(ExplicitDates.find(in: "Talks may 5 times fail.", reference: april1).isEmpty)
    }

    func testImpossibleDatesAreSkipped() {
        XCTAssertTrue(ExplicitDates.find(in: "On 31 April and February 30.", reference: april1).isEmpty)
    }

    func testMetadataDateFields() {
        XCTAssertEqual(DateField.parse("2021-04-01")?.isoString, "2021-04-01")
        XCTAssertEqual(DateField.parse("2021-04-01T10:15:30.250+02:00")?.isoString, "2021-04-01T08:15:30Z")
        XCTAssertEqual(DateField.parse("2021-04-01 10:15:30")?.isoString, "2021-04-01T10:15:30Z")
        XCTAssertEqual(DateField.parse("Thu, 01 Apr 2021 10:00:00 +0000")?.isoString, "2021-04-01T10:00:00Z")
        XCTAssertEqual(DateField.parse("April 1, 2021")?.isoString, "2021-04-01")
        XCTAssertEqual(DateField.parse("Thursday, 1 April 2021")?.isoString, "2021-04-01")
        XCTAssertNil(DateField.parse("soon"))
    }
}

/// Calendar arithmetic and ISO instants, checked against Foundation's calendar and formatter.
final class CalendarArithmeticTests: XCTestCase {
    func testDaysAgreeWithFoundationsCalendarAcrossCenturies() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Every 37th day from 1890 to 2110, and the edges of leap days and years.
        var instants = stride(from: -2_524_608_000.0, to: 4_417_977_600.0, by: 86_400 * 37 + 3_601).map { $0 }
        instants += [951_782_400, 951_868_799, 951_868_800, 4_107_542_400 - 1, 4_107_542_400, -1, 0, 86_399, 1_614_556_800]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = CalendarDay(date: date)
            XCTAssertEqual([day.year, day.month, day.day], [parts.year!, parts.month!, parts.day!], "\(seconds)")
            XCTAssertEqual(day.date, calendar.startOfDay(for: date), "\(seconds)")
            XCTAssertEqual(day.isoString, String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))
        }
    }

    /// Days as the index stores them are read off their bytes; other spellings still parse.
    func testISODays() {
        let cases: [(String, String?)] = [
            ("2021-04-01", "2021-04-01"), ("1999-12-31", "1999-12-31"), ("2024-02-29", "2024-02-29"), ("2021-02-29", nil),
            ("2021-13-01", nil), ("2021-04-00", nil), ("0000-01-01", nil), ("2021-04-0a", nil), ("2021/04/01", "2021-04-01"),
            ("2021-4-1", "2021-04-01"), ("2021-04-01T", nil), ("21-04-01", nil), ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateField.isoDay(text)?.isoString, expected, text)
        }
    }

    func testInstantsAreWrittenAsTheISOFormatterWritesThem() {
        let formatter = ISO8601DateFormatter.sitrepUTC
        // Every 37th day and a bit from 1890 to 2110 with a fraction of a second, the edges of
        // the hand-written range, before 1970, and years the formatter is left to write.
        var instants = stride(from: -2_524_608_000.0, to: 4_417_977_600.0, by: 86_400 * 37 + 3_601.37).map { $0 }
        instants += [-2_208_988_800, -2_208_988_800.5, -0.25, 0, 0.999, 59.999, 951_868_799.5, 253_402_300_799.9,
                     253_402_300_800, 300_000_000_000, -3_000_000_000, -70_000_000_000]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(PublishedDate.instant(date).isoString, formatter.string(from: date), "\(seconds)")
        }
    }

    func testISOInstantsInTheFormsFeedsWrite() {
        let formatter = ISO8601DateFormatter()
        let cases: [(String, String?)] = [
            ("2021-04-01T09:30:00Z", "2021-04-01T09:30:00Z"),
            ("2021-04-01T09:30:00+03:00", "2021-04-01T06:30:00Z"),
            ("2021-04-01T09:30:00-0500", "2021-04-01T14:30:00Z"),
            ("2021-04-01 09:30:00", "2021-04-01T09:30:00Z"),
            ("2021-04-01T09:30Z", "2021-04-01T09:30:00Z"),
            ("2021-12-31T23:59:59.750Z", "2021-12-31T23:59:59Z"),
            ("2021-02-29T10:00:00Z", nil), ("2021-04-01T25:00:00Z", nil), ("2021-04-01T09:30:00Zjunk", nil), ("2021-04-01T09", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateField.isoInstant(text).map { formatter.string(from: $0) }, expected, text)
        }
        XCTAssertEqual(DateField.isoInstant("2021-12-31T23:59:59.750Z")!.timeIntervalSince1970.truncatingRemainder(dividingBy: 1), 0.75, accuracy: 1e-6)
    }
}
