import Foundation
import Synchronization

/// The stories of a live corpus, for the dashboard's grouped article list. Each article is
/// placed once: the whole corpus oldest first the first time, then only the articles each new
/// snapshot brings. Placing never revisits earlier articles, so a file landing costs one
/// placement (tens of milliseconds at 100,000 articles), not a new clustering.
public final class LiveStories: Sendable {
    /// Story numbers by article index id. A story's number is that of its first article.
    public typealias Map = [Int64: Int]

    private struct State {
        var index = StoryIndex()
        var storyOf: Map = [:]
    }
    private let state = Mutex(State())

    public init() {}

    /// Places the articles of `corpus` that were not placed before (oldest first), with their
    /// text from `body` (the index holds bodies; snapshots do not), and returns the story of
    /// every article placed so far. `progress` hears (placed, to place) every 1,000 articles,
    /// with the map so far, so a long first pass can be shown as it goes.
    public func update(_ corpus: Corpus, body: (Int64) -> String?, progress: (Int, Int, Map) -> Void = { _, _, _ in }) -> Map {
        state.withLock { state in
            let fresh = corpus.articles.reversed().filter { item in item.id.map { state.storyOf[$0] == nil } ?? false }
            for (done, item) in fresh.enumerated() {
                let text = item.article.title + "\n\n" + (body(item.id!) ?? item.article.body)
                let features = StoryIndex.Features(day: item.article.published.day, body: text, entityKeys: Set(item.keys.map(\.key)),
                                                   eventDays: Corpus.eventDays(item))
                let placement = state.index.add(features)
                state.storyOf[item.id!] = placement.story
                if (done + 1) % 1_000 == 0, done + 1 < fresh.count { progress(done + 1, fresh.count, state.storyOf) }
            }
            return state.storyOf
        }
    }
}
