import Foundation

/// The curated alias table shipped with SitrepCore: canonical names for people and
/// organisations whose variants rules cannot know, and seats of power with their country.
public struct AliasTable: Sendable {
    public struct Entry: Sendable {
        public var kind: EntityKind
        public var canonical: String
        /// ISO country code, for seats of power and state bodies.
        public var country: String?
    }

    /// People by `NameKey.person` key, everything else by plain key: two tables rather than
    /// one keyed by a prefixed string, so that a look-up builds no string.
    private var people: [String: Entry] = [:]
    private var others: [String: Entry] = [:]
    /// Every leading part of every organisation name key: where a look-up in text can go on.
    public private(set) var namePrefixes = Set<String>()
    /// Surname key → the one curated person with that surname (none when two share it).
    private var bySurname: [String: String?] = [:]

    public static let shipped: AliasTable = {
        guard let url = Bundle.module.url(forResource: "aliases", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return AliasTable() }
        return AliasTable(tsv: text)
    }()

    init() {}

    init(tsv: String) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let kind = EntityKind(rawValue: fields[0]) else { continue }
            let country = fields.count > 3 && fields[3] != "-" ? fields[3] : nil
            let entry = Entry(kind: kind, canonical: fields[1], country: country)
            for name in [fields[1]] + (fields[2] == "-" ? [] : fields[2].split(separator: "|").map(String.init)) {
                if kind == .person { people[NameKey.person(name)] = entry } else { others[NameKey.plain(name)] = entry }
                if kind == .organization {
                    let words = NameKey.plain(name).split(separator: " ")
                    for n in 0..<words.count { namePrefixes.insert(words[0...n].joined(separator: " ")) }
                }
            }
            if kind == .person, let last = NameKey.person(fields[1]).split(separator: " ").last {
                let surname = String(last)
                bySurname[surname] = bySurname[surname] == nil ? fields[1] : .some(nil)
            }
        }
    }

    public func entry(for name: String, kind: EntityKind) -> Entry? {
        entry(plainKey: NameKey.plain(name), kind: kind)
    }

    /// `entry(for:kind:)` for a name whose plain key is already known.
    func entry(plainKey: String, kind: EntityKind) -> Entry? {
        kind == .person ? people[NameKey.person(plainKey: plainKey)] : others[plainKey]
    }

    /// The curated person a bare surname most likely means, when only one has it.
    public func person(surname: String) -> String? { person(surnameKey: NameKey.surname(NameKey.plain(surname))) }

    /// `person(surname:)` for a surname already reduced by `NameKey.surname`.
    func person(surnameKey: String) -> String? { bySurname[surnameKey] ?? nil }
}
