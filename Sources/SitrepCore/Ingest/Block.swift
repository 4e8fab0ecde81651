import Foundation

/// One paragraph-level piece of a page before cleaning: a heading, a paragraph or a list item.
/// Every reader turns its format into blocks; the cleaner and metadata inference work on them.
public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading, paragraph, listItem
    }

    public var text: String { didSet { wordCount = Block.countWords(text) } }
    public var kind: Kind
    /// How many characters of `text` are link text or bare URLs: link lists are mostly links.
    public var linkCharacters: Int
    /// Words as a reader counts them (whitespace-separated); kept up to date with `text`
    /// because every rule asks for it.
    public private(set) var wordCount: Int

    public init(_ text: String, kind: Kind = .paragraph, linkCharacters: Int = 0) {
        self.text = text
        self.kind = kind
        self.linkCharacters = linkCharacters
        self.wordCount = Block.countWords(text)
    }

    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        text.forEachScalar { scalar in
            if scalar.isSpaceLike { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Share of the block that is links, 0…1.
    public var linkDensity: Double {
        text.isEmpty ? 0 : min(1, Double(linkCharacters) / Double(text.utf8.count))
    }
}

enum BlockText {
    /// Collapses every run of whitespace (including no-break and other Unicode spaces) to one
    /// space and trims the ends.
    static func normalizeSpaces(_ text: some StringProtocol) -> String {
        var out = ByteText(capacity: text.utf8.count)
        var pendingSpace = false
        String(text).forEachScalar { scalar in
            if scalar.isSpaceLike {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                out.append(scalar)
            }
        }
        return out.string
    }

    private static let urlPattern = try! NSRegularExpression(
        pattern: #"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|ua|ru|uk|io|co|info|news)(?:\.[a-z]{2})?(?:/\S*)?"#,
        options: [.caseInsensitive])

    /// Characters of `text` inside URLs and bare domains.
    static func urlCharacters(in text: String) -> Int {
        // Cheap scan first: a slash, or a dot between lower-case letters or digits ("example.org").
        var a: Unicode.Scalar = " ", b: Unicode.Scalar = " "
        let candidate = text.scanScalars { c in
            if c == "/" || (b == "." && (("a"..."z").contains(a) || a.isDigitASCII) && ("a"..."z").contains(c)) { return true }
            a = b
            b = c
            return false
        }
        guard candidate else { return 0 }
        let range = NSRange(text.startIndex..., in: text)
        return urlPattern.matches(in: text, range: range).reduce(0) { $0 + $1.range.length }
    }

    /// A scraper that concatenates text nodes glues sentences from different paragraphs
    /// ("…makes all the difference.A week after…"). Splits where a lowercase word ends a
    /// sentence and a capitalised word follows with no space.
    private static let gluedSentence = try! NSRegularExpression(
        pattern: #"(?<=[a-z]{3}[.!?]["”’]?)(?=[A-Z][a-z]*[ ,])"#)

    static func splitGluedSentences(_ text: String) -> [String] {
        // Cheap scan first: a lower-case letter, sentence punctuation, perhaps a closing quote,
        // then a capital with no space between.
        var a: Unicode.Scalar = " ", b: Unicode.Scalar = " ", q: Unicode.Scalar = " "
        let candidate = text.scanScalars { c in
            if ("A"..."Z").contains(c) {
                let direct = (b == "." || b == "!" || b == "?") && ("a"..."z").contains(a)
                let quoted = (b == "”" || b == "’" || b == "\"") && (a == "." || a == "!" || a == "?") && ("a"..."z").contains(q)
                if direct || quoted { return true }
            }
            q = a
            a = b
            b = c
            return false
        }
        guard candidate else { return [text] }
        let range = NSRange(text.startIndex..., in: text)
        let cuts = gluedSentence.matches(in: text, range: range).compactMap { Range($0.range, in: text)?.lowerBound }
        guard !cuts.isEmpty else { return [text] }
        var pieces: [String] = []
        var start = text.startIndex
        for cut in cuts {
            // Not inside a URL or an e-mail address.
            let tokenStart = text[..<cut].lastIndex(where: \.isWhitespace).map { text.index(after: $0) } ?? text.startIndex
            let token = text[tokenStart..<cut]
            if token.containsASCII("/") || token.containsASCII("@") || token.hasPrefix("www") { continue }
            pieces.append(String(text[start..<cut]))
            start = cut
        }
        pieces.append(String(text[start...]))
        return pieces
    }
}
