import Foundation

/// Normalised forms of names, so that spellings of one name compare equal: case, accents,
/// curly apostrophes, full stops and a leading "the" do not matter; transliteration
/// variants of Slavic names (Zelenskyy/Zelensky, Dmitri/Dmitry, Alexei/Alexey) are folded.
public enum NameKey {
    /// "The Kremlin" → "kremlin", "U.S." → "us", "Kyiv’s" → "kyiv's", "Donbás" → "donbas".
    public static func plain(_ name: String) -> String {
        var out = ByteText(capacity: name.utf8.count)
        var pendingSpace = false
        // Folding accents needs Foundation; plain ASCII (most names) does not.
        let folded = name.isASCII ? name : name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        folded.forEachScalar { scalar in
            switch scalar {
            case ".": return
            case "’", "‘", "`": out.append(UInt8(ascii: "'"))
            case "-", "–", "—", " ", "\u{00A0}", "\t", "\n":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                if scalar.value < 0x80 {
                    out.append(ByteText.lower(UInt8(scalar.value)))
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
                }
            }
        }
        var key = out.string
        if key.hasPrefix("the ") { key.removeFirst(4) }
        return key
    }

    /// First names written several ways in English transliteration.
    private static let firstNames: [String: String] = [
        "dmitri": "dmitry", "dmitriy": "dmitry", "sergei": "sergey", "sergej": "sergey", "alexei": "alexey",
        "aleksei": "alexey", "aleksey": "alexey", "andrei": "andrey", "yuri": "yury", "yuriy": "yury", "iurii": "yury",
        "nikolai": "nikolay", "valeriy": "valery", "valerii": "valery", "yevgeny": "evgeny", "yevgeniy": "evgeny",
        "evgeniy": "evgeny", "mariya": "maria", "natalya": "natalia", "natalia": "natalia", "anatoliy": "anatoly",
        "anatolii": "anatoly", "vitaliy": "vitaly", "vitalii": "vitaly", "georgiy": "georgy", "georgii": "georgy",
        "arkadiy": "arkady", "mykhaylo": "mykhailo", "oleksiy": "oleksii", "oleksiy'": "oleksii",
    ]

    /// A person's name as a key: first-name variants and surname endings folded
    /// (-skyy/-skiy/-ski → -sky, -iy/-ii → -y).
    public static func person(_ name: String) -> String { person(plainKey: plain(name)) }

    /// `person(_:)` for a name whose plain key is already known.
    static func person(plainKey: String) -> String {
        // Plain keys are single-spaced with no space at either end.
        let bytes = plainKey.utf8
        guard let firstSpace = bytes.firstIndex(of: UInt8(ascii: " ")),
              let lastSpace = bytes.lastIndex(of: UInt8(ascii: " ")) else { return surname(plainKey) }
        let first = String(plainKey[..<firstSpace])
        return (firstNames[first] ?? first) + plainKey[firstSpace...lastSpace] + surname(String(plainKey[bytes.index(after: lastSpace)...]))
    }

    private static let surnameEndings = [("skyy", "sky"), ("skiy", "sky"), ("skii", "sky"), ("ski", "sky"), ("yy", "y"), ("iy", "y"), ("ii", "y")]

    static func surname(_ word: String) -> String {
        // Every ending above ends in "y" or "i": most surnames are settled by their last byte.
        guard let last = word.utf8.last, last == UInt8(ascii: "y") || last == UInt8(ascii: "i") else { return word }
        for (ending, replacement) in surnameEndings where word.hasSuffix(ending) && word.count > ending.count + 2 {
            return String(word.dropLast(ending.count)) + replacement
        }
        return word
    }
}

/// Plain keys of the names met in one article, each computed once: the same mention is looked
/// up in the alias table and the gazetteer several times.
final class NameKeyCache {
    private var keys: [String: String] = [:]
    private var places: [String: Place?] = [:]

    func plain(_ name: String) -> String {
        if let known = keys[name] { return known }
        let key = NameKey.plain(name)
        keys[name] = key
        return key
    }

    /// `gazetteer.place(key:)`, each key worked out once: choosing among the places a name
    /// may mean costs thousands of instructions, and an article names the same places again.
    func place(key: String, in gazetteer: Gazetteer) -> Place? {
        if let known = places[key] { return known }
        let place = gazetteer.place(key: key)
        places[key] = .some(place)
        return place
    }
}
