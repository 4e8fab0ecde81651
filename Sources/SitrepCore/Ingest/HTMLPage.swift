import Foundation

/// An HTML page reduced to what Sitrep needs: blocks of visible text, and the metadata the
/// page declares about itself (title, site name, publication time).
///
/// A single linear pass with an explicit stack of open elements: no recursion, so deeply
/// nested markup costs memory in proportion to its depth, never the call stack.
struct HTMLPage {
    var blocks: [Block] = []
    /// `<title>`, or Open Graph / Twitter title.
    var declaredTitle: String?
    /// `og:site_name` or `application-name`.
    var siteName: String?
    /// `article:published_time`, `datePublished`, `<time datetime>`, …
    var declaredPublished: String?
    var canonicalURL: String?
    /// Whether any element was skipped as page furniture (else a plain read would be the same).
    var skippedFurniture = false

    /// Elements whose content is never article text.
    private static let rawTextElements: Set<String> = ["script", "style", "template", "svg", "math", "iframe", "noscript", "textarea"]
    private static let skippedElements: Set<String> = ["nav", "footer", "aside", "form", "button", "select", "menu", "dialog"]
    private static let voidElements: Set<String> = ["br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"]
    private static let blockElements: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
                                                     "section", "article", "header", "blockquote", "figure", "figcaption", "pre", "dd", "dt",
                                                     "dl", "hr", "main", "title", "body", "td", "th", "caption", "details", "summary"]
    /// Class or id words that mark page furniture rather than the story.
    private static let furnitureMarker = try! NSRegularExpression(
        pattern: #"(?:^|[-_\s])(?:ad|ads|advert|advertisement|banner|promo|newsletter|subscribe|subscription|share|sharing|social|related|recommended|comments?|cookie|consent|paywall|donate|donation|appeal|membership|contributions|sidebar|breadcrumbs?|menu|outbrain|taboola)(?:[-_\s]|$)"#,
        options: [.caseInsensitive])

    private struct Open {
        var name: String
        var skips: Bool
    }

    init(html: String, skipFurniture: Bool = true) {
        var stack: [Open] = []
        var skipping = 0
        var anchorDepth = 0
        var kind = Block.Kind.paragraph
        var text = ""
        var linkChars = 0
        var inTitle = false
        var titleText = ""

        func flush() {
            let normalized = BlockText.normalizeSpaces(Entities.decode(text))
            if !normalized.isEmpty {
                let pieces = kind == .paragraph ? BlockText.splitGluedSentences(normalized) : [normalized]
                for piece in pieces {
                    let links = pieces.count == 1 ? linkChars : BlockText.urlCharacters(in: piece)
                    blocks.append(Block(piece, kind: kind, linkCharacters: min(piece.utf8.count, links)))
                }
            }
            text = ""
            linkChars = 0
            kind = .paragraph
        }

        let scalars = Array(html.unicodeScalars)
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if c != "<" {
                // Text run up to the next tag.
                var j = i
                while j < n && scalars[j] != "<" { j += 1 }
                if skipping == 0 {
                    let s = String(scalars: scalars[i..<j])
                    if inTitle { titleText += s } else {
                        text += s
                        if anchorDepth > 0 { linkChars += s.utf8.count }
                    }
                }
                i = j
                continue
            }
            // Comments, doctype, processing instructions.
            if i + 3 < n && scalars[i + 1] == "!" && scalars[i + 2] == "-" && scalars[i + 3] == "-" {
                i = HTMLPage.find("-->", in: scalars, from: i + 4).map { $0 + 3 } ?? n
                continue
            }
            guard let tag = HTMLPage.parseTag(scalars, at: i) else {
                // A lone "<" in text.
                if skipping == 0 { text += "<" }
                i += 1
                continue
            }
            i = tag.end
            let name = tag.name
            if name.hasPrefix("!") || name.hasPrefix("?") { continue }

            if tag.closing {
                // Look back a bounded distance: a stray close tag must not cost a scan of a
                // hostile page's whole nesting depth.
                if let index = stack.indices.reversed().prefix(512).first(where: { stack[$0].name == name }) {
                    for open in stack[index...] where open.skips { skipping -= 1 }
                    for open in stack[index...] where open.name == "a" { anchorDepth = max(0, anchorDepth - 1) }
                    stack.removeSubrange(index...)
                }
                if name == "title" { inTitle = false; if declaredTitle == nil { declaredTitle = BlockText.normalizeSpaces(Entities.decode(titleText)) } }
                if HTMLPage.blockElements.contains(name), skipping == 0 { flush() }
                continue
            }

            if name == "meta" { readMeta(tag.attributes); continue }
            if name == "link", tag.attributes["rel"]?.lowercased() == "canonical" { canonicalURL = tag.attributes["href"]; continue }
            if name == "time", declaredPublished == nil, let datetime = tag.attributes["datetime"] { declaredPublished = datetime }

            if HTMLPage.rawTextElements.contains(name) && !tag.selfClosing {
                // Skip straight to the matching close tag.
                i = HTMLPage.find("</" + name, in: scalars, from: i, caseInsensitive: true) ?? n
                if i < n { i = (HTMLPage.find(">", in: scalars, from: i) ?? n - 1) + 1 }
                continue
            }
            if HTMLPage.blockElements.contains(name), skipping == 0 { flush() }
            if HTMLPage.voidElements.contains(name) || tag.selfClosing { continue }

            var skips = false
            if skipFurniture {
                let marker = (tag.attributes["class"] ?? "") + " " + (tag.attributes["id"] ?? "")
                skips = HTMLPage.skippedElements.contains(name)
                    || tag.attributes["aria-hidden"] == "true"
                    || marker.utf8.count > 1 && HTMLPage.furnitureMarker.firstMatch(in: marker, range: NSRange(marker.startIndex..., in: marker)) != nil
            }
            if name == "title" { inTitle = true; titleText = "" }
            if skips { skipping += 1; skippedFurniture = true }
            if name == "a" { anchorDepth += 1 }
            stack.append(Open(name: name, skips: skips))
            if skipping == 0 {
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading
                case "li": kind = .listItem
                default: break
                }
            }
        }
        flush()
    }

    /// Reads the page and, when skipping page furniture lost most of its text (an unclosed
    /// `<aside>` can swallow the rest of a page), reads it again without skipping.
    static func read(_ html: String) -> HTMLPage {
        let page = HTMLPage(html: html)
        guard page.skippedFurniture else { return page }
        let plain = HTMLPage(html: html, skipFurniture: false)
        let words = { (p: HTMLPage) in p.blocks.reduce(0) { $0 + $1.wordCount } }
        return words(page) * 5 < words(plain) ? plain : page
    }

    private mutating func readMeta(_ attributes: [String: String]) {
        let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
        guard let content = attributes["content"].map({ BlockText.normalizeSpaces(Entities.decode($0)) }), !content.isEmpty else { return }
        switch key {
        case "og:title", "twitter:title": declaredTitle = content
        case "og:site_name", "application-name": if siteName == nil { siteName = content }
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.created", "sailthru.date":
            if declaredPublished == nil { declaredPublished = content }
        case "og:url": if canonicalURL == nil { canonicalURL = content }
        default: break
        }
    }

    // MARK: - Tag scanning

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        var end: Int
    }

    /// Parses `<name attr=…>` starting at `start` (which holds "<"); nil when it is not a tag.
    static func parseTag(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
        let n = s.count
        var i = start + 1
        var closing = false
        if i < n && s[i] == "/" { closing = true; i += 1 }
        guard i < n, s[i].isLetterLike || s[i] == "!" || s[i] == "?" else { return nil }
        var name = ""
        while i < n, !s[i].isSpaceLike, s[i] != ">", s[i] != "/" {
            name.unicodeScalars.append(s[i]); i += 1
        }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < n && s[i] != ">" {
            if s[i].isSpaceLike { i += 1; continue }
            if s[i] == "/" { selfClosing = true; i += 1; continue }
            var key = ""
            while i < n, !s[i].isSpaceLike, s[i] != "=", s[i] != ">", s[i] != "/" {
                key.unicodeScalars.append(s[i]); i += 1
            }
            while i < n && s[i].isSpaceLike { i += 1 }
            var value = ""
            if i < n && s[i] == "=" {
                i += 1
                while i < n && s[i].isSpaceLike { i += 1 }
                if i < n && (s[i] == "\"" || s[i] == "'") {
                    let quote = s[i]
                    i += 1
                    while i < n && s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                    i += 1
                } else {
                    while i < n, !s[i].isSpaceLike, s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                }
            }
            if key.isEmpty { i += 1 } else { attributes[key.lowercased()] = value }
        }
        return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing,
                   attributes: attributes, end: min(i + 1, n))
    }

    static func find(_ needle: String, in s: [Unicode.Scalar], from: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard !pattern.isEmpty, s.count >= pattern.count else { return nil }
        var i = from
        while i <= s.count - pattern.count {
            var matched = true
            for k in 0..<pattern.count {
                var c = s[i + k]
                if caseInsensitive, ("A"..."Z").contains(c) { c = Unicode.Scalar(c.value + 32)! }
                if c != pattern[k] { matched = false; break }
            }
            if matched { return i }
            i += 1
        }
        return nil
    }
}

/// HTML character references.
enum Entities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "sbquo": "‚", "bdquo": "„",
        "mdash": "—", "ndash": "–", "hellip": "…", "laquo": "«", "raquo": "»", "middot": "·",
        "bull": "•", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "euro": "€", "pound": "£",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "ouml": "ö", "uuml": "ü", "auml": "ä", "szlig": "ß",
        "shy": "", "zwj": "", "zwnj": "", "thinsp": " ", "ensp": " ", "emsp": " ",
    ]

    static func decode(_ text: String) -> String {
        guard text.containsASCII("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"; rest = after; continue
            }
            let name = after[..<semi]
            var replacement: String? = named[String(name)]
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let v = value, let scalar = Unicode.Scalar(v), v != 0 { replacement = String(scalar) }
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
