/// A word or punctuation mark of a text, with where it stands.
public struct Token: Sendable, Equatable {
    public var text: String
    /// Unicode-scalar offsets into the text tokenized.
    public var start: Int
    public var end: Int
    /// True when whitespace or the start of the text precedes the token.
    public var spaceBefore: Bool
    /// True when a blank line (two or more line breaks) precedes the token: a paragraph break.
    public var paragraphBefore: Bool = false
}

/// Splits news text into tokens and sentences the way CoNLL-style taggers expect:
/// "Kyiv’s" → "Kyiv" "’s", "U.S." and "Gen." stay whole, numbers keep their separators,
/// URLs and handles are one token each, quotes and dashes are tokens of their own.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { utf8 in
            // The scalars, and where each starts in the UTF-8, so that a token's text is one slice.
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(utf8.count)
            var offsets: [Int] = []
            offsets.reserveCapacity(utf8.count + 1)
            var iterator = utf8.makeIterator()
            var decoder = UTF8()
            var position = 0
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    scalars.append(scalar)
                    offsets.append(position)
                    position += UTF8.width(scalar)
                case .emptyInput, .error:  // a String's UTF-8 is always valid
                    break decoding
                }
            }
            offsets.append(position)
            var tokens: [Token] = []
            tokens.reserveCapacity(scalars.count / 5)
            func add(_ start: Int, _ end: Int, spaceBefore: Bool, paragraphBefore: Bool) {
                let bytes = UnsafeBufferPointer(rebasing: utf8[offsets[start]..<offsets[end]])
                tokens.append(Token(text: String(decoding: bytes, as: UTF8.self), start: start, end: end,
                                    spaceBefore: spaceBefore, paragraphBefore: paragraphBefore))
            }
            scalars.withUnsafeBufferPointer { scalars in
                var i = 0
                var spaceBefore = true
                var newlines = 0
                while i < scalars.count {
                    let c = scalars[i]
                    if c.isSpaceLike {
                        spaceBefore = true
                        if c == "\n" { newlines += 1 }
                        i += 1
                        continue
                    }
                    let end = tokenEnd(scalars, from: i)
                    let paragraph = newlines >= 2 && !tokens.isEmpty
                    // Split a trailing possessive: Kyiv’s → Kyiv + ’s.
                    if end - i > 2, isApostrophe(scalars[end - 2]), scalars[end - 1] == "s" || scalars[end - 1] == "S",
                       scalars[i].isLetterLike {
                        add(i, end - 2, spaceBefore: spaceBefore, paragraphBefore: paragraph)
                        add(end - 2, end, spaceBefore: false, paragraphBefore: false)
                    } else {
                        add(i, end, spaceBefore: spaceBefore, paragraphBefore: paragraph)
                    }
                    spaceBefore = false
                    newlines = 0
                    i = end
                }
            }
            return tokens
        }
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" }

    @inline(__always)
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.isLetterLike || s.isDigitASCII }
        return s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.isDigitASCII : s.properties.numericType != nil
    }

    /// Where the token starting at `i` ends.
    private static func tokenEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Int {
        let n = s.count
        // URLs and handles run to the next space (less trailing punctuation).
        if startsURL(s, at: i) || ((s[i] == "@" || s[i] == "#") && i + 1 < n && isWordScalar(s[i + 1])) {
            var j = i + 1
            while j < n && !s[j].isSpaceLike { j += 1 }
            while j > i + 1, ".,;:!?)\"”’'".unicodeScalars.contains(s[j - 1]) { j -= 1 }
            return j
        }
        guard isWordScalar(s[i]) else {
            // Runs of the same dash or dot ("--", "...") are one token; anything else is one scalar.
            var j = i + 1
            if s[i] == "-" || s[i] == "." { while j < n && s[j] == s[i] { j += 1 } }
            return j
        }
        var j = i
        while j < n {
            let c = s[j]
            if isWordScalar(c) { j += 1; continue }
            let next: Unicode.Scalar? = j + 1 < n ? s[j + 1] : nil
            let nextIsWord = next.map(isWordScalar) ?? false
            // Inner hyphens, apostrophes and number separators keep the word together.
            if (c == "-" || c == "‐" || isApostrophe(c)) && nextIsWord && j > i { j += 1; continue }
            if (c == "," || c == "." || c == ":" || c == "/") && nextIsWord && isDigit(s[j - 1]) && isDigit(next!) { j += 1; continue }
            if c == "." {
                // Abbreviations: "U.S.", "Gen.", "Mr." and initials keep their full stop.
                if let ascii = asciiWord(s, i, j) {
                    // The word is plain ASCII (almost always): decided without making a String.
                    if nextIsWord && next!.isLetterLike && j - i == 1 { j += 1; continue }  // U.S → inside
                    if isAbbreviation(ascii: ascii, s, i, j) { return j + 1 }
                    break
                }
                let word = String(scalars: s[i..<j])
                if nextIsWord && next!.isLetterLike && word.count == 1 { j += 1; continue }  // U.S → inside
                if isAbbreviation(word, dotted: s[i..<j].contains(".")) { return j + 1 }
            }
            break
        }
        return j
    }

    private static let urlPrefixes = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    private static func startsURL(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        let first = s[i].value | 0x20
        guard first == 0x68 || first == 0x77 else { return false }  // h, w
        for p in urlPrefixes {
            guard i + p.count <= s.count else { continue }
            if (0..<p.count).allSatisfy({ k in
                let v = s[i + k].value
                return (v < 0x80 && (("A"..."Z").contains(s[i + k]) ? v + 32 : v) == p[k].value)
            }) { return true }
        }
        return false
    }

    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov",
                                             "sen", "rep", "st", "sec", "prof", "jr", "sr", "vs", "etc", "inc", "corp", "co",
                                             "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                             "nov", "dec", "no", "mt", "ft", "pres", "rev", "gov", "atty", "supt", "det", "insp"]

    /// Whether `s[i..<j]` is all ASCII; if so, how many of its scalars are full stops.
    @inline(__always)
    private static func asciiWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ j: Int) -> Int? {
        var stops = 0
        for k in i..<j {
            let v = s[k].value
            if v >= 0x80 { return nil }
            if v == 0x2E { stops += 1 }
        }
        return stops
    }

    /// `isAbbreviation(_:dotted:)` for an ASCII word holding `stops` full stops.
    private static func isAbbreviation(ascii stops: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ j: Int) -> Bool {
        if stops > 0 { return true }
        if j - i == 1 { let v = s[i].value; return v >= 0x41 && v <= 0x5A }
        guard j - i <= longestAbbreviation else { return false }
        var lower = ""
        for k in i..<j { lower.unicodeScalars.append(Unicode.Scalar(ByteText.lower(UInt8(s[k].value)))) }
        return abbreviations.contains(lower)
    }

    private static let longestAbbreviation = abbreviations.map(\.count).max()!

    private static func isAbbreviation(_ word: String, dotted: Bool) -> Bool {
        if dotted { return true }  // U.S. / U.K. / e.g.
        if word.count == 1, word.first!.isUppercase { return true }  // an initial
        return abbreviations.contains(word.lowercased())
    }

    /// Sentences as ranges of token indices: a sentence ends at ".", "!" or "?" (and any
    /// closing quotes after it) when the next token starts a new sentence, and at every
    /// paragraph break (a blank line in the text).
    public static func sentences(_ tokens: [Token]) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < tokens.count {
            var end: Int? = nil
            if endsSentence(tokens[i].text) {
                var j = i + 1
                while j < tokens.count, !tokens[j].spaceBefore, closers.contains(tokens[j].text) { j += 1 }
                if j >= tokens.count || startsSentence(tokens[j]) { end = j }
            }
            if end == nil, i + 1 < tokens.count, tokens[i + 1].paragraphBefore {
                end = i + 1
            }
            if let e = end {
                result.append(start..<e)
                start = e
                i = e
            } else {
                i += 1
            }
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    private static let closers: Set<String> = ["\"", "”", "’", "'", ")"]

    /// ".", "!", "?", "..." or "…", settled on the first byte for every other token (comparing
    /// each token with five strings was a tenth of splitting sentences).
    @inline(__always)
    private static func endsSentence(_ t: String) -> Bool {
        let bytes = t.utf8
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return bytes.count == 1
        case UInt8(ascii: "."): return bytes.count == 1 || t == "..."
        case 0xE2: return t == "…"
        default: return false
        }
    }

    private static func startsSentence(_ token: Token) -> Bool {
        if let byte = token.text.utf8.first, byte < 0x80 {
            // ASCII: a capital, a digit, or an opening quote, parenthesis or bracket.
            return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B
        }
        guard let first = token.text.first else { return false }
        return first.isUppercase || first.isNumber || "\"“‘'(•[".contains(first)
    }
}
