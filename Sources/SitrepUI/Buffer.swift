/// One cell of the screen. A character two columns wide occupies its cell and marks the next
/// one as its continuation, so that nothing can be drawn into its right half.
public struct Cell: Sendable, Equatable {
    public var symbol: String
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ symbol: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells that widgets draw into. Each frame is drawn from state into a fresh
/// buffer; the terminal backend shows it. Screens are tested by reading `lines`.
public struct Buffer: Sendable, Equatable {
    public let area: Rect
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        area = Rect(x: 0, y: 0, width: width, height: height)
        cells = Array(repeating: .blank, count: area.width * area.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * area.width + x] }
        set { cells[y * area.width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default). Control
    /// characters are shown as visible symbols, never passed to the terminal. Returns the
    /// column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x }
        var column = x
        let utf8 = text.utf8
        var index = text.startIndex
        while index < text.endIndex {
            // Printable ASCII not followed by a combining mark (most of what is drawn): a cell
            // a byte, no grapheme breaking.
            let byte = utf8[index]
            let after = utf8.index(after: index)
            if byte >= 0x20, byte < 0x7F, after == text.endIndex || utf8[after] < 0x80 {
                if column + 1 > bounds.maxX { break }
                if column >= bounds.x {
                    clearWide(at: column, y: y)
                    self[column, y] = Cell(Self.ascii[Int(byte)], style: style)
                }
                column += 1
                index = after
                continue
            }
            let character = text[index]
            index = text.index(after: index)
            let symbol = DisplayWidth.printable(character)
            let width = DisplayWidth.of(symbol)
            if width == 0 {
                // A combining mark joins the previous cell.
                if column > bounds.x, column - 1 < bounds.maxX {
                    var previous = column - 1
                    if self[previous, y].isContinuation, previous > 0 { previous -= 1 }
                    self[previous, y].symbol += symbol
                }
                continue
            }
            if column + width > bounds.maxX { break }
            if column >= bounds.x {
                clearWide(at: column, y: y)
                self[column, y] = Cell(symbol, style: style)
                if width == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell("", style: style, isContinuation: true)
                }
            }
            column += width
        }
        return column
    }

    /// Each ASCII character as a string, made once.
    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The screen as text, one string per row, trailing spaces kept.
    public var lines: [String] {
        (0..<area.height).map { y in
            var line = ""
            for x in 0..<area.width where !self[x, y].isContinuation { line += self[x, y].symbol }
            return line
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x < area.width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if x + 1 < area.width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", style: self[x + 1, y].style) }
    }
}
