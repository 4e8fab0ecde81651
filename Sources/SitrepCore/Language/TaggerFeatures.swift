/// The features the entity tagger looks at for one token, as 64-bit hashes: the word and its
/// shape, affixes, a window of two words either side, the tags already chosen to the left,
/// and capitalisation in context — whether a capitalised word opens the sentence, whether the
/// whole sentence is in capitals (headlines), and whether the word is usually written in
/// lower case (so "Still" or "Footage" opening a sentence is not a name).
///
/// Each word is read once: one pass over its scalars yields the hashes of its normalised form,
/// its lower case, its shape and its affixes; every feature is an integer mix of those.
struct TaggerFeatures: Sendable {
    /// Lower-cased words that are mostly written in lower case in running text.
    let lowercaseWords: Set<String>
    private let lowercaseHashes: Set<UInt64>

    init(lowercaseWords: Set<String>) {
        self.lowercaseWords = lowercaseWords
        lowercaseHashes = Set(lowercaseWords.map { word in
            var h = TaggerFeatures.seed
            for s in word.unicodeScalars { h = TaggerFeatures.step(h, s.value) }
            return h
        })
    }

    /// What the features need of one word, computed in one pass.
    struct Word {
        var exact: UInt64 = TaggerFeatures.seed
        var lower: UInt64 = TaggerFeatures.seed
        var shape: UInt64 = TaggerFeatures.seed
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var length = 0
        var capitalised = false
        var letters = 0
        var lowercaseLetters = 0
    }

    struct Sentence {
        let words: [Word]
        let allCaps: Bool
    }

    static let seed: UInt64 = 0xcbf29ce484222325
    @inline(__always) static func step(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x100000001b3 }

    /// Digits read as 0, curly quotes and dashes as their ASCII forms: "Kyiv’s" is "Kyiv's"
    /// and every four-digit year is one word to the tagger.
    @inline(__always) static func normalized(_ s: Unicode.Scalar) -> UInt32 {
        if s.value < 0x80 { return s.isDigitASCII ? 0x30 : s.value }
        switch s {
        case "’", "‘", "`": return 0x27
        case "“", "”": return 0x22
        case "–", "—": return 0x2D
        default: return s.properties.numericType == .decimal ? 0x30 : s.value
        }
    }

    static func word(_ text: String) -> Word {
        var w = Word()
        var lastShape: UInt32 = 0
        var tail: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)  // the last four lower-case scalars
        for scalar in text.unicodeScalars {
            let n = normalized(scalar)
            let lower: UInt32
            let shape: UInt32
            if n < 0x80 {
                let isUpper = n >= 0x41 && n <= 0x5A, isLower = n >= 0x61 && n <= 0x7A
                lower = isUpper ? n + 32 : n
                shape = isUpper ? 0x58 : isLower ? 0x78 : n == 0x30 ? 0x30 : n
                if isUpper || isLower { w.letters += 1 }
                if isLower { w.lowercaseLetters += 1 }
                if w.length == 0 { w.capitalised = isUpper }
            } else {
                let s = Unicode.Scalar(n)!
                let properties = s.properties
                lower = properties.lowercaseMapping.unicodeScalars.first?.value ?? n
                shape = properties.isUppercase ? 0x58 : properties.isLowercase ? 0x78 : n
                if properties.isAlphabetic { w.letters += 1 }
                if properties.isLowercase { w.lowercaseLetters += 1 }
                if w.length == 0 { w.capitalised = properties.isUppercase }
            }
            w.exact = step(w.exact, n)
            w.lower = step(w.lower, lower)
            if shape != lastShape { w.shape = step(w.shape, shape) }
            lastShape = shape
            w.length += 1
            switch w.length {
            case 1: w.prefixes.0 = step(seed, lower)
            case 2: w.prefixes.1 = step(w.prefixes.0, lower)
            case 3: w.prefixes.2 = step(w.prefixes.1, lower)
            case 4: w.prefixes.3 = step(w.prefixes.2, lower)
            default: break
            }
            tail = (tail.1, tail.2, tail.3, lower)
        }
        // Suffixes hashed from the last scalar backwards: "s", "sk", "skn"… identify them as well.
        let s1 = step(seed, tail.3), s2 = step(s1, tail.2), s3 = step(s2, tail.1), s4 = step(s3, tail.0)
        w.suffixes = (w.length >= 1 ? s1 : 0, w.length >= 2 ? s2 : 0, w.length >= 3 ? s3 : 0, w.length >= 4 ? s4 : 0)
        return w
    }

    /// The normalised form of a word, lower-cased or not: `lower` hashes the lower-cased one.
    static func form(_ text: String, lowercased: Bool) -> String {
        var out = ByteText(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            let n = normalized(scalar)
            if n < 0x80 {
                out.append(UInt8(lowercased && n >= 0x41 && n <= 0x5A ? n + 32 : n))
            } else {
                let s = Unicode.Scalar(n)!
                out.append(lowercased ? s.properties.lowercaseMapping.unicodeScalars.first ?? s : s)
            }
        }
        return out.string
    }

    static func sentence(_ words: [String]) -> Sentence {
        let read = words.map(word)
        let letters = read.reduce(0) { $0 + $1.letters }
        let lower = read.reduce(0) { $0 + $1.lowercaseLetters }
        return Sentence(words: read, allCaps: letters >= 6 && lower == 0)
    }

    // MARK: Mixing

    /// A feature from a template number and up to three values (SplitMix64's finaliser).
    @inline(__always) static func feature(_ template: UInt64, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        var z = template &* 0x9E3779B97F4A7C15 &+ a &+ (b &* 0xBF58476D1CE4E5B9) &+ (c &* 0x94D049BB133111EB)
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    private static let sentenceStart: UInt64 = 0x5E17_0000_0000_0001
    private static let sentenceEnd: UInt64 = 0x5E17_0000_0000_0002

    /// Features that do not depend on the tags chosen so far.
    func staticFeatures(_ s: Sentence, _ i: Int, into f: inout [UInt64]) {
        let w = s.words[i]
        func lower(_ k: Int) -> UInt64 { k < 0 ? Self.sentenceStart : k >= s.words.count ? Self.sentenceEnd : s.words[k].lower }
        func shape(_ k: Int) -> UInt64 { k < 0 ? Self.sentenceStart : k >= s.words.count ? Self.sentenceEnd : s.words[k].shape }
        typealias T = TaggerFeatures
        f.append(T.feature(0))
        f.append(T.feature(1, w.lower))
        f.append(T.feature(2, w.exact))
        f.append(T.feature(3, w.shape))
        let affixes = min(4, w.length)
        if affixes > 0 { f.append(T.feature(5, w.prefixes.0)); f.append(T.feature(10, w.suffixes.0)) }
        if affixes > 1 { f.append(T.feature(6, w.prefixes.1)); f.append(T.feature(11, w.suffixes.1)) }
        if affixes > 2 { f.append(T.feature(7, w.prefixes.2)); f.append(T.feature(12, w.suffixes.2)) }
        if affixes > 3 { f.append(T.feature(8, w.prefixes.3)); f.append(T.feature(13, w.suffixes.3)) }
        f.append(T.feature(20, lower(i - 1)))
        f.append(T.feature(21, lower(i + 1)))
        f.append(T.feature(22, lower(i - 2)))
        f.append(T.feature(23, lower(i + 2)))
        f.append(T.feature(24, shape(i - 1)))
        f.append(T.feature(25, shape(i + 1)))
        f.append(T.feature(26, lower(i - 1), w.lower))
        f.append(T.feature(27, w.lower, lower(i + 1)))
        f.append(T.feature(28, shape(i - 1), w.shape, shape(i + 1)))
        let previousCapitalised = i > 0 && s.words[i - 1].capitalised
        f.append(T.feature(29, previousCapitalised ? 1 : 0, w.capitalised ? 1 : 0))
        if w.capitalised {
            let common = lowercaseHashes.contains(w.lower)
            f.append(T.feature(30, i == 0 ? 1 : 0, s.allCaps ? 1 : 0, common ? 1 : 0))
            f.append(T.feature(31, common ? 1 : 0))
            if i > 0 { f.append(T.feature(32, lower(i - 1))) }
        }
        if s.allCaps { f.append(T.feature(33, w.lower)) }
        f.append(T.feature(34, UInt64(min(w.length, 8))))
    }

    /// Features of the tags chosen for the two tokens to the left.
    func dynamicFeatures(_ s: Sentence, _ i: Int, previous: Int, beforePrevious: Int, into f: inout [UInt64]) {
        typealias T = TaggerFeatures
        let p = UInt64(bitPattern: Int64(previous)), pp = UInt64(bitPattern: Int64(beforePrevious))
        f.append(T.feature(40, p))
        f.append(T.feature(41, p, pp))
        f.append(T.feature(42, p, s.words[i].lower))
        f.append(T.feature(43, p, s.words[i].shape))
    }
}
