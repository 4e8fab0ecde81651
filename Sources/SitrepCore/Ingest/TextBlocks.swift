import Foundation

/// Plain text and Markdown → blocks.
///
/// Scraped text comes in two shapes: one paragraph per line (often with no blank lines at
/// all), or paragraphs separated by blank lines and hard-wrapped at a fixed width. A chunk
/// between blank lines is joined only when its lines look wrapped.
enum TextBlocks {
    static func parse(_ text: String, markdown: Bool) -> [Block] {
        var blocks: [Block] = []
        for chunk in chunks(of: text) {
            let wrapped = isHardWrapped(chunk)
            var current: Block? = nil
            for rawLine in chunk {
                var line = Substring(rawLine)
                var kind = Block.Kind.paragraph
                if markdown, let heading = markdownHeading(line) {
                    line = heading
                    kind = .heading
                } else if let item = listItem(line) {
                    line = item
                    kind = .listItem
                }
                if wrapped, kind == .paragraph, var open = current {
                    open.text += " " + line
                    current = open
                    continue
                }
                if let open = current { blocks += finish(open, markdown: markdown) }
                current = Block(String(line), kind: kind)
            }
            if let open = current { blocks += finish(open, markdown: markdown) }
        }
        return blocks
    }

    /// Lines grouped by blank lines (a line of only spaces or no-break spaces is blank).
    private static func chunks(of text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            while start <= utf8.count {
                var end = start
                // An ASCII character other than a space settles it; other characters (a
                // no-break space?) leave it to the full check.
                var printable = false, nonASCII = false
                while end < utf8.count && utf8[end] != 0x0A {
                    let byte = utf8[end]
                    if byte >= 0x80 { nonASCII = true } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { printable = true }
                    end += 1
                }
                let line = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
                if !printable && (!nonASCII || line.unicodeScalars.allSatisfy(\.isSpaceLike)) {
                    if !current.isEmpty { result.append(current); current = [] }
                } else {
                    current.append(line)
                }
                start = end + 1
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Wrapped text has lines of similar, moderate length that mostly stop mid-sentence.
    private static func isHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 2 else { return false }
        // Lines of 25…110 characters within 40 of each other; stops at the first line that
        // rules it out (one paragraph per line fails on the first long line).
        var shortest = Int.max, longest = 0, openEnded = 0
        for line in lines.dropLast() {
            let normalized = BlockText.normalizeSpaces(line)
            let length = normalized.count
            shortest = min(shortest, length)
            longest = max(longest, length)
            guard shortest >= 25, longest <= 110, longest - shortest <= 40 else { return false }
            if let last = normalized.last, !".!?:\"”’".contains(last) { openEnded += 1 }
        }
        return openEnded * 2 >= lines.count - 1
    }

    /// The text of a list item after its marker ("- ", "• ", "1. ", "12) "), or nil.
    private static func listItem(_ line: Substring) -> Substring? {
        let scalars = line.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex, scalars[i].isSpaceLike { i = scalars.index(after: i) }
        guard i < scalars.endIndex else { return nil }
        if "-*•·▪‣◦–".unicodeScalars.contains(scalars[i]) {
            i = scalars.index(after: i)
        } else {
            var digits = 0
            while i < scalars.endIndex, scalars[i].isDigitASCII, digits < 4 { digits += 1; i = scalars.index(after: i) }
            guard (1...3).contains(digits), i < scalars.endIndex, scalars[i] == "." || scalars[i] == ")" else { return nil }
            i = scalars.index(after: i)
        }
        guard i < scalars.endIndex, scalars[i].isSpaceLike else { return nil }
        while i < scalars.endIndex, scalars[i].isSpaceLike { i = scalars.index(after: i) }
        return i < scalars.endIndex ? Substring(scalars[i...]) : nil
    }

    private static func markdownHeading(_ line: Substring) -> Substring? {
        let trimmed = line.drop(while: { $0 == " " })
        let hashes = trimmed.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), trimmed.dropFirst(hashes.count).first == " " else { return nil }
        return trimmed.dropFirst(hashes.count).drop(while: { $0 == " " })
    }

    /// Normalises spacing, resolves Markdown inline syntax, counts link text, and splits
    /// glued sentences into separate blocks.
    private static func finish(_ block: Block, markdown: Bool) -> [Block] {
        var text = block.text
        var linkChars = 0
        if markdown { (text, linkChars) = MarkdownInline.plain(text) }
        text = BlockText.normalizeSpaces(text)
        guard !text.isEmpty else { return [] }
        let pieces = block.kind == .paragraph ? BlockText.splitGluedSentences(text) : [text]
        return pieces.map { piece in
            let links = min(piece.utf8.count, BlockText.urlCharacters(in: piece) + (pieces.count == 1 ? linkChars : 0))
            return Block(piece, kind: block.kind, linkCharacters: links)
        }
    }
}

/// Markdown inline syntax → plain text: images dropped, links kept as their text, emphasis
/// and code markers removed.
enum MarkdownInline {
    private static let image = try! NSRegularExpression(pattern: #"!\[[^\]]*\]\([^)]*\)"#)
    private static let link = try! NSRegularExpression(pattern: #"\[([^\]]+)\]\([^)]*\)"#)
    private static let emphasis = try! NSRegularExpression(pattern: #"(\*\*|__|`)"#)
    /// *single* or _single_ emphasis around a word or phrase.
    private static let singleEmphasis = try! NSRegularExpression(pattern: #"(?<![\w*_])[*_]([^*_\s][^*_]*?)[*_](?![\w*_])"#)

    static func plain(_ text: String) -> (String, linkCharacters: Int) {
        // Most paragraphs have no Markdown at all: every pattern needs "](", "*", "_" or "`".
        var linked = false, marked = false, previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "("): if previous == UInt8(ascii: "]") { linked = true }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"): marked = true
            default: break
            }
            previous = byte
        }
        guard linked || marked else { return (text, 0) }
        var s = image.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        var linkChars = 0
        for m in link.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            linkChars += m.range(at: 1).length
        }
        s = link.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "$1")
        s = emphasis.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
        s = singleEmphasis.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "$1")
        return (s, linkChars)
    }
}
