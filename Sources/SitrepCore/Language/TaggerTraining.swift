import Foundation

/// Trains an `EntityTagger`: an averaged perceptron, greedy decoding on its own predictions
/// (so it learns to recover from its mistakes as it will have to at run time).
public struct TaggerTraining {
    public struct Options: Sendable {
        public var epochs = 12
        public var seed: UInt64 = 2003
        /// Averaged weights smaller than this are dropped from the shipped model.
        public var pruneBelow: Float = 0.02
        public init() {}
    }

    private let C = TagSet.count
    private var index: [UInt64: Int] = [:]
    private var weights: [Float] = []
    private var totals: [Float] = []
    private var stamps: [Int32] = []
    private var clock: Int32 = 0
    private let features: TaggerFeatures

    public init(lowercaseWords: Set<String>) {
        features = TaggerFeatures(lowercaseWords: lowercaseWords)
    }

    /// Words mostly written in lower case where case is free (not opening a sentence, not
    /// in an all-capitals headline): the "usually lower case" lexicon the features use.
    public static func lowercaseLexicon(_ sentences: [CoNLL.Sentence]) -> Set<String> {
        var lower: [String: Int] = [:], upper: [String: Int] = [:]
        for sentence in sentences {
            if TaggerFeatures.sentence(sentence.words).allCaps { continue }
            for (i, word) in sentence.words.enumerated() where i > 0 && word.contains(where: \.isLetter) {
                let form = TaggerFeatures.form(word, lowercased: true)
                if TaggerFeatures.form(word, lowercased: false) == form { lower[form, default: 0] += 1 } else if word.first!.isUppercase { upper[form, default: 0] += 1 }
            }
        }
        return Set(lower.filter { $0.value >= 2 && $0.value > 2 * (upper[$0.key] ?? 0) }.keys)
    }

    private mutating func row(_ feature: UInt64) -> Int {
        if let r = index[feature] { return r }
        let r = index.count
        index[feature] = r
        weights += [Float](repeating: 0, count: C)
        totals += [Float](repeating: 0, count: C)
        stamps += [Int32](repeating: 0, count: C)
        return r
    }

    private mutating func update(_ feature: UInt64, _ tag: Int, _ delta: Float) {
        let k = row(feature) * C + tag
        totals[k] += Float(clock - stamps[k]) * weights[k]
        stamps[k] = clock
        weights[k] += delta
    }

    /// Trains one epoch over `sentences` in the given order.
    public mutating func epoch(_ sentences: [CoNLL.Sentence]) {
        var scores = [Float](repeating: 0, count: C)
        for sentence in sentences {
            let s = TaggerFeatures.sentence(sentence.words)
            let gold = TagSet.tags(count: sentence.words.count, spans: sentence.spans.map { ($0.range, $0.type) })
            var predicted: [Int] = []
            for i in 0..<s.words.count {
                clock += 1
                let previous = i > 0 ? predicted[i - 1] : -1
                let beforePrevious = i > 1 ? predicted[i - 2] : -1
                var feats: [UInt64] = []
                features.staticFeatures(s, i, into: &feats)
                features.dynamicFeatures(s, i, previous: previous, beforePrevious: beforePrevious, into: &feats)
                for k in 0..<C { scores[k] = 0 }
                for f in feats {
                    guard let r = index[f] else { continue }
                    for k in 0..<C { scores[k] += weights[r * C + k] }
                }
                let guess = EntityTagger.bestAllowed(scores, after: i > 0 ? previous : nil, last: i == s.words.count - 1)
                if guess != gold[i] {
                    for f in feats {
                        update(f, gold[i], 1)
                        update(f, guess, -1)
                    }
                }
                predicted.append(guess)
            }
        }
    }

    /// The averaged model so far, pruned and ready to use or save.
    public func averaged(pruneBelow: Float) -> (tagger: EntityTagger, scale: Float) {
        var rows: [UInt64: (start: Int32, count: UInt8)] = [:]
        var classes: [UInt8] = []
        var values: [Float] = []
        var maxAbs: Float = 0
        let t = Float(max(clock, 1))
        for (feature, r) in index {
            let start = classes.count
            for k in 0..<C {
                let i = r * C + k
                let average = (totals[i] + Float(clock - stamps[i]) * weights[i]) / t
                if abs(average) >= pruneBelow {
                    classes.append(UInt8(k))
                    values.append(average)
                    maxAbs = max(maxAbs, abs(average))
                }
            }
            if classes.count > start { rows[feature] = (Int32(start), UInt8(classes.count - start)) }
        }
        let tagger = EntityTagger(rows: rows, classes: classes, weights: values, lowercaseWords: features.lowercaseWords)
        return (tagger, max(maxAbs, 1e-6) / 32767)
    }

    /// A deterministic shuffle (SplitMix64), so training is reproducible.
    public static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var state = seed
        var result = items
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            z ^= z >> 31
            result.swapAt(i, Int(z % UInt64(i + 1)))
        }
        return result
    }
}
