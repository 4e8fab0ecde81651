import Foundation

/// A date written out in the text: "March 30, 2021", "26 March", "2021-04-13", "April 13".
public struct DateMention: Sendable, Equatable {
    /// The words as they stand in the text.
    public var text: String
    /// The resolved day.
    public var day: CalendarDay
    /// Whether the text gave the year, or it was inferred.
    public var yearGiven: Bool
    /// Unicode-scalar offsets into the text searched.
    public var start: Int
    public var end: Int
}

/// Finds explicit calendar dates and resolves the missing years.
public enum ExplicitDates {
    private static let monthNames = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    private static let pattern = try! NSRegularExpression(pattern: [
        // 2021-04-13
        #"\b(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})\b"#,
        // March 30, 2021 / March 30 / Mar. 30th 2021
        #"\b(?<m1>"# + monthNames + #")\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y1>\d{4})\b)?"#,
        // 30 March 2021 / 26 March
        #"\b(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>"# + monthNames + #")\b(?:,?\s+(?<y2>\d{4})\b)?"#,
    ].joined(separator: "|"), options: [.caseInsensitive])

    /// How a date with no year and no dated neighbour gets its year.
    public enum YearChoice: Sendable {
        /// The year that puts it closest to the reference (a story's own dates around publication).
        case nearest
        /// The latest year that keeps it on or before the reference (what a file's date allows).
        case onOrBefore
    }

    /// Every explicit date in `text`. A date without a year takes the year of the nearest
    /// date in the text that gives one; failing that, a year chosen against `reference`
    /// (for news, the publication day).
    public static func find(in text: String, reference: CalendarDay, yearChoice: YearChoice = .nearest) -> [DateMention] {
        struct Raw { var text: String; var month: Int; var day: Int; var year: Int?; var start: Int; var end: Int }
        let ns = text as NSString
        var raws: [Raw] = []
        let offsets = ScalarOffsets(text)
        for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            func group(_ name: String) -> String? {
                let r = m.range(withName: name)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            let matched = ns.substring(with: m.range)
            var month: Int?, day: Int?, year: Int?
            if let y = group("iy") {
                (year, month, day) = (Int(y), group("im").flatMap { Int($0) }, group("id").flatMap { Int($0) })
            } else if let mName = group("m1") {
                (month, day, year) = (Month.number(mName), group("d1").flatMap { Int($0) }, group("y1").flatMap { Int($0) })
                // "may 5" in lower case is a modal verb and a number, not a date.
                if mName == "may" { continue }
            } else if let mName = group("m2") {
                (month, day, year) = (Month.number(mName), group("d2").flatMap { Int($0) }, group("y2").flatMap { Int($0) })
                if mName == "may" { continue }
            }
            guard let month, let day, (1...31).contains(day) else { continue }
            if let y = year, !(1900...2100).contains(y) { continue }
            raws.append(Raw(text: matched, month: month, day: day, year: year,
                            start: offsets.scalarOffset(utf16: m.range.location),
                            end: offsets.scalarOffset(utf16: m.range.location + m.range.length)))
        }
        var mentions: [DateMention] = []
        for (index, raw) in raws.enumerated() {
            var year = raw.year
            if year == nil {
                // The nearest mention that states its year, preferring earlier ones on ties.
                let withYears = raws.enumerated().filter { $0.element.year != nil }
                year = withYears.min { abs($0.offset - index) < abs($1.offset - index) }?.element.year
            }
            let given = raw.year != nil
            let resolved: CalendarDay?
            if let year {
                resolved = CalendarDay(year: year, month: raw.month, day: raw.day)
            } else {
                let candidates = [reference.year - 1, reference.year, reference.year + 1]
                    .compactMap { CalendarDay(year: $0, month: raw.month, day: raw.day) }
                switch yearChoice {
                case .nearest:
                    resolved = candidates.min { abs($0.date.timeIntervalSince(reference.date)) < abs($1.date.timeIntervalSince(reference.date)) }
                case .onOrBefore:
                    resolved = candidates.filter { $0 <= reference }.max()
                }
            }
            guard let day = resolved else { continue }
            mentions.append(DateMention(text: raw.text, day: day, yearGiven: given, start: raw.start, end: raw.end))
        }
        return mentions
    }
}

/// Converts UTF-16 offsets (what NSRegularExpression reports) into Unicode-scalar offsets
/// (what Sitrep's JSON contract and Python's `str` use).
struct ScalarOffsets {
    private var utf16ToScalar: [Int]

    init(_ text: String) {
        var table: [Int] = []
        table.reserveCapacity(text.utf16.count + 1)
        var scalarIndex = 0
        for scalar in text.unicodeScalars {
            for _ in 0..<scalar.utf16.count { table.append(scalarIndex) }
            scalarIndex += 1
        }
        table.append(scalarIndex)
        utf16ToScalar = table
    }

    func scalarOffset(utf16 offset: Int) -> Int {
        utf16ToScalar[min(max(0, offset), utf16ToScalar.count - 1)]
    }
}
