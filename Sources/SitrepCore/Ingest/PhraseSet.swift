/// A set of short word patterns matched against the words of a text, case-insensitively.
/// Much cheaper than one large regular expression with many alternatives: the text is split
/// into lower-case words once and each pattern is tried only where its first word matches.
struct PhraseSet: Sendable {
    /// One position of a pattern: any of these words, or words starting with a prefix.
    private struct Slot: Sendable {
        var words: Set<String>
        var prefixes: [String]

        func matches(_ word: String) -> Bool {
            words.contains(word) || prefixes.contains { word.hasPrefix($0) }
        }
    }

    private let patterns: [[Slot]]
    /// Patterns by the exact first words they accept.
    private let byFirstWord: [String: [Int]]
    /// Patterns whose first slot has a prefix.
    private let prefixFirst: [Int]

    /// `"your support|donation"`: two words, the second one of two; `"donat*"`: any word
    /// starting with "donat".
    init(_ specs: [String]) {
        var patterns: [[Slot]] = []
        var byFirstWord: [String: [Int]] = [:]
        var prefixFirst: [Int] = []
        for spec in specs {
            let slots = spec.split(separator: " ").map { slot -> Slot in
                var s = Slot(words: [], prefixes: [])
                for alternative in slot.split(separator: "|") {
                    if alternative.hasSuffix("*") { s.prefixes.append(String(alternative.dropLast())) } else { s.words.insert(String(alternative)) }
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

    /// Lower-case words: runs of letters, digits, hyphens and apostrophes; "©" is a word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ByteText(capacity: 16)
        for scalar in text.unicodeScalars {
            let isWordPart = scalar.isLetterLike || scalar.isDigitASCII || scalar == "-" || scalar == "'" || scalar == "’"
            if isWordPart {
                if scalar.value < 0x80 {
                    current.append(ByteText.lower(UInt8(scalar.value)))
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { current.append(lower) }
                }
            } else {
                if !current.isEmpty { words.append(current.string); current.bytes.removeAll(keepingCapacity: true) }
                if scalar == "©" { words.append("©") }
            }
        }
        if !current.isEmpty { words.append(current.string) }
        return words
    }

    /// How many times any pattern occurs in `text`.
    func count(in text: String) -> Int { count(in: PhraseSet.words(text)) }

    /// How many times any pattern occurs in text already split by `words(_:)`.
    func count(in words: [String]) -> Int {
        var count = 0
        for i in words.indices {
            let word = words[i]
            var candidates = byFirstWord[word] ?? []
            for index in prefixFirst where patterns[index][0].matches(word) { candidates.append(index) }
            for index in candidates {
                let pattern = patterns[index]
                guard i + pattern.count <= words.count else { continue }
                if (1..<pattern.count).allSatisfy({ pattern[$0].matches(words[i + $0]) }) { count += 1 }
            }
        }
        return count
    }
}
