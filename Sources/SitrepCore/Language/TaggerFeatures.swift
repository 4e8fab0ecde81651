/// The features the entity tagger looks at for one token, as 64-bit hashes: the word and its
/// shape, affixes, a window of two words either side, the tags already chosen to the left,
/// and capitalisation in context — whether a capitalised word opens the sentence, whether the
/// whole sentence is in capitals (headlines), and whether the word is usually written in
/// lower case (so "Still" or "Footage" opening a sentence is not a name).
struct TaggerFeatures {
    /// Lower-cased words that are mostly written in lower case in running text.
    let lowercaseWords: Set<String>

    struct Sentence {
        let words: [String]
        let lower: [String]
        let shapes: [String]
        let allCaps: Bool

        init(_ words: [String]) {
            self.words = words.map(TaggerFeatures.normalize)
            lower = self.words.map { $0.lowercased() }
            shapes = self.words.map(TaggerFeatures.shape)
            let letters = self.words.joined().filter(\.isLetter)
            allCaps = letters.count >= 6 && letters.allSatisfy { $0.isUppercase }
        }
    }

    /// Curly quotes and apostrophes as straight ones, every digit as 0: "Kyiv’s" and
    /// "Kyiv's" are one word to the tagger, and so are all four-digit years.
    static func normalize(_ word: String) -> String {
        var out = ""
        for ch in word {
            switch ch {
            case "’", "‘", "`": out.append("'")
            case "“", "”": out.append("\"")
            case "–", "—": out.append("-")
            default: out.append(ch.isNumber ? "0" : ch)
            }
        }
        return out
    }

    /// "Blinken" → "Xx", "U.S." → "X.X.", "1,000" → "0,0", "NATO-Ukraine" → "X-Xx".
    static func shape(_ word: String) -> String {
        var out = ""
        var last: Character = " "
        for ch in word {
            let c: Character = ch.isUppercase ? "X" : ch.isLowercase ? "x" : ch.isNumber ? "0" : ch
            if c != last { out.append(c) }
            last = c
        }
        return out
    }

    private static func hash(_ template: UInt64, _ parts: String...) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ (template &* 0x100000001b3)
        for part in parts {
            for byte in part.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
            h = (h ^ 0xFF) &* 0x100000001b3
        }
        return h
    }

    private static func tagHash(_ template: UInt64, _ tag: Int, _ part: String = "") -> UInt64 {
        hash(template, String(tag), part)
    }

    /// Features that do not depend on the tags chosen so far.
    func staticFeatures(_ s: Sentence, _ i: Int) -> [UInt64] {
        let w = s.words[i], lw = s.lower[i], sh = s.shapes[i]
        func word(_ k: Int) -> String { k < 0 ? "<s>" : k >= s.words.count ? "</s>" : s.lower[k] }
        func shapeAt(_ k: Int) -> String { k < 0 ? "<s>" : k >= s.words.count ? "</s>" : s.shapes[k] }
        var f: [UInt64] = []
        f.reserveCapacity(40)
        let H = TaggerFeatures.hash
        f.append(H(0, ""))
        f.append(H(1, lw))
        f.append(H(2, w))
        f.append(H(3, sh))
        let chars = Array(lw)
        for n in 1...4 where chars.count >= n {
            f.append(H(4 + UInt64(n), String(chars.prefix(n))))
            f.append(H(9 + UInt64(n), String(chars.suffix(n))))
        }
        f.append(H(20, word(i - 1)))
        f.append(H(21, word(i + 1)))
        f.append(H(22, word(i - 2)))
        f.append(H(23, word(i + 2)))
        f.append(H(24, shapeAt(i - 1)))
        f.append(H(25, shapeAt(i + 1)))
        f.append(H(26, word(i - 1), lw))
        f.append(H(27, lw, word(i + 1)))
        f.append(H(28, shapeAt(i - 1), sh, shapeAt(i + 1)))
        f.append(H(29, s.words[max(0, i - 1)].first?.isUppercase == true && i > 0 ? "capPrev" : "-", w.first?.isUppercase == true ? "cap" : "-"))
        if let first = w.first, first.isUppercase {
            let common = lowercaseWords.contains(lw)
            f.append(H(30, i == 0 ? "first" : "inner", s.allCaps ? "allcaps" : "mixed", common ? "common" : "rare"))
            f.append(H(31, common ? "common" : "rare"))
            if i > 0 { f.append(H(32, word(i - 1), "cap")) }
        }
        if s.allCaps { f.append(H(33, lw)) }
        f.append(H(34, String(min(w.count, 8))))
        return f
    }

    /// Features of the tags chosen for the two tokens to the left.
    func dynamicFeatures(_ s: Sentence, _ i: Int, previous: Int, beforePrevious: Int) -> [UInt64] {
        [TaggerFeatures.tagHash(40, previous),
         TaggerFeatures.hash(41, String(previous), String(beforePrevious)),
         TaggerFeatures.tagHash(42, previous, s.lower[i]),
         TaggerFeatures.tagHash(43, previous, s.shapes[i])]
    }
}
