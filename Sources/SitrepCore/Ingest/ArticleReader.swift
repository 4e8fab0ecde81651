import Foundation

/// Reads article files of every supported format into cleaned `Article`s.
///
/// A file can hold one article (text, Markdown, HTML, a JSON object) or many (a JSON array,
/// JSONL). Problems never stop the rest of the file: a bad JSONL line is reported by number
/// and the other lines are read.
public struct ArticleReader: Sendable {
    public struct Outcome: Sendable {
        public var articles: [Article] = []
        /// Errors (the file or a part of it was not read) and warnings (read, with repairs).
        public var issues: [ReadIssue] = []
        /// Blocks the cleaner removed as page debris, and why: for `extract --explain`.
        public var dropped: [(block: Block, reason: Debris)] = []
    }

    public init() {}

    public func read(path: String) -> Outcome {
        guard let format = InputFormat(path: path) else {
            return Outcome(issues: [ReadIssue(path: path, reason: "unsupported file type")])
        }
        var outcome = Outcome()
        let file: FileText
        do {
            file = try FileText.load(path: path)
        } catch {
            outcome.issues.append(error)
            return outcome
        }
        if file.repairedEncoding {
            outcome.issues.append(ReadIssue(path: path, reason: "invalid UTF-8; bad bytes replaced with U+FFFD", severity: .warning))
        }
        let text = TextSanitizer.stripControls(file.text)
        switch format {
        case .text, .markdown:
            let (matter, body, problem) = FrontMatter.split(text)
            if let problem { outcome.issues.append(ReadIssue(path: path, reason: problem, severity: .warning)) }
            for p in matter?.problems ?? [] { outcome.issues.append(ReadIssue(path: path, reason: p, severity: .warning)) }
            let declared = DeclaredMetadata(title: matter?["title"], source: matter?["source"], published: matter?["published"] ?? matter?["date"],
                                            url: matter?["url"], language: matter?["language"])
            let blocks = TextBlocks.parse(body, markdown: format == .markdown)
            assemble(blocks, declared: declared, path: path, part: nil, modified: file.modified, into: &outcome)
        case .html:
            let page = HTMLPage.read(text)
            let declared = DeclaredMetadata(title: nil, source: page.siteName, published: page.declaredPublished, url: page.canonicalURL)
            assemble(page.blocks, declared: declared, path: path, part: nil, modified: file.modified,
                     fallbackTitle: page.declaredTitle.map(Self.withoutSiteSuffix), into: &outcome)
        case .json:
            let (articles, problems) = JSONArticles.parseDocument(text)
            for (location, reason) in problems { outcome.issues.append(ReadIssue(path: path, location: location, reason: reason)) }
            for (item, fields) in articles {
                assemble(fields, path: path, part: item.map { .item($0) }, location: item.map { "item \($0)" }, modified: file.modified, into: &outcome)
            }
        case .jsonl:
            var lineNumber = 0
            // Split on the bytes: splitting a file of thousands of lines character by character
            // cost more than parsing them. (Line ends are "\n" only by now.)
            for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                let line = Substring(bytes)
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                switch JSONArticles.parseLine(line) {
                case .success(let fields):
                    assemble(fields, path: path, part: .line(lineNumber), location: "line \(lineNumber)", modified: file.modified, into: &outcome)
                case .failure(let problem):
                    outcome.issues.append(ReadIssue(path: path, location: "line \(lineNumber)", reason: problem.message))
                }
            }
            if outcome.articles.isEmpty && outcome.issues.isEmpty {
                outcome.issues.append(ReadIssue(path: path, reason: "no article lines"))
            }
        }
        return outcome
    }

    private func assemble(_ fields: JSONArticles.Fields, path: String, part: ArticlePart?, location: String?,
                          modified: Date, into outcome: inout Outcome) {
        let blocks = fields.bodyIsHTML ? HTMLPage.read(fields.body).blocks : TextBlocks.parse(fields.body, markdown: false)
        let clean: (String?) -> String? = { $0.map { BlockText.normalizeSpaces(Entities.decode($0)) } }
        let declared = DeclaredMetadata(title: clean(fields.title), source: clean(fields.source), published: fields.published,
                                        url: fields.url, language: fields.language)
        assemble(blocks, declared: declared, path: path, part: part, location: location, modified: modified, into: &outcome)
    }

    /// Cleans the blocks and fills in what the file did not declare.
    private func assemble(_ blocks: [Block], declared: DeclaredMetadata, path: String, part: ArticlePart?,
                          location: String? = nil, modified: Date, fallbackTitle: String? = nil, into outcome: inout Outcome) {
        let cleaned = Cleaner.clean(blocks)
        outcome.dropped += cleaned.dropped
        var kept = cleaned.kept
        let dateline = MetadataInference.dateline(in: kept)

        // Title: declared, else the page's first headline, else the page's <title>, else the first sentence.
        var title = declared.title.map { BlockText.normalizeSpaces($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if title == nil, let index = MetadataInference.headlineIndex(in: kept) {
            title = kept.remove(at: index).text
        } else if let known = title ?? fallbackTitle, let first = kept.first,
                  Cleaner.repetitionKey(first.text) == Cleaner.repetitionKey(known) {
            kept.removeFirst()  // The headline repeated at the top of the body.
        }
        title = title ?? fallbackTitle
        let body = kept.map { $0.kind == .listItem ? "• " + $0.text : $0.text }.joined(separator: "\n\n")
        guard !body.isEmpty else {
            outcome.issues.append(ReadIssue(path: path, location: location, reason: "no article text left after removing page debris"))
            return
        }
        let finalTitle = title ?? MetadataInference.titleFromFirstSentence(body)

        // Source: declared, else a dateline, else the outlet naming itself in its appeals.
        let source = declared.source.flatMap { $0.isEmpty ? nil : $0 } ?? dateline?.source ?? cleaned.outletNames.first

        // Published: declared, else the text, else the file's modification time.
        let fileDay = CalendarDay(date: modified)
        var published: PublishedDate = .instant(modified)
        var publishedFrom = PublishedSource.file
        if let raw = declared.published {
            if let parsed = DateField.parse(raw) {
                published = parsed
                publishedFrom = .frontMatter
            } else {
                outcome.issues.append(ReadIssue(path: path, location: location,
                                                reason: "published date '\(TextSanitizer.visible(raw))' is not a date; inferred instead", severity: .warning))
            }
        }
        let written = ExplicitDates.scan(body)
        if publishedFrom != .frontMatter, let day = PublicationInference.day(dateline: dateline, timestampLines: cleaned.timestampLines,
                                                                              written: written, notAfter: fileDay) {
            published = .day(day)
            publishedFrom = .text
        }
        let explicit = ExplicitDates.resolve(written, reference: published.day)
        let dates = (explicit + RelativeDates.find(in: body, reference: published.day, explicit: explicit)).sorted { $0.start < $1.start }
        outcome.articles.append(Article(path: path, part: part, title: finalTitle, source: source, published: published,
                                        publishedFrom: publishedFrom, url: declared.url, language: declared.language, body: body,
                                        dates: dates))
    }

    /// "Blinken pledges support | World news | The Guardian" → "Blinken pledges support".
    static func withoutSiteSuffix(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            if let range = title.range(of: separator) {
                let head = String(title[..<range.lowerBound])
                if head.split(separator: " ").count >= 2 { return head }
            }
        }
        return title
    }
}

/// The publication day from the text: a dateline, a "Published:" line, or the latest date
/// the story mentions (a story cannot be older than the events it reports).
enum PublicationInference {
    static func day(dateline: MetadataInference.Dateline?, timestampLines: [String], written: [ExplicitDates.Written],
                    notAfter limit: CalendarDay) -> CalendarDay? {
        // A date with no year takes the year of the nearest date in the text that states one,
        // else the latest year that keeps it on or before the file's own date.
        let mentioned = ExplicitDates.resolve(written, reference: limit, yearChoice: .onOrBefore)
        if let dateText = dateline?.dateText {
            let reference = mentioned.filter { $0.yearGiven && $0.day <= limit }.map(\.day).max() ?? limit
            if let day = ExplicitDates.find(in: dateText, reference: reference, yearChoice: .onOrBefore).first?.day, day <= limit {
                return day
            }
        }
        for line in timestampLines {
            if let day = ExplicitDates.find(in: line, reference: limit, yearChoice: .onOrBefore).first?.day, day <= limit { return day }
        }
        return mentioned.map(\.day).filter { $0 <= limit }.max()
    }
}
