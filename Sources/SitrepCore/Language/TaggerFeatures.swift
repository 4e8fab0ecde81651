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
            lower = self.words.map(TaggerFeatures.lowercased)
            shapes = self.words.map(TaggerFeatures.shape)
            var letters = 0
            var upper = true
            for word in self.words {
                for scalar in word.unicodeScalars where scalar.isLetterLike {
                    letters += 1
                    if scalar.value < 0x80 ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase { upper = false }
                }
            }
            allCaps = letters >= 6 && upper
        }
    }

    /// Lower case, one scalar for one scalar (so prefixes and suffixes line up with the word).
    static func lowercased(_ word: String) -> String {
        var out = ByteText(capacity: word.utf8.count)
        if word.isASCII {
            for byte in word.utf8 { out.append(ByteText.lower(byte)) }
        } else {
            for s in word.unicodeScalars { out.append(s.properties.lowercaseMapping.unicodeScalars.first ?? s) }
        }
        return out.string
    }

    /// Curly quotes and apostrophes as straight ones, every digit as 0: "Kyiv’s" and
    /// "Kyiv's" are one word to the tagger, and so are all four-digit years.
    static func normalize(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 && ($0 < 0x30 || $0 > 0x39) }) { return word }
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar {
            case "’", "‘", "`": out.append("'")
            case "“", "”": out.append("\"")
            case "–", "—": out.append("-")
            default:
                let isDigit = scalar.value < 0x80 ? scalar.isDigitASCII : scalar.properties.numericType == .decimal
                out.append(isDigit ? "0" : scalar)
            }
        }
        return String(out)
    }

    /// "Blinken" → "Xx", "U.S." → "X.X.", "1,000" → "0,0", "NATO-Ukraine" → "X-Xx".
    static func shape(_ word: String) -> String {
        var out = ByteText(capacity: 8)
        var last: Unicode.Scalar = " "
        for scalar in word.unicodeScalars {
            let c: Unicode.Scalar
            if scalar.value < 0x80 {
                c = ("A"..."Z").contains(scalar) ? "X" : ("a"..."z").contains(scalar) ? "x" : scalar.isDigitASCII ? "0" : scalar
            } else {
                c = scalar.properties.isUppercase ? "X" : scalar.properties.isLowercase ? "x" : scalar
            }
            if c != last { out.append(c) }
            last = c
        }
        return out.string
    }

    // MARK: Hashing (FNV-1a, streamed: no allocation per feature)

    private static let prime: UInt64 = 0x100000001b3

    @inline(__always) private static func start(_ template: UInt64) -> UInt64 { 0xcbf29ce484222325 ^ (template &* prime) }

    @inline(__always) private static func mix(_ h: UInt64, _ part: String) -> UInt64 {
        var h = h
        for byte in part.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return (h ^ 0xFF) &* prime
    }

    @inline(__always) private static func mix<S: Sequence<Unicode.Scalar>>(_ h: UInt64, scalars: S) -> UInt64 {
        var h = h
        for scalar in scalars { h = (h ^ UInt64(scalar.value)) &* prime }
        return (h ^ 0xFF) &* prime
    }

    @inline(__always) private static func mix(_ h: UInt64, _ value: Int) -> UInt64 {
        ((h ^ UInt64(bitPattern: Int64(value))) &* prime ^ 0xFF) &* prime
    }

    /// Features that do not depend on the tags chosen so far.
    func staticFeatures(_ s: Sentence, _ i: Int, into f: inout [UInt64]) {
        let w = s.words[i], lw = s.lower[i], sh = s.shapes[i]
        func word(_ k: Int) -> String { k < 0 ? "<s>" : k >= s.words.count ? "</s>" : s.lower[k] }
        func shapeAt(_ k: Int) -> String { k < 0 ? "<s>" : k >= s.words.count ? "</s>" : s.shapes[k] }
        typealias T = TaggerFeatures
        f.append(T.start(0))
        f.append(T.mix(T.start(1), lw))
        f.append(T.mix(T.start(2), w))
        f.append(T.mix(T.start(3), sh))
        let chars = lw.unicodeScalars
        let length = lw.isASCII ? lw.utf8.count : chars.count
        for n in 1...4 where length >= n {
            f.append(T.mix(T.start(4 + UInt64(n)), scalars: chars.prefix(n)))
            f.append(T.mix(T.start(9 + UInt64(n)), scalars: chars.suffix(n)))
        }
        f.append(T.mix(T.start(20), word(i - 1)))
        f.append(T.mix(T.start(21), word(i + 1)))
        f.append(T.mix(T.start(22), word(i - 2)))
        f.append(T.mix(T.start(23), word(i + 2)))
        f.append(T.mix(T.start(24), shapeAt(i - 1)))
        f.append(T.mix(T.start(25), shapeAt(i + 1)))
        f.append(T.mix(T.mix(T.start(26), word(i - 1)), lw))
        f.append(T.mix(T.mix(T.start(27), lw), word(i + 1)))
        f.append(T.mix(T.mix(T.mix(T.start(28), shapeAt(i - 1)), sh), shapeAt(i + 1)))
        let capitalised = w.unicodeScalars.first.map { $0.value < 0x80 ? ("A"..."Z").contains($0) : $0.properties.isUppercase } ?? false
        let previousCapitalised = i > 0 && (s.words[i - 1].unicodeScalars.first.map { $0.value < 0x80 ? ("A"..."Z").contains($0) : $0.properties.isUppercase } ?? false)
        f.append(T.mix(T.mix(T.start(29), previousCapitalised ? 1 : 0), capitalised ? 1 : 0))
        if capitalised {
            let common = lowercaseWords.contains(lw)
            f.append(T.mix(T.mix(T.mix(T.start(30), i == 0 ? 1 : 0), s.allCaps ? 1 : 0), common ? 1 : 0))
            f.append(T.mix(T.start(31), common ? 1 : 0))
            if i > 0 { f.append(T.mix(T.start(32), word(i - 1))) }
        }
        if s.allCaps { f.append(T.mix(T.start(33), lw)) }
        f.append(T.mix(T.start(34), min(length, 8)))
    }

    /// Features of the tags chosen for the two tokens to the left.
    func dynamicFeatures(_ s: Sentence, _ i: Int, previous: Int, beforePrevious: Int, into f: inout [UInt64]) {
        typealias T = TaggerFeatures
        f.append(T.mix(T.start(40), previous))
        f.append(T.mix(T.mix(T.start(41), previous), beforePrevious))
        f.append(T.mix(T.mix(T.start(42), previous), s.lower[i]))
        f.append(T.mix(T.mix(T.start(43), previous), s.shapes[i]))
    }
}
