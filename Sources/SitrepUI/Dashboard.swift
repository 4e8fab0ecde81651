import Foundation
import SitrepCore

/// Draws the dashboard: state in, a buffer out. Every pane is a function drawing into its
/// rectangle and nothing else.
public enum Dashboard {
    public static func render(_ state: DashboardState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height)
        guard let panes = layout.panes else {
            let message = "terminal too small (need \(Layout.minimumWidth)×\(Layout.minimumHeight))"
            let lines = wrap(message, state.width)
            let top = max(0, (state.height - lines.count) / 2)
            for (row, line) in lines.enumerated() where top + row < state.height {
                buffer.write(line, x: max(0, (state.width - DisplayWidth.of(line)) / 2), y: top + row, style: state.theme.message)
            }
            return buffer
        }
        let theme = state.theme
        if state.reading != nil {
            drawReader(state, into: &buffer, panes.main)
        } else {
            drawArticles(state, into: &buffer, panes.articles)
            drawSidebar(state, into: &buffer, panes.entities)
            drawTimeline(state, into: &buffer, panes.timeline)
        }
        drawHint(state, into: &buffer, panes.hint)
        drawStatus(state, into: &buffer, panes.status)
        if state.showHelp { drawHelp(theme, into: &buffer, panes.main) }
        if let view = state.quotesView { drawQuotes(view, state, into: &buffer, panes.main) }
        if state.showProblems {
            let lines = state.unreadable.isEmpty ? ["Every file was read."] : state.unreadable
            drawOverlay("Files that could not be read (\(state.unreadable.count))", lines.map { ($0, theme.text) }, theme, into: &buffer, panes.main)
        }
        return buffer
    }

    // MARK: Pieces

    /// A frame with a title in its top border; returns the inside.
    @discardableResult
    static func box(_ buffer: inout Buffer, _ rect: Rect, title: String, focused: Bool, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style = focused ? theme.focusedBorder : theme.border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.write("│", x: rect.x, y: y, style: style)
            buffer.write("│", x: rect.maxX - 1, y: y, style: style)
        }
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if !title.isEmpty {
            buffer.write(" " + fit(title, rect.width - 4) + " ", x: rect.x + 1, y: rect.y, style: focused ? theme.focusedBorder : theme.title,
                         clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    }

    /// `text` cut to `width` columns, with "…" when cut; control characters made visible.
    static func fit(_ text: String, _ width: Int) -> String { fitted(text, width).text }

    /// `text` cut to `width` columns with "…" when it is longer, line breaks as spaces and
    /// control characters made visible; with the columns it takes.
    static func fitted(_ text: String, _ width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        // Printable ASCII (most titles, sources, dates): a column a byte.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            if utf8.count <= width { return (text, utf8.count) }
            return (String(text.prefix(width - 1)) + "…", width)
        }
        var out = "", used = 0
        var index = text.startIndex
        while index < text.endIndex {
            // Printable ASCII not followed by a combining mark takes a column a byte.
            let byte = utf8[index]
            let after = utf8.index(after: index)
            let symbol: Substring
            let w: Int
            if byte >= 0x20, byte < 0x7F, after == text.endIndex || utf8[after] < 0x80 {
                var end = after
                while end < text.endIndex, utf8[end] >= 0x20, utf8[end] < 0x7F {
                    let next = utf8.index(after: end)
                    guard next == text.endIndex || utf8[next] < 0x80 else { break }
                    end = next
                }
                symbol = text[index..<end]
                w = symbol.utf8.count
                index = end
            } else {
                let character = text[index]
                index = text.index(after: index)
                let printable = character == "\n" ? " " : DisplayWidth.printable(character)
                symbol = Substring(printable)
                w = DisplayWidth.of(printable)
            }
            if used + w > width {
                // Only a run of ASCII can be cut part-way.
                if symbol.first?.isASCII == true, w > 1, symbol.utf8.count == w {
                    let keep = max(0, width - used - 1)
                    out += symbol.prefix(keep)
                    used += keep
                }
                if used + 1 <= width { return (out + "…", used + 1) }
                let cut = String(out.dropLast()) + "…"
                return (cut, DisplayWidth.of(cut))
            }
            out += symbol
            used += w
        }
        return (out, used)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let (fittedText, used) = fitted(text, width)
        return used >= width ? fittedText : fittedText + String(repeating: " ", count: width - used)
    }

    /// The first visible row that keeps `selected` in view of `rows` rows.
    static func scroll(selected: Int, rows: Int, count: Int) -> Int {
        guard rows > 0, count > rows else { return 0 }
        return min(max(0, selected - rows / 2), count - rows)
    }

    // MARK: Articles

    static func drawArticles(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        var title = "Articles"
        let chips = state.filter.terms.map { Query([$0]).description }
        if !chips.isEmpty { title += " " + chips.map { "[\($0)]" }.joined(separator: " ") }
        title += " \(state.shown.count)/\(state.corpus.articles.count)"
        if state.groupByStory { title += " in \(state.storyCount) stor\(state.storyCount == 1 ? "y" : "ies")" }
        if let narrowing = state.narrowing, state.focus == .articles { title += " /\(narrowing)" }
        let inside = box(&buffer, rect, title: title, focused: state.focus == .articles, theme: theme)
        guard inside.height > 0 else { return }
        if state.shown.isEmpty {
            buffer.write(fit(state.corpus.articles.isEmpty ? "No articles yet: files dropped into the folders appear here."
                                                           : "No article matches the filter (Esc drops the last term, :clear drops all).", inside.width),
                         x: inside.x, y: inside.y, style: theme.dim)
            return
        }
        let first = scroll(selected: state.selectedArticle, rows: inside.height, count: state.shown.count)
        let sourceWidth = inside.width >= 70 ? 18 : inside.width >= 50 ? 12 : 0
        for row in 0..<min(inside.height, state.shown.count - first) {
            let position = first + row
            let item = state.corpus.articles[state.shown[position]]
            let article = item.article
            let selected = position == state.selectedArticle
            let marker = state.unseen.contains(article.path) ? "●" : state.read.contains(article.path) ? " " : "·"
            var line = marker + " " + article.published.day.isoString + "  "
            if sourceWidth > 0 { line += pad(article.source ?? "—", sourceWidth) + " " }
            if state.groupByStory, state.storyRows.indices.contains(position) {
                // The story's newest article carries the count; the others hang below it.
                let story = state.storyRows[position]
                if story.opens {
                    let count = story.count > 1 ? String(story.count) : ""
                    line += String(repeating: " ", count: max(0, 3 - count.count)) + count + " "
                } else {
                    line += story.isLast ? "  └ " : "  ├ "
                }
            }
            line += article.title
            let style = selected ? (state.focus == .articles ? theme.selected : Style(reverse: false, dim: false)) : theme.text
            buffer.write(pad(line, inside.width), x: inside.x, y: inside.y + row, style: selected && state.focus != .articles ? theme.title : style)
            if !selected, state.unseen.contains(article.path) { buffer.write("●", x: inside.x, y: inside.y + row, style: theme.new) }
        }
    }

    // MARK: Sidebar

    static func drawSidebar(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        var title = "Actors & places"
        if let narrowing = state.narrowing, state.focus == .entities { title += " /\(narrowing)" }
        let inside = box(&buffer, rect, title: title, focused: state.focus == .entities, theme: theme)
        guard inside.height > 0 else { return }
        let first = scroll(selected: state.selectedEntity, rows: inside.height, count: state.sidebar.count)
        let active = Set(state.filter.terms.map { "\($0.field.rawValue):\($0.value)" })
        for row in 0..<min(inside.height, max(0, state.sidebar.count - first)) {
            let position = first + row
            let item = state.sidebar[position]
            let y = inside.y + row
            let selected = position == state.selectedEntity && state.focus == .entities
            switch item.kind {
            case .heading:
                buffer.write(pad(item.text, inside.width), x: inside.x, y: y, style: selected ? theme.selected : theme.heading)
            case .entity:
                let count = String(item.count)
                let isFilter = item.entry.map { active.contains("\(Reducer.term(for: $0).field.rawValue):\($0.name)") } ?? false
                // Indent by nesting; ▾ open and ▸ folded for places with places inside; ✓ an active filter.
                let fold = item.folded == true ? "▸ " : item.folded == false ? "▾ " : "  "
                let lead = String(repeating: "  ", count: item.depth) + fold + (isFilter ? "✓" : "")
                let nameWidth = max(1, inside.width - DisplayWidth.of(lead) - count.count - 1)
                let style: Style
                switch item.entry?.kind {
                case .person: style = theme.person
                case .organization: style = theme.organization
                default: style = theme.place
                }
                let line = lead + pad(item.text, nameWidth) + " " + count
                buffer.write(pad(line, inside.width), x: inside.x, y: y, style: selected ? theme.selected : isFilter ? theme.chip : style)
            }
        }
    }

    // MARK: Timeline

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func drawTimeline(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        var title = "Timeline (per \(state.bucketSize.rawValue), \(state.timelineKind == .published ? "published" : "when it happened"))"
        if let share = state.share {
            title += " · \(share.name) in \(share.counts.reduce(0, +)) of \(state.buckets.reduce(0) { $0 + $1.articles })"
        } else if state.buckets.indices.contains(state.selectedBucket) {
            let bucket = state.buckets[state.selectedBucket]
            title += " \(bucket.label): \(bucket.articles)"
        }
        let shareStyle: Style? = state.share.map { share in
            switch share.kind {
            case .person: return theme.person
            case .organization: return theme.organization
            case .place: return theme.place
            }
        }
        let inside = box(&buffer, rect, title: title, focused: state.focus == .timeline, theme: theme)
        guard inside.height >= 2, !state.buckets.isEmpty else {
            if inside.height > 0 { buffer.write("No dates yet.", x: inside.x, y: inside.y, style: theme.dim) }
            return
        }
        let barRows = inside.height - 1
        let step = state.buckets.count * 2 <= inside.width ? 2 : 1
        let visible = max(1, inside.width / step)
        let first = state.buckets.count <= visible ? 0 : min(max(0, state.selectedBucket - visible / 2), state.buckets.count - visible)
        let shownBuckets = state.buckets[first..<min(state.buckets.count, first + visible)]
        let highest = max(1, shownBuckets.map(\.articles).max() ?? 1)
        // The bucket of the article under the cursor, when the list has the keyboard.
        let articleDay = state.currentArticle?.article.published.day
        for (offset, bucket) in shownBuckets.enumerated() {
            let index = first + offset
            let x = inside.x + offset * step
            let eighths = bucket.articles == 0 ? 0 : max(1, bucket.articles * barRows * 8 / highest)
            let highlighted = state.focus == .timeline ? index == state.selectedBucket
                : articleDay.map { $0 >= bucket.start && $0 <= bucket.end } ?? false
            // The selected entity's share fills the bar from the bottom, in the entity's colour,
            // to whole rows (a cell has one colour).
            let shared = state.share.map { $0.counts[index] } ?? 0
            let shareRows = shared == 0 ? 0 : max(1, Int((Double(shared) / Double(highest) * Double(barRows)).rounded()))
            for row in 0..<barRows {
                let fill = eighths - (barRows - 1 - row) * 8
                let symbol = fill >= 8 ? "█" : fill > 0 ? String(levels[fill - 1]) : (highlighted ? "·" : " ")
                let inShare = shareStyle != nil && barRows - row <= shareRows && fill > 0
                buffer.write(symbol, x: x, y: inside.y + row,
                             style: inShare ? shareStyle! : highlighted ? theme.barHighlight : theme.bar)
            }
        }
        // The axis: first and last bucket, and the selected one when there is room.
        let axisY = inside.maxY - 1
        let firstLabel = shownBuckets.first!.label, lastLabel = shownBuckets.last!.label
        buffer.write(firstLabel, x: inside.x, y: axisY, style: theme.dim, clip: inside)
        let lastX = inside.x + (shownBuckets.count - 1) * step + 1 - DisplayWidth.of(lastLabel)
        if lastX > inside.x + DisplayWidth.of(firstLabel) + 1 {
            buffer.write(lastLabel, x: min(lastX, inside.maxX - DisplayWidth.of(lastLabel)), y: axisY, style: theme.dim, clip: inside)
        }
    }

    // MARK: Reader

    static func drawReader(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        guard let index = state.reading, state.corpus.articles.indices.contains(index) else { return }
        let theme = state.theme
        let article = state.corpus.articles[index].article
        let inside = box(&buffer, rect, title: "Reader", focused: true, theme: theme)
        guard inside.height > 0 else { return }
        // Lines of styled pieces: the title, the source line, then the body with mentions
        // coloured by kind.
        var lines: [[(String, Style)]] = []
        for line in wrap(article.title, inside.width) { lines.append([(line, theme.title)]) }
        let meta = [article.source ?? "unknown source", article.published.isoString, article.path].joined(separator: " · ")
        for line in wrap(meta, inside.width) { lines.append([(line, theme.dim)]) }
        // The dated events the article names, in the order it names them, each day once.
        var seen = Set<String>()
        let events = state.corpus.articles[index].events.filter { seen.insert($0.isoString).inserted }
            .map { "\($0.isoString) (\($0.text))" }
        if !events.isEmpty {
            for line in wrap("When: " + events.joined(separator: " · "), inside.width) { lines.append([(line, theme.dim)]) }
        }
        lines.append([])
        let body = state.readerBody.isEmpty ? article.body : state.readerBody
        let kindStyle: [EntityKind: Style] = [.person: theme.person, .organization: theme.organization, .place: theme.place]
        var offset = 0
        var mentionIndex = 0
        // Quotations are underlined, whoever said them.
        let quotes = state.corpus.articles[index].quotes
        func quoted(_ start: Int, _ end: Int) -> Bool { quotes.contains { $0.start < end && start < $0.end } }
        for paragraph in body.components(separatedBy: "\n") {
            defer { offset += paragraph.unicodeScalars.count + 1 }
            if paragraph.trimmingCharacters(in: .whitespaces).isEmpty { lines.append([]); continue }
            // Words with their scalar offsets, then wrapped.
            var words: [(text: String, start: Int, end: Int)] = []
            var position = offset, current = "", start = offset
            for scalar in paragraph.unicodeScalars {
                if scalar == " " {
                    if !current.isEmpty { words.append((current, start, position)) }
                    current = ""
                    start = position + 1
                } else {
                    current.unicodeScalars.append(scalar)
                }
                position += 1
            }
            if !current.isEmpty { words.append((current, start, position)) }
            var line: [(String, Style)] = [], used = 0
            for word in words {
                let text = fit(word.text, inside.width)
                let w = DisplayWidth.of(text)
                if used > 0, used + 1 + w > inside.width {
                    lines.append(line)
                    line = []
                    used = 0
                }
                while mentionIndex < state.readerMentions.count, state.readerMentions[mentionIndex].end <= word.start { mentionIndex += 1 }
                var style = theme.text
                if mentionIndex < state.readerMentions.count, state.readerMentions[mentionIndex].start < word.end {
                    style = kindStyle[state.readerMentions[mentionIndex].kind] ?? theme.text
                }
                if quoted(word.start, word.end) { style.underline = true }
                // The space inside a mention of several words takes its colour.
                if used > 0 { line.append((" ", line.last?.1 == style ? style : theme.text)); used += 1 }
                line.append((text, style))
                used += w
            }
            if !line.isEmpty { lines.append(line) }
        }
        let first = min(state.readerScroll, max(0, lines.count - inside.height))
        for row in 0..<min(inside.height, lines.count - first) {
            var x = inside.x
            for (text, style) in lines[first + row] {
                x = buffer.write(text, x: x, y: inside.y + row, style: style, clip: inside)
            }
        }
    }

    /// Words wrapped to `width` columns; a word longer than the width is cut.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = "", used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = fit(String(word), width)
            let ww = DisplayWidth.of(w)
            if used > 0, used + 1 + ww > width {
                lines.append(current)
                current = ""; used = 0
            }
            if used > 0 { current += " "; used += 1 }
            current += w
            used += ww
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    // MARK: Bottom lines

    static func drawHint(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        let theme = state.theme
        if let command = state.command {
            buffer.write(pad(":" + command, rect.width), x: rect.x, y: rect.y, style: theme.text)
            buffer.write("█", x: min(rect.maxX - 1, rect.x + 1 + DisplayWidth.of(fit(command, rect.width))), y: rect.y, style: theme.text)
            return
        }
        if let narrowing = state.narrowing {
            buffer.write(pad("/" + narrowing + "█   Enter keeps, Esc clears", rect.width), x: rect.x, y: rect.y, style: theme.text)
            return
        }
        if let message = state.message {
            buffer.write(pad(message, rect.width), x: rect.x, y: rect.y, style: theme.message)
            return
        }
        let hints = Keymap.tables(for: state).flatMap { $0 }.filter(\.hint)
            .map { "\($0.keys[0].label) \($0.description.split(separator: " (").first.map(String.init) ?? $0.description)" }
        buffer.write(fit(hints.joined(separator: "  "), rect.width), x: rect.x, y: rect.y, style: theme.hint)
    }

    static func drawStatus(_ state: DashboardState, into buffer: inout Buffer, _ rect: Rect) {
        var parts = ["sitrep", state.folders.isEmpty ? "no folder" : state.folders.joined(separator: ", "),
                     "\(state.shown.count)/\(state.corpus.articles.count) articles", "\(state.unseen.count) new"]
        if let last = state.lastUpdate {
            var seconds = time_t(last.timeIntervalSince1970)
            var local = tm()
            localtime_r(&seconds, &local)
            parts.append(String(format: "updated %02d:%02d:%02d", local.tm_hour, local.tm_min, local.tm_sec))
        }
        if let (done, total) = state.indexing, total > 0 { parts.append("indexing \(done)/\(total)") }
        if !state.unreadable.isEmpty { parts.append("\(state.unreadable.count) unreadable (e lists them)") }
        buffer.write(pad(" " + parts.joined(separator: " · "), rect.width), x: rect.x, y: rect.y, style: state.theme.status)
    }

    static func drawHelp(_ theme: Theme, into buffer: inout Buffer, _ area: Rect) {
        var lines: [(String, Style)] = []
        for (title, entries) in Keymap.help {
            if !lines.isEmpty { lines.append(("", theme.text)) }
            lines.append((title, theme.heading))
            lines += entries.map { ($0, theme.text) }
        }
        drawOverlay("Help", lines, theme, into: &buffer, area)
    }

    /// What one person or organisation said: each quote under its article's date and source.
    static func drawQuotes(_ view: (name: String, quotes: [(article: Int, quote: Quote)]), _ state: DashboardState,
                           into buffer: inout Buffer, _ area: Rect) {
        let theme = state.theme
        let width = max(20, area.width - 8)
        var lines: [(String, Style)] = []
        if view.quotes.isEmpty { lines.append(("No quotation of \(view.name) in the articles shown.", theme.dim)) }
        let articles = Set(view.quotes.map(\.article)).count
        for (article, quote) in view.quotes {
            let a = state.corpus.articles[article].article
            if !lines.isEmpty { lines.append(("", theme.text)) }
            lines.append(([a.published.isoString, a.source ?? "unknown source", a.title].joined(separator: " · "), theme.dim))
            for line in wrap("“" + quote.text.replacingOccurrences(of: "\n", with: " ") + "”", width) { lines.append((line, theme.text)) }
        }
        let room = max(1, area.height - 6)
        if lines.count > room {
            let hidden = lines.count - room + 1
            lines = Array(lines.prefix(room - 1)) + [("… \(hidden) more lines; narrow the filter to see them", theme.dim)]
        }
        let title = "What \(view.name) said: \(view.quotes.count) quote\(view.quotes.count == 1 ? "" : "s") in \(articles) article\(articles == 1 ? "" : "s")"
        drawOverlay(title, lines, theme, into: &buffer, area)
    }

    /// A box in the middle of `area` with lines of text, closed by any key.
    static func drawOverlay(_ title: String, _ content: [(String, Style)], _ theme: Theme, into buffer: inout Buffer, _ area: Rect) {
        let lines = content + [("", theme.text), ("Any key closes this.", theme.dim)]
        let width = min(area.width - 2, max(40, lines.map { DisplayWidth.of($0.0) }.max()! + 4))
        let height = min(area.height, lines.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        for y in rect.y..<rect.maxY { buffer.write(String(repeating: " ", count: rect.width), x: rect.x, y: y) }
        let inside = box(&buffer, rect, title: title, focused: true, theme: theme)
        for (row, line) in lines.prefix(inside.height).enumerated() {
            buffer.write(fit(line.0, inside.width - 1), x: inside.x + 1, y: inside.y + row, style: line.1, clip: inside)
        }
    }
}
