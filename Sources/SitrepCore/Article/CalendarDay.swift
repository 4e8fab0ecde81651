import Foundation

/// A date without a time: what news text usually gives ("31 March", "April 13, 2021").
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the combination does not exist (31 April, 29 February 2021).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar day of an instant (the proleptic Gregorian calendar, by arithmetic:
    /// asking Foundation's calendar cost more than the rest of filing an article).
    public init(date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Days since 1 March of year 0, in 400-year eras of 146,097 days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    }

    /// Days from 1 January 1970 to this day (negative before).
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Midnight UTC of this day.
    public var date: Date {
        Date(timeIntervalSince1970: Double(Self.daysSince1970(year: year, month: month, day: day)) * 86_400)
    }

    /// "2021-04-01". Written digit by digit: `String(format:)` was a tenth of drawing the article list.
    public var isoString: String {
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        var y = year
        for i in stride(from: 3, through: 0, by: -1) {
            bytes[i] = UInt8(ascii: "0") + UInt8(y % 10)
            y /= 10
        }
        bytes[5] = UInt8(ascii: "0") + UInt8(month / 10)
        bytes[6] = UInt8(ascii: "0") + UInt8(month % 10)
        bytes[8] = UInt8(ascii: "0") + UInt8(day / 10)
        bytes[9] = UInt8(ascii: "0") + UInt8(day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { isoString }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
