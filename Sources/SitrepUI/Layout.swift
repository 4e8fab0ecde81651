/// Where every pane goes for a terminal size: one function for every size.
///
/// Wide terminals put the entity sidebar right of the article list; narrow ones stack it
/// below. The timeline strip, the key-hint line and the status line run along the bottom.
/// Below the minimum size there is no layout, only a message.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// From this width the sidebar sits beside the list.
    public static let sideBySideWidth = 90

    public struct Panes: Sendable, Equatable {
        public var articles: Rect
        public var entities: Rect
        public var timeline: Rect
        /// The full area the reader and overlays may use (everything above the two bottom lines).
        public var main: Rect
        public var hint: Rect
        public var status: Rect
        public var stacked: Bool
    }

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var panes: Panes? {
        guard !tooSmall else { return nil }
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let hint = Rect(x: 0, y: height - 2, width: width, height: 1)
        let timelineHeight = height >= 30 ? 6 : height >= 20 ? 5 : 4
        let timeline = Rect(x: 0, y: height - 2 - timelineHeight, width: width, height: timelineHeight)
        let top = Rect(x: 0, y: 0, width: width, height: timeline.y)
        let main = Rect(x: 0, y: 0, width: width, height: height - 2)
        if width >= Self.sideBySideWidth {
            let sidebarWidth = min(48, max(30, width / 3))
            return Panes(articles: Rect(x: 0, y: 0, width: width - sidebarWidth, height: top.height),
                         entities: Rect(x: width - sidebarWidth, y: 0, width: sidebarWidth, height: top.height),
                         timeline: timeline, main: main, hint: hint, status: status, stacked: false)
        }
        let listHeight = max(4, top.height * 3 / 5)
        return Panes(articles: Rect(x: 0, y: 0, width: width, height: listHeight),
                     entities: Rect(x: 0, y: listHeight, width: width, height: top.height - listHeight),
                     timeline: timeline, main: main, hint: hint, status: status, stacked: true)
    }
}
