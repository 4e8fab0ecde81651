import Foundation

/// Parses the publication dates that metadata fields carry: ISO-8601 days and instants,
/// RFC 2822 (RSS), and the written forms "April 1, 2021" and "1 April 2021".
public enum DateField {
    public static func parse(_ raw: String) -> PublishedDate? {
        let value = raw.trimmingSpaces()
        if value.isEmpty { return nil }
        if let day = isoDay(value) { return .day(day) }
        if let instant = isoInstant(value) { return .instant(instant) }
        if let day = writtenDay(value) { return .day(day) }
        if value.containsASCII(":"), let instant = rfc2822(value) { return .instant(instant) }
        if let seconds = Double(value), seconds > 100_000_000, seconds < 10_000_000_000 {
            return .instant(Date(timeIntervalSince1970: seconds))  // Unix seconds from some feeds
        }
        return nil
    }

    /// "2021-04-01" or "2021/04/01".
    static func isoDay(_ value: String) -> CalendarDay? {
        // "2021-04-01", as the index stores every day, read off its bytes.
        let fast = value.utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            // The digits of b[from..<to] as a number (no array: this runs for every day read).
            func number(_ from: Int, _ to: Int) -> Int? {
                var n = 0
                for k in from..<to {
                    guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[k] - 0x30)
                }
                return n
            }
            guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
            return (y, m, d)
        }
        if let (y, m, d) = fast ?? nil { return CalendarDay(year: y, month: m, day: d) }
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    /// "2021-04-01T09:30:00Z", "2021-04-01 09:30", "2021-04-01T09:30:00.250+03:00": read by
    /// hand (two ISO 8601 formatters made per article were a tenth of reading a JSON file).
    /// No zone given: UTC.
    static func isoInstant(_ value: String) -> Date? {
        let b = Array(value.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var number = 0
            for byte in b[at..<(at + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
        guard b.count >= 16, let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60
        else { return nil }
        var i = 16
        var seconds = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let whole = digits(i + 1, 2), whole < 61 else { return nil }
            seconds = Double(whole)
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1, any = false
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                    seconds += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
        }
        var offset = 0
        if i < b.count {
            if (b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z")) && i + 1 == b.count {
                offset = 0
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                guard let hours = digits(i + 1, 2), hours < 24 else { return nil }
                var j = i + 3, minutes = 0
                if j < b.count {
                    if b[j] == UInt8(ascii: ":") { j += 1 }
                    guard let m = digits(j, 2), m < 60, j + 2 == b.count else { return nil }
                    minutes = m
                }
                offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
        }
        let days = CalendarDay.daysSince1970(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 - offset) + seconds)
    }

    static func rfc2822(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return date }
        }
        return nil
    }

    /// "April 1, 2021", "Apr. 1 2021", "1 April 2021", "Thursday, 1 April 2021".
    static func writtenDay(_ value: String) -> CalendarDay? {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty && Weekday.number($0) == nil }
        guard words.count == 3 else { return nil }
        if let m = Month.number(words[0]), let d = ordinal(words[1]), let y = Int(words[2]) {
            return CalendarDay(year: y, month: m, day: d)
        }
        if let d = ordinal(words[0]), let m = Month.number(words[1]), let y = Int(words[2]) {
            return CalendarDay(year: y, month: m, day: d)
        }
        return nil
    }

    /// "1", "1st", "22nd".
    static func ordinal(_ word: String) -> Int? {
        let digits = word.lowercased().replacingOccurrences(of: "(st|nd|rd|th)$", with: "", options: .regularExpression)
        guard let n = Int(digits), (1...31).contains(n) else { return nil }
        return n
    }
}

/// English month names and their usual abbreviations.
public enum Month {
    static let names = ["january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december"]

    /// Every accepted spelling, lower-case, without a full stop: "march", "mar", "sept".
    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()

    /// 1–12 for "March", "Mar", "Mar.", "Sept"; nil otherwise. "May" is the only ambiguous one
    /// and callers that see it in lower case treat it as the verb.
    public static func number(_ word: some StringProtocol) -> Int? {
        lookUp(word, in: table)
    }

    /// Case-insensitive look-up of an ASCII word, ignoring a final full stop; cheap rejection
    /// of everything that cannot be a name (numbers, punctuation, long words).
    static func lookUp(_ word: some StringProtocol, in table: [String: Int]) -> Int? {
        let utf8 = word.utf8
        guard utf8.count >= 3, utf8.count <= 10, let first = utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return nil }
        var key = ""
        key.reserveCapacity(utf8.count)
        for byte in utf8 {
            if byte == UInt8(ascii: ".") { continue }
            guard (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A else { return nil }
            key.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
        }
        return table[key]
    }
}

/// English weekday names.
public enum Weekday {
    static let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        return table
    }()

    /// 1 = Sunday … 7 = Saturday (Foundation's numbering), for full names and 3-letter forms.
    public static func number(_ word: some StringProtocol) -> Int? {
        Month.lookUp(word, in: table)
    }
}
