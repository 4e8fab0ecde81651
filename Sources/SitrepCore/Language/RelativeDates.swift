/// Dates written relative to the day an article was published: "on Wednesday", "last Friday",
/// "yesterday", "last week", "earlier this month", "in July last year", "last July"; and
/// years on their own after a word that makes them a time ("in 2014", "since 2014").
///
/// A weekday on its own means the most recent such day on or before publication ("on
/// Wednesday" in a Thursday paper is the day before); "last Friday" the most recent one before
/// it, "next Friday" the first after it. Weeks, months and years are periods: "last week" is
/// the ISO week before publication's, given by its Monday. The scan works on the words of the
/// UTF-8 text in one pass, without tokenising.
public enum RelativeDates {
    /// Every relative date in `text`, resolved against `reference`. Weekdays that belong to an
    /// explicit date next to them ("Wednesday, March 31") are left to that date: pass the
    /// explicit dates found in the same text as `explicit`.
    public static func find(in text: String, reference: CalendarDay, explicit: [DateMention] = []) -> [DateMention] {
        let words = Words(text)
        var found: [DateMention] = []
        var i = 0
        while i < words.count {
            // Most words are none of the few that can start or end a date: a hash says so cheaply.
            guard keywords.contains(words.hashes[i]) || words.isYear(i) else {
                i += 1
                continue
            }
            if let (mention, last) = match(words, at: i, reference: reference, explicit: explicit) {
                found.append(mention)
                i = last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    // MARK: Matching

    /// FNV-1a hashes of the lower-case words a match turns on.
    private static let keywords: Set<UInt64> = {
        let words = ["yesterday", "today", "tomorrow", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday",
                     "saturday", "sunday", "sept"] + Month.names + Month.names.map { String($0.prefix(3)) }
        return Set(words.map { Words.hash(Array($0.utf8)[...]) })
    }()
    private static let weekdays = ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7]
    /// Words that make a weekday part of a name: Good Friday, Black Friday, Super Tuesday.
    private static let weekdayNames: Set<String> = ["good", "black", "super", "ash", "holy", "cyber", "maundy", "easter", "palm", "bloody", "giving"]
    /// Words after which a month name alone is a date ("in July", "since March").
    private static let monthLeads: Set<String> = ["in", "since", "until", "till", "by", "early", "late", "mid", "from", "through", "during", "before", "after"]

    private static func match(_ words: Words, at i: Int, reference: CalendarDay, explicit: [DateMention]) -> (DateMention, Int)? {
        let word = words.lower(i)
        let previous = i > 0 && words.adjacent(i - 1, i) ? words.lower(i - 1) : nil
        let next = i + 1 < words.count && words.adjacent(i, i + 1) ? words.lower(i + 1) : nil

        // yesterday, today, tomorrow
        if let shift = ["yesterday": -1, "today": 0, "tomorrow": 1][word] {
            // "USA Today", "Russia Today": a capitalised word after another inside a sentence is a name.
            if words.isCapitalised(i), i > 0, words.adjacent(i - 1, i), words.isCapitalised(i - 1), !words.startsSentence(i) { return nil }
            return (words.mention(i, i, reference.adding(days: shift), .day), i)
        }

        // Weekdays, capitalised: "on Wednesday", "last Friday", "next Monday".
        if let weekday = weekdays[word], words.isCapitalised(i) {
            if let previous, weekdayNames.contains(previous) { return nil }
            // Part of an explicit date that follows: "Wednesday, March 31".
            let end = words.scalarEnd(i)
            if explicit.contains(where: { $0.start >= end && $0.start <= end + 3 }) { return nil }
            let current = reference.weekday
            var first = i
            var day: CalendarDay
            switch previous {
            case "last":
                first = i - 1
                let back = (current - weekday + 7) % 7
                day = reference.adding(days: -(back == 0 ? 7 : back))
            case "next":
                first = i - 1
                let ahead = (weekday - current + 7) % 7
                day = reference.adding(days: ahead == 0 ? 7 : ahead)
            default:
                day = reference.adding(days: -((current - weekday + 7) % 7))
            }
            return (words.mention(first, i, day, .day), i)
        }

        // last/this/next week, month, year; "earlier this month", "later this year".
        if let unit = ["week": DateGranularity.week, "month": .month, "year": .year][word], let previous,
           let shift = ["last": -1, "past": -1, "this": 0, "next": 1, "coming": 1][previous] {
            // "the past year" is a span, not a period: only "last", "this", "next" name one.
            if previous == "past" || previous == "coming" { return nil }
            let first = i - 1
            return (words.mention(first, i, reference.period(unit, shifted: shift), unit), i)
        }

        // Years after a word that makes them a time: "in 2014", "since 2014".
        if words.isNumber(i), word.count == 4, let year = Int(word), (1900...2100).contains(year), let previous,
           monthLeads.contains(previous) || previous == "year" {
            let start = words.scalarStarts[i]
            if explicit.contains(where: { $0.start <= start && start < $0.end }) { return nil }
            var mention = words.mention(i, i, CalendarDay(year: year, month: 1, day: 1)!, .year)
            mention.relative = false
            mention.yearGiven = true
            return (mention, i)
        }

        // Months: "in July", "last July", "July last year", "July this year". Alone, a month
        // name may be a verb or a name ("May", "March"): it counts only in these forms.
        if let month = Month.number(Substring(word)), words.isCapitalised(i), word.count >= 3 {
            // A number beside it makes it an explicit date, found elsewhere.
            if i + 1 < words.count, words.adjacent(i, i + 1), words.isNumber(i + 1) { return nil }
            if i > 0, words.adjacent(i - 1, i), words.isNumber(i - 1) { return nil }
            if let next, let shift = ["last": -1, "this": 0, "next": 1][next], i + 2 < words.count, words.adjacent(i + 1, i + 2), words.lower(i + 2) == "year" {
                let day = CalendarDay(year: reference.year + shift, month: month, day: 1)!
                return (words.mention(i, i + 2, day, .month), i + 2)
            }
            if previous == "last" || previous == "next" {
                let sameOrEarlier = month < reference.month || (previous == "next" && month <= reference.month)
                let year = previous == "last" ? (month < reference.month ? reference.year : reference.year - 1)
                    : (sameOrEarlier ? reference.year + 1 : reference.year)
                return (words.mention(i - 1, i, CalendarDay(year: year, month: month, day: 1)!, .month), i)
            }
            if let previous, monthLeads.contains(previous) {
                // The year that puts the month nearest publication.
                let candidates = [reference.year - 1, reference.year, reference.year + 1].map { CalendarDay(year: $0, month: month, day: 1)! }
                let middle = CalendarDay(year: reference.year, month: reference.month, day: 1)!
                let day = candidates.min { abs(monthsBetween($0, middle)) < abs(monthsBetween($1, middle)) }!
                return (words.mention(i, i, day, .month), i)
            }
        }
        return nil
    }

    private static func monthsBetween(_ a: CalendarDay, _ b: CalendarDay) -> Int {
        (a.year - b.year) * 12 + (a.month - b.month)
    }

    /// Words of ASCII letters or digits, with their byte and scalar positions.
    private struct Words {
        let bytes: [UInt8]
        var ranges: [(start: Int, end: Int)] = []  // bytes
        var hashes: [UInt64] = []
        var scalarStarts: [Int] = []
        var scalarEnds: [Int] = []
        let text: String

        init(_ text: String) {
            self.text = text
            bytes = Array(text.utf8)
            var scalars = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if Self.isWordByte(b) {
                    let start = i, scalarStart = scalars
                    while i < bytes.count, Self.isWordByte(bytes[i]) { i += 1; scalars += 1 }
                    ranges.append((start, i))
                    hashes.append(Self.hash(bytes[start..<i]))
                    scalarStarts.append(scalarStart)
                    scalarEnds.append(scalars)
                } else {
                    if b & 0xC0 != 0x80 { scalars += 1 }
                    i += 1
                }
            }
        }

        /// FNV-1a of the word in lower case.
        static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325
            for b in word { h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100000001b3 }
            return h
        }

        /// Four digits from 1900 to 2100.
        func isYear(_ i: Int) -> Bool {
            let (s, e) = ranges[i]
            guard e - s == 4, bytes[s] == 0x31 || bytes[s] == 0x32 else { return false }
            return bytes[s..<e].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }

        static func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }

        var count: Int { ranges.count }

        func lower(_ i: Int) -> String {
            String(decoding: bytes[ranges[i].start..<ranges[i].end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }

        func isCapitalised(_ i: Int) -> Bool { bytes[ranges[i].start] >= 0x41 && bytes[ranges[i].start] <= 0x5A }
        func isNumber(_ i: Int) -> Bool { bytes[ranges[i].start] >= 0x30 && bytes[ranges[i].start] <= 0x39 }

        /// Whether two words are separated by spaces only (no punctuation, no paragraph break).
        func adjacent(_ a: Int, _ b: Int) -> Bool {
            let gap = bytes[ranges[a].end..<ranges[b].start]
            return !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { $0 == 0x20 }
        }

        /// Whether the word opens a sentence: the text before it ends with . ! ? or a line break.
        func startsSentence(_ i: Int) -> Bool {
            var k = ranges[i].start - 1
            while k >= 0, bytes[k] == 0x20 || bytes[k] == 0x22 || bytes[k] == 0x27 { k -= 1 }
            return k < 0 || [0x2E, 0x21, 0x3F, 0x0A].contains(bytes[k])
        }

        func scalarEnd(_ i: Int) -> Int { scalarEnds[i] }

        func mention(_ first: Int, _ last: Int, _ day: CalendarDay, _ granularity: DateGranularity) -> DateMention {
            let text = String(decoding: bytes[ranges[first].start..<ranges[last].end], as: UTF8.self)
            return DateMention(text: text, day: day, yearGiven: false, start: scalarStarts[first], end: scalarEnds[last],
                               granularity: granularity, relative: true)
        }
    }
}

extension CalendarDay {
    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int {
        // Days since 1970-01-01, a Thursday.
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(date: date.addingTimeInterval(Double(days) * 86_400))
    }

    /// The first day of the week (its Monday), month or year holding this day, moved by
    /// `shift` whole periods.
    public func period(_ unit: DateGranularity, shifted shift: Int) -> CalendarDay {
        switch unit {
        case .day: return adding(days: shift)
        case .week: return adding(days: -(weekday - 1) + 7 * shift)
        case .month:
            let index = year * 12 + (month - 1) + shift
            return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)!
        case .year: return CalendarDay(year: year + shift, month: 1, day: 1)!
        }
    }
}
