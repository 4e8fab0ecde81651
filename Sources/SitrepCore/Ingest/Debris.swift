/// Why the cleaner dropped a block of a page.
public enum Debris: String, Sendable, CaseIterable {
    /// "Advertisement", "Story continues below advertisement".
    case advertising
    /// Donation, subscription and newsletter appeals, cookie notices.
    case appeal
    /// "Read more", "Related", "Latest Headlines" and the link lists under them.
    case related
    /// "Join our commenting forum", "Comments".
    case comments
    /// Lines that are only a social handle or a share/follow prompt.
    case social
    /// A short widget label in another script than the article ("Видео дня").
    case foreignLabel
    /// A photo credit standing alone.
    case photoCredit
    /// Author bylines and "Published: … | Updated: …" lines.
    case byline
    /// Button and navigation labels: "Continue", "Share", "Load more".
    case interface
    /// Short lines after the story that speak for the outlet or to the reader ("Our Standards: …").
    case footer
    /// A paragraph already seen on the page (captions often appear twice).
    case duplicate
}
