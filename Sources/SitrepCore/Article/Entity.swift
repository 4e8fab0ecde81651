/// What kind of real-world referent an entity is.
public enum EntityKind: String, Sendable, CaseIterable {
    case person, organization, place
}

/// Where an entity is named in one article's body.
public struct Mention: Sendable, Equatable {
    /// The words as they stand in the body ("Mr Blinken", "Kiev", "Russian").
    public var text: String
    /// Unicode-scalar offsets into the body.
    public var start: Int
    public var end: Int
}

/// A real-world referent named in an article: one person, organisation or place under one
/// canonical name, with every form and place it is mentioned in.
public struct Entity: Sendable, Equatable {
    public var name: String
    public var kind: EntityKind
    /// Other forms the article uses for it ("Blinken", "Anthony Blinken").
    public var aliases: [String]
    public var mentions: [Mention]
    /// For places: the gazetteer id, and the chain of containing places, innermost first.
    public var placeID: String?
    public var parents: [String]
    /// For seats of power and state bodies: the country they speak for (ISO code).
    public var country: String?

    public init(name: String, kind: EntityKind, aliases: [String], mentions: [Mention], placeID: String?, parents: [String], country: String?) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.mentions = mentions
        self.placeID = placeID
        self.parents = parents
        self.country = country
    }
}
