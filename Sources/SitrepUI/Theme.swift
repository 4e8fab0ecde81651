/// The dashboard's colours and attributes by role.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var text: Style
    public var dim: Style
    public var border: Style
    public var focusedBorder: Style
    public var title: Style
    public var chip: Style
    public var selected: Style
    public var heading: Style
    public var person: Style
    public var organization: Style
    public var place: Style
    public var new: Style
    public var bar: Style
    public var barHighlight: Style
    public var status: Style
    public var hint: Style
    public var message: Style

    /// Dark terminal, 256 colours.
    public static let `default` = Theme(
        name: "default",
        text: .plain,
        dim: Style(foreground: .indexed(245)),
        border: Style(foreground: .indexed(240)),
        focusedBorder: Style(foreground: .indexed(39), bold: true),
        title: Style(bold: true),
        chip: Style(foreground: .indexed(16), background: .indexed(179)),
        selected: Style(foreground: .indexed(231), background: .indexed(24), bold: true),
        heading: Style(foreground: .indexed(179), bold: true),
        person: Style(foreground: .indexed(117)),
        organization: Style(foreground: .indexed(213)),
        place: Style(foreground: .indexed(114)),
        new: Style(foreground: .indexed(214), bold: true),
        bar: Style(foreground: .indexed(67)),
        barHighlight: Style(foreground: .indexed(214)),
        status: Style(foreground: .indexed(252), background: .indexed(236)),
        hint: Style(foreground: .indexed(245)),
        message: Style(foreground: .indexed(203), bold: true)
    )

    /// No colour at all: attributes only, for 8-colour terminals, NO_COLOR, and tests.
    public static let mono = Theme(
        name: "mono",
        text: .plain, dim: Style(dim: true), border: .plain, focusedBorder: Style(bold: true), title: Style(bold: true),
        chip: Style(reverse: true), selected: Style(reverse: true), heading: Style(bold: true, underline: true),
        person: .plain, organization: .plain, place: .plain, new: Style(bold: true), bar: .plain,
        barHighlight: Style(reverse: true), status: Style(reverse: true), hint: Style(dim: true), message: Style(bold: true)
    )
}
