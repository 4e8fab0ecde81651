import ArgumentParser
import Foundation
import SitrepCore

/// `sitrep index`: brings the index up to date with folders.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Index article folders: read what is new or changed, forget what is gone.",
        discussion: """
        The other commands do this too before they answer; `index` does only this, with a \
        progress bar on a terminal and a one-line summary otherwise. The index is a cache: \
        deleting it loses nothing but the time to rebuild it.
        """
    )

    @OptionGroup var input: ArticlePaths
    @OptionGroup var index: IndexOptions

    func run() throws {
        let started = Date()
        let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar(started: started) : nil
        // Only counts are printed; the snapshot file is brought up to date so that the dashboard
        // opens at once.
        let (store, s) = try IndexedCorpus.reconcile(input.paths, options: index, progress: { bar?.show($0) })
        bar?.finish()
        let roots = input.paths.map(Store.Root.init)
        if !((try? store.snapshotFileIsCurrent(under: roots)) ?? true) { _ = try? store.refreshSnapshotFile(under: roots) }
        let seconds = Date().timeIntervalSince(started)
        let analysed = s.count(.added) + s.count(.changed) + s.count(.error)
        let rate = analysed > 0 && seconds > 0 ? String(format: ", %.0f files/s", Double(analysed) / seconds) : ""
        let place = store.path ?? "memory"
        print("indexed \(s.files) file\(s.files == 1 ? "" : "s") in \(String(format: "%.1f", seconds)) s\(rate): "
              + "\(s.count(.added)) added, \(s.count(.changed)) changed, \(s.count(.removed)) removed, "
              + "\(s.count(.renamed)) renamed, \(s.unchanged) unchanged, \(s.count(.error)) unreadable; "
              + "\(try store.articleCount(under: input.paths.map(Store.Root.init))) articles in \(place)")
    }
}

/// One line on stderr redrawn in place: done/total, a bar, the rate and the time left.
final class ProgressBar {
    private let started: Date
    private var lastDrawn = Date.distantPast

    init(started: Date) { self.started = started }

    func show(_ progress: Indexer.Progress) {
        let now = Date()
        guard progress.total > 0, progress.done == progress.total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let width = 30
        let filled = progress.done * width / progress.total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let eta = progress.done == 0 ? "--:--" : String(format: "%02d:%02d", Int(left) / 60, Int(left) % 60)
        let line = "\r\(bar) \(progress.done)/\(progress.total) files  \(String(format: "%.0f", rate))/s  ETA \(eta) "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if lastDrawn != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
