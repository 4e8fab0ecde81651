/// How much of the calendar a date names.
public enum DateGranularity: String, Sendable, Equatable, Codable, CaseIterable {
    case day, week, month, year
}

/// A date in the text: written out ("March 30, 2021", "26 March", "2021-04-13", "April 13")
/// or relative to publication ("on Wednesday", "last week", "in July last year").
public struct DateMention: Sendable, Equatable {
    /// The words as they stand in the text.
    public var text: String
    /// The resolved day; for a week, month or year, its first day.
    public var day: CalendarDay
    /// Whether the text gave the year, or it was inferred.
    public var yearGiven: Bool
    /// Unicode-scalar offsets into the text searched.
    public var start: Int
    public var end: Int
    public var granularity: DateGranularity
    /// Resolved against the publication day rather than written out.
    public var relative: Bool

    public init(text: String, day: CalendarDay, yearGiven: Bool, start: Int, end: Int,
                granularity: DateGranularity = .day, relative: Bool = false) {
        self.text = text
        self.day = day
        self.yearGiven = yearGiven
        self.start = start
        self.end = end
        self.granularity = granularity
        self.relative = relative
    }

    /// ISO 8601 at the date's granularity: 2021-03-31, 2021-W13, 2021-03, 2021.
    public var isoString: String {
        switch granularity {
        case .day: return day.isoString
        case .month: return String(format: "%04d-%02d", day.year, day.month)
        case .year: return String(format: "%04d", day.year)
        case .week:
            // The ISO week-numbering year is the year of the week's Thursday.
            let thursday = day.adding(days: 3)
            let firstThursday = CalendarDay(year: thursday.year, month: 1, day: 1)!
            let offset = (4 - firstThursday.weekday + 7) % 7
            let weekOne = firstThursday.adding(days: offset)
            let week = Int((thursday.date.timeIntervalSince(weekOne.date) / 86_400).rounded()) / 7 + 1
            return String(format: "%04d-W%02d", thursday.year, week)
        }
    }
}

/// Finds explicit calendar dates and resolves the missing years.
///
/// Works on tokens rather than a regular expression: "March 30, 2021", "Mar. 30th",
/// "30 March 2021", "1st of May", "2021-04-13". "may" in lower case is the verb.
public enum ExplicitDates {
    /// How a date with no year and no dated neighbour gets its year.
    public enum YearChoice: Sendable {
        /// The year that puts it closest to the reference (a story's own dates around publication).
        case nearest
        /// The latest year that keeps it on or before the reference (what a file's date allows).
        case onOrBefore
    }

    /// A date as written, before a missing year is filled in.
    public struct Written: Sendable, Equatable {
        var text: String
        var month: Int
        var day: Int
        var year: Int?
        var start: Int
        var end: Int
    }

    /// Every explicit date in `text`. A date without a year takes the year of the nearest
    /// date in the text that gives one; failing that, a year chosen against `reference`
    /// (for news, the publication day).
    public static func find(in text: String, reference: CalendarDay, yearChoice: YearChoice = .nearest) -> [DateMention] {
        resolve(scan(text), reference: reference, yearChoice: yearChoice)
    }

    /// A cheap look before tokenising: a run of digits with a capitalised month name just
    /// before or after it ("March 30", "26 March", "1st of May"), or an ISO date's "dddd-dd".
    static func mayHoldDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A }
        func word(endingBefore end: Int) -> Substring? {
            var e = end
            while e > 0 && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x2E) { e -= 1 }
            var b = e
            while isLetter(b - 1) { b -= 1 }
            return b < e ? Substring(decoding: bytes[b..<e], as: UTF8.self) : nil
        }
        func word(startingAt start: Int) -> (Substring, Int)? {
            var b = start
            while b < bytes.count && bytes[b] == 0x20 { b += 1 }
            var e = b
            while isLetter(e) { e += 1 }
            return b < e ? (Substring(decoding: bytes[b..<e], as: UTF8.self), e) : nil
        }
        func isMonth(_ w: Substring?) -> Bool {
            guard let w, let first = w.utf8.first, first >= 0x41, first <= 0x5A else { return false }
            return Month.number(w) != nil
        }
        var i = 0
        while i < bytes.count {
            guard isDigit(i) else { i += 1; continue }
            let start = i
            while isDigit(i) { i += 1 }
            if i - start == 4, i + 2 < bytes.count, bytes[i] == 0x2D, isDigit(i + 1) { return true }
            if isMonth(word(endingBefore: start)) { return true }
            var after = i
            while isLetter(after) { after += 1 }  // 1st, 22nd
            if let (next, end) = word(startingAt: after) {
                if isMonth(next) { return true }
                if next == "of", let (month, _) = word(startingAt: end), isMonth(month) { return true }
            }
        }
        return false
    }

    /// The dates written in `text`, years not yet inferred: the costly part, done once.
    public static func scan(_ text: String) -> [Written] {
        // Every date form has a digit and a month name or an ISO date's dash: only paragraphs
        // with both are worth tokenising.
        var result: [Written] = []
        var offset = 0  // in scalars
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            while i <= bytes.count {
                let atBreak = i == bytes.count || (bytes[i] == 0x0A && i + 1 < bytes.count && bytes[i + 1] == 0x0A)
                guard atBreak else { i += 1; continue }
                let paragraph = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                if mayHoldDate(paragraph) {
                    for var date in scanParagraph(paragraph) {
                        date.start += offset
                        date.end += offset
                        result.append(date)
                    }
                }
                // Scalars are counted by their first bytes (every byte that is not a continuation byte).
                offset += bytes[start..<i].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 2
                i += 2
                start = i
            }
        }
        return result
    }

    private static func scanParagraph(_ text: String) -> [Written] {
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokens(text)
        var raws: [Written] = []
        var i = 0
        func number(_ k: Int, digits: ClosedRange<Int>) -> Int? {
            guard k < tokens.count, tokens[k].text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else { return nil }
            var t = Substring(tokens[k].text)
            for suffix in ["st", "nd", "rd", "th"] where t.count > 2 && t.hasSuffix(suffix) { t = t.dropLast(2) }
            guard digits.contains(t.count), t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(t)
        }
        func month(_ k: Int) -> Int? {
            guard k < tokens.count, let m = Month.number(tokens[k].text) else { return nil }
            if tokens[k].text.first?.isLowercase == true { return nil }  // "may", "march" as words
            return m
        }
        func year(after k: Int) -> (Int, Int)? {
            // ", 2021" or " 2021"
            var j = k
            if j < tokens.count, tokens[j].text == "," { j += 1 }
            guard let y = number(j, digits: 4...4), (1900...2100).contains(y) else { return nil }
            return (y, j)
        }
        while i < tokens.count {
            let t = tokens[i].text
            // 2021-04-13
            if t.count == 10, t.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2, let day = DateField.isoDay(t) {
                raws.append(Written(text: t, month: day.month, day: day.day, year: day.year, start: tokens[i].start, end: tokens[i].end))
                i += 1
                continue
            }
            // "March 30" or "30 March" / "1st of May", then an optional year.
            var matched: (month: Int, day: Int, last: Int)? = nil
            if let m = month(i) {
                var k = i + 1
                if k < tokens.count, tokens[k].text == ".", !tokens[k].spaceBefore { k += 1 }
                if let d = number(k, digits: 1...2), (1...31).contains(d) { matched = (m, d, k) }
            } else if let d = number(i, digits: 1...2), (1...31).contains(d) {
                var k = i + 1
                if k < tokens.count, tokens[k].text == "of" { k += 1 }
                if let m = month(k) { matched = (m, d, k) }
            }
            if let (m, d, k) = matched {
                let year = year(after: k + 1)
                let last = year?.1 ?? k
                let start = tokens[i].start, end = tokens[last].end
                raws.append(Written(text: scalars.slice(start, end), month: m, day: d, year: year?.0, start: start, end: end))
                i = last + 1
                continue
            }
            i += 1
        }
        return raws
    }

    /// Fills in missing years and resolves each written date to a day.
    public static func resolve(_ raws: [Written], reference: CalendarDay, yearChoice: YearChoice = .nearest) -> [DateMention] {
        var mentions: [DateMention] = []
        for (index, raw) in raws.enumerated() {
            var year = raw.year
            if year == nil {
                // The nearest mention that states its year, preferring earlier ones on ties.
                let withYears = raws.enumerated().filter { $0.element.year != nil }
                year = withYears.min { abs($0.offset - index) < abs($1.offset - index) }?.element.year
            }
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
            mentions.append(DateMention(text: raw.text, day: day, yearGiven: raw.year != nil, start: raw.start, end: raw.end))
        }
        return mentions
    }
}
