import Foundation

/// News-API style JSON: one article object, an array of them, or a wrapper object holding an
/// array (`articles`, `items`, `results`, `data`…); and JSONL with one article per line.
enum JSONArticles {
    /// The fields of one article as found in a JSON object, before cleaning.
    struct Fields {
        var title: String?
        var source: String?
        var published: String?
        var url: String?
        var language: String?
        var body: String
        var bodyIsHTML: Bool
    }

    /// Deeper nesting than this is refused before parsing: no news API nests that deep, and
    /// the parser must not be handed a hostile file's 200,000 levels.
    static let maximumDepth = 64

    /// Parses a `.json` file into article fields, one per article, with a problem for each
    /// element that is not an article.
    static func parseDocument(_ text: String) -> (articles: [(Int?, Fields)], problems: [(String?, String)]) {
        if let problem = depthProblem(text) { return ([], [(nil, problem)]) }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            return ([], [(nil, "invalid JSON (\(describe(error)))")])
        }
        let elements: [Any]
        var numbered = true
        if let array = value as? [Any] {
            elements = array
        } else if let object = value as? [String: Any] {
            if let wrapped = wrappedArray(in: object) {
                elements = wrapped
            } else {
                elements = [object]
                numbered = false
            }
        } else {
            return ([], [(nil, "JSON holds no article object")])
        }
        var articles: [(Int?, Fields)] = []
        var problems: [(String?, String)] = []
        for (index, element) in elements.enumerated() {
            let location = numbered ? "item \(index + 1)" : nil
            guard let object = element as? [String: Any] else {
                problems.append((location, "not a JSON object"))
                continue
            }
            switch fields(of: object) {
            case .success(let f): articles.append((numbered ? index + 1 : nil, f))
            case .failure(let reason): problems.append((location, reason.message))
            }
        }
        if elements.isEmpty { problems.append((nil, "JSON holds no article (empty array)")) }
        return (articles, problems)
    }

    /// Parses one JSONL line.
    static func parseLine(_ line: Substring) -> Result<Fields, FieldProblem> {
        let text = String(line)
        if let problem = depthProblem(text) { return .failure(FieldProblem(problem)) }
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
            return .failure(FieldProblem("invalid JSON"))
        }
        guard let object = value as? [String: Any] else { return .failure(FieldProblem("not a JSON object")) }
        return fields(of: object)
    }

    struct FieldProblem: Error { let message: String; init(_ m: String) { message = m } }

    private static let wrapperKeys = ["articles", "items", "results", "data", "entries", "posts", "stories", "documents", "news"]
    private static let titleKeys = ["title", "headline", "heading", "name"]
    private static let sourceKeys = ["source", "source_name", "sourcename", "publisher", "site_name", "sitename", "outlet", "source_domain", "domain"]
    private static let publishedKeys = ["publishedat", "published_at", "published", "pubdate", "publication_date", "datepublished", "date", "created_at", "createdat", "timestamp", "time", "updated_at"]
    private static let urlKeys = ["url", "link", "weburl", "canonical_url", "permalink"]
    private static let bodyKeys = ["content", "text", "body", "articlebody", "article_body", "full_text", "fulltext", "bodytext", "body_text", "maintext"]
    private static let summaryKeys = ["description", "summary", "abstract", "excerpt", "lead", "standfirst"]

    private static func wrappedArray(in object: [String: Any]) -> [Any]? {
        let lowered = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        if bodyKeys.contains(where: { lowered[$0] is String }) { return nil }
        for key in wrapperKeys {
            if let array = lowered[key] as? [Any] { return array }
        }
        return nil
    }

    static func fields(of object: [String: Any]) -> Result<Fields, FieldProblem> {
        let lowered = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        func string(_ keys: [String]) -> String? {
            for key in keys {
                if let s = scalar(lowered[key]), !s.isEmpty { return s }
                // Nested { "name": … } objects, as NewsAPI's source.
                if let nested = lowered[key] as? [String: Any] {
                    for inner in ["name", "title", "id"] {
                        if let s = scalar(nested[inner]), !s.isEmpty { return s }
                    }
                }
            }
            return nil
        }
        var body = string(bodyKeys)
        if body == nil {
            body = string(summaryKeys)
        } else if let summary = string(summaryKeys), let b = body, !b.contains(summary.prefix(60)) {
            // A standfirst that the body does not repeat belongs to the story.
            body = summary + "\n\n" + b
        }
        guard let text = body.map(stripTruncationMarker), !text.trimmingSpaces(newlines: true).isEmpty else {
            return .failure(FieldProblem("no article text (expected one of: content, text, body)"))
        }
        let isHTML = text.containsASCII("<")
            && text.range(of: #"</(p|div|h[1-6]|li)>|<br\s*/?>"#, options: [.regularExpression, .caseInsensitive]) != nil
        return .success(Fields(title: string(titleKeys), source: string(sourceKeys), published: string(publishedKeys),
                               url: string(urlKeys), language: string(["language", "lang"]), body: text, bodyIsHTML: isHTML))
    }

    private static func scalar(_ value: Any?) -> String? {
        switch value {
        case let s as String: return TextSanitizer.stripControls(s).trimmingSpaces(newlines: true)
        case let n as NSNumber where !(value is Bool): return n.stringValue
        default: return nil
        }
    }

    /// NewsAPI truncates `content` and appends "… [+1234 chars]".
    private static func stripTruncationMarker(_ text: String) -> String {
        // Only a text whose last visible character is "]" can end with the marker.
        guard text.unicodeScalars.reversed().first(where: { !$0.properties.isWhitespace }) == "]" else { return text }
        return text.replacingOccurrences(of: #"\s*…?\s*\[\+\d+ chars\]\s*$"#, with: "", options: .regularExpression)
    }

    /// Nesting depth outside strings, found in one pass without parsing.
    static func depthProblem(_ text: String) -> String? {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return "JSON nested deeper than \(maximumDepth) levels" }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        let info = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return info ?? "unreadable"
    }
}
