import Foundation

/// The kinds of article file Sitrep reads, chosen by file extension.
public enum InputFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, jsonl

    /// The format for a path, or nil when Sitrep does not read files of that kind.
    /// A file without an extension is read as plain text.
    public init?(path: String) {
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "text", "": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }

    /// Hidden files, editor swap and backup files, and downloads still in progress:
    /// files that are not (yet) articles even when their extension says so.
    public static func isIgnored(path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }  // Emacs autosave
        let lower = name.lowercased()
        let partialSuffixes = [".swp", ".swo", ".swx", ".part", ".partial", ".crdownload",
                               ".download", ".tmp", ".temp", ".filepart", ".bak"]
        return partialSuffixes.contains { lower.hasSuffix($0) }
    }
}

/// Expands the paths a user names into the article files to read.
public enum InputFiles {
    public struct Listing: Sendable {
        /// Files to read, in a stable order.
        public var files: [String] = []
        /// Paths that could not be used, with the reason.
        public var problems: [ReadIssue] = []
    }

    /// Files named directly are read whatever their extension says (an unsupported one is a
    /// problem); folders are walked recursively and only article files in them are taken.
    public static func expand(_ paths: [String]) -> Listing {
        var listing = Listing()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                listing.problems.append(ReadIssue(path: path, reason: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                listing.files += walk(folder: path, problems: &listing.problems)
            } else if InputFormat(path: path) == nil {
                let ext = (path as NSString).pathExtension
                listing.problems.append(ReadIssue(path: path, reason: "unsupported file type .\(ext) (Sitrep reads .txt, .md, .html, .json, .jsonl)"))
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    private static func walk(folder: String, problems: inout [ReadIssue]) -> [String] {
        var found: [String] = []
        // Folders by device and inode: a folder reached again through a symbolic link (a link
        // to a parent makes a loop) is listed once, not again and again.
        struct FolderID: Hashable { var device: UInt64; var inode: UInt64 }
        var visited = Set<FolderID>()
        var pending = [folder]
        let fm = FileManager.default
        while let dir = pending.popLast() {
            var info = stat()
            guard stat(dir, &info) == 0 else {
                problems.append(ReadIssue(path: dir, reason: "cannot list folder"))
                continue
            }
            guard visited.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { continue }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: dir)
            } catch {
                problems.append(ReadIssue(path: dir, reason: "cannot list folder"))
                continue
            }
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            for name in entries.sorted() where !InputFormat.isIgnored(path: name) {
                let child = prefix + name
                // stat follows symbolic links, as opening the file will (FileManager's
                // fileExists per file was most of listing a large folder).
                var childInfo = stat()
                guard stat(child, &childInfo) == 0 else {
                    // A symbolic link to nothing, or to itself: say so for what looks like an article.
                    if InputFormat(path: name) != nil { problems.append(ReadIssue(path: child, reason: "symbolic link that leads nowhere (broken or a loop)")) }
                    continue
                }
                if childInfo.st_mode & S_IFMT == S_IFDIR {
                    pending.append(child)
                } else if InputFormat(path: name) != nil {
                    found.append(child)
                }
            }
        }
        return found.sorted()
    }
}
