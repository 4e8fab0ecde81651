import Foundation

/// The machine a benchmark runs on, as Linux's `/proc` describes it: every figure a benchmark
/// prints is reported with it.
public struct BenchMachine: Sendable {
    public let cores: Int
    public let memoryGB: Double
    /// The processor's model name ("unknown CPU" when `/proc/cpuinfo` does not say).
    public let cpu: String

    public static func current() -> BenchMachine {
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kb = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Double($0) } ?? 0
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
        return BenchMachine(cores: ProcessInfo.processInfo.activeProcessorCount, memoryGB: kb / 1_048_576, cpu: model)
    }
}
