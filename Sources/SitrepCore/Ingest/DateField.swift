import Foundation

/// Parses the publication dates that metadata fields carry: ISO-8601 days and instants,
/// RFC 2822 (RSS), and the written forms "April 1, 2021" and "1 April 2021".
public enum DateField {
    public static func parse(_ raw: String) -> PublishedDate? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return nil }
        if let day = isoDay(value) { return .day(day) }
        if let instant = isoInstant(value) { return .instant(instant) }
        if let instant = rfc2822(value) { return .instant(instant) }
        if let day = writtenDay(value) { return .day(day) }
        if let seconds = Double(value), seconds > 100_000_000, seconds < 10_000_000_000 {
            return .instant(Date(timeIntervalSince1970: seconds))  // Unix seconds from some feeds
        }
        return nil
    }

    /// "2021-04-01" or "2021/04/01".
    static func isoDay(_ value: String) -> CalendarDay? {
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    static func isoInstant(_ value: String) -> Date? {
        var normalized = value.replacingOccurrences(of: " ", with: "T")
        // Fractional seconds: ISO8601DateFormatter needs a separate option for them.
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: normalized) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: normalized) { return date }
        // No zone given: read as UTC.
        if normalized.count == 19 { normalized += "Z"; return plain.date(from: normalized) }
        return nil
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
