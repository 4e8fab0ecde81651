import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A program the tests start: spawned directly with `posix_spawn`, its output going to files,
/// its standard input from `/dev/null`, and every wait bounded. A child that outlives its
/// deadline is killed and the test fails, instead of the whole suite hanging.
final class Child {
    let pid: pid_t
    let outputPath: String
    let errorsPath: String
    private(set) var exitStatus: Int32?

    enum SpawnError: Error, CustomStringConvertible {
        case failed(String, Int32)
        var description: String {
            switch self {
            case .failed(let program, let code): return "cannot start \(program): \(String(cString: strerror(code)))"
            }
        }
    }

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws {
        let scratch = NSTemporaryDirectory() + "sitrep-child-\(UUID().uuidString)"
        outputPath = scratch + ".out"
        errorsPath = scratch + ".err"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc's closefrom and chdir actions are GNU extensions the Swift module leaves out.
        guard let closeFrom = Self.gnuAction("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self),
              let changeDirectory = Self.gnuAction("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self) else {
            throw SpawnError.failed(executable, ENOSYS)
        }
        _ = closeFrom(&actions, 3)
        _ = directory.withCString { changeDirectory(&actions, $0) }

        // The child starts with default signal handling and nothing blocked, whatever the
        // test runner has set for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnError.failed(executable, code) }
        self.pid = pid
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static func gnuAction<F>(_ name: String, as: F.Type) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
        unlink(outputPath)
        unlink(errorsPath)
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "" }

    var isRunning: Bool { exitStatus == nil && !reap(blocking: false) }

    func signal(_ number: Int32) {
        if exitStatus == nil { kill(pid, number) }
    }

    /// Waits up to `seconds` for the child to end; returns its exit status (128 + the signal
    /// for a child killed by one), or nil if it was still running and has now been killed.
    @discardableResult
    func wait(_ seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while exitStatus == nil, !reap(blocking: false) {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = reap(blocking: true)
                return nil
            }
            usleep(5_000)
        }
        return exitStatus
    }

    /// Collects the child's status if it has ended; true once it has.
    private func reap(blocking: Bool) -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        if result < 0 {
            exitStatus = -1
            return true
        }
        guard result == pid else { return false }
        let signalled = status & 0x7f
        exitStatus = signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
        return true
    }
}
