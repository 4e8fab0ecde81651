import Foundation

/// Keeps the story and drops the page around it.
///
/// Works block by block with a little memory: an appeal runs on over the paragraphs that
/// keep speaking to the reader, a "Read more" heading takes the link list under it, and a
/// paragraph seen before on the page is dropped (captions often appear twice, once with
/// straight and once with curly quotes).
public enum Cleaner {
    public struct Result: Sendable {
        /// The blocks of the story, in order.
        public var kept: [Block]
        /// What was dropped, and why.
        public var dropped: [(block: Block, reason: Debris)]
        /// Names the outlet used for itself in its appeals and footers ("The Moscow Times").
        public var outletNames: [String]
        /// "Published: … | Updated: …" lines, which hold the publication time.
        public var timestampLines: [String]
    }

    public static func clean(_ blocks: [Block]) -> Result {
        var kept: [Block] = []
        var dropped: [(Block, Debris)] = []
        var seen = Set<String>()
        var inAppeal = false
        var inLinkList = false
        var inComments = false
        var bylineOutlets: [String] = []
        var timestampLines: [String] = []
        let documentScript = DebrisRules.script(of: blocks.map(\.text).joined(separator: " ")).script

        for original in blocks {
            var block = original
            if let stripped = DebrisRules.strippingTrailingCredit(block.text) {
                block.text = stripped
                block.linkCharacters = min(block.linkCharacters, stripped.utf8.count)
            }
            var reason = classify(block, documentScript: documentScript, inAppeal: inAppeal, inLinkList: inLinkList)
            // Once the comment section starts, the rest of the page belongs to it.
            if reason == nil && inComments && block.wordCount <= 30 { reason = .comments }
            inComments = reason == .comments || (inComments && reason != nil)
            inAppeal = reason == .appeal || (inAppeal && (reason == .interface || reason == .advertising))
            inLinkList = (reason == .related) && (DebrisRules.isRelatedHeading(block) || inLinkList)
            if let reason {
                if reason == .byline && DebrisRules.matches(DebrisRules.timestampLine, block.text) {
                    timestampLines.append(block.text)
                }
                if reason == .byline, let outlet = DebrisRules.outlet(inByline: block.text) { bylineOutlets.append(outlet) }
                dropped.append((block, reason))
                continue
            }
            let key = repetitionKey(block.text)
            if !key.isEmpty, !seen.insert(key).inserted {
                dropped.append((block, .duplicate))
                continue
            }
            kept.append(block)
        }
        // The page's footer: short lines after the last paragraph of the story that speak for
        // the outlet or to the reader, or are mostly links.
        while let last = kept.last, last.wordCount <= 12,
              DebrisRules.addressesReader(last.text) > 0 || last.linkDensity >= 0.3
                || (DebrisRules.startsWithInterfaceVerb(last.text) && !DebrisRules.endsSentence(last.text)) {
            dropped.append((kept.removeLast(), .footer))
        }
        let appealText = dropped.filter { [.appeal, .interface, .comments].contains($0.1) }.map(\.0.text)
        return Result(kept: kept, dropped: dropped.map { (block: $0.0, reason: $0.1) },
                      outletNames: OutletName.selfReferences(in: appealText) + bylineOutlets,
                      timestampLines: timestampLines)
    }

    static func classify(_ block: Block, documentScript: DebrisRules.Script, inAppeal: Bool, inLinkList: Bool) -> Debris? {
        if DebrisRules.isAdvertising(block) { return .advertising }
        if inLinkList && DebrisRules.isLinkListEntry(block) { return .related }
        if DebrisRules.isRelatedHeading(block) || DebrisRules.isRelatedLine(block) { return .related }
        let words = PhraseWords(outsideQuotesOf: block.text)
        let appeal = DebrisRules.appealScore(words: words)
        let addressed = DebrisRules.addressesReader(words: words)
        if appeal >= 2 || (appeal >= 1 && addressed >= 1) { return .appeal }
        if inAppeal && (addressed >= 1 || appeal >= 1) { return .appeal }
        // A short call to action closing an appeal ("Support the Harbour Post").
        if inAppeal && block.wordCount <= 8 && DebrisRules.startsWithInterfaceVerb(block.text) { return .appeal }
        if DebrisRules.isComments(block) { return .comments }
        if DebrisRules.isSocial(block) { return .social }
        if DebrisRules.isStandaloneCredit(block) { return .photoCredit }
        if DebrisRules.isByline(block) { return .byline }
        if DebrisRules.isInterface(block) { return .interface }
        if block.wordCount <= 5 {
            let (script, letters) = DebrisRules.script(of: block.text)
            if letters >= 3, script != documentScript { return .foreignLabel }
        }
        return nil
    }

    /// Two paragraphs repeat each other when they are the same words with the same letters,
    /// whatever their quotes, dashes, spacing or case.
    static func repetitionKey(_ text: String) -> String {
        var key = ByteText(capacity: text.utf8.count)
        var pendingSpace = false
        text.forEachScalar { scalar in
            if scalar.isLetterLike || scalar.isDigitASCII {
                if pendingSpace { key.append(UInt8(ascii: " ")); pendingSpace = false }
                if scalar.value < 0x80 {
                    key.append(ByteText.lower(UInt8(scalar.value)))
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { key.append(lower) }
                }
            } else if scalar.isSpaceLike && !key.isEmpty {
                pendingSpace = true
            }
        }
        return key.string
    }
}

/// How an outlet names itself in its own appeals and footers.
enum OutletName {
    private static let theName = try! NSRegularExpression(
        pattern: #"(?<![‘'“"\p{L}])(The(?:\s+[A-Z][\p{L}’'-]*){1,3})"#)
    private static let supportName = try! NSRegularExpression(
        pattern: #"^(?:support|donate to|subscribe to)\s+((?:[A-Z][\p{L}’'.-]*\s*){1,4})[!.]?$"#, options: [.caseInsensitive])
    private static let copyrightName = try! NSRegularExpression(
        pattern: #"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*((?:[A-Z][\p{L}’'&.-]*\s*){1,4})"#, options: [])
    /// Capitalised words that start a sentence but do not name anything.
    private static let notNames: Set<String> = ["The", "The A", "The Secretary", "The Kremlin", "The White House"]

    /// The most frequent self-reference first.
    static func selfReferences(in texts: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        func add(_ raw: String) {
            let name = raw.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
            guard name.count >= 3, !notNames.contains(name) else { return }
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        for text in texts {
            let range = NSRange(text.startIndex..., in: text)
            for regex in [supportName, copyrightName] {
                for m in regex.matches(in: text, range: range) {
                    if let r = Range(m.range(at: 1), in: text) { add(String(text[r])) }
                }
            }
            for m in theName.matches(in: text, range: range) {
                guard let r = Range(m.range(at: 1), in: text) else { continue }
                // Followed by a quote: a title of a work in quotes ('The A Word'), not the outlet.
                if text[r.upperBound...].first.map({ "’'”\"".contains($0) }) == true { continue }
                add(String(text[r]))
            }
        }
        return order.sorted { counts[$0]! > counts[$1]! }
    }
}
