import Dispatch
import Foundation
import Glibc
import Synchronization

/// Watches article folders and reports, in batches, the paths that changed.
///
/// With inotify (the default on Linux) every folder under the roots is watched, and folders
/// created or moved in later are watched as they appear. A file counts when it is complete:
/// when a writer closes it (IN_CLOSE_WRITE) or when it is moved in whole (IN_MOVED_TO, as
/// an atomic rename does). A file still open for writing is never reported. Deletions and
/// renames are reported as the paths that vanished.
///
/// Without inotify (network and some container file systems), `poll` lists the folders
/// every few seconds and reports a file once its size and modification time have held still
/// for one interval, so a file being copied is not read half-way.
///
/// Changes are gathered for `window` seconds (0.1 s by default) after the first one and then
/// reported together: a burst of thousands of files arrives as a few large batches, and a
/// steady trickle as one batch per window. `onChange` handles one batch at a time, off the
/// caller's thread; changes that arrive meanwhile are merged into the next batch, so a slow
/// handler sees fewer, larger batches rather than a growing queue.
public final class FolderWatcher: Sendable {
    public enum Mode: Sendable, Equatable {
        case inotify
        case poll(seconds: Double)
    }

    public let roots: [String]
    public let mode: Mode
    private let window: Double
    private let onChange: @Sendable ([String]) -> Void

    private let events = DispatchQueue(label: "sitrep.watch.events")
    private let work = DispatchQueue(label: "sitrep.watch.work")
    private let state = Mutex(State())
    /// Set once in `start`, cancelled in `stop`; touched only under `state`'s lock.
    nonisolated(unsafe) private var source: (any DispatchSourceRead)? = nil
    nonisolated(unsafe) private var timer: (any DispatchSourceTimer)? = nil

    private struct State {
        var descriptor: Int32 = -1
        var folders: [Int32: String] = [:]
        var pending: [String] = []
        var pendingSet = Set<String>()
        var flushScheduled = false
        /// A batch is being handled: new changes wait, and go together when it is done.
        var working = false
        // Polling: what the last listing saw, and what has been reported.
        var lastSeen: [String: FileStamp] = [:]
        var settled: [String: FileStamp] = [:]
        var stopped = false
        /// Roots that were deleted (or not there yet): looked for every second, and watched
        /// again, with whatever they hold, when they appear.
        var missingRoots = Set<String>()
    }

    struct FileStamp: Equatable {
        var size: Int64
        var mtime: Double
    }

    public struct WatchError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(roots: [String], mode: Mode = .inotify, window: Double = 0.1, onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.mode = mode
        self.window = window
        self.onChange = onChange
    }

    /// Starts watching. Throws when inotify is unavailable (say so and suggest `--poll`).
    public func start() throws {
        switch mode {
        case .inotify: try startInotify()
        case .poll(let seconds): startPolling(every: seconds)
        }
    }

    public func stop() {
        state.withLock { s in
            s.stopped = true
            source?.cancel()
            timer?.cancel()
            source = nil
            timer = nil
        }
    }

    /// Stops watching and waits for the batch being handled, if there is one, so a program
    /// that exits next does not cut a batch short. Never call it from the handler.
    public func stopAndWait() {
        stop()
        // A flush that saw the watcher running may still be handing its batch to `work`:
        // let it finish, then wait for that batch.
        events.sync {}
        work.sync {}
    }

    // MARK: inotify

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE
                                           | IN_DELETE_SELF | IN_ONLYDIR)

    private func startInotify() throws {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            throw WatchError(description: "cannot watch folders with inotify (\(String(cString: strerror(errno)))); use --poll SECONDS")
        }
        var failures: [String] = []
        state.withLock { s in
            s.descriptor = fd
            for root in roots {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue {
                    failures += addWatches(under: root, &s)
                } else {
                    s.missingRoots.insert(root)
                }
            }
        }
        if let first = failures.first, failures.count == roots.count {
            close(fd)
            throw WatchError(description: first)
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: events)
        source.setEventHandler { [self] in readEvents(fd) }
        source.setCancelHandler { close(fd) }
        let check = DispatchSource.makeTimerSource(queue: events)
        check.schedule(deadline: .now() + 1, repeating: 1)
        check.setEventHandler { [self] in watchReturnedRoots() }
        state.withLock { _ in
            self.source = source
            self.timer = check
        }
        source.resume()
        check.resume()
    }

    /// Roots that were deleted and are back: watched again, and reported whole so that what
    /// they hold is read.
    private func watchReturnedRoots() {
        let back = state.withLock { s -> [String] in
            guard !s.missingRoots.isEmpty, !s.stopped else { return [] }
            var back: [String] = []
            for root in s.missingRoots {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else { continue }
                _ = addWatches(under: root, &s)
                back.append(root)
            }
            s.missingRoots.subtract(back)
            return back
        }
        if !back.isEmpty { enqueue(back) }
    }

    /// Watches `folder` and every folder inside it; returns problems, one line each.
    private func addWatches(under folder: String, _ s: inout State) -> [String] {
        var problems: [String] = []
        var pending = [folder]
        // By device and inode: a folder reached again through a symbolic link is watched once.
        var visited = Set<[UInt64]>()
        while let dir = pending.popLast() {
            var info = stat()
            guard stat(dir, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
            let wd = inotify_add_watch(s.descriptor, dir, Self.folderMask)
            if wd < 0 {
                if errno == ENOSPC {
                    problems.append("cannot watch \(dir): the inotify watch limit is reached (raise fs.inotify.max_user_watches, or use --poll SECONDS)")
                } else if errno != ENOTDIR {
                    problems.append("cannot watch \(dir): \(String(cString: strerror(errno)))")
                }
                continue
            }
            s.folders[wd] = dir
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in entries where !name.hasPrefix(".") {
                let child = (dir as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue { pending.append(child) }
            }
        }
        return problems
    }

    private func readEvents(_ fd: Int32) {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var changed: [String] = []
        while true {
            let count = read(fd, buffer, capacity)
            if count <= 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let wd = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: length)
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                changed += handle(wd: wd, mask: mask, name: name)
            }
        }
        if !changed.isEmpty { enqueue(changed) }
    }

    /// What one event means: the paths to look at again.
    private func handle(wd: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return roots }  // events were lost: look at everything
        return state.withLock { s -> [String] in
            if mask & UInt32(IN_IGNORED) != 0 {
                // A watched root went away (deleted, or moved off): wait for it to come back.
                if let folder = s.folders[wd], roots.contains(folder) { s.missingRoots.insert(folder) }
                s.folders[wd] = nil
                return []
            }
            guard let folder = s.folders[wd], !name.isEmpty else { return [] }
            let path = (folder as NSString).appendingPathComponent(name)
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") {
                    _ = addWatches(under: path, &s)  // a new subfolder: watch it, and look at what is already in it
                    return [path]
                }
                if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
                    for (descriptor, watched) in s.folders where watched == path || watched.hasPrefix(path + "/") {
                        inotify_rm_watch(s.descriptor, descriptor)
                        s.folders[descriptor] = nil
                    }
                    return [path]
                }
                return []
            }
            guard !InputFormat.isIgnored(path: name), InputFormat(path: name) != nil else { return [] }
            // A file counts once complete: closed after writing, or moved in whole. IN_CREATE
            // alone is a file still being written.
            if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 { return [path] }
            return []
        }
    }

    // MARK: Batching

    private func enqueue(_ paths: [String]) {
        let schedule = state.withLock { s -> Bool in
            for path in paths where s.pendingSet.insert(path).inserted { s.pending.append(path) }
            if s.flushScheduled || s.working || s.stopped { return false }
            s.flushScheduled = true
            return true
        }
        if schedule { events.asyncAfter(deadline: .now() + window) { [self] in flush() } }
    }

    private func flush() {
        let batch = state.withLock { s -> [String] in
            let batch = s.stopped ? [] : s.pending
            s.pending = []
            s.pendingSet = []
            s.flushScheduled = false
            s.working = !batch.isEmpty
            return batch
        }
        guard !batch.isEmpty else { return }
        work.async { [self] in
            onChange(batch)
            let more = state.withLock { s -> Bool in
                s.working = false
                guard !s.pending.isEmpty, !s.flushScheduled, !s.stopped else { return false }
                s.flushScheduled = true
                return true
            }
            if more { events.async { [self] in flush() } }
        }
    }

    // MARK: Polling

    private func startPolling(every seconds: Double) {
        let first = listing()
        state.withLock { s in
            s.lastSeen = first
            s.settled = first
        }
        let timer = DispatchSource.makeTimerSource(queue: events)
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [self] in poll() }
        state.withLock { _ in self.timer = timer }
        timer.resume()
    }

    private func poll() {
        let current = listing()
        let changed = state.withLock { s -> [String] in
            var changed: [String] = []
            for (path, stamp) in current where s.settled[path] != stamp && s.lastSeen[path] == stamp {
                changed.append(path)  // new or changed, and still for one interval
                s.settled[path] = stamp
            }
            for path in s.settled.keys where current[path] == nil {
                changed.append(path)
                s.settled[path] = nil
            }
            s.lastSeen = current
            return changed
        }
        if !changed.isEmpty { enqueue(changed.sorted()) }
    }

    private func listing() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in InputFiles.expand(roots).files {
            if let (size, mtime) = Indexer.fileStatus(path) { stamps[URL(fileURLWithPath: path).standardizedFileURL.path] = FileStamp(size: size, mtime: mtime) }
        }
        return stamps
    }
}
