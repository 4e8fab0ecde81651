/// The lower-case words of a text, each hashed once so that word lists and phrase patterns
/// compare numbers, not strings. Words are runs of letters, digits, hyphens and apostrophes;
/// "©" is a word of its own.
struct PhraseWords {
    /// The lower-case UTF-8 of every word, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`.
    private(set) var ends: [Int] = []
    private(set) var hashes: [UInt64] = []
    /// Words written "US" in capitals: the country, not the pronoun.
    private(set) var capitalUS = 0

    var count: Int { hashes.count }

    private var open = false
    private var openStart = 0
    private var hash: UInt64 = PhraseWords.seed
    private var capitals = 0

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of one word as `PhraseWords` computes it (FNV-1a over lower-case UTF-8).
    static func hash(_ word: some StringProtocol) -> UInt64 {
        var h = seed
        for byte in word.lowercased().utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    /// The words of the whole text.
    init(_ text: String) {
        bytes.reserveCapacity(text.utf8.count)
        text.forEachScalar { take($0) }
        close()
    }

    /// The words of the text outside quotations; an unclosed quote runs to the end.
    /// Apostrophes inside words ("don't") are not quotation marks. The quote characters
    /// themselves are dropped without breaking a word.
    init(outsideQuotesOf text: String) {
        bytes.reserveCapacity(text.utf8.count)
        var inDouble = false, inSingle = false
        var previous: Unicode.Scalar? = nil
        var current: Unicode.Scalar? = nil
        func step(_ ch: Unicode.Scalar, previousIsLetter: Bool, nextIsLetter: Bool) {
            switch ch {
            case "“", "«": inDouble = true; return
            case "”", "»": inDouble = false; return
            case "\"": inDouble.toggle(); return
            case "‘" where !previousIsLetter: inSingle = true; return
            case "'" where !previousIsLetter && nextIsLetter && !inSingle: inSingle = true; return
            case "’": inSingle = false; return
            case "'" where inSingle && !nextIsLetter: inSingle = false; return
            default: break
            }
            if !inDouble && !inSingle { take(ch) }
        }
        text.forEachScalar { next in
            if let ch = current { step(ch, previousIsLetter: previous?.isLetterLike ?? false, nextIsLetter: next.isLetterLike) }
            previous = current
            current = next
        }
        if let ch = current { step(ch, previousIsLetter: previous?.isLetterLike ?? false, nextIsLetter: false) }
        close()
    }

    private mutating func take(_ scalar: Unicode.Scalar) {
        let isWordPart = scalar.isLetterLike || scalar.isDigitASCII || scalar == "-" || scalar == "'" || scalar == "’"
        if isWordPart {
            if !open { open = true; openStart = bytes.count; hash = PhraseWords.seed; capitals = 0 }
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
                append(ByteText.lower(byte))
            } else {
                for lower in scalar.properties.lowercaseMapping.utf8 { append(lower) }
            }
        } else {
            close()
            if scalar == "©" { open = true; openStart = bytes.count; hash = PhraseWords.seed; append(0xC2); append(0xA9); close() }
        }
    }

    @inline(__always) private mutating func append(_ byte: UInt8) {
        bytes.append(byte)
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    private mutating func close() {
        guard open else { return }
        open = false
        if capitals == 2 && bytes.count - openStart == 2 && bytes[openStart] == 0x75 && bytes[openStart + 1] == 0x73 { capitalUS += 1 }
        ends.append(bytes.count)
        hashes.append(hash)
    }

    /// Whether word `i` starts with the lower-case bytes of `prefix`.
    func word(_ i: Int, hasPrefix prefix: [UInt8]) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start >= prefix.count else { return false }
        for k in prefix.indices where bytes[start + k] != prefix[k] { return false }
        return true
    }

    /// How many words are in `set` (hashes from `PhraseWords.hash`).
    func count(of set: Set<UInt64>) -> Int { hashes.reduce(0) { $0 + (set.contains($1) ? 1 : 0) } }
}

/// A set of short word patterns matched against the words of a text, case-insensitively.
/// Much cheaper than one large regular expression with many alternatives: the text is split
/// into hashed lower-case words once and each pattern is tried only where its first word matches.
struct PhraseSet: Sendable {
    /// One position of a pattern: any of these words, or words starting with a prefix.
    private struct Slot: Sendable {
        var words: Set<UInt64>
        var prefixes: [[UInt8]]

        func matches(_ words: PhraseWords, _ i: Int) -> Bool {
            self.words.contains(words.hashes[i]) || prefixes.contains { words.word(i, hasPrefix: $0) }
        }
    }

    private let patterns: [[Slot]]
    /// Patterns by the exact first words they accept.
    private let byFirstWord: [UInt64: [Int]]
    /// Patterns whose first slot has a prefix.
    private let prefixFirst: [Int]

    /// `"your support|donation"`: two words, the second one of two; `"donat*"`: any word
    /// starting with "donat".
    init(_ specs: [String]) {
        var patterns: [[Slot]] = []
        var byFirstWord: [UInt64: [Int]] = [:]
        var prefixFirst: [Int] = []
        for spec in specs {
            let slots = spec.split(separator: " ").map { slot -> Slot in
                var s = Slot(words: [], prefixes: [])
                for alternative in slot.split(separator: "|") {
                    if alternative.hasSuffix("*") {
                        s.prefixes.append(Array(alternative.dropLast().lowercased().utf8))
                    } else {
                        s.words.insert(PhraseWords.hash(alternative))
                    }
                }
                return s
            }
            let index = patterns.count
            patterns.append(slots)
            for word in slots[0].words { byFirstWord[word, default: []].append(index) }
            if !slots[0].prefixes.isEmpty { prefixFirst.append(index) }
        }
        self.patterns = patterns
        self.byFirstWord = byFirstWord
        self.prefixFirst = prefixFirst
    }

    /// How many times any pattern occurs in `text`.
    func count(in text: String) -> Int { count(in: PhraseWords(text)) }

    /// How many times any pattern occurs in words already taken from a text.
    func count(in words: PhraseWords) -> Int {
        var count = 0
        func tryPattern(_ index: Int, at i: Int) {
            let pattern = patterns[index]
            guard i + pattern.count <= words.count else { return }
            for k in 1..<pattern.count where !pattern[k].matches(words, i + k) { return }
            count += 1
        }
        for i in 0..<words.count {
            if let exact = byFirstWord[words.hashes[i]] { for index in exact { tryPattern(index, at: i) } }
            for index in prefixFirst where patterns[index][0].matches(words, i) { tryPattern(index, at: i) }
        }
        return count
    }
}
