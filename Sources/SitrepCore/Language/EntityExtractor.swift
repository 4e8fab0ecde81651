import Foundation

/// Finds the people, organisations and places in an article's cleaned body, with one
/// canonical name per referent.
///
/// The trained tagger proposes spans; titles and honours are stripped, noise dropped, places
/// resolved through the gazetteer, demonyms and seats of power mapped to their country, and
/// short forms ("Blinken", "Mr Blinken", "SecBlinken") joined to the full name the article uses.
public struct EntityExtractor: Sendable {
    let tagger: EntityTagger
    let gazetteer: Gazetteer
    let aliases: AliasTable

    public init(tagger: EntityTagger, gazetteer: Gazetteer = .shipped, aliases: AliasTable = .shipped) {
        self.tagger = tagger
        self.gazetteer = gazetteer
        self.aliases = aliases
    }

    /// One mention candidate: a span of tokens with its kind and surface text.
    struct Candidate {
        var kind: EntityKind
        var tokens: Range<Int>
        var mention: Mention
        /// Set for places (including demonyms) and seats of power.
        var place: Place?
        var country: String?
    }

    public func entities(in body: String) -> [Entity] {
        let tokens = Tokenizer.tokens(body)
        let scalars = ScalarText(body)
        let keys = NameKeyCache()
        var candidates: [Candidate] = []
        // Tokens inside a tagged name, which the gazetteer pass leaves alone.
        var covered = [Bool](repeating: false, count: tokens.count)
        for sentence in Tokenizer.sentences(tokens) {
            let words = tokens[sentence].map(\.text)
            for (range, type) in tagger.tag(words) {
                let absolute = (range.lowerBound + sentence.lowerBound)..<(range.upperBound + sentence.lowerBound)
                if let candidate = candidate(type, absolute, tokens, scalars, keys, sentenceStart: sentence.lowerBound, sentenceEnd: sentence.upperBound) {
                    candidates.append(candidate)
                    for token in candidate.tokens { covered[token] = true }
                }
            }
            candidates += gazetteerMatches(tokens, in: sentence, scalars, keys, skipping: covered)
        }
        return merge(candidates, keys)
    }

    private func text(_ tokens: [Token], _ range: Range<Int>, _ scalars: ScalarText) -> Mention {
        let start = tokens[range.lowerBound].start, end = tokens[range.upperBound - 1].end
        return Mention(text: scalars.slice(start, end), start: start, end: end)
    }

    /// Turns a tagger span into a candidate, or nil when it is noise.
    private func candidate(_ type: EntityType, _ span: Range<Int>, _ tokens: [Token], _ scalars: ScalarText, _ keys: NameKeyCache,
                           sentenceStart: Int, sentenceEnd: Int) -> Candidate? {
        var range = span
        var type = type
        // A name is capitalised words, with a few lower-case connectors inside ("Organisation for
        // Security and Cooperation in Europe"); it ends before anything else ("…, also got in").
        if let stop = range.dropFirst().first(where: { !isNameToken(tokens[$0].text) }) { range = range.lowerBound..<stop }
        while range.count > 1, EntityNoise.connectors.contains(tokens[range.upperBound - 1].text.lowercased()) { range = range.lowerBound..<(range.upperBound - 1) }
        // Prepositions that open a sentence ("On March 30") are not part of a name.
        while range.count > 1, EntityNoise.openers.contains(tokens[range.lowerBound].text.lowercased()) { range = (range.lowerBound + 1)..<range.upperBound }
        // "Department of State": an organisation's name goes on through "of" and capitalised words.
        if type == .organization {
            var end = range.upperBound
            while end + 1 < sentenceEnd, tokens[end].text == "of", tokens[end + 1].text.startsUppercase {
                end += 2
                while end < sentenceEnd, tokens[end].text.startsUppercase { end += 1 }
            }
            range = range.lowerBound..<end
        }
        // Titles, nationalities and honours around a name: "Ukrainian President Volodymyr Zelensky",
        // "Minister of Foreign Affairs Dmytro Kuleba", "James Cher OBE". What is left after a title is a person.
        // A nationality goes only when a title follows it ("Ukrainian President …"); in "Russian
        // Federation" or "European Union" it is part of the name.
        var strippedTitle = false
        let opensWithTitle = range.count > 1 && (isTitle(tokens[range.lowerBound].text, keys) || gazetteer.place(demonymKey: keys.plain(tokens[range.lowerBound].text)) != nil)
        let wholeIsKnown = opensWithTitle && (aliases.entry(plainKey: keys.plain(text(tokens, range, scalars).text), kind: .organization) != nil
            || keys.place(key: keys.plain(text(tokens, range, scalars).text), in: gazetteer) != nil)
        while opensWithTitle, !wholeIsKnown, range.count > 1 {
            let first = tokens[range.lowerBound].text
            let nationalityBeforeTitle = gazetteer.place(demonymKey: keys.plain(first)) != nil && isTitle(tokens[range.lowerBound + 1].text, keys)
            guard isTitle(first, keys) || nationalityBeforeTitle else { break }
            range = (range.lowerBound + 1)..<range.upperBound
            strippedTitle = true
        }
        // Titles after a name belong to people ("NATO Secretary General" is NATO); an
        // organisation's last word is part of its name ("Joint Chiefs of Staff").
        while range.count > 1, (type != .organization && isTitle(tokens[range.upperBound - 1].text, keys))
                || EntityNoise.postNominals.contains(keys.plain(tokens[range.upperBound - 1].text)) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        // Closing brackets and quotes that the tagger swept in.
        while range.count > 1, !(tokens[range.upperBound - 1].text.unicodeScalars.first?.isLetterLike ?? false),
              !(tokens[range.upperBound - 1].text.unicodeScalars.first?.isDigitASCII ?? false) { range = range.lowerBound..<(range.upperBound - 1) }
        let head = text(tokens, range, scalars).text
        if aliases.entry(plainKey: keys.plain(head), kind: .organization) != nil {
            type = .organization  // "NATO Headquarters", "NATO Secretary General" → NATO
        } else if aliases.entry(plainKey: keys.plain(head), kind: .person) != nil || (strippedTitle && type != .location && range.count >= 2
                    && range.allSatisfy({ tokens[$0].text.startsUppercase })) {
            type = .person
        }
        // "Dmytro Kuleba Washington": a place glued to the end of a person's name.
        if type == .person, range.count >= 3, let place = keys.place(key: keys.plain(tokens[range.upperBound - 1].text), in: gazetteer), place.kind != .city || place.population >= 500_000 {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let mention = text(tokens, range, scalars)
        let key = keys.plain(mention.text)
        if range.count == 1, isTitle(mention.text, keys) { return nil }  // a title left on its own
        guard mention.text.unicodeScalars.contains(where: { $0.isLetterLike }), !EntityNoise.words.contains(key),
              !EntityNoise.openers.contains(key),
              mention.text.startsUppercase || mention.text.first == "@" else { return nil }
        // A capitalised common word opening a sentence ("Still, …") is not a name.
        if range.count == 1, range.lowerBound == sentenceStart, tagger.features.lowercaseWords.contains(key) { return nil }

        switch type {
        case .location:
            if let place = resolvePlace(mention.text, followedBy: range.upperBound, in: tokens, keys) {
                return Candidate(kind: .place, tokens: range, mention: mention, place: place)
            }
            if let seat = aliases.entry(plainKey: keys.plain(mention.text), kind: .organization), seat.country != nil {
                return Candidate(kind: .organization, tokens: range, mention: mention, country: seat.country)
            }
            return Candidate(kind: .place, tokens: range, mention: mention)
        case .misc:
            // Nationalities count for their country: "Russian forces" → Russia.
            if let place = gazetteer.place(demonymKey: keys.plain(mention.text)) { return Candidate(kind: .place, tokens: range, mention: mention, place: place) }
            return nil
        case .organization:
            let entry = aliases.entry(plainKey: keys.plain(mention.text), kind: .organization)
            // "Russia" as an actor, "Crimea" or "Donbass" mistaken for an organisation.
            if entry == nil, let place = resolvePlace(mention.text, followedBy: range.upperBound, in: tokens, keys),
               place.kind != .city || place.population >= 100_000 {
                return Candidate(kind: .place, tokens: range, mention: mention, place: place)
            }
            if EntityNoise.genericOrganizations.contains(key) { return nil }
            return Candidate(kind: .organization, tokens: range, mention: mention, country: entry?.country)
        case .person:
            if let first = tokens[range.lowerBound].text.first, tokens[range.lowerBound].text.count >= 2,
               tokens[range.lowerBound].text.allSatisfy({ $0.isUppercase }), first.isLetter { return nil }
            // A lone word that is a country, region or big city is the place, not a surname.
            if range.count == 1, let place = resolvePlace(mention.text, followedBy: range.upperBound, in: tokens, keys),
               place.kind != .city || place.population >= 100_000 {
                return Candidate(kind: .place, tokens: range, mention: mention, place: place)
            }
            return Candidate(kind: .person, tokens: range, mention: mention)
        }
    }

    /// Countries, regions, subdivisions, big cities, demonyms and seats of power the tagger
    /// missed: capitalised token sequences that the gazetteer or the alias table knows. Keys
    /// are built word by word and the search stops as soon as no known name starts so.
    private func gazetteerMatches(_ tokens: [Token], in sentence: Range<Int>, _ scalars: ScalarText, _ keys: NameKeyCache,
                                  skipping covered: [Bool]) -> [Candidate] {
        var found: [Candidate] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard !covered[i], tokens[i].text.startsUppercase else { i += 1; continue }
            var matched: Candidate? = nil
            var phrase = ""
            var end = i
            while end < sentence.upperBound, !covered[end] {
                let word = keys.plain(tokens[end].text)
                // "People" + "'s" join without a space, as in the name key of "People's".
                phrase += phrase.isEmpty || word.hasPrefix("'") || word.isEmpty ? word : " " + word
                end += 1
                guard gazetteer.namePrefixes.contains(phrase) || aliases.namePrefixes.contains(phrase) else { break }
                guard tokens[end - 1].text.unicodeScalars.first?.isLetterLike == true else { continue }
                let range = i..<end
                let mention = text(tokens, range, scalars)
                if let seat = aliases.entry(plainKey: keys.plain(mention.text), kind: .organization), seat.country != nil {
                    matched = Candidate(kind: .organization, tokens: range, mention: mention, country: seat.country)
                } else if let place = resolvePlace(mention.text, followedBy: range.upperBound, in: tokens, keys),
                          place.kind != .city || place.population >= 500_000 {
                    matched = Candidate(kind: .place, tokens: range, mention: mention, place: place)
                } else if range.count == 1, let place = gazetteer.place(demonymKey: keys.plain(mention.text)) {
                    matched = Candidate(kind: .place, tokens: range, mention: mention, place: place)
                }
            }
            if let m = matched, !EntityNoise.words.contains(keys.plain(m.mention.text)) {
                found.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// Groups candidates into entities: places by gazetteer id, organisations by alias or
    /// name, people by full name with short forms joined to the full name they continue.
    private func merge(_ candidates: [Candidate], _ keys: NameKeyCache) -> [Entity] {
        var groups: [String: Entity] = [:]
        var order: [String] = []
        func add(_ key: String, _ make: () -> Entity, _ mention: Mention) {
            if groups[key] == nil { groups[key] = make(); order.append(key) }
            groups[key]!.mentions.append(mention)
        }
        // Each mention's plain key, looked up once: a look-up hashes the whole name.
        let plain = candidates.map { keys.plain($0.mention.text) }
        // Full names of people, in order, with their surname keys, to resolve short forms against.
        var fullNames: [(candidate: Candidate, surname: String)] = []
        var surnames = Set<String>()
        for (c, key) in zip(candidates, plain) where c.kind == .person {
            // Plain keys are single-spaced: a space means two words or more.
            guard let lastSpace = key.utf8.lastIndex(of: UInt8(ascii: " ")) else { continue }
            let last = String(key[key.utf8.index(after: lastSpace)...])
            fullNames.append((c, NameKey.surname(last)))
            surnames.insert(last)
        }
        var candidates = candidates
        for i in candidates.indices where candidates[i].kind != .person && candidates[i].place?.kind ?? .city == .city {
            let key = plain[i]
            guard aliases.entry(plainKey: key, kind: .organization) == nil,
                  surnames.contains(key) || aliases.person(surnameKey: NameKey.surname(key)) != nil else { continue }
            candidates[i].kind = .person  // "Biden administration", "Kuleba said" tagged as a place or organisation
        }
        for i in candidates.indices.sorted(by: { candidates[$0].mention.start < candidates[$1].mention.start }) {
            let c = candidates[i]
            switch c.kind {
            case .place:
                let place = c.place
                add("place:" + (place?.id ?? plain[i]), {
                    Entity(name: place?.name ?? c.mention.text, kind: .place, aliases: [], mentions: [], placeID: place?.id,
                           parents: place.map { gazetteer.chain($0).dropFirst().map(\.name) } ?? [], country: nil)
                }, c.mention)
            case .organization:
                let entry = aliases.entry(plainKey: plain[i], kind: .organization)
                let name = entry?.canonical ?? c.mention.text
                add("org:" + (entry.map { keys.plain($0.canonical) } ?? plain[i]),
                    { Entity(name: name, kind: .organization, aliases: [], mentions: [], placeID: nil, parents: [], country: entry?.country ?? c.country) }, c.mention)
            case .person:
                let full = resolvePerson(c, plainKey: plain[i], fullNames: fullNames, keys)
                let fullKey = full == c.mention.text ? plain[i] : keys.plain(full)
                let canonical = aliases.entry(plainKey: fullKey, kind: .person)?.canonical
                let name = canonical ?? full
                add("person:" + NameKey.person(plainKey: canonical.map { keys.plain($0) } ?? fullKey),
                    { Entity(name: name, kind: .person, aliases: [], mentions: [], placeID: nil, parents: [], country: nil) }, c.mention)
            }
        }
        return order.map { key in
            var entity = groups[key]!
            var seen = Set([entity.name])
            entity.aliases = entity.mentions.map(\.text).filter { seen.insert($0).inserted }
            return entity
        }
    }

    /// The full name a person mention stands for: itself when it has first and last name;
    /// else the nearest full name before it (or, failing that, after it) with the same
    /// surname. A handle "@SecBlinken" or "SecBlinken" is read as the surname it ends with.
    private func resolvePerson(_ c: Candidate, plainKey: String, fullNames: [(candidate: Candidate, surname: String)],
                               _ keys: NameKeyCache) -> String {
        var surface = c.mention.text
        var plain = plainKey
        if surface.hasPrefix("@") { surface.removeFirst(); plain = keys.plain(surface) }
        // Plain keys are single-spaced with no space at either end.
        if plain.utf8.contains(UInt8(ascii: " ")) { return c.mention.text }
        let key = NameKey.surname(plain)
        func surnameMatches(_ last: String) -> Bool {
            last == key || (key.hasSuffix(last) && key.count > last.count && key.count - last.count <= 4)
        }
        if let before = fullNames.last(where: { $0.candidate.mention.start < c.mention.start && surnameMatches($0.surname) }) {
            return before.candidate.mention.text
        }
        if let after = fullNames.first(where: { surnameMatches($0.surname) }) { return after.candidate.mention.text }
        return aliases.person(surnameKey: key) ?? surface
    }

    /// Whether a token can stand inside a name: capitalised, a connector, or punctuation
    /// that names use ("Jean-Pierre", "People's", "U.S.", "&").
    private func isNameToken(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        if first.isUppercase || first.isNumber { return true }
        if EntityNoise.connectors.contains(token.lowercased()) { return true }
        return ["'s", "’s", "&", "-"].contains(token)
    }

    /// "President", "Gen.", "Colonel-General", "Secretary".
    private func isTitle(_ token: String, _ keys: NameKeyCache) -> Bool {
        let key = keys.plain(token)
        guard key.utf8.contains(UInt8(ascii: " ")) else { return !key.isEmpty && EntityNoise.titles.contains(key) }
        return key.split(separator: " ").allSatisfy { EntityNoise.titles.contains(String($0)) }
    }

    /// The place a name means where it stands: the region when a word for a region follows it.
    private func resolvePlace(_ name: String, followedBy next: Int, in tokens: [Token], _ keys: NameKeyCache) -> Place? {
        regionPlace(name, followedBy: next, in: tokens) ?? keys.place(key: keys.plain(name), in: gazetteer)
    }

    private static let regionWords: Set<String> = ["region", "regions", "oblast", "oblasts", "province", "provinces"]

    /// "Donetsk region", "the Donetsk and Luhansk regions": a name followed by a word for a
    /// region means the region, not the city of the same name.
    private func regionPlace(_ name: String, followedBy next: Int, in tokens: [Token]) -> Place? {
        func isRegionWord(_ k: Int) -> Bool { k < tokens.count && Self.regionWords.contains(tokens[k].text.lowercased()) }
        let followed = isRegionWord(next)
            || (next + 2 < tokens.count && tokens[next].text == "and" && tokens[next + 1].text.startsUppercase && isRegionWord(next + 2))
        guard followed, let place = gazetteer.place(named: name + " region"), place.kind != .city else { return nil }
        return place
    }
}
