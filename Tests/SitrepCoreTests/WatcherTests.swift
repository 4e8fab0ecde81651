import Foundation
import Synchronization
import XCTest
@testable import SitrepCore

/// The folder watcher on a real folder: what it reports, when, and in how many batches.
final class WatcherTests: XCTestCase {
    /// The batches a watcher reported, with when each arrived.
    final class Reports: Sendable {
        private let batches = Mutex<[(time: Date, paths: [String])]>([])
        func add(_ paths: [String]) { batches.withLock { $0.append((Date(), paths)) } }
        var all: [(time: Date, paths: [String])] { batches.withLock { $0 } }
        var paths: [String] { all.flatMap(\.paths) }
        func count(of path: String) -> Int { paths.filter { $0 == path }.count }
    }

    private func watch(_ folder: TestFolder, mode: FolderWatcher.Mode = .inotify) throws -> (FolderWatcher, Reports) {
        let reports = Reports()
        let watcher = FolderWatcher(roots: [folder.path], mode: mode) { reports.add($0) }
        try watcher.start()
        addTeardownBlock { watcher.stop() }
        return (watcher, reports)
    }

    /// Waits until `condition` holds, up to `seconds`.
    private func eventually(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    private func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    func testAnAtomicRenameIsReportedOnceAndTheTemporaryFileNever() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder)
        let temporary = folder.write("story.txt.tmp", "A story being downloaded.")
        let final = real(folder.path + "/story.txt")
        try FileManager.default.moveItem(atPath: temporary, toPath: final)
        XCTAssertTrue(eventually { reports.count(of: final) == 1 }, "\(reports.paths)")
        usleep(300_000)
        XCTAssertEqual(reports.paths, [final], "the .tmp file is not an article")
    }

    func testALinkBackToTheFolderIsWatchedOnceAndDoesNotLoop() throws {
        let folder = TestFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/loop/up", withDestinationPath: "..")
        let started = Date()
        let (_, reports) = try watch(folder)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "starting does not walk the loop")
        let path = real(folder.write("news.txt", "A story."))
        XCTAssertTrue(eventually { reports.count(of: path) == 1 }, "\(reports.paths)")
        usleep(300_000)
        XCTAssertEqual(reports.paths.count, 1, "reported once, not once per way round the loop: \(reports.paths)")
        XCTAssertEqual(InputFiles.expand([folder.path]).files.count, 1, "listing the folder finds it once too")
    }

    func testAWatchedFolderDeletedAndMadeAgainIsWatchedAgain() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder)
        try FileManager.default.removeItem(atPath: folder.path)
        usleep(300_000)
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let first = real(folder.write("first.txt", "Written as the folder came back."))
        XCTAssertTrue(eventually(5) { reports.paths.contains(first) || reports.paths.contains(self.real(folder.path)) },
                      "the folder is looked at again: \(reports.paths)")
        let later = real(folder.write("later.txt", "Written a while after."))
        XCTAssertTrue(eventually(5) { reports.count(of: later) == 1 }, "and watched again: \(reports.paths)")
    }

    func testASlowChunkedWriteIsReportedOnceWhenClosed() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder)
        let path = real(folder.path + "/slow.txt")
        // One writer, one open file, several writes with pauses: a slow download or copy.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        for k in 0..<4 {
            let chunk = Array("Paragraph \(k) of a story written slowly.\n\n".utf8)
            XCTAssertEqual(chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, chunk.count)
            usleep(250_000)  // longer than the batching window
        }
        XCTAssertEqual(reports.count(of: path), 0, "not reported while still open for writing")
        let closed = Date()
        close(fd)
        XCTAssertTrue(eventually { reports.count(of: path) == 1 })
        usleep(300_000)
        XCTAssertEqual(reports.count(of: path), 1)
        XCTAssertGreaterThanOrEqual(reports.all.first { $0.paths.contains(path) }!.time, closed)
    }

    func testADeleteIsReported() throws {
        let folder = TestFolder()
        let path = real(folder.write("gone.txt", "A story that will be deleted."))
        let (_, reports) = try watch(folder)
        try FileManager.default.removeItem(atPath: path)
        XCTAssertTrue(eventually { reports.count(of: path) == 1 }, "\(reports.paths)")
    }

    func testNewSubfoldersAreWatchedToo() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder)
        try FileManager.default.createDirectory(atPath: folder.path + "/monday", withIntermediateDirectories: true)
        usleep(200_000)
        let first = real(folder.write("monday/one.txt", "A story in a new folder."))
        XCTAssertTrue(eventually { reports.count(of: first) == 1 }, "\(reports.paths)")
        // Nested folders created in one go, and a folder moved in with files already inside.
        try FileManager.default.createDirectory(atPath: folder.path + "/tuesday/morning", withIntermediateDirectories: true)
        usleep(200_000)
        let second = real(folder.write("tuesday/morning/two.txt", "A story two folders down."))
        XCTAssertTrue(eventually { reports.count(of: second) == 1 }, "\(reports.paths)")
        let outside = TestFolder()
        outside.write("batch/three.txt", "A story in a folder moved in.")
        let movedIn = real(folder.path + "/batch")
        try FileManager.default.moveItem(atPath: outside.path + "/batch", toPath: movedIn)
        XCTAssertTrue(eventually { reports.paths.contains(movedIn) }, "the moved-in folder is reported for a look inside: \(reports.paths)")
        usleep(200_000)
        let later = real(folder.write("batch/four.txt", "A story written into the moved-in folder."))
        XCTAssertTrue(eventually { reports.count(of: later) == 1 }, "\(reports.paths)")
    }

    func testABurstOfTwoThousandFilesArrivesInFewBatches() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder)
        var expected = Set<String>()
        for k in 0..<2000 {
            // One open, one write, one close per file, as a feed writer does (so one complete-file event each).
            let path = real(folder.path + String(format: "/burst-%04d.txt", k))
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let bytes = Array("Story \(k): troops moved near the border.".utf8)
            XCTAssertEqual(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count)
            close(fd)
            expected.insert(path)
        }
        XCTAssertTrue(eventually(10) { expected.isSubset(of: Set(reports.paths)) }, "\(expected.subtracting(reports.paths).count) files not reported")
        // If the kernel's event queue overflowed, the folder itself is reported for a rescan: that is right too.
        XCTAssertEqual(reports.paths.filter { $0 != real(folder.path) }.count, 2000, "each file once")
        XCTAssertLessThan(reports.all.count, 200, "batched, not one report per file")
    }

    func testPollingReportsFilesOnceTheyHoldStill() throws {
        let folder = TestFolder()
        let (_, reports) = try watch(folder, mode: .poll(seconds: 0.2))
        let path = real(folder.write("polled.txt", "A story on a network share."))
        XCTAssertTrue(eventually { reports.count(of: path) == 1 }, "\(reports.paths)")
        try FileManager.default.removeItem(atPath: path)
        XCTAssertTrue(eventually { reports.count(of: path) == 2 }, "the delete is reported too")
    }
}
