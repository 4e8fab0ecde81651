import Foundation
import SitrepCore

/// Something that happened to the dashboard.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A new snapshot of the corpus, with the paths of the articles that arrived in it.
    case snapshot(Corpus, arrived: [String], unreadable: [String])
    /// The story of each article (by index id), as far as it has been worked out.
    case stories([Int64: Int])
    /// The body of the article being read, and its entity mentions, fetched from the index.
    case body(String, mentions: [ReaderMention])
    /// A click at a cell; `wheel` -1 up, +1 down.
    case click(x: Int, y: Int)
    case wheel(x: Int, y: Int, delta: Int)
    /// Indexing at start-up: files read of those to read; done when they are equal.
    case indexing(done: Int, total: Int)
}

/// The dashboard's one state transition: `(state, event) -> state`, with no side effects.
extension Event {
    /// Adds an event to a queue of events waiting for the loop: a snapshot replaces one still
    /// waiting, with both arrivals; stories replace stories.
    public static func enqueue(_ event: Event, into events: inout [Event]) {
        switch event {
        case .snapshot(let corpus, let arrived, let unreadable):
            if let waiting = events.lastIndex(where: { if case .snapshot = $0 { return true } else { return false } }),
               case .snapshot(_, let earlier, _) = events[waiting] {
                events.remove(at: waiting)
                events.append(.snapshot(corpus, arrived: earlier + arrived, unreadable: unreadable))
                return
            }
        case .stories:
            events.removeAll { if case .stories = $0 { return true } else { return false } }
        default:
            break
        }
        events.append(event)
    }
}

public enum Reducer {
    public static func reduce(_ state: DashboardState, _ event: Event) -> DashboardState {
        var s = state
        switch event {
        case .resize(let width, let height):
            s.width = width
            s.height = height
            s.refresh()
        case .snapshot(let corpus, let arrived, let unreadable):
            // The selection and the reader follow their articles, wherever the new snapshot puts them.
            let keep = s.currentArticle.map { ($0.article.path, $0.article.part?.number) }
            let reading = s.reading.map { s.corpus.articles[$0].article }.map { ($0.path, $0.part?.number) }
            s.corpus = corpus
            s.unseen.formUnion(arrived)
            s.unreadable = unreadable
            s.lastUpdate = Date()
            s.refresh(keeping: keep)
            if let reading {
                s.reading = corpus.articles.firstIndex { $0.article.path == reading.0 && $0.article.part?.number == reading.1 }
            }
        case .stories(let map):
            s.storyOf = map
            if s.groupByStory { s.refresh() }
        case .indexing(let done, let total):
            s.indexing = done < total ? (done, total) : nil
        case .body(let text, let mentions):
            s.readerBody = text
            s.readerMentions = mentions
        case .key(let key):
            s = reduceKey(s, key)
        case .click(let x, let y):
            s = click(s, x: x, y: y)
        case .wheel(let x, let y, let delta):
            var t = click(s, x: x, y: y, select: false)
            for _ in 0..<3 { t = perform(t, delta > 0 ? .moveDown : .moveUp) }
            s = t
        }
        // The timeline shows the share of the entity under the sidebar's cursor.
        if s.focus != state.focus || s.selectedEntity != state.selectedEntity { s.refreshShare() }
        return s
    }

    private static func reduceKey(_ state: DashboardState, _ key: Key) -> DashboardState {
        var s = state
        s.message = nil
        if s.showHelp || s.showProblems || s.quotesView != nil {
            s.showHelp = false
            s.showProblems = false
            s.quotesView = nil
            return s
        }
        if s.command != nil { return commandKey(s, key) }
        if s.narrowing != nil, s.reading == nil {
            switch key {
            case .escape: s.narrowing = nil
            case .enter: if s.narrowing?.isEmpty ?? true { s.narrowing = nil } else { return perform(s, .open) }
            case .backspace: s.narrowing = String((s.narrowing ?? "").dropLast())
            case .char(let c): s.narrowing = (s.narrowing ?? "") + String(c)
            case .down, .up, .pageDown, .pageUp:
                return perform(s, key == .down ? .moveDown : key == .up ? .moveUp : key == .pageDown ? .pageDown : .pageUp)
            default: break
            }
            s.refresh()
            return s
        }
        if key == .ctrl("c") { s.quit = true; return s }
        guard let action = Keymap.action(for: key, in: s) else { return s }
        return perform(s, action)
    }

    static func perform(_ state: DashboardState, _ action: Action) -> DashboardState {
        var s = state
        if let reading = s.reading {
            let page = max(1, s.height - 6)
            switch action {
            case .moveDown: s.readerScroll += 1
            case .moveUp: s.readerScroll = max(0, s.readerScroll - 1)
            case .pageDown: s.readerScroll += page
            case .pageUp: s.readerScroll = max(0, s.readerScroll - page)
            case .top: s.readerScroll = 0
            case .bottom: s.readerScroll = Int.max / 2
            case .back:
                s.reading = nil
                if let at = s.shown.firstIndex(of: reading) { s.selectedArticle = at }
            default: break
            }
            return s
        }
        let page = max(1, s.height - 8)
        switch action {
        case .moveDown: move(&s, by: 1)
        case .moveUp: move(&s, by: -1)
        case .pageDown: move(&s, by: page)
        case .pageUp: move(&s, by: -page)
        case .top: move(&s, by: -Int.max / 2)
        case .bottom: move(&s, by: Int.max / 2)
        case .fold:
            guard s.sidebar.indices.contains(s.selectedEntity) else { break }
            let row = s.sidebar[s.selectedEntity]
            if row.folded == false, let key = row.entry?.key {
                s.foldedPlaces.insert(key)
                s.refreshSidebar()
            } else if row.depth > 0, let parent = s.sidebar[..<s.selectedEntity].lastIndex(where: { $0.kind == .entity && $0.depth < row.depth }) {
                s.selectedEntity = parent
            }
        case .unfold:
            guard s.sidebar.indices.contains(s.selectedEntity), s.sidebar[s.selectedEntity].folded == true,
                  let key = s.sidebar[s.selectedEntity].entry?.key else { break }
            s.foldedPlaces.remove(key)
            s.refreshSidebar()
        case .quotes:
            guard s.sidebar.indices.contains(s.selectedEntity), let entry = s.sidebar[s.selectedEntity].entry, entry.kind != .place else {
                s.message = "choose a person or organisation in the sidebar to see what they said"
                break
            }
            var found: [(article: Int, quote: Quote)] = []
            for index in s.shown {
                for quote in s.corpus.articles[index].quotes where quote.speakerKey == entry.key { found.append((index, quote)) }
            }
            s.quotesView = (entry.name, found)
        case .groupByStory:
            s.groupByStory.toggle()
            if s.groupByStory, s.storyOf.isEmpty, !s.corpus.articles.isEmpty {
                s.message = "stories are still being worked out: the list groups as they come"
            }
            s.refresh()
        case .timelineKind:
            s.timelineKind = s.timelineKind == .published ? .happened : .published
            s.refresh()
        case .earlier: s.selectedBucket = max(0, s.selectedBucket - 1)
        case .later: s.selectedBucket = min(max(0, s.buckets.count - 1), s.selectedBucket + 1)
        case .nextPane: s.focus = Pane(rawValue: (s.focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: s.focus = Pane(rawValue: (s.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .focus(let pane): s.focus = pane
        case .command: s.command = ""
        case .actorCommand: s.command = "actor "
        case .regionCommand: s.command = "region "
        case .narrow: s.narrowing = ""
        case .help: s.showHelp = true
        case .problems: s.showProblems = true
        case .quit: s.quit = true
        case .back:
            if !s.filter.terms.isEmpty {
                s.filter.terms.removeLast()
                s.refresh()
            }
        case .open:
            switch s.focus {
            case .articles:
                guard let article = s.currentArticle else { break }
                s.reading = s.shown[s.selectedArticle]
                s.readerScroll = 0
                s.readerBody = article.article.body
                s.readerMentions = article.entities.flatMap { entity in
                    entity.mentions.map { ReaderMention(start: $0.start, end: $0.end, kind: entity.kind) }
                }.sorted { $0.start < $1.start }
                s.read.insert(article.article.path)
                s.unseen.remove(article.article.path)
            case .entities:
                guard s.sidebar.indices.contains(s.selectedEntity), let entry = s.sidebar[s.selectedEntity].entry else { break }
                toggle(&s, entry)
            case .timeline:
                guard s.buckets.indices.contains(s.selectedBucket) else { break }
                let bucket = s.buckets[s.selectedBucket]
                s.filter.terms.removeAll { $0.field == .since || $0.field == .until }
                s.filter.terms += [Query.Term(.since, bucket.start.isoString), Query.Term(.until, bucket.end.isoString)]
                s.refresh()
            }
        }
        return s
    }

    private static func move(_ s: inout DashboardState, by delta: Int) {
        func clamp(_ value: Int, _ count: Int) -> Int { min(max(0, value), max(0, count - 1)) }
        switch s.focus {
        case .articles:
            s.selectedArticle = clamp(s.selectedArticle &+ delta, s.shown.count)
            if let path = s.currentArticle?.article.path { s.unseen.remove(path) }
        case .entities: s.selectedEntity = clamp(s.selectedEntity &+ delta, s.sidebar.count)
        case .timeline: s.selectedBucket = clamp(s.selectedBucket &+ delta, s.buckets.count)
        }
    }

    /// An entity from the sidebar as a filter term: people and organisations as actors,
    /// places as regions. Toggling again removes it.
    static func term(for entry: CorpusEntities.Entry) -> Query.Term {
        Query.Term(entry.kind == .place ? .region : .actor, entry.name)
    }

    private static func toggle(_ s: inout DashboardState, _ entry: CorpusEntities.Entry) {
        let term = term(for: entry)
        if let at = s.filter.terms.firstIndex(of: term) { s.filter.terms.remove(at: at) } else { s.filter.terms.append(term) }
        s.refresh()
    }

    // MARK: Command line

    private static func commandKey(_ state: DashboardState, _ key: Key) -> DashboardState {
        var s = state
        var text = s.command ?? ""
        switch key {
        case .escape:
            s.command = nil
            return s
        case .backspace:
            text = String(text.dropLast())
        case .tab:
            text = complete(text, in: s)
        case .enter:
            s.command = nil
            return run(text, s)
        case .char(let c):
            text.append(c)
        default:
            break
        }
        s.command = text
        return s
    }

    /// Runs a command line: `actor NAME`, `region NAME`, `source NAME`, `since DATE`,
    /// `until DATE`, `clear`, `q`, or a query in the filter language (`actor:Putin -source:UPI`).
    public static func run(_ line: String, _ state: DashboardState) -> DashboardState {
        var s = state
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return s }
        let word = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        var terms: [Query.Term] = []
        switch word.lowercased() {
        case "q", "quit":
            s.quit = true
            return s
        case "clear":
            s.filter = Query()
            s.refresh()
            return s
        case "theme":
            if let theme = s.themes[rest] {
                s.theme = theme
            } else {
                s.message = "no theme called \"\(rest)\"; there are \(s.themes.keys.sorted().joined(separator: ", "))"
            }
            return s
        case "actor", "region", "source", "since", "until":
            guard !rest.isEmpty else {
                s.message = "\(word) needs a value, as in :\(word) \(word == "since" || word == "until" ? "2021-04-01" : "Blinken")"
                return s
            }
            var value = rest
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            terms = [Query.Term(Query.Field(rawValue: word.lowercased())!, value)]
        default:
            do {
                terms = try Query.parse(trimmed).terms
            } catch {
                s.message = "\(error)"
                return s
            }
        }
        var candidate = s.filter
        candidate.terms += terms.filter { !candidate.terms.contains($0) }
        let matched: [Int]
        do {
            matched = try s.corpus.matches(candidate)
        } catch {
            s.message = "\(error)"
            return s
        }
        s.filter = candidate
        s.refresh(keeping: s.currentArticle.map { ($0.article.path, $0.article.part?.number) }, matched: matched)
        return s
    }

    /// Completes the name after `actor `, `region ` or `source ` from the corpus.
    static func complete(_ text: String, in s: DashboardState) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            let commands = ["actor ", "region ", "source ", "since ", "until ", "clear", "theme "]
            return commands.first { $0.hasPrefix(text.lowercased()) } ?? text
        }
        let prefix = parts[1].lowercased()
        let names: [String]
        switch parts[0].lowercased() {
        case "actor": names = s.corpus.entities.filter { $0.kind != .place || $0.key.count == "place:".count + 2 }.map(\.name)
        case "region": names = s.corpus.entities.filter { $0.kind == .place }.map(\.name)
        case "source": names = Array(Set(s.corpus.articles.compactMap(\.article.source))).sorted()
        case "theme": names = s.themes.keys.sorted()
        default: return text
        }
        guard let match = names.first(where: { $0.lowercased().hasPrefix(prefix) })
                ?? names.first(where: { $0.lowercased().split(separator: " ").contains { $0.hasPrefix(prefix) } }) else { return text }
        return "\(parts[0]) \(match)"
    }

    // MARK: Mouse

    private static func click(_ state: DashboardState, x: Int, y: Int, select: Bool = true) -> DashboardState {
        var s = state
        let layout = Layout(width: s.width, height: s.height)
        guard let panes = layout.panes, s.reading == nil else { return s }
        if panes.articles.contains(x: x, y: y) {
            s.focus = .articles
            let row = y - panes.articles.y - 1 + s.articleScroll
            if select, s.shown.indices.contains(row) { s.selectedArticle = row }
        } else if panes.entities.contains(x: x, y: y) {
            s.focus = .entities
            let row = y - panes.entities.y - 1 + s.entityScroll
            if select, s.sidebar.indices.contains(row) { s.selectedEntity = row }
        } else if panes.timeline.contains(x: x, y: y) {
            s.focus = .timeline
        }
        return s
    }
}

extension Rect {
    func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
