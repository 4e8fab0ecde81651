import Foundation

/// Which analysis produced an article in the index. Articles analysed by another version are
/// read again, so a new tagger model, gazetteer or cleaning rule reaches the whole corpus.
public enum Analyser {
    /// Raise when reading, cleaning, metadata or extraction changes what they produce.
    static let revision = 3

    /// The revision and a fingerprint of the shipped model, gazetteer and alias table:
    /// retraining the tagger or regenerating the gazetteer changes it without a code change.
    public static let version: String = {
        var hash = ContentHash()
        for (name, ext) in [("entity-tagger", "model"), ("places", "tsv"), ("aliases", "tsv")] {
            if let url = Bundle.module.url(forResource: name, withExtension: ext), let data = try? Data(contentsOf: url) {
                hash.add(data)
            }
        }
        return "\(revision)-\(hash.hex.prefix(8))"
    }()
}

/// FNV-1a over bytes, 64 bits: to tell whether a file's content changed, not to resist an
/// adversary.
struct ContentHash {
    private var state: UInt64 = 0xcbf29ce484222325

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { bytes in
            var h = state
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
            state = h
        }
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func of(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }
}
