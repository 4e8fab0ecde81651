/// The `sitrep extract --json` contract: one object per article, in the shape DESIGN.md fixes.
public enum ExtractReport {
    /// Where an article is and what it is: path (and line or item), title, source,
    /// publication date and where it came from, URL. What `query --json` lists.
    public static func metadata(of article: Article) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("path", .string(article.path))]
        switch article.part {
        case .line(let n): pairs.append(("line", .int(n)))
        case .item(let n): pairs.append(("item", .int(n)))
        case nil: break
        }
        return pairs + [
            ("title", .string(article.title)),
            ("source", .optional(article.source)),
            ("published", .string(article.published.isoString)),
            ("publishedFrom", .string(article.publishedFrom.rawValue)),
            ("url", .optional(article.url)),
        ]
    }

    public static func json(for article: Article, entities: [Entity]) -> JSONValue {
        var pairs = metadata(of: article)
        let dates = article.dates.map { mention -> JSONValue in
            // "date" is always a day (for a week, month or year, its first); "period" names the
            // week, month or year in ISO 8601 (2021-W13, 2021-03, 2021).
            .object([("text", .string(mention.text)), ("date", .string(mention.day.isoString)),
                     ("granularity", .string(mention.granularity.rawValue)), ("period", .string(mention.isoString)),
                     ("relative", .bool(mention.relative)),
                     ("start", .int(mention.start)), ("end", .int(mention.end))])
        }
        pairs += [
            ("language", .optional(article.language)),
            ("body", .string(article.body)),
            ("entities", .array(entities.map(json(for:)))),
            ("dates", .array(dates)),
            ("quotes", .array(QuoteFinder.find(in: article.body, entities: entities).map { quote in
                .object([("text", .string(quote.text)), ("speaker", .optional(quote.speaker)),
                         ("start", .int(quote.start)), ("end", .int(quote.end))])
            })),
        ]
        return .object(pairs)
    }

    public static func json(for entity: Entity) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(entity.name)),
            ("kind", .string(entity.kind.rawValue)),
            ("aliases", .array(entity.aliases.map(JSONValue.string))),
            ("mentions", .array(entity.mentions.map { .object([("text", .string($0.text)), ("start", .int($0.start)), ("end", .int($0.end))]) })),
        ]
        if entity.kind == .place { pairs.append(("parent", .optional(entity.parents.first))) }
        if let country = entity.country { pairs.append(("country", .string(country))) }
        return .object(pairs)
    }
}
