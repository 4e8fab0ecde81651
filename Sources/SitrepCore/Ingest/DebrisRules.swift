import Foundation

/// The tests the cleaner applies to one block. Each looks at a block's shape (length, kind,
/// punctuation), its vocabulary, its link density, and how it addresses the reader: the
/// story speaks of third parties, page furniture speaks to "you" about "us".
enum DebrisRules {
    // MARK: Vocabulary

    /// Headings that introduce a list of links to other articles.
    static let relatedHeadings: Set<String> = [
        "read more", "read also", "also read", "related", "related articles", "related stories",
        "related content", "related news", "related coverage", "related topics", "more on this story",
        "more on this topic", "more stories", "more news", "you may also like", "you might also like",
        "recommended", "recommended for you", "recommended stories", "most read", "most popular",
        "most viewed", "see also", "trending", "trending now", "latest headlines", "latest news",
        "latest stories", "top stories", "editor's picks", "editors' picks", "editors picks",
        "what to read next", "further reading", "in other news", "don't miss", "dont miss",
        "popular now", "explore more", "explore more on these topics", "more on these topics", "topics",
        "more from this author", "read next", "up next", "more videos",
    ]

    /// Prefixes that introduce a single link to another article on one line.
    static let relatedPrefix = try! NSRegularExpression(
        pattern: #"^(read more|read also|also read|related|see also|more|watch|listen|recommended|tags|topics|filed under|more about)\s*[:|›»]\s*\S"#,
        options: [.caseInsensitive])

    static let advertisingWords: Set<String> = ["advertisement", "advertisements", "advertising", "ad", "ads",
                                                "sponsored", "promoted", "advertiser", "commercial"]
    static let continuationPhrases = ASCIINeedles([
        "continues below", "continue reading", "scroll to continue", "skip advertisement",
        "report this ad", "ad feedback", "remove ads", "paid content", "paid post", "partner content",
    ])

    /// Phrases that appeal to the reader for money, attention or consent. Words separated by
    /// spaces, alternatives by "|", a trailing "*" matches any ending.
    static let appealCues = PhraseSet([
        "your support|donation|contribution|subscription|help|gift", "support us|our|independent|my|this",
        "donat*", "subscri*", "contribute|contribution|contributions", "become a member|supporter|subscriber|patron",
        "favor|favour to ask", "independent|quality|public-interest|unbiased journalism", "paywall|paywalls",
        "sign|signing up", "newsletter|newsletters", "inbox", "need your help", "help|helps|allow|allows us",
        "our journalism|reporting|mission|newsroom|journalists|reporters|work|voice", "fund|funds|funding our|us",
        "free to read", "reader-funded|reader-supported", "cookie|cookies", "privacy policy|notice", "terms of use|service",
        "all rights reserved", "©", "copyright", "monthly", "one-off", "thank you", "thanks for reading",
        "thank you for reading", "makes|make all the difference", "makes|make a world of difference", "paid for by",
        "tip|news line", "tipline|newsline", "premium access|membership", "free trial", "for free",
    ])
    /// Verbs that open a button or navigation label, or a call to action.
    static let interfaceVerbs: Set<String> = [
        "continue", "share", "print", "email", "e-mail", "close", "subscribe", "login", "log", "sign", "load", "show",
        "next", "previous", "back", "listen", "play", "watch", "click", "tap", "copy", "save", "bookmark", "follow",
        "join", "support", "donate", "download", "register", "get", "view", "see", "skip", "accept", "read", "menu", "tweet", "reuse",
    ]

    static let commentWords = try! NSRegularExpression(
        pattern: #"\b(comments?|commenting|commenters?|replies|conversations?|discussion|thread)\b"#, options: [.caseInsensitive])

    static let socialNetworks = try! NSRegularExpression(
        pattern: #"\b(twitter|x|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|reddit|threads|bluesky|vk|t\.me|fb)(\.com)?\b"#,
        options: [.caseInsensitive])
    static let handle = try! NSRegularExpression(pattern: #"(^|\s)@[A-Za-z0-9_]{2,}"#)
    static let socialURL = try! NSRegularExpression(
        pattern: #"(twitter|x|facebook|instagram|t|youtube|tiktok|linkedin)\.(com|me)/\s*\S*"#, options: [.caseInsensitive])

    /// "By Irina Costache in Chișinău", "By JAMES WHITFORD FOR THE DAILY COURIER", "From our correspondent".
    static let byline = try! NSRegularExpression(
        pattern: #"^(?i:by|from)\s+[A-Z][\p{L}.'’-]*(\s+[\p{L}.'’&-]+){0,8}\s*(,.{0,40})?$"#)
    /// The outlet named in a byline: "… FOR THE DAILY COURIER".
    static let bylineOutlet = try! NSRegularExpression(pattern: #"\s(?i:for)\s+((?:[A-Z][\p{L}.'’&-]*\s*){1,5})$"#)
    static let timestampLine = try! NSRegularExpression(
        pattern: #"^(published|updated|last updated|last modified|posted|first published|date)(\s+(on|at))?\s*:?\s+\S"#,
        options: [.caseInsensitive])

    /// A credit standing alone: "Photo: Reuters", "Image source, Getty Images",
    /// "Photo courtesy of the Presidential Office", "AP Photo/Evan Vucci".
    static let standaloneCredit = try! NSRegularExpression(pattern: [
        #"^\(?(photos?|photograph|image|picture|video|illustration|graphic)(\s+(source|credit))?\s*[:/|,]\s*.{1,80}$"#,
        #"^\(?(photos?|photograph|image|picture|video)\s+(courtesy(\s+of)?|by)\s+.{1,80}$"#,
        #"^(credits?|source)\s*:\s*.{1,60}$"#,
        #"^(ap|afp|reuters|epa|epa-efe|getty images|tass|ria novosti|sputnik)( photo)?\s*/\s*.{1,60}$"#,
        #"^.{0,60}\bvia getty images\)?$"#,
        #"^(getty images|shutterstock|alamy|ap photo|epa-efe)\.?$"#,
    ].joined(separator: "|"), options: [.caseInsensitive])

    /// Wire-service credit lines at the foot of a story.
    static let contributorLine = try! NSRegularExpression(
        pattern: #"^((additional )?(reporting|writing|editing|compiled|translated) by\b|.{0,80}\bcontributed (to )?(this )?report(ing)?\b)"#,
        options: [.caseInsensitive])

    /// A credit trailing a caption: "… aggression. Photo courtesy of X/Twitter", "(Photo: Reuters)",
    /// "Credit: …", "… since 2014. president.gov.ua", "… on Tuesday. AP Photo/Evan Vucci".
    struct TrailingCredit {
        enum Place {
            /// After the last full stop, question or exclamation mark: the pattern allows none.
            case lastClause
            /// The text ends with ")".
            case parenthesis
            /// The last word is a domain name.
            case domain
        }
        /// Words the pattern cannot match without, looked for where the pattern could match.
        var needles: ASCIINeedles?
        var place: Place
        var pattern: NSRegularExpression
    }

    static let trailingCredits: [TrailingCredit] = [
        TrailingCredit(needles: ASCIINeedles(["courtesy", "photo by", "photograph by", "image by", "picture by", "video by", "photo:", "photograph:", "image:", "picture:", "video:"]),
                       place: .lastClause,
                       pattern: try! NSRegularExpression(pattern: #"\s+(photos?|photograph|image|picture|video)( courtesy of| by|:)\s+[^.!?]{1,80}$"#, options: [.caseInsensitive])),
        TrailingCredit(needles: ASCIINeedles(["photo", "image", "picture", "credit"]), place: .parenthesis,
                       pattern: try! NSRegularExpression(pattern: #"\s*\((photos?|image|picture|credit)[^)]{0,80}\)$"#, options: [.caseInsensitive])),
        TrailingCredit(needles: ASCIINeedles(["credit:", "source:"]), place: .lastClause,
                       pattern: try! NSRegularExpression(pattern: #"\s*\|?\s*(credit|source):\s+[^.!?]{1,60}$"#, options: [.caseInsensitive])),
        TrailingCredit(needles: nil, place: .domain,
                       pattern: try! NSRegularExpression(pattern: #"(?<=[.!?”"’])\s+[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|gov|ua|ru|uk|io|info)(\.[a-z]{2})?$"#)),
        TrailingCredit(needles: ASCIINeedles(["ap", "afp", "epa", "reuters", "getty", "shutterstock", "alamy"]), place: .lastClause,
                       pattern: try! NSRegularExpression(pattern: #"(?<=[.!?”"’])\s+((AP|AFP|EPA|Reuters|Getty Images|Shutterstock|Alamy)[^.!?]{0,40}|[^.!?]{1,40}/(AP|AFP|EPA|Reuters|Getty Images))$"#)),
    ]

    private static let commentNeedles = ASCIINeedles(["comment", "repl", "conversation", "discussion", "thread"])
    private static let socialURLNeedles = ASCIINeedles([".com", ".me"])
    private static let creditNeedles = ASCIINeedles(["photo", "image", "picture", "video", "illustration", "graphic", "credit", "source",
                                                     "ap", "afp", "reuters", "epa", "getty", "tass", "ria", "sputnik", "shutterstock", "alamy"])
    private static let contributorNeedles = ASCIINeedles(["contribut"])

    // MARK: Tests

    /// Lower case without surrounding punctuation, spaces or symbols: "Continue »" → "continue".
    static func folded(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.isLetterLike || $0.isDigitASCII || ($0.value >= 0x80 && $0.properties.numericType != nil) }),
              let last = scalars.lastIndex(where: { $0.isLetterLike || $0.isDigitASCII || ($0.value >= 0x80 && $0.properties.numericType != nil) }) else { return "" }
        var out = ByteText(capacity: text.utf8.count)
        for scalar in scalars[first...last] {
            if scalar.value < 0x80 { out.append(ByteText.lower(UInt8(scalar.value))) } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return out.string
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    static func isAdvertising(_ block: Block) -> Bool {
        guard block.wordCount <= 8 else { return false }
        let words = words(block.text)
        if continuationPhrases.occur(in: block.text) { return true }
        let bare = words.map { folded(String($0)) }
        return words.count <= 4 && bare.contains(where: advertisingWords.contains)
    }

    static func isRelatedHeading(_ block: Block) -> Bool {
        guard block.wordCount <= 6 else { return false }
        return relatedHeadings.contains(folded(block.text)) || folded(block.text).hasPrefix("more from ")
    }

    static func isRelatedLine(_ block: Block) -> Bool {
        // The regex needs a separator (":", "|", "›" E2 80 BA, "»" C2 BB) within the first words.
        block.wordCount <= 25
            && block.text.utf8.prefix(48).contains { $0 == 0x3A || $0 == 0x7C || $0 == 0xBA || $0 == 0xBB }
            && matches(relatedPrefix, block.text)
    }

    /// A line that looks like one entry of a list of links: a list item, or a short line
    /// that is not a sentence, or mostly link text.
    static func isLinkListEntry(_ block: Block) -> Bool {
        if block.linkDensity >= 0.5 { return true }
        if block.kind == .listItem { return block.wordCount <= 30 }
        return block.wordCount <= 20 && !endsSentence(block.text)
    }

    static func isComments(_ block: Block) -> Bool {
        guard block.wordCount <= 25, commentNeedles.occur(in: block.text),
              matches(commentWords, block.text) else { return false }
        if block.wordCount <= 3 { return true }
        return startsWithInterfaceVerb(block.text) || addressesReader(block.text) > 0
    }

    static func isSocial(_ block: Block) -> Bool {
        guard block.wordCount <= 8 else { return false }
        let hasHandle = block.text.containsASCII("@") && matches(handle, block.text)
            || socialURLNeedles.occur(in: block.text) && matches(socialURL, block.text)
        if hasHandle && block.wordCount <= 3 { return true }
        let mentionsNetwork = matches(socialNetworks, block.text)
        if (hasHandle || mentionsNetwork) && startsWithInterfaceVerb(block.text) { return true }
        return block.linkDensity >= 0.6 && !endsSentence(block.text)
    }

    static func isStandaloneCredit(_ block: Block) -> Bool {
        block.wordCount <= 14
            && creditNeedles.occur(in: block.text)
            && matches(standaloneCredit, block.text)
    }

    private static let bylineOpeners: Set<String> = ["by", "from", "published", "updated", "last", "posted", "first", "date",
                                                     "reporting", "additional", "writing", "editing", "compiled", "translated"]

    static func isByline(_ block: Block) -> Bool {
        guard block.wordCount <= 30 else { return false }
        let firstWord = block.text.prefix { !$0.isWhitespace }
        let opensLikeOne = bylineOpeners.contains(folded(String(firstWord)))
        if (opensLikeOne || contributorNeedles.occur(in: block.text)) && matches(contributorLine, block.text) { return true }
        guard opensLikeOne, block.wordCount <= 20 else { return false }
        if matches(timestampLine, block.text) && containsDigit(block.text) { return true }
        return block.wordCount <= 12 && !endsSentence(block.text) && matches(byline, block.text)
    }

    /// The outlet a byline names ("By X FOR THE DAILY COURIER" → "The Daily Courier").
    static func outlet(inByline text: String) -> String? {
        guard matches(byline, text), let m = bylineOutlet.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: 1), in: text) else { return nil }
        let name = text[r].trimmingSpaces()
        guard name == name.uppercased() else { return name }
        // All capitals in the byline; shown in title case (a domain in lower case).
        return name.split(separator: " ").map { word in
            word.contains(".") ? word.lowercased() : word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// A button or navigation label, or a short call to action ("Support The Moscow Times!",
    /// "Share this article"). A headline that happens to start with such a word ("Support
    /// for Ukraine grows") is not one: the verb must be used as an imperative.
    static func isInterface(_ block: Block) -> Bool {
        guard block.wordCount <= 6 else { return false }
        let words = words(block.text)
        guard let first = words.first else { return false }
        guard interfaceVerbs.contains(folded(String(first))) else { return false }
        if words.count <= 2 && !endsSentence(block.text) { return true }
        let trimmed = block.text.trimmingSpaces()
        if trimmed.hasSuffix("!") || trimmed.hasSuffix("»") || trimmed.hasSuffix("›") || trimmed.hasSuffix("→") { return true }
        let imperativeObjects: Set<String> = ["this", "our", "us", "your", "now", "more", "all", "on", "up", "with", "what", "here"]
        if words.count <= 5, !endsSentence(block.text), imperativeObjects.contains(folded(String(words[1]))) { return true }
        return addressesReader(block.text) > 0 || block.text.lowercased().contains(" here")
    }

    /// The number of appeal phrases in a block, outside quotations: an appeal is the outlet's
    /// own voice, while a quoted mayor may well say "we need your help".
    static func appealScore(words: PhraseWords) -> Int { appealCues.count(in: words) }

    private static let readerWords = Set(["we", "us", "our", "ours", "you", "your", "yours", "we're", "we’re",
                                          "you're", "you’re", "we've", "we’ve"].map(PhraseWords.hash))

    /// Words that address the reader or speak for the outlet (we, us, our, you, your) in
    /// text outside quotation marks: quoted speakers say "we" all the time, stories do not.
    static func addressesReader(_ text: String) -> Int {
        addressesReader(words: PhraseWords(outsideQuotesOf: text))
    }

    /// The same, for the words of a text outside quotations.
    static func addressesReader(words: PhraseWords) -> Int {
        let count = words.count(of: readerWords)
        // "US" in capitals is the country, not the pronoun.
        return count - min(count, words.capitalUS)
    }

    static func endsSentence(_ text: String) -> Bool {
        var trimmed = text.trimmingSpaces()
        while let last = trimmed.last, "\"”’')".contains(last) { trimmed.removeLast() }
        guard let last = trimmed.last else { return false }
        return ".!?…".contains(last)
    }

    static func startsWithInterfaceVerb(_ text: String) -> Bool {
        guard let first = words(text).first else { return false }
        return interfaceVerbs.contains(folded(String(first)))
    }

    static func containsDigit(_ text: String) -> Bool { text.contains(where: \.isNumber) }

    /// Removes a photo credit that trails a caption; nil when there was none.
    static func strippingTrailingCredit(_ text: String) -> String? {
        // Every credit pattern is anchored at the end and short: look at the tail only.
        let tailStart = text.utf8.count <= 160 ? text.startIndex
            : text.unicodeScalars.index(text.endIndex, offsetBy: -140, limitedBy: text.startIndex) ?? text.startIndex
        let tail = String(text[tailStart...])
        // "president.gov.ua": the last word ends in a dot and two or more lower-case letters.
        let lastWord = tail.lastIndex(of: " ").map { tail[tail.index(after: $0)...] } ?? tail[...]
        let topLevel = lastWord.utf8.reversed().prefix { $0 >= 0x61 && $0 <= 0x7A }.count
        let endsInDomain = topLevel >= 2 && topLevel < lastWord.utf8.count && lastWord.utf8.reversed().dropFirst(topLevel).first == UInt8(ascii: ".")
        // Most paragraphs end with a full stop and have no last clause at all.
        let clauseStart = tail.utf8.lastIndex(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }).map { tail.utf8.index(after: $0) } ?? tail.startIndex
        let lastClause = String(tail[clauseStart...])
        for credit in trailingCredits {
            switch credit.place {
            case .lastClause: guard credit.needles?.occur(in: lastClause) ?? true else { continue }
            case .parenthesis: guard tail.utf8.last == UInt8(ascii: ")"), credit.needles?.occur(in: tail) ?? true else { continue }
            case .domain: guard endsInDomain else { continue }
            }
            let pattern = credit.pattern
            if let m = pattern.firstMatch(in: tail, range: NSRange(tail.startIndex..., in: tail)), let r = Range(m.range, in: tail) {
                let cut = text.index(tailStart, offsetBy: tail.distance(from: tail.startIndex, to: r.lowerBound))
                let kept = text[..<cut].trimmingSpaces()
                if words(kept).count >= 4 { return kept }
            }
        }
        return nil
    }

    /// The writing system most of the block's letters are in.
    static func script(of text: String) -> (script: Script, letters: Int) {
        var latin = 0
        var others: [Script: Int] = [:]
        text.forEachScalar { scalar in
            if scalar.value < 0x80 {
                if scalar.isLetterLike { latin += 1 }
            } else if scalar.properties.isAlphabetic {
                others[Script(scalar), default: 0] += 1
            }
        }
        others[.latin, default: 0] += latin
        let best = others.max { $0.value < $1.value }
        return (best?.key ?? .other, others.values.reduce(0, +))
    }

    enum Script: Hashable {
        case latin, cyrillic, greek, arabic, hebrew, cjk, other

        init(_ s: Unicode.Scalar) {
            switch s.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x400...0x52F: self = .cyrillic
            case 0x370...0x3FF: self = .greek
            case 0x600...0x6FF, 0x750...0x77F: self = .arabic
            case 0x590...0x5FF: self = .hebrew
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: self = .cjk
            default: self = .other
            }
        }
    }
}
