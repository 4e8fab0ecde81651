import Foundation

/// CoNLL-2003 English files: one token per line (word, POS, chunk, IOB1 entity tag),
/// sentences separated by blank lines. Only the words and entity tags are used.
public enum CoNLL {
    public struct Sentence: Sendable {
        public var words: [String]
        public var spans: [(range: Range<Int>, type: EntityType)]
    }

    public static func read(path: String) throws -> [Sentence] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var sentences: [Sentence] = []
        var words: [String] = []
        var labels: [String] = []
        func finish() {
            if !words.isEmpty { sentences.append(Sentence(words: words, spans: spans(iob1: labels))) }
            words = []
            labels = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if fields.isEmpty { finish(); continue }
            if fields[0] == "-DOCSTART-" { continue }
            words.append(String(fields[0]))
            labels.append(String(fields.last!))
        }
        finish()
        return sentences
    }

    /// IOB1: I-X continues or starts an X; B-X starts a new X right after another X.
    static func spans(iob1 labels: [String]) -> [(range: Range<Int>, type: EntityType)] {
        var result: [(range: Range<Int>, type: EntityType)] = []
        var start = 0
        var current: EntityType? = nil
        for (i, label) in (labels + ["O"]).enumerated() {
            let parts = label.split(separator: "-", maxSplits: 1)
            let type = parts.count == 2 ? EntityType(conllName: parts[1]) : nil
            let begins = type != nil && (type != current || parts[0] == "B")
            if current != nil && (type == nil || begins) {
                result.append((range: start..<i, type: current!))
                current = nil
            }
            if begins { start = i; current = type }
        }
        return result
    }

    /// Precision, recall and F1 over exact mention spans.
    public struct Score: Sendable, CustomStringConvertible {
        public var correct = 0
        public var predicted = 0
        public var gold = 0

        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public var description: String {
            String(format: "P %.4f  R %.4f  F1 %.4f  (%d gold, %d predicted, %d correct)", precision, recall, f1, gold, predicted, correct)
        }
    }

    /// Scores per type and overall for PER, ORG and LOC (MISC is not part of Sitrep's output).
    public static func evaluate(_ tagger: EntityTagger, on sentences: [Sentence]) -> (overall: Score, byType: [EntityType: Score]) {
        let reported: [EntityType] = [.person, .organization, .location]
        var byType: [EntityType: Score] = [:]
        for sentence in sentences {
            let predicted = tagger.tag(sentence.words)
            for type in reported {
                let gold = Set(sentence.spans.filter { $0.type == type }.map { $0.range })
                let guess = Set(predicted.filter { $0.type == type }.map { $0.range })
                byType[type, default: Score()].gold += gold.count
                byType[type, default: Score()].predicted += guess.count
                byType[type, default: Score()].correct += gold.intersection(guess).count
            }
        }
        var overall = Score()
        for score in byType.values {
            overall.gold += score.gold
            overall.predicted += score.predicted
            overall.correct += score.correct
        }
        return (overall, byType)
    }
}
