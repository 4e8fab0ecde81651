import Foundation

/// The text of a file as read from disk, with the facts metadata inference needs.
public struct FileText: Sendable {
    public var text: String
    public var modified: Date
    /// Set when the file was not valid UTF-8 and bad bytes were replaced.
    public var repairedEncoding: Bool

    /// Files above this size are refused: no real article comes close, and a runaway
    /// scraper must not make Sitrep read gigabytes.
    public static let sizeLimit = 32 * 1024 * 1024

    /// Reads and decodes a file. Throws a ReadIssue with a one-line reason when the file is
    /// missing, unreadable, empty, too large or binary.
    public static func load(path: String) throws(ReadIssue) -> FileText {
        let fm = FileManager.default
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try fm.attributesOfItem(atPath: path)
        } catch {
            throw ReadIssue(path: path, reason: "file vanished or cannot be opened")
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular, type != .typeSymbolicLink {
            throw ReadIssue(path: path, reason: "not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > sizeLimit {
            throw ReadIssue(path: path, reason: "too large (\(size / 1_048_576) MB; the limit is \(sizeLimit / 1_048_576) MB)")
        }
        let modified = attributes[.modificationDate] as? Date ?? Date()
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadIssue(path: path, reason: "file vanished or cannot be opened")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // Read at most one byte past the limit: a file growing while read is still bounded.
            data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        } catch {
            throw ReadIssue(path: path, reason: "read failed (\(error.localizedDescription))")
        }
        if data.count > sizeLimit {
            throw ReadIssue(path: path, reason: "too large (over \(sizeLimit / 1_048_576) MB)")
        }
        let (text, repaired) = try decode(data, path: path)
        return FileText(text: text, modified: modified, repairedEncoding: repaired)
    }

    /// UTF-8 (with or without BOM) or UTF-16 with a BOM; invalid UTF-8 is repaired with U+FFFD.
    static func decode(_ data: Data, path: String) throws(ReadIssue) -> (String, Bool) {
        if data.isEmpty { throw ReadIssue(path: path, reason: "empty file") }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: data.dropFirst(2), encoding: encoding) { return (text, false) }
            throw ReadIssue(path: path, reason: "invalid UTF-16 text")
        }
        if looksBinary(bytes) { throw ReadIssue(path: path, reason: "binary file, not text") }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validatingUTF8CString: body) { return (text, false) }
        return (String(decoding: body, as: UTF8.self), true)
    }

    /// NUL bytes, or many control bytes that are not whitespace or escape, in the first 64 KB.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var controls = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        return controls * 10 > sample.count
    }
}

private extension String {
    /// Strict UTF-8 decoding: nil when any byte sequence is invalid.
    init?(validatingUTF8CString bytes: [UInt8]) {
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        self = s
    }
}
