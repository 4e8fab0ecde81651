import Foundation

/// The active filter, one language for the command line and the dashboard's `:` line:
/// `actor:NAME`, `region:NAME`, `source:NAME`, `since:DATE`, `until:DATE` and free text
/// (words, or "quoted phrases"), every term combined with AND, `-` before a term negating it.
/// Names may be quoted: `actor:"Anthony Blinken"`.
public struct Query: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case actor, region, source, since, until, text
    }

    public struct Term: Sendable, Equatable {
        public var field: Field
        public var value: String
        public var negated: Bool

        public init(_ field: Field, _ value: String, negated: Bool = false) {
            self.field = field
            self.value = value
            self.negated = negated
        }
    }

    public var terms: [Term]

    public init(_ terms: [Term] = []) { self.terms = terms }

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Parses the query language; a mistake gets one line that says what to write instead.
    public static func parse(_ text: String) throws -> Query {
        var terms: [Term] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func readValue() throws -> String {
            if i < scalars.count, scalars[i] == "\"" || scalars[i] == "“" {
                // "…" or “…”; inside straight quotes, "" is a quotation mark. Line breaks and runs
                // of spaces inside are one space.
                let close: Unicode.Scalar = scalars[i] == "“" ? "”" : "\""
                i += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while i < scalars.count {
                    if scalars[i] == close {
                        if close == "\"", i + 1 < scalars.count, scalars[i + 1] == "\"" {
                            value.append("\"")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if scalars[i].isSpaceLike {
                        if let last = value.last, last != " " { value.append(" ") }
                    } else {
                        value.append(scalars[i])
                    }
                    i += 1
                }
                guard closed else { throw ParseError(description: "a quotation mark is not closed: add a closing \(close)") }
                if value.last == " " { value.removeLast() }
                return String(value)
            }
            var value = String.UnicodeScalarView()
            while i < scalars.count, !scalars[i].isSpaceLike { value.append(scalars[i]); i += 1 }
            return String(value)
        }
        while i < scalars.count {
            if scalars[i].isSpaceLike { i += 1; continue }
            var negated = false
            if scalars[i] == "-", i + 1 < scalars.count, !scalars[i + 1].isSpaceLike { negated = true; i += 1 }
            // A field name followed by a colon?
            var j = i
            while j < scalars.count, scalars[j].isLetterLike { j += 1 }
            if j < scalars.count, scalars[j] == ":", j > i {
                let name = String(String.UnicodeScalarView(scalars[i..<j])).lowercased()
                guard let field = Field(rawValue: name), field != .text else {
                    let known = Field.allCases.filter { $0 != .text }.map { $0.rawValue + ":" }.joined(separator: ", ")
                    throw ParseError(description: "unknown filter \"\(name):\"; use one of \(known) or plain words")
                }
                i = j + 1
                let value = try readValue().trimmingSpaces()
                guard !value.isEmpty else { throw ParseError(description: "\"\(name):\" needs a value, as in \(name):\(example(field))") }
                terms.append(Term(field, value, negated: negated))
            } else {
                let value = try readValue()
                if !value.isEmpty { terms.append(Term(.text, value, negated: negated)) }
            }
        }
        return Query(terms)
    }

    private static func example(_ field: Field) -> String {
        switch field {
        case .actor: return "Blinken"
        case .region: return "Crimea"
        case .source: return "UPI"
        case .since, .until: return "2021-04-01"
        case .text: return "Javelin"
        }
    }

    /// The query written back in its own language.
    public var description: String {
        terms.map { term in
            // Quoted when it would not read back as one plain value: spaces, a colon (it would
            // look like a filter), or a leading quotation mark or minus.
            let scalars = term.value.unicodeScalars
            let plain = !scalars.isEmpty && !scalars.contains { $0.isSpaceLike || $0 == ":" }
                && !["\"", "“", "-"].contains(scalars.first!)
            let value = plain ? term.value : "\"" + term.value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return (term.negated ? "-" : "") + (term.field == .text ? value : term.field.rawValue + ":" + value)
        }.joined(separator: " ")
    }
}
