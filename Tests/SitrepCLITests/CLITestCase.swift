import Foundation
import XCTest

/// Runs the real `sitrep` binary as a user runs it, from the package root.
class CLITestCase: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The binary built beside this test bundle.
    static var binary: URL {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [products.appendingPathComponent("sitrep"), Bundle.main.bundleURL.appendingPathComponent("sitrep")]
            where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return packageRoot.appendingPathComponent(".build/debug/sitrep")
    }

    /// Each test gets its own cache directory, so the index starts empty and never touches the user's.
    private(set) lazy var cacheHome: URL = {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sitrep-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }()

    /// The environment a command runs in: this process's, with the test's own cache.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cacheHome.path
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Starts `sitrep` and leaves it running.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Child {
        try Child(Self.binary.path, arguments, environment: environment(extra), directory: Self.packageRoot.path)
    }

    /// Runs `sitrep` to the end. One that is still running after `timeout` seconds is killed
    /// and the test fails.
    func sitrep(_ arguments: [String], environment extra: [String: String] = [:], timeout: Double = 300,
                file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let child = try start(arguments, environment: extra)
        let status = child.wait(timeout)
        if status == nil {
            XCTFail("sitrep \(arguments.joined(separator: " ")) was still running after \(Int(timeout)) s; stderr:\n\(child.errors)",
                    file: file, line: line)
        }
        return Run(status: status ?? -1, stdout: child.output, stderr: child.errors)
    }

    func temporaryFolder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sitrep-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
