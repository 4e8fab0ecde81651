import Foundation
import XCTest
@testable import SitrepCore

/// Debris in the styles of outlets beyond the seeds. Each fixture is an invented story with
/// the furniture its kind of site puts around stories.
final class OutletDebrisTests: XCTestCase {
    private func paragraphs(_ article: Article) -> [String] {
        article.body.components(separatedBy: "\n\n")
    }

    private func assertClean(_ article: Article, keeps story: [String], drops debris: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        let body = normalizedForComparison(article.body)
        for sentence in story {
            XCTAssertTrue(body.contains(normalizedForComparison(sentence)), "lost: \(sentence)", file: file, line: line)
        }
        for text in debris {
            XCTAssertFalse(body.contains(normalizedForComparison(text)), "kept debris: \(text)", file: file, line: line)
        }
    }

    /// A broadsheet page: newsletter box, ad slot, appeal, topic links, share and reuse labels,
    /// a byline, and a figure caption repeated in the text with its photo credit.
    func testBroadsheetPage() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("guardian-style.html")))
        XCTAssertEqual(article.title, "Moldova seeks EU guarantees over gas transit")
        XCTAssertEqual(article.source, "The Harbour Post")
        XCTAssertEqual(article.published.isoString, "2022-10-12T08:15:00Z")
        assertClean(article, keeps: [
            "Moldova has asked the European Union for written guarantees that gas deliveries through Romania will continue over the winter, the country’s energy minister said on Tuesday.",
            "The minister, Victor Parlicov, told reporters in Chișinău that the government had enough gas stored for “about six weeks of cold weather” and would need imports from January.",
            "Officials in Brussels said the request would be discussed at a meeting of energy ministers next week.",
            "Gazprom cut its deliveries to Moldova by a third in October, citing technical problems at a compressor station in Russia.",
        ], drops: ["By Irina Costache", "Photograph: Andrei Popa", "Advertisement", "Sign up to Morning Brief", "small favour to ask",
                   "Support the Harbour Post", "Explore more on these topics", "Reuse this content", "All rights reserved", "Home World Europe"])
        XCTAssertEqual(paragraphs(article).filter { $0.hasPrefix("Engineers inspect a compressor station") }.count, 1)
    }

    /// A wire story: hard-wrapped text, a dateline naming the agency, credits and a standards footer.
    func testWireStory() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("wire-style.txt")))
        XCTAssertEqual(article.title, "Baltic states agree joint purchase of air defence systems")
        XCTAssertEqual(article.source, "Baltwire")
        XCTAssertEqual(article.publishedFrom, .text)
        XCTAssertEqual([article.published.day.month, article.published.day.day], [9, 28])
        XCTAssertTrue(paragraphs(article)[0].hasPrefix("VILNIUS, Sept 28 (Baltwire) - Estonia, Latvia and Lithuania agreed on Wednesday to buy medium-range air defence systems together"),
                      "wrapped lines are joined into one paragraph")
        assertClean(article, keeps: ["\"We are stronger when we buy together,\" Lithuanian Defence Minister Arvydas Anusauskas told a news conference.",
                                     "Latvia's minister said the systems would be integrated with NATO's air defence network."],
                    drops: ["Reporting by Andrius Sytas", "Our Standards"])
    }

    /// A Markdown newsroom post: inline "Read also" link, Telegram prompt, membership appeal,
    /// image with a credit line, emphasis around the byline, and a closing share label.
    func testMarkdownNewsroomPost() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("newsroom-style.md")))
        XCTAssertEqual(article.title, "Georgia's parliament passes disputed media law")
        assertClean(article, keeps: [
            "Georgia's parliament on Tuesday passed a law requiring media outlets that receive more than a fifth of their funding from abroad to register as foreign agents, despite weeks of protests.",
            "The ruling party says the law brings transparency. Opposition lawmakers walked out before the vote, and the president has said she will veto it.",
            "What happens next",
            "Parliament can override a presidential veto with a simple majority, which the ruling party holds.",
        ], drops: ["By Nino Beridze", "Photo: Nino Beridze", "Read also", "Thousands rally in Tbilisi", "Follow us on Telegram",
                   "Become a member", "Share this article", "example.org"])
    }

    /// A news-API JSON document: HTML content with image-source credits and topic link lists,
    /// a plain-text item, and an item without text that is reported and skipped.
    func testNewsAPIDocument() throws {
        let outcome = read(Fixtures.outlet("broadcaster-style.json"))
        XCTAssertEqual(outcome.articles.map(\.title), ["Finland opens first section of border fence", "Norway raises defence spending"])
        XCTAssertEqual(outcome.articles.map(\.source), ["Northern Broadcast", "Northern Broadcast"])
        XCTAssertEqual(outcome.articles.map(\.part), [.item(1), .item(2)])
        XCTAssertEqual(outcome.issues.map(\.description), ["\(Fixtures.outlet("broadcaster-style.json")): item 3: no article text (expected one of: content, text, body)"])
        assertClean(outcome.articles[0], keeps: [
            "The first three kilometres of a planned 200km fence on the Russian border have been completed.",
            "Finland has completed the first three kilometres of a fence along its border with Russia, the border guard said on Wednesday.",
            "The pilot section, near the crossing at Imatra, includes cameras and loudspeakers.",
        ], drops: ["Image source", "Related Topics", "More on this story", "Finland's Nato bid explained"])
    }

    /// A newsletter export as JSONL: subscribe appeal, comment and share prompts, a bad line.
    func testNewsletterLines() throws {
        let outcome = read(Fixtures.outlet("newsletter-style.jsonl"))
        XCTAssertEqual(outcome.articles.map(\.part), [.line(1), .line(2), .line(4)])
        XCTAssertEqual(outcome.issues.map(\.location), ["line 3"])
        assertClean(outcome.articles[0], keeps: [
            "Kazakhstan's president signed a decree on Monday moving the date of the parliamentary election to March.",
            "In Kyrgyzstan, the central bank raised its key rate for the second time this year.",
        ], drops: ["Thanks for reading", "Subscribe for free", "Leave a comment", "Share"])
    }

    /// Widget labels in Cyrillic around an English story, and a comment loader.
    func testForeignScriptWidgetLabels() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("regional-cyrillic-widgets.txt")))
        XCTAssertEqual(article.title, "Kazakh court jails activist over rally posts")
        assertClean(article, keeps: [
            "An appeals court in Almaty upheld a three-year prison sentence for a civic activist on Thursday, ruling that his social media posts had called for an unsanctioned rally.",
            "Human rights groups said the case was part of a pattern of prosecutions of government critics since the unrest of January 2022.",
        ], drops: ["Читайте также", "Подписывайтесь на наш Telegram", "Фото дня", "Loading comments"])
    }

    /// A tabloid page: capitalised byline naming the outlet, published/updated stamp, a
    /// repeated caption, a "RELATED ARTICLES" carousel, and a comment section.
    func testTabloidPage() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("tabloid-style.txt")))
        XCTAssertEqual(article.title, "Kremlin critic's lawyer detained at Moscow airport")
        XCTAssertEqual(article.source, "The Daily Courier")
        XCTAssertEqual(article.published, .day(CalendarDay(year: 2023, month: 6, day: 14)!))
        XCTAssertEqual(article.publishedFrom, .text)
        assertClean(article, keeps: [
            "A lawyer for a jailed Kremlin critic was detained at Sheremetyevo airport as she tried to board a flight to Istanbul, her colleagues said.",
            "Her colleagues said officers had confiscated her passport and told her she could not leave Russia.",
            "The court in Moscow is due to hear an appeal in the case next month.",
        ], drops: ["JAMES WHITFORD", "Published: 09:41", "RELATED ARTICLES", "Russia jails journalist", "Moscow court fines Meta",
                   "Share this article", "Comments 42", "Share what you think", "have not been moderated"])
        XCTAssertEqual(paragraphs(article).filter { $0.hasPrefix("Lawyer Olga Mikhailova was held") }.count, 1)
    }

    /// A broadcaster's HTML: entities, "Story continues below advertisement", share buttons,
    /// a related box, and a dateline naming the outlet.
    func testBroadcasterPage() throws {
        let article = try XCTUnwrap(readOne(Fixtures.outlet("broadcaster-live.html")))
        XCTAssertEqual(article.title, "Turkey approves Sweden's Nato bid")
        XCTAssertEqual(article.source, "Eastline")
        XCTAssertEqual(article.published.isoString, "2024-01-23")
        assertClean(article, keeps: [
            "ANKARA (Eastline) — Turkey's parliament voted on Tuesday to approve Sweden’s membership of Nato",
            "The vote passed by 287 to 55. President Recep Tayyip Erdogan must now sign the measure into law.",
            "Hungary is now the only Nato member that has not ratified Sweden’s accession.",
        ], drops: ["Story continues below advertisement", "Tweet", "Share on Facebook", "Ad Feedback", "Sweden's long road to Nato"])
    }

    /// Story text that merely resembles debris is kept.
    func testStorySentencesThatResembleDebrisAreKept() {
        let blocks = [
            Block("Support for Ukraine grows in Poland"),
            Block("The charity said donations had doubled since March, and volunteers were working around the clock."),
            Block("\"We need your help,\" the mayor told residents in a televised address."),
            Block("Pictures from Kharkiv show damage to the city centre."),
            Block("Comments by the minister drew criticism from opposition lawmakers on Friday."),
            Block("Read the statement in full on the ministry's website, officials said."),
        ]
        let result = Cleaner.clean(blocks)
        XCTAssertEqual(result.kept.map(\.text), blocks.map(\.text), "dropped: \(result.dropped.map { ($0.block.text, $0.reason) })")
    }
}

/// Datelines name their place as the wire writes it: accented, with an apostrophe, or with
/// its state after a comma.
final class DatelineTests: XCTestCase {
    func testDatelinesWithAccentedAndCompoundPlacesGiveTheSourceAndDay() throws {
        let cases: [(String, String, String?)] = [
            ("QUÉBEC, June 18 (El País) - Officials said on Friday that talks would resume.", "El País", "June 18"),
            ("JING’AN, June 26 (Reuters) - Talks were held on Saturday.", "Reuters", "June 26"),
            ("WASHINGTON, D.C., May 3 (UPI) -- The vote was delayed.", "UPI", "May 3"),
            ("ZAPORIZHZHIA (AP) — Shelling resumed overnight.", "AP", nil),
            ("KYIV, April 13 (Reuters) - Ukraine said on Tuesday.", "Reuters", "April 13"),
        ]
        for (text, source, day) in cases {
            let found = try XCTUnwrap(MetadataInference.dateline(in: [Block(text)]), text)
            XCTAssertEqual(found.source, source, text)
            XCTAssertEqual(found.dateText, day, text)
        }
        // A sentence that merely holds brackets is no dateline.
        XCTAssertNil(MetadataInference.dateline(in: [Block("The agency (which declined to comment) - said nothing.")]))
    }
}
