/// A direct quotation in an article's body and who said it.
public struct Quote: Sendable, Equatable {
    /// The quoted words, without the quotation marks (for a quote over several paragraphs, the
    /// body between its first opening mark and its last closing mark).
    public var text: String
    /// The entity's name, or nil when the text does not say who spoke.
    public var speaker: String?
    /// Unicode-scalar offsets of `text` in the body.
    public var start: Int
    public var end: Int
    /// The speaker's corpus key ("person:dmitry peskov"), which is the same in every article.
    public var speakerKey: String?

    public init(text: String, speaker: String?, start: Int, end: Int, speakerKey: String? = nil) {
        self.text = text
        self.speaker = speaker
        self.start = start
        self.end = end
        self.speakerKey = speakerKey
    }
}

/// Finds direct quotations and their speakers.
///
/// Quotations are runs between curly or straight double quotes, or between curly single
/// quotes used as quotation marks (‘…’, as British papers print them; an apostrophe inside a
/// word is not one). Fewer than four words between the marks is a scare quote or a coined
/// term ("hysteria", ‘unwavering support’), not a quotation. A paragraph that opens a quote
/// and does not close it continues into the next paragraph when that one opens with a
/// quotation mark, as newspapers print long quotes.
///
/// The speaker is, in this order: a person or organisation next to a speech verb after the
/// quote (", Peskov said", ", said Peskov", "he added", "quoted Peskov as saying", "according
/// to Reuters"); one before it ("Peskov said: “…”", or the subject of the sentence the quote
/// ends: "Peskov said advisers were arriving “not only …”"); the speaker of the quote just
/// before, when only its attribution stands between them. "He" or "she" is the most recent
/// person named before the quote; "the statement" or "the ministry" the most recent
/// organisation. Anything else leaves the speaker nil: never a guess.
public enum QuoteFinder {
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "asked", "asks", "tweeted", "wrote", "writes", "warned", "warns",
        "stressed", "noted", "insisted", "explained", "declared", "stated", "continued", "replied", "announced", "claimed",
        "argued", "urged", "recalled", "emphasised", "emphasized", "concluded", "acknowledged", "admitted", "posted", "saying",
        "reported", "report", "claimed", "cautioned",
    ]
    static let statementWords: Set<String> = ["statement", "ministry", "spokesman", "spokeswoman", "spokesperson", "agency", "office",
                                              "embassy", "department", "government", "kremlin", "report"]

    struct Named {
        var start: Int
        var end: Int
        var name: String
        var kind: EntityKind
    }

    public static func find(in body: String, entities: [Entity]) -> [Quote] {
        let scalars = Array(body.unicodeScalars)
        var named: [Named] = []
        var keys: [String: String] = [:]
        for entity in entities where entity.kind != .place {
            keys[entity.name] = CorpusEntities.key(entity)
            for mention in entity.mentions { named.append(Named(start: mention.start, end: mention.end, name: entity.name, kind: entity.kind)) }
        }
        named.sort { $0.start < $1.start }

        var spans = quoteSpans(scalars)
        spans = spans.filter { wordCount(scalars, $0.start, $0.end) >= 4 }
        var quotes: [Quote] = []
        var previous: (end: Int, speaker: String?)? = nil
        for span in spans {
            var speaker = after(span, scalars, named) ?? before(span, scalars, named)
            if speaker == nil, let previous, let last = previous.speaker {
                // "…?” Peskov asked. “We assert …”: only the earlier quote's attribution between them.
                let between = String(scalars: scalars[previous.end..<max(previous.end, span.start - 1)])
                if between.count < 60, !between.containsASCII("\n"), attributionOnly(between) { speaker = last }
            }
            let text = String(scalars: scalars[span.start..<span.end])
            quotes.append(Quote(text: text, speaker: speaker, start: span.start, end: span.end, speakerKey: speaker.flatMap { keys[$0] }))
            previous = (span.end + 1, speaker)
        }
        return quotes
    }

    // MARK: Spans

    private static func isLetter(_ s: Unicode.Scalar?) -> Bool { s.map { $0.isLetterLike || $0.isDigitASCII } ?? false }
    private static func isSpace(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return true }
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    /// Opening and closing marks: “ ”, " ", ‘ ’. Returns content ranges (marks excluded).
    static func quoteSpans(_ s: [Unicode.Scalar]) -> [(start: Int, end: Int)] {
        var spans: [(start: Int, end: Int)] = []
        var i = 0
        var open: (at: Int, close: Unicode.Scalar)? = nil
        var continuing: Int? = nil  // start of a quote carried over a paragraph break
        func opens(_ k: Int) -> Unicode.Scalar? {
            let c = s[k]
            // Most scalars are no quotation mark: settle them before looking around.
            guard c == "\u{201C}" || c == "\"" || c == "\u{2018}" else { return nil }
            let before = k > 0 ? s[k - 1] : nil, after = k + 1 < s.count ? s[k + 1] : nil
            guard !isSpace(after) else { return nil }
            let atStart = before == nil || isSpace(before) || "([—–-".unicodeScalars.contains(before!)
            switch c {
            case "\u{201C}": return "\u{201D}"
            case "\"": return atStart ? "\"" : nil
            case "\u{2018}": return atStart ? "\u{2019}" : nil
            default: return nil
            }
        }
        func closes(_ k: Int, _ mark: Unicode.Scalar) -> Bool {
            guard s[k] == mark else { return false }
            if mark == "\u{2019}" {
                // An apostrophe has a letter on both sides (Kyiv’s, don’t).
                let after = k + 1 < s.count ? s[k + 1] : nil
                if isLetter(after) { return false }
                if k > 0, isSpace(s[k - 1]) { return false }
            }
            return true
        }
        while i < s.count {
            let c = s[i]
            if c == "\n", i + 1 < s.count, s[i + 1] == "\n" {
                // A paragraph ends: an open quote continues if the next paragraph opens with a mark.
                if let o = open {
                    var k = i
                    while k < s.count, s[k] == "\n" { k += 1 }
                    if k < s.count, opens(k) != nil {
                        continuing = continuing ?? o.at
                        open = (k + 1, opens(k)!)
                        i = k + 1
                        continue
                    }
                    spans.append((continuing ?? o.at, trimmedEnd(s, i)))
                    open = nil
                    continuing = nil
                }
                i += 2
                continue
            }
            if let o = open {
                if closes(i, o.close) {
                    spans.append((continuing ?? o.at, i))
                    open = nil
                    continuing = nil
                }
            } else if let close = opens(i) {
                open = (i + 1, close)
            }
            i += 1
        }
        if let o = open { spans.append((continuing ?? o.at, trimmedEnd(s, s.count))) }
        return spans.filter { $0.start < $0.end }
    }

    private static func trimmedEnd(_ s: [Unicode.Scalar], _ end: Int) -> Int {
        var e = end
        while e > 0, isSpace(s[e - 1]) { e -= 1 }
        return e
    }

    private static func wordCount(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var count = 0, inWord = false
        for k in start..<end {
            let letter = isLetter(s[k])
            if letter && !inWord { count += 1 }
            inWord = letter
        }
        return count
    }

    // MARK: Words around a quote

    /// The words after `position` up to the end of the sentence or paragraph, with their offsets.
    private static func words(_ s: [Unicode.Scalar], from position: Int, limit: Int = 14) -> [(text: String, start: Int, end: Int)] {
        var result: [(String, Int, Int)] = []
        var k = position
        while k < s.count, result.count < limit {
            if s[k] == "\n" { break }
            if s[k] == "\u{201C}" || s[k] == "\u{2018}" || (s[k] == "\"" && k > position) { break }
            if isLetter(s[k]) || s[k] == "-" && isLetter(k + 1 < s.count ? s[k + 1] : nil) {
                let start = k
                while k < s.count, isLetter(s[k]) || s[k] == "-" || ((s[k] == "\u{2019}" || s[k] == "'") && isLetter(k + 1 < s.count ? s[k + 1] : nil)) { k += 1 }
                result.append((String(scalars: s[start..<k]), start, k))
                continue
            }
            if s[k] == "." || s[k] == "?" || s[k] == "!" || s[k] == ";" {
                // "Mr." and initials do not end a sentence.
                let last = result.last?.0 ?? ""
                if !(s[k] == "." && (last.count <= 2 || ["Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Col", "Lt", "Sgt"].contains(last))) { break }
            }
            k += 1
        }
        return result
    }

    /// The words before `position` back to the start of the sentence or paragraph, nearest last.
    private static func wordsBefore(_ s: [Unicode.Scalar], _ position: Int) -> [(text: String, start: Int, end: Int)] {
        var start = position
        while start > 0 {
            let c = s[start - 1]
            if c == "\n" { break }
            if (c == "." || c == "?" || c == "!") && start > 1 && isSpace(start < s.count ? s[start] : nil) {
                // A full stop after a short word or an initial does not end the sentence.
                var w = start - 1
                while w > 0, isLetter(s[w - 1]) { w -= 1 }
                if start - 1 - w > 2 { break }
            }
            if c == "\u{201D}" || (c == "\u{2019}" && !isLetter(start < s.count ? s[start] : nil) && start - 2 >= 0 && !isSpace(s[start - 2])) { break }
            start -= 1
        }
        return words(s, from: start, limit: 60).filter { $0.end <= position }
    }

    private static func mention(at start: Int, _ named: [Named]) -> Named? {
        named.first { $0.start == start }
    }

    private static func mention(endingAt end: Int, _ named: [Named]) -> Named? {
        named.last { $0.end == end }
    }

    /// The most recent mention of a kind before `position`.
    private static func recent(_ kind: EntityKind, before position: Int, _ named: [Named]) -> Named? {
        named.last { $0.kind == kind && $0.end <= position }
    }

    /// ", Peskov said" / ", said Peskov" / "he added" / "quoted Peskov as saying" / "according to X".
    private static func after(_ span: (start: Int, end: Int), _ s: [Unicode.Scalar], _ named: [Named]) -> String? {
        let following = words(s, from: min(s.count, span.end + 1))
        guard !following.isEmpty else { return nil }
        // Words before the verb: a name, a pronoun, or "the statement"; titles may come first.
        for (index, word) in following.prefix(9).enumerated() {
            let lower = word.text.lowercased()
            if lower == "according", index + 2 < following.count, following[index + 1].text == "to" {
                return mention(at: following[index + 2].start, named)?.name
            }
            if lower == "quoted", index + 1 < following.count, let who = mention(at: following[index + 1].start, named) {
                return who.name
            }
            guard speechVerbs.contains(lower) else { continue }
            // "…,” said Peskov" (verb first): the mention after it, past a title ("said Kremlin spokesman Dmitry Peskov").
            if index == 0 {
                for next in following.dropFirst().prefix(5) {
                    if let who = mention(at: next.start, named) { return who.name }
                }
                return nil
            }
            // "…,” Peskov said" / "the Kremlin said" / "he added".
            let subject = following[index - 1]
            if let who = mention(endingAt: subject.end, named) { return who.name }
            switch subject.text.lowercased() {
            case "he", "she":
                return recent(.person, before: span.start, named)?.name
            case let word where statementWords.contains(word):
                return recent(.organization, before: span.start, named)?.name
            default:
                // "Peskov told reporters": the verb may not follow the name directly.
                if index >= 2, let who = mention(endingAt: following[index - 2].end, named), subject.text.first?.isUppercase == false {
                    return who.name
                }
                return nil
            }
        }
        return nil
    }

    /// "Peskov said: “…”" / "Peskov said advisers were arriving “not only …”".
    private static func before(_ span: (start: Int, end: Int), _ s: [Unicode.Scalar], _ named: [Named]) -> String? {
        let preceding = wordsBefore(s, span.start - 1)
        // "…, according to Jens Stoltenberg: “…”"
        if let at = preceding.lastIndex(where: { $0.text.lowercased() == "according" }), at + 2 < preceding.count,
           preceding[at + 1].text == "to", let who = mention(at: preceding[at + 2].start, named) {
            return who.name
        }
        guard let verbIndex = preceding.lastIndex(where: { speechVerbs.contains($0.text.lowercased()) }) else { return nil }
        if verbIndex > 0 {
            let subject = preceding[verbIndex - 1], verb = preceding[verbIndex]
            // The names in the sentence before the verb. After an aside ("James Cher OBE, in an
            // opinion piece in …, said") the subject is the sentence's first person (else
            // organisation); otherwise the nearest ("Blinken’s comments come after … Ruslan
            // Khomchak had claimed").
            let inSentence = named.filter { $0.start >= preceding[0].start && $0.end <= verb.start }
            let aside = s[subject.end..<verb.start].contains(",")
            let sentenceSubject = aside ? (inSentence.first { $0.kind == .person } ?? inSentence.first) : inSentence.last
            if !aside, let who = mention(endingAt: subject.end, named) { return who.name }
            switch subject.text.lowercased() {
            case "he", "she": return recent(.person, before: span.start, named)?.name
            case let word where statementWords.contains(word) && sentenceSubject == nil:
                return recent(.organization, before: span.start, named)?.name
            default: break
            }
            // The sentence's subject, further back: "Peskov also accused … of making “provocations”".
            if let who = sentenceSubject { return who.name }
        }
        // "said Peskov: “…”"
        if verbIndex + 1 < preceding.count, let who = mention(at: preceding[verbIndex + 1].start, named) { return who.name }
        return nil
    }

    /// Whether the text between two quotes is only an attribution ("Peskov asked.").
    private static func attributionOnly(_ text: String) -> Bool {
        let words = text.split { !$0.isLetter }.map { $0.lowercased() }
        return !words.isEmpty && words.count <= 6 && words.contains { speechVerbs.contains($0) }
    }
}
