import XCTest
@testable import SitrepCore

final class QueryTests: XCTestCase {
    func testFieldsQuotesAndNegation() throws {
        let query = try Query.parse(#"actor:"Anthony Blinken" -source:UPI region:Crimea "Black Sea" -Javelin since:2021-04-01"#)
        XCTAssertEqual(query.terms, [
            Query.Term(.actor, "Anthony Blinken"), Query.Term(.source, "UPI", negated: true), Query.Term(.region, "Crimea"),
            Query.Term(.text, "Black Sea"), Query.Term(.text, "Javelin", negated: true), Query.Term(.since, "2021-04-01"),
        ])
        XCTAssertEqual(try Query.parse(query.description), query)
    }

    /// Found by the fuzz test: queries that did not read back as themselves.
    func testWhatIsWrittenBackReadsBackTheSame() throws {
        for text in ["\"Kremlin\n\n\" -Peskov", #""Bltor:" Anthony"#, #"actor:"Anthony ""Tony"" Blinken""#, "“Black Sea”", #""-""#,
                     "since:\"2021-04-01T10:00\""] {
            let query = try Query.parse(text)
            XCTAssertEqual(try Query.parse(query.description), query, "\(text) → \(query.description)")
        }
        XCTAssertEqual(try Query.parse("\"Kremlin\n\nsaid\"").terms, [Query.Term(.text, "Kremlin said")], "line breaks in a phrase are a space")
        XCTAssertEqual(try Query.parse(#"actor:"Anthony ""Tony"" Blinken""#).terms, [Query.Term(.actor, #"Anthony "Tony" Blinken"#)])
    }

    func testMistakesSayWhatToWrite() {
        XCTAssertThrowsError(try Query.parse("person:Putin")) { error in
            XCTAssertTrue("\(error)".contains("actor:"), "\(error)")
        }
        XCTAssertThrowsError(try Query.parse("actor:")) { error in
            XCTAssertTrue("\(error)".contains("actor:Blinken"), "\(error)")
        }
        XCTAssertThrowsError(try Query.parse(#"actor:"Anthony Blinken"#)) { error in
            XCTAssertTrue("\(error)".contains("not closed"), "\(error)")
        }
    }

    func testRegionIncludesPlacesInsideIt() throws {
        let gazetteer = Gazetteer.shipped
        func article(_ path: String, day: Int, places: [String]) -> AnalysedArticle {
            let entities = places.map { id -> Entity in
                let place = gazetteer.places[id]!
                return Entity(name: place.name, kind: .place, aliases: [], mentions: [Mention(text: place.name, start: 0, end: 1)],
                              placeID: id, parents: gazetteer.chain(place).dropFirst().map(\.name), country: nil)
            }
            return AnalysedArticle(article: Article(path: path, title: path, source: nil, published: .day(CalendarDay(year: 2021, month: 4, day: day)!),
                                                    publishedFrom: .frontMatter, body: ""), entities: entities)
        }
        let donetsk = gazetteer.place(named: "Donetsk")!.id
        let corpus = Corpus([article("a", day: 1, places: [donetsk]), article("b", day: 2, places: ["FR"])])
        XCTAssertEqual(try corpus.matches(Query([Query.Term(.region, "Ukraine")])).map { corpus.articles[$0].article.path }, ["a"])
        XCTAssertEqual(try corpus.matches(Query([Query.Term(.region, "Donbas")])).map { corpus.articles[$0].article.path }, ["a"])
        XCTAssertEqual(try corpus.matches(Query([])).map { corpus.articles[$0].article.path }, ["b", "a"])
        XCTAssertEqual(try corpus.matches(Query([Query.Term(.region, "Ukraine", negated: true)])).map { corpus.articles[$0].article.path }, ["b"])
        XCTAssertThrowsError(try corpus.matches(Query([Query.Term(.region, "Narnia")])))

        // Facets and the timeline count the filtered articles only.
        let all = try corpus.matches(Query([]))
        XCTAssertEqual(corpus.facets(all).map { "\($0.entry.name) \($0.articles)" }.sorted(), ["Donetsk 1", "France 1"])
        let ukrainian = try corpus.matches(Query([Query.Term(.region, "Ukraine")]))
        XCTAssertEqual(corpus.facets(ukrainian).map(\.entry.name), ["Donetsk"])
        XCTAssertEqual(corpus.timeline(all).map { "\($0.day) \($0.articles)" }, ["2021-04-01 1", "2021-04-02 1"])
        XCTAssertEqual(corpus.timeline(ukrainian).map { "\($0.day) \($0.articles)" }, ["2021-04-01 1"])
    }
}
