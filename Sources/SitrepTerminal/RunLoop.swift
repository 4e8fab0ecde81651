import CNcursesw
import Foundation
import SitrepUI
import Synchronization

/// The dashboard in a real terminal: reads keys, mouse and resizes, feeds them through the
/// reducer, draws each new state, and picks up new corpus snapshots between frames.
///
/// Sendable for `post` and `stop`, which other threads call (they go through a lock and an
/// atomic); everything else runs on the thread that called `run`.
public final class RunLoop: @unchecked Sendable {
    private let terminal = Terminal()
    private var state: DashboardState
    /// Events from other threads (snapshots, bodies fetched), taken between frames.
    private let inbox = Mutex<[Event]>([])
    private let stopRequested = Atomic<Bool>(false)
    /// The article whose body was last fetched for the reader.
    private var fetchedFor: Int?
    /// Called when the reader opens an article whose body the snapshot does not hold.
    private let fetchBody: (DashboardState) -> (String, [ReaderMention])?
    /// Called on the loop's thread with each new state, for work it asks of the program
    /// (placing stories once the list is first grouped by them). Set before `run`.
    public var observe: (DashboardState) -> Void = { _ in }

    public init(state: DashboardState, fetchBody: @escaping (DashboardState) -> (String, [ReaderMention])?) {
        self.state = state
        self.fetchBody = fetchBody
    }

    /// Hands an event to the loop from any thread. A snapshot replaces one still waiting (its
    /// arrivals carried over), and so do stories: a loop that falls behind a burst of files
    /// holds one pending snapshot, not one per batch, each with its own copy of the tables.
    public func post(_ event: Event) {
        inbox.withLock { Event.enqueue(event, into: &$0) }
    }

    /// Asks the loop to end after the current frame (SIGINT, SIGTERM).
    public func stop() { stopRequested.store(true, ordering: .relaxed) }

    /// Runs until `q`, `:q`, Ctrl-C or SIGTERM; the terminal is restored on the way out.
    public func run() {
        terminal.open()
        Crash.terminalIsOpen.store(true, ordering: .relaxed)
        defer {
            terminal.close()
            Crash.terminalIsOpen.store(false, ordering: .relaxed)
        }
        // NO_COLOR (set and not empty) or a terminal with fewer than 256 colours: attributes only.
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if noColor || terminal.colorCount < 256 {
            state.theme = .mono
            state.themes = state.themes.mapValues { _ in .mono }
        }
        let size = terminal.size
        state = Reducer.reduce(state, .resize(width: size.width, height: size.height))
        draw()
        while !state.quit, !stopRequested.load(ordering: .relaxed) {
            var changed = false
            if let event = terminal.readEvent(timeoutMilliseconds: 50) {
                state = Reducer.reduce(state, event)
                changed = true
                // Drain what else is waiting (typing, a paste) before drawing.
                while let more = terminal.readEvent(timeoutMilliseconds: 0) { state = Reducer.reduce(state, more) }
            }
            let pending = inbox.withLock { events -> [Event] in
                defer { events.removeAll() }
                return events
            }
            for event in pending { state = Reducer.reduce(state, event); changed = true }
            // Fetch a body once per opening (an article may have an empty body).
            if state.reading == nil { fetchedFor = nil }
            if let reading = state.reading, reading != fetchedFor, state.readerBody.isEmpty {
                fetchedFor = reading
                if let (body, mentions) = fetchBody(state) { state = Reducer.reduce(state, .body(body, mentions: mentions)); changed = true }
            }
            if changed {
                observe(state)
                draw()
            }
        }
    }

    private func draw() {
        terminal.show(Dashboard.render(state), theme: state.theme)
    }
}

/// Restores the terminal when the process dies of a signal it cannot survive.
public enum Crash {
    static let terminalIsOpen = Atomic<Bool>(false)

    public static func installHandlers() {
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP] {
            signal(sig) { number in
                if Crash.terminalIsOpen.load(ordering: .relaxed) { endwin() }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
