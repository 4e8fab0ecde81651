import XCTest
@testable import SitrepCore

/// Direct quotations and their speakers: a gold list for the sample articles, and fixtures for
/// the forms news uses.
final class QuoteTests: XCTestCase {
    static let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())

    /// Per sample article, in order: each quotation of four words or more (by its first words)
    /// and who the article says spoke it (nil where it does not say).
    static let gold: [(file: String, quotes: [(String, String?)])] = [
        ("2021-04-01_daily-mail_us-declares-unwavering-support-for-ukraine.txt", [
            ("Russia’s ongoing aggression in the Donbas", nil),  // a bullet: no attribution
            ("Russia’s ongoing aggression in the Donbas", "CNN"),  // "…,’ reported CNN"
            ("It was not totally clear", nil),  // "an official told the network": unnamed
            ("Playing with muscles", "Volodymyr Zelensky"),
            ("In this way, [Russia]", "Volodymyr Zelensky"),
            ("The Russian Federation moves", "Dmitry Peskov"),
            ("It should not worry anyone", "Dmitry Peskov"),
            ("As for the participation", "Dmitry Peskov"),  // "he added"
            ("And [they] are not doing it now", "Dmitry Peskov"),
        ]),
        ("2021-04-01_the-independent_blinken-pledges-support-for-ukraine.txt", [
            ("face of ongoing Russian aggression", nil),  // "what it called": the US, a country
            ("in a threat to the country’s security", "Ruslan Khomchak"),
            ("anti-tank mines", "OSCE"),
            ("hot information war", "James Cher"),
            ("feared Kyiv’s government forces", "Kremlin"),
            ("cancelling out the modest achievements", "Dmitry Peskov"),  // "he told media"
        ]),
        ("2021-04-13_unian_blinken-affirms-us-support-for-euro-atlantic-integration.txt", [
            ("I met with Ukrainian Foreign Minister", "Antony Blinken"),
            ("The Secretary expressed concern", "U.S. Department of State"),  // "the statement says"
            ("Good to be meeting my colleague", "Dmytro Kuleba"),
            ("with NATO Allies in Brussels", "Dmytro Kuleba"),  // the text never closes this quote
            ("aware of Russian troop movements", "Pentagon"),  // the Department of Defense
            ("We have foreseen appropriate measures", "Ruslan Khomchak"),  // "He said,"
        ]),
        ("2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt", [
            ("We are committed to Ukraine's independence", "Antony Blinken"),
            ("I can tell you, Mr. president", "Antony Blinken"),
            ("Partners do as well", "Antony Blinken"),
            ("Overall, there is a significant", "Jens Stoltenberg"),
            ("ensuring NATO's door remains open", "Karine Jean-Pierre"),
            ("meet the commitments and the obligations", "Karine Jean-Pierre"),
            ("flip sides of the same coin", "Antony Blinken"),  // "the U.S. diplomat"
            ("This is a very important relationship", "Antony Blinken"),
            ("And he asked me to try", "Antony Blinken"),
        ]),
        ("2021-11-23_the-moscow-times_us-escalating-tensions-by-arming-kiev-kremlin.txt", [
            ("not only from the U.S.", "Dmitry Peskov"),
            ("This all leads to further escalation", "Dmitry Peskov"),  // "TASS … quoted Peskov as saying"
            ("We are deeply concerned", "Dmitry Peskov"),  // "he added"
            ("Who’ll be attacking whom?", "Dmitry Peskov"),
            ("We assert that Ukraine", "Dmitry Peskov"),  // after "Peskov asked."
        ]),
    ]

    func testSampleArticlesQuotesAndSpeakersAgainstTheGold() throws {
        var found = 0, spans = 0, attributed = 0, gold = 0
        for (file, expected) in Self.gold {
            let article = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(file)))
            let quotes = QuoteFinder.find(in: article.body, entities: Self.extractor.entities(in: article.body))
            found += quotes.count
            gold += expected.count
            var remaining = quotes
            for (start, speaker) in expected {
                guard let at = remaining.firstIndex(where: { $0.text.hasPrefix(start) }) else {
                    XCTFail("\(file): quote not found: \(start)")
                    continue
                }
                spans += 1
                if remaining[at].speaker == speaker { attributed += 1 }
                remaining.remove(at: at)
            }
            XCTAssertEqual(remaining.map(\.text), [], "\(file): quotes the gold does not have")
            let scalars = Array(article.body.unicodeScalars)
            for quote in quotes {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])), quote.text)
            }
        }
        let spanPrecision = Double(spans) / Double(max(1, found)), spanRecall = Double(spans) / Double(max(1, gold))
        let precision = Double(attributed) / Double(max(1, found)), recall = Double(attributed) / Double(max(1, gold))
        print(String(format: "sample-article quotes: found %d of %d (precision %.3f, recall %.3f); with the right speaker: precision %.3f, recall %.3f",
                     spans, gold, spanPrecision, spanRecall, precision, recall))
        XCTAssertGreaterThanOrEqual(spanRecall, 0.95)
        XCTAssertGreaterThanOrEqual(precision, 0.85)
        XCTAssertGreaterThanOrEqual(recall, 0.85)
    }

    func testTheIssuesExample() throws {
        let file = (Fixtures.sampleData as NSString).appendingPathComponent(Self.gold[4].file)
        let article = try XCTUnwrap(readOne(file))
        let quote = try XCTUnwrap(QuoteFinder.find(in: article.body, entities: Self.extractor.entities(in: article.body))
            .first { $0.text.hasPrefix("We are deeply concerned") })
        XCTAssertEqual(quote.speaker, "Dmitry Peskov", "his, via “he added”")
    }

    private func quotes(_ text: String) -> [String] {
        QuoteFinder.find(in: text, entities: Self.extractor.entities(in: text)).map { "\($0.speaker ?? "nil"): \($0.text)" }
    }

    func testAttributionForms() {
        XCTAssertEqual(quotes("“We will not retreat from our position,” Dmitry Peskov said on Monday."),
                       ["Dmitry Peskov: We will not retreat from our position,"])
        XCTAssertEqual(quotes("\"The talks were useful and frank,\" said Antony Blinken."),
                       ["Antony Blinken: The talks were useful and frank,"])
        XCTAssertEqual(quotes("Antony Blinken met reporters in Kyiv. “We stand with Ukraine today,” he added."),
                       ["Antony Blinken: We stand with Ukraine today,"])
        XCTAssertEqual(quotes("The Interfax agency quoted Sergei Lavrov as saying: “Nobody wants a war in Europe.”")
            .filter { $0.hasSuffix("Europe.") }, ["Sergei Lavrov: Nobody wants a war in Europe."])
        XCTAssertEqual(quotes("Ukraine will get more help, according to Jens Stoltenberg: “Allies are sending more air defence.”"),
                       ["Jens Stoltenberg: Allies are sending more air defence."])
        XCTAssertEqual(quotes("Emmanuel Macron tweeted: “Europe stands united with Ukraine, now and always.”"),
                       ["Emmanuel Macron: Europe stands united with Ukraine, now and always."])
    }

    func testTheStatementSaidIsTheOrganisationThatIssuedIt() {
        XCTAssertEqual(quotes("NATO issued a statement on Friday. “Allies condemn the attack in the strongest terms,” the statement said."),
                       ["NATO: Allies condemn the attack in the strongest terms,"])
    }

    func testNestedQuotesAreOneQuotation() {
        XCTAssertEqual(quotes("“He told us ‘we will never leave this city’ and walked out,” Volodymyr Zelensky said."),
                       ["Volodymyr Zelensky: He told us ‘we will never leave this city’ and walked out,"])
    }

    func testAQuoteOverTwoParagraphsIsOne() {
        let text = "Jens Stoltenberg spoke at length. “The alliance is ready to defend every inch of its territory.\n\n“We will not be intimidated by threats from anyone,” he said."
        let found = QuoteFinder.find(in: text, entities: Self.extractor.entities(in: text))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.speaker, "Jens Stoltenberg")
        XCTAssertTrue(found.first?.text.hasPrefix("The alliance is ready") ?? false)
        XCTAssertTrue(found.first?.text.hasSuffix("from anyone,") ?? false)
    }

    func testUnattributedQuotesStayNull() {
        XCTAssertEqual(quotes("“It was not clear what they were up to,” an official told the network."),
                       ["nil: It was not clear what they were up to,"])
        XCTAssertEqual(quotes("A banner read “no peace without justice for all” above the square."),
                       ["nil: no peace without justice for all"])
        XCTAssertEqual(quotes("“The situation is calm but tense this morning,” they said."),
                       ["nil: The situation is calm but tense this morning,"], "“they” is not resolved")
        XCTAssertEqual(quotes("Residents described “a night of terror and fire” in Kharkiv."),
                       ["nil: a night of terror and fire"])
    }

    func testScareQuotesAndApostrophesAreNotQuotations() {
        XCTAssertEqual(quotes("Peskov called the reports “hysteria” and Kyiv’s claims ‘nonsense’."), [])
        XCTAssertEqual(quotes("Russia’s ‘unwavering support’ claim and the ministers’ talks went on."), [])
    }
}
