import Foundation

/// What a file says about its article outside the story text: front matter, JSON fields,
/// HTML meta tags. Every field is optional; what is missing is inferred from the text.
public struct DeclaredMetadata: Sendable, Equatable {
    public var title: String?
    public var source: String?
    public var published: String?
    public var url: String?
    public var language: String?

    public init(title: String? = nil, source: String? = nil, published: String? = nil, url: String? = nil, language: String? = nil) {
        self.title = title
        self.source = source
        self.published = published
        self.url = url
        self.language = language
    }
}

/// Infers title, source and publication date from the cleaned blocks when the file does not
/// declare them.
enum MetadataInference {
    /// "May 7 (UPI) --", "KYIV, April 13 (Reuters) -", "WASHINGTON (AP) —", "QUÉBEC, June 18 (El País) -",
    /// "WASHINGTON, D.C., May 3 (UPI) -".
    private static let dateline = try! NSRegularExpression(
        pattern: #"^(?:\p{Lu}[\p{L}\p{M} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L}\p{M} .'’-]{1,30}){0,2},\s*)?(?:\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}\s+)?(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\((?<source>\p{Lu}[\p{L}\p{M}&.'’ -]{1,30})\)\s*(?:--|[-–—])\s"#)

    struct Dateline {
        var source: String
        var dateText: String?
    }

    static func dateline(in blocks: [Block]) -> Dateline? {
        for block in blocks.prefix(4) {
            let text = block.text
            // The source stands in parentheses: a paragraph without any has no dateline.
            guard text.containsASCII("("), let m = dateline.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let sourceRange = Range(m.range(withName: "source"), in: text) else { continue }
            let dateText = Range(m.range(withName: "date"), in: text).map { String(text[$0]) }
            return Dateline(source: String(text[sourceRange]), dateText: dateText)
        }
        return nil
    }

    /// The first real headline: the first block left after cleaning, when it is a short line
    /// that is not a sentence. Text that opens straight into its story has no headline.
    static func headlineIndex(in blocks: [Block]) -> Int? {
        guard let first = blocks.first, first.kind != .listItem, looksLikeHeadline(first) else { return nil }
        return 0
    }

    static func looksLikeHeadline(_ block: Block) -> Bool {
        if block.kind == .heading { return block.wordCount <= 30 }
        let text = block.text
        guard block.wordCount >= 2, block.wordCount <= 25, text.count <= 200 else { return false }
        var trimmed = text
        while let last = trimmed.last, "\"”’')".contains(last) { trimmed.removeLast() }
        // Headlines do not end with a full stop (but may end with an abbreviation like "U.S.").
        if trimmed.hasSuffix(".") && !trimmed.hasSuffix("U.S.") && !trimmed.hasSuffix("U.K.") { return false }
        return !(trimmed.hasSuffix(",") || trimmed.hasSuffix(";"))
    }

    /// A short title made from the first sentence of the story, for texts with no headline.
    static func titleFromFirstSentence(_ body: String) -> String {
        let sentence = Sentences.first(in: body)
        var title = sentence.trimmingSpaces()
        while let last = title.last, ".".contains(last) { title.removeLast() }
        let limit = 100
        guard title.count > limit else { return title }
        let functionWords: Set<String> = ["a", "an", "the", "to", "of", "in", "on", "for", "with", "at", "by", "and", "or",
                                          "his", "her", "its", "their", "that", "which", "as", "from", "amid", "after"]
        var words: [Substring] = []
        var length = 0
        for word in title.split(separator: " ") {
            if length + word.count + (words.isEmpty ? 0 : 1) > limit - 1 { break }
            length += word.count + (words.isEmpty ? 0 : 1)
            words.append(word)
        }
        while let last = words.last, words.count > 3,
              functionWords.contains(last.lowercased()) || last.hasSuffix(",") { words.removeLast() }
        return words.joined(separator: " ") + "…"
    }
}

/// Sentence boundaries good enough for titles: a full stop, question or exclamation mark
/// followed by a capital, not after a known abbreviation or an initial.
enum Sentences {
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov",
                                             "sen", "rep", "st", "sec", "prof", "jr", "sr", "no", "vs", "etc", "inc", "corp",
                                             "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                             "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u"]

    static func first(in text: String) -> String {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" && i + 1 < chars.count && chars[i + 1] == "\n" { return String(chars[..<i]) }
            if ".!?".contains(c) {
                var j = i + 1
                while j < chars.count, "\"”’')".contains(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == " ", j + 1 < chars.count,
                   chars[j + 1].isUppercase || "“\"‘".contains(chars[j + 1]) {
                    if c != "." || !isAbbreviation(chars, endingAt: i) { return String(chars[..<j]) }
                }
            }
            i += 1
        }
        return text
    }

    private static func isAbbreviation(_ chars: [Character], endingAt dot: Int) -> Bool {
        var start = dot
        while start > 0, chars[start - 1].isLetter || chars[start - 1] == "." { start -= 1 }
        let word = String(chars[start..<dot]).lowercased()
        if word.count == 1 { return true }  // an initial: "Joe R. Biden"
        return abbreviations.contains(word)
    }
}
