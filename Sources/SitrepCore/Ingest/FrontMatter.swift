import Foundation

/// The `---` block at the top of a text or Markdown article: flat `key: value` lines.
///
/// Deliberately not a YAML parser: the keys Sitrep reads are flat strings, and a full YAML
/// implementation would also accept anchors, aliases and nesting that a hostile file could abuse.
public struct FrontMatter: Sendable, Equatable {
    /// Keys lowercased; values unquoted and trimmed.
    public var fields: [String: String] = [:]
    /// Lines that were not `key: value`, reported as warnings; the article is still read.
    public var problems: [String] = []

    public subscript(key: String) -> String? { fields[key] }

    /// Splits text into its front matter (if any) and the rest. Returns nil front matter when
    /// the text does not start with a `---` line. An opening fence without a closing one within
    /// the first 100 lines is reported and the whole text is treated as the article.
    public static func split(_ text: String) -> (frontMatter: FrontMatter?, body: String, problem: String?) {
        var matter = FrontMatter()
        var lineStart = text.startIndex
        var lineNumber = 0
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            let trimmed = text[lineStart..<lineEnd].trimmingSpaces()
            lineStart = next
            lineNumber += 1
            if lineNumber == 1 {
                if trimmed != "---" { return (nil, text, nil) }
                continue
            }
            if trimmed == "---" || trimmed == "..." {
                // A fenced block with no key at all is a Markdown rule around text, not metadata.
                if matter.fields.isEmpty && !matter.problems.isEmpty { return (nil, text, nil) }
                return (matter, String(text[next...]), nil)
            }
            if lineNumber > 101 { break }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex,
                  !trimmed[..<colon].containsASCII(" ") else {
                matter.problems.append("front matter line \(lineNumber) is not 'key: value'")
                continue
            }
            let key = trimmed[..<colon].lowercased()
            let value = unquote(trimmed[trimmed.index(after: colon)...].trimmingSpaces())
            if !value.isEmpty { matter.fields[key] = value }
        }
        return (nil, text, "front matter opened with '---' but never closed; read as plain text")
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, let last = value.last,
              (first == "\"" && last == "\"") || (first == "'" && last == "'") else { return value }
        let inner = value.dropFirst().dropLast()
        return first == "\"" ? inner.replacingOccurrences(of: "\\\"", with: "\"") : inner.replacingOccurrences(of: "''", with: "'")
    }
}
