/// Something wrong with an input file, reported on one line that names the file and the reason.
public struct ReadIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable {
        /// The article was kept, but something in it was repaired or ignored.
        case warning
        /// The file, or this line or item of it, could not be read.
        case error
    }

    public var path: String
    /// Where in the file, for multi-article files: "line 17", "item 3".
    public var location: String?
    public var reason: String
    public var severity: Severity

    public init(path: String, location: String? = nil, reason: String, severity: Severity = .error) {
        self.path = path
        self.location = location
        self.reason = reason
        self.severity = severity
    }

    /// `path: reason` or `path: line 17: reason`; control characters in the path are made visible.
    public var description: String {
        let shownPath = TextSanitizer.visible(path)
        if let location { return "\(shownPath): \(location): \(reason)" }
        return "\(shownPath): \(reason)"
    }
}
