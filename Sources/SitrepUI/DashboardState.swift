import Foundation
import SitrepCore

/// The panes that can have the keyboard.
public enum Pane: Int, Sendable, CaseIterable {
    case articles, entities, timeline

    var title: String {
        switch self {
        case .articles: return "Articles"
        case .entities: return "Actors & places"
        case .timeline: return "Timeline"
        }
    }
}

/// One row of the entity sidebar: a group heading or an entity with its article count under
/// the current filter.
public struct SidebarRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case heading, entity }
    public var kind: Kind
    public var text: String
    public var count: Int
    /// Nesting under a containing place.
    public var depth: Int
    public var entry: CorpusEntities.Entry?
    /// For a place with places listed inside it: whether they are folded away.
    public var folded: Bool? = nil
}

/// An entity mention in the reader's body: Unicode-scalar offsets and the entity's kind.
public struct ReaderMention: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: EntityKind

    public init(start: Int, end: Int, kind: EntityKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// Where an article stands in its story, in the grouped list.
public struct StoryRow: Sendable, Equatable {
    /// The listed articles of the story.
    public var count: Int
    /// 0 for the story's newest article, which opens it.
    public var position: Int

    public var opens: Bool { position == 0 }
    public var isLast: Bool { position == count - 1 }
}

/// One bucket of the timeline strip.
public struct TimelineBucket: Sendable, Equatable {
    public var label: String
    public var start: CalendarDay
    public var end: CalendarDay
    public var articles: Int
}

/// Everything the dashboard shows, and nothing about how: the reducer changes it, widgets draw
/// it. What the panes list is derived from the corpus and the filter in `refresh()`.
public struct DashboardState: Sendable {
    public var corpus: Corpus
    public var filter = Query()
    public var focus: Pane = .articles
    public var width: Int
    public var height: Int

    /// Articles matching the filter: indices into `corpus.articles`, newest first.
    public private(set) var shown: [Int] = []
    public private(set) var sidebar: [SidebarRow] = []
    public private(set) var buckets: [TimelineBucket] = []
    public private(set) var bucketSize: BucketSize = .day
    /// Whether the timeline counts articles by publication or by the days of their events.
    public var timelineKind: Corpus.TimelineKind = .published
    /// With an entity under the sidebar's cursor: its name, kind and how many of each bucket's
    /// articles name it, drawn in its colour over the bars.
    public private(set) var share: (name: String, kind: EntityKind, counts: [Int])? = nil
    /// Places whose contained places the sidebar hides (entity keys).
    public var foldedPlaces: Set<String> = []
    /// The story of each article (by index id), as far as it has been worked out, and whether
    /// the article list groups by it.
    public var storyOf: [Int64: Int] = [:]
    public var groupByStory = false
    /// When grouped, one entry per row of `shown`: how many listed articles the row's story
    /// has, and where the row stands in it.
    public private(set) var storyRows: [StoryRow] = []
    /// When grouped, how many stories the listed articles tell.
    public private(set) var storyCount = 0

    /// Selection and scroll per pane; the article selection is kept by path across refreshes.
    public var selectedArticle = 0
    public var articleScroll = 0
    public var selectedEntity = 0
    public var entityScroll = 0
    public var selectedBucket = 0

    /// The reader, when open: the article and how far down it is scrolled.
    public var reading: Int? = nil
    public var readerScroll = 0
    /// The body of the article being read, fetched on opening (snapshots do not hold bodies).
    public var readerBody: String = ""
    /// Where entities are mentioned in that body (scalar offsets), for colouring by kind.
    public var readerMentions: [ReaderMention] = []

    /// The `:` command line, when open.
    public var command: String? = nil
    /// `/` narrowing of the focused list, when typed.
    public var narrowing: String? = nil
    public var showHelp = false
    /// What the entity under the sidebar's cursor said across the filtered articles, when
    /// shown: its name, and each quote with the article it is in.
    public var quotesView: (name: String, quotes: [(article: Int, quote: Quote)])? = nil
    public var showProblems = false
    /// Start-up indexing under way: files read, of those to read.
    public var indexing: (done: Int, total: Int)? = nil
    /// A one-line message under the panes (an unknown name, a bad date); cleared by the next key.
    public var message: String? = nil
    public var quit = false

    /// Status: what is watched, what is new, what could not be read.
    public var folders: [String] = []
    public var opened = Date()
    public var lastUpdate: Date? = nil
    public var unreadable: [String] = []
    /// Paths of articles that arrived while the dashboard was open and have not been selected.
    public var unseen: Set<String> = []
    /// Paths of articles the analyst has opened.
    public var read: Set<String> = []
    public var theme: Theme = .default
    /// The themes `:theme NAME` can switch to, by name.
    public var themes: [String: Theme] = ["default": .default, "mono": .mono]

    public init(corpus: Corpus, width: Int, height: Int) {
        self.corpus = corpus
        self.width = width
        self.height = height
        refresh()
    }

    public enum BucketSize: String, Sendable { case day, week, month }

    /// The article under the cursor.
    public var currentArticle: AnalysedArticle? {
        shown.indices.contains(selectedArticle) ? corpus.articles[shown[selectedArticle]] : nil
    }

    /// Recomputes what the panes list from the corpus and the filter, keeping the selected
    /// article selected when it is still listed.
    public mutating func refresh() {
        refresh(keeping: currentArticle.map { ($0.article.path, $0.article.part?.number) })
    }

    /// `refresh()`, keeping the article at `keep` (path, part) selected when still listed;
    /// `matched`, when given, is what the filter matches, computed already.
    public mutating func refresh(keeping keep: (String, Int?)?, matched: [Int]? = nil) {
        if let matched {
            shown = matched
        } else {
            do {
                shown = try corpus.matches(filter)
            } catch {
                message = "\(error)"
                shown = (try? corpus.matches(Query())) ?? []
            }
        }
        if let narrowing, !narrowing.isEmpty, focus == .articles {
            let needle = narrowing.lowercased()
            shown = shown.filter { corpus.articles[$0].article.title.lowercased().contains(needle) }
        }
        if groupByStory { groupShownByStory() } else { (storyRows, storyCount) = ([], 0) }
        if let keep, let position = corpus.position(ofPath: keep.0, part: keep.1), let index = shown.firstIndex(of: position) {
            selectedArticle = index
        }
        selectedArticle = min(max(0, selectedArticle), max(0, shown.count - 1))
        refreshSidebar()
        (buckets, bucketSize) = Self.buckets(corpus.timeline(shown, kind: timelineKind), width: max(10, width - 4))
        selectedBucket = min(max(0, selectedBucket), max(0, buckets.count - 1))
        refreshShare()
    }

    /// Reorders `shown` so that each story's articles follow its newest one, stories in the
    /// order of their newest articles; an article whose story is not known yet stands alone.
    private mutating func groupShownByStory() {
        var order: [Int] = []
        var members: [Int: [Int]] = [:]
        var alone = -1
        for index in shown {
            let key: Int
            if let id = corpus.articles[index].id, let story = storyOf[id] {
                key = story
            } else {
                key = alone
                alone -= 1
            }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        var grouped: [Int] = [], rows: [StoryRow] = []
        grouped.reserveCapacity(shown.count)
        rows.reserveCapacity(shown.count)
        for key in order {
            let list = members[key]!
            for (position, index) in list.enumerated() {
                grouped.append(index)
                rows.append(StoryRow(count: list.count, position: position))
            }
        }
        shown = grouped
        storyRows = rows
        storyCount = order.count
    }

    /// The sidebar again (after folding), keeping the entity under the cursor when it is
    /// still listed.
    public mutating func refreshSidebar() {
        let current = sidebar.indices.contains(selectedEntity) ? sidebar[selectedEntity].entry?.key : nil
        sidebar = Self.sidebarRows(corpus.facets(shown), narrowing: focus == .entities ? narrowing : nil, folded: foldedPlaces)
        if let current, let index = sidebar.firstIndex(where: { $0.entry?.key == current }) { selectedEntity = index }
        selectedEntity = min(max(0, selectedEntity), max(0, sidebar.count - 1))
    }

    /// The selected entity's share of the timeline's buckets, when the sidebar has the
    /// keyboard and an entity (not a heading) is under its cursor.
    public mutating func refreshShare() {
        guard focus == .entities, sidebar.indices.contains(selectedEntity), let entry = sidebar[selectedEntity].entry,
              !buckets.isEmpty else {
            share = nil
            return
        }
        var counts = [Int](repeating: 0, count: buckets.count)
        for (day, n) in corpus.timeline(shown, naming: entry.key, kind: timelineKind) {
            // Buckets are in date order: find the one holding the day.
            var low = 0, high = buckets.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if buckets[middle].start <= day { low = middle } else { high = middle - 1 }
            }
            if buckets[low].start <= day && day <= buckets[low].end { counts[low] += n }
        }
        share = (entry.name, entry.kind, counts)
    }

    /// People, Organizations and Places, each by article count; places nested under the
    /// containing place when it is listed too.
    static func sidebarRows(_ facets: [(entry: CorpusEntities.Entry, articles: Int)], narrowing: String?,
                            folded: Set<String> = []) -> [SidebarRow] {
        var facets = facets
        if let narrowing, !narrowing.isEmpty {
            let needle = narrowing.lowercased()
            facets = facets.filter { $0.entry.name.lowercased().contains(needle) || $0.entry.aliases.contains { $0.lowercased().contains(needle) } }
        }
        var rows: [SidebarRow] = []
        for (kind, heading) in [(EntityKind.person, "People"), (.organization, "Organizations"), (.place, "Places")] {
            let group = facets.filter { $0.entry.kind == kind }
            guard !group.isEmpty else { continue }
            rows.append(SidebarRow(kind: .heading, text: heading, count: group.count, depth: 0, entry: nil))
            if kind != .place {
                rows += group.map { SidebarRow(kind: .entity, text: $0.entry.name, count: $0.articles, depth: 0, entry: $0.entry) }
                continue
            }
            // Places: a tree by parent name, roots being places whose parent is not listed.
            let names = Set(group.map(\.entry.name))
            var children: [String: [(entry: CorpusEntities.Entry, articles: Int)]] = [:]
            var roots: [(entry: CorpusEntities.Entry, articles: Int)] = []
            for item in group {
                if let parent = item.entry.parent, names.contains(parent), parent != item.entry.name {
                    children[parent, default: []].append(item)
                } else {
                    roots.append(item)
                }
            }
            var visited = Set<String>()
            func add(_ item: (entry: CorpusEntities.Entry, articles: Int), depth: Int) {
                guard visited.insert(item.entry.key).inserted else { return }
                let inside = children[item.entry.name] ?? []
                let isFolded = folded.contains(item.entry.key)
                rows.append(SidebarRow(kind: .entity, text: item.entry.name, count: item.articles, depth: depth, entry: item.entry,
                                       folded: inside.isEmpty ? nil : isFolded))
                guard !isFolded else { return }
                for child in inside { add(child, depth: min(depth + 1, 4)) }
            }
            for root in roots { add(root, depth: 0) }
        }
        return rows
    }

    /// Buckets of a day, a week or a month: the smallest that fits the range in `width`
    /// columns at two columns a bucket.
    static func buckets(_ days: [(day: CalendarDay, articles: Int)], width: Int) -> ([TimelineBucket], BucketSize) {
        guard let first = days.first?.day, let last = days.last?.day else { return ([], .day) }
        let span = Int(last.date.timeIntervalSince(first.date) / 86_400) + 1
        let slots = max(1, width / 2)
        let size: BucketSize = span <= slots ? .day : span / 7 + 1 <= slots ? .week : .month
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func start(of day: CalendarDay) -> CalendarDay {
            switch size {
            case .day: return day
            case .week:
                let date = day.date
                let weekday = (calendar.component(.weekday, from: date) + 5) % 7  // Monday = 0
                return CalendarDay(date: date.addingTimeInterval(-Double(weekday) * 86_400))
            case .month: return CalendarDay(year: day.year, month: day.month, day: 1)!
            }
        }
        func next(_ day: CalendarDay) -> CalendarDay {
            switch size {
            case .day: return CalendarDay(date: day.date.addingTimeInterval(86_400))
            case .week: return CalendarDay(date: day.date.addingTimeInterval(7 * 86_400))
            case .month: return day.month == 12 ? CalendarDay(year: day.year + 1, month: 1, day: 1)! : CalendarDay(year: day.year, month: day.month + 1, day: 1)!
            }
        }
        var counts: [CalendarDay: Int] = [:]
        for (day, n) in days { counts[start(of: day), default: 0] += n }
        var buckets: [TimelineBucket] = []
        var cursor = start(of: first)
        let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        while cursor <= last, buckets.count < 2000 {
            let following = next(cursor)
            let end = CalendarDay(date: following.date.addingTimeInterval(-86_400))
            let label = size == .month ? "\(monthNames[cursor.month - 1]) \(cursor.year)" : "\(cursor.day) \(monthNames[cursor.month - 1])"
            buckets.append(TimelineBucket(label: label, start: cursor, end: end, articles: counts[cursor] ?? 0))
            cursor = following
        }
        return (buckets, size)
    }
}
