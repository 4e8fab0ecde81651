import Foundation

/// Where an article's publication date came from, from most to least trustworthy.
public enum PublishedSource: String, Sendable, Codable {
    /// The file's own metadata: a front-matter block or a JSON field.
    case frontMatter = "front-matter"
    /// Read from the story text: a dateline, a "Published:" line, or dates the story mentions.
    case text
    /// The file's modification time, when nothing better was found.
    case file
}

/// A publication date as precise as its source gives it: a calendar day, or an instant.
public enum PublishedDate: Sendable, Equatable, Hashable {
    case day(CalendarDay)
    case instant(Date)

    /// "YYYY-MM-DD" for a day, full ISO-8601 (UTC) for an instant.
    public var isoString: String {
        switch self {
        case .day(let day): return day.isoString
        case .instant(let date): return Self.utcString(date)
        }
    }

    /// `2021-04-01T09:30:00Z`, whole seconds, as `ISO8601DateFormatter.sitrepUTC` writes it.
    /// Written by hand for the years 1900–9999: a formatter costs more to make than most
    /// articles cost to store, and indexing writes one date per article.
    static func utcString(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= -2_208_988_800, seconds < 253_402_300_800 else {  // 1900-01-01 ..< 10000-01-01
            return ISO8601DateFormatter.sitrepUTC.string(from: date)
        }
        var time = time_t(seconds), parts = tm()
        gmtime_r(&time, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 { bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10)); divisor /= 10 }
        }
        digits(parts.tm_year + 1900, 4); bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2); bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2); bytes.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2); bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2); bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The calendar day (UTC for instants); what sorting and bucketing use.
    public var day: CalendarDay {
        switch self {
        case .day(let day): return day
        case .instant(let date): return CalendarDay(date: date)
        }
    }
}

/// One article as read from a file and cleaned: what every later stage works on.
public struct Article: Sendable, Equatable {
    /// The file the article was read from.
    public var path: String
    /// For files holding several articles: the 1-based line (JSONL) or item (JSON array) number.
    public var part: ArticlePart?
    public var title: String
    public var source: String?
    public var published: PublishedDate
    public var publishedFrom: PublishedSource
    public var url: String?
    public var language: String?
    /// The cleaned story text: paragraphs separated by blank lines, debris removed.
    public var body: String
    /// The explicit dates in the body, years resolved against the publication date.
    public var dates: [DateMention]

    public init(path: String, part: ArticlePart? = nil, title: String, source: String?,
                published: PublishedDate, publishedFrom: PublishedSource,
                url: String? = nil, language: String? = nil, body: String, dates: [DateMention] = []) {
        self.path = path
        self.part = part
        self.title = title
        self.source = source
        self.published = published
        self.publishedFrom = publishedFrom
        self.url = url
        self.language = language
        self.body = body
        self.dates = dates
    }
}

/// Which article of a multi-article file this is.
public enum ArticlePart: Sendable, Equatable, Hashable {
    /// A line of a JSONL file, counted from 1.
    case line(Int)
    /// An element of a JSON array, counted from 1.
    case item(Int)

    /// The line or item number.
    public var number: Int {
        switch self {
        case .line(let n), .item(let n): return n
        }
    }
}

extension ISO8601DateFormatter {
    /// Full ISO-8601 in UTC, e.g. `2021-04-01T09:30:00Z`.
    static var sitrepUTC: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
