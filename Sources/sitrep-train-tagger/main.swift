import Foundation
import SitrepCore

// Trains the entity tagger on CoNLL-2003 eng.train, picks the epoch with the best F1 on
// eng.testa (PER/ORG/LOC, exact spans), and writes the model SitrepCore ships.
//
//   swift run -c release sitrep-train-tagger [DATA_DIR] [MODEL_PATH]
//
// DATA_DIR defaults to $SITREP_CONLL_DIR, else ../shared/data/conll2003.

let arguments = CommandLine.arguments.dropFirst()
let dataDirectory = arguments.first ?? ProcessInfo.processInfo.environment["SITREP_CONLL_DIR"] ?? "../shared/data/conll2003"
let modelPath = arguments.dropFirst().first ?? "Sources/SitrepCore/Resources/entity-tagger.model"

func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

let train: [CoNLL.Sentence]
let development: [CoNLL.Sentence]
do {
    train = try CoNLL.read(path: dataDirectory + "/eng.train")
    development = try CoNLL.read(path: dataDirectory + "/eng.testa")
} catch {
    say("sitrep-train-tagger: cannot read eng.train and eng.testa in \(dataDirectory): \(error.localizedDescription)")
    exit(1)
}
say("training on \(train.count) sentences, tuning on \(development.count)")

var options = TaggerTraining.Options()
if let epochs = ProcessInfo.processInfo.environment["SITREP_EPOCHS"].flatMap(Int.init) { options.epochs = epochs }
var training = TaggerTraining(lowercaseWords: TaggerTraining.lowercaseLexicon(train))
var best: (f1: Double, epoch: Int, model: Data)? = nil
for epoch in 1...options.epochs {
    let started = Date()
    training.epoch(TaggerTraining.shuffled(train, seed: options.seed &+ UInt64(epoch)))
    let (tagger, scale) = training.averaged(pruneBelow: options.pruneBelow)
    // Score the model as it will be shipped: quantised and reloaded.
    let data = tagger.serialized(scale: scale)
    let shipped = try! EntityTagger.load(data)
    let score = CoNLL.evaluate(shipped, on: development).overall
    say(String(format: "epoch %2d  %@  %.1fs  %.1f MB", epoch, score.description, Date().timeIntervalSince(started), Double(data.count) / 1_048_576))
    if best == nil || score.f1 > best!.f1 { best = (score.f1, epoch, data) }
}
guard let chosen = best else { exit(1) }
do {
    try chosen.model.write(to: URL(fileURLWithPath: modelPath))
} catch {
    say("sitrep-train-tagger: cannot write \(modelPath): \(error.localizedDescription)")
    exit(1)
}
let final = try! EntityTagger.load(chosen.model)
let (overall, byType) = CoNLL.evaluate(final, on: development)
print("model: \(modelPath) (epoch \(chosen.epoch), \(chosen.model.count) bytes)")
print("eng.testa, exact mention spans:")
for type in [EntityType.person, .organization, .location] { print("  \(type.conllName.padding(toLength: 4, withPad: " ", startingAt: 0)) \(byType[type]!)") }
print("  all  \(overall)")
