import Foundation
import XCTest
@testable import SitrepCore

/// Gold entities for the five seed articles: what an analyst expects in the sidebar for each,
/// the names that must not appear, and the variants that must merge into one entity.
final class SeedEntityTests: XCTestCase {
    struct Gold {
        let file: String
        let people: [String]
        let organizations: [String]
        let places: [String]
        let forbidden: [String]
    }

    static let gold: [Gold] = [
        Gold(file: "2021-04-01_daily-mail_us-declares-unwavering-support-for-ukraine.txt",
             people: ["Antony Blinken", "Dmytro Kuleba", "Mark Milley", "Volodymyr Zelensky", "Joe Biden", "Vladimir Putin",
                      "Jake Sullivan", "Valery Gerasimov", "Dmitry Peskov", "Donald Trump", "Alexei Navalny"],
             organizations: ["Kremlin", "Pentagon", "CNN", "Reuters", "Joint Chiefs of Staff", "SolarWinds"],
             places: ["United States", "Ukraine", "Russia", "Crimea", "Donbas", "Kyiv", "Moscow", "Donetsk Oblast", "West"],
             forbidden: ["Thursday", "Wednesday", "Still", "Advertisement", "Staff Gen.", "Federation", "Biden"]),
        Gold(file: "2021-04-01_the-independent_blinken-pledges-support-for-ukraine.txt",
             people: ["Antony Blinken", "Dmytro Kuleba", "Ruslan Khomchak", "James Cher", "Mark Milley", "John Kirby", "Dmitry Peskov"],
             organizations: ["U.S. Department of State", "OSCE", "International Centre for Defense and Security", "Kremlin",
                             "Joint Chiefs of Staff", "Pentagon", "NATO"],
             places: ["Ukraine", "Russia", "United States", "Donetsk Oblast", "Donbas", "Crimea", "Kyiv",
                      "Betmanove", "Vasylivka", "Spartak", "Kruta Balka"],
             forbidden: ["Spain", "Elon Musk", "Brexit", "Sweden", "Germany", "AstraZeneca", "Paris", "The Independent",
                         "Trump", "Anthony Blinken", "Blinken", "Dmitri Peskov", "Nato", "Donbass", "OBE", "James Cher OBE"]),
        Gold(file: "2021-04-13_unian_blinken-affirms-us-support-for-euro-atlantic-integration.txt",
             people: ["Antony Blinken", "Dmytro Kuleba", "Ned Price", "Ruslan Khomchak"],
             organizations: ["U.S. Department of State", "NATO", "NATO-Ukraine Commission", "Armed Forces of Ukraine",
                             "New York Times", "U.S. European Command", "Pentagon"],
             places: ["United States", "Ukraine", "Russia", "Donbas", "Crimea", "Brussels", "Moscow", "Kerch Strait",
                      "Donetsk Oblast", "Luhansk Oblast", "Washington"],
             forbidden: ["SecBlinken", "Видео дня", "Footage", "Secretary", "Sec", "Anthony Blinken", "Kuleba", "Commission"]),
        Gold(file: "2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt",
             people: ["Antony Blinken", "Volodymyr Zelensky", "Jens Stoltenberg", "Karine Jean-Pierre", "Joe Biden"],
             organizations: ["UPI", "Kremlin", "G7", "European Union", "NATO", "White House"],
             places: ["United States", "Ukraine", "Kyiv", "Russia", "Crimea", "London"],
             forbidden: ["Advertisement", "Latest Headlines", "Twitter", "Zelensky", "Stoltenberg", "Thursday", "Union"]),
        Gold(file: "2021-11-23_the-moscow-times_us-escalating-tensions-by-arming-kiev-kremlin.txt",
             people: ["Vladimir Putin", "Dmitry Peskov", "Joe Biden"],
             organizations: ["Kremlin", "CNN", "Pentagon", "NATO", "TASS", "SVR"],
             places: ["Ukraine", "United States", "Kyiv", "Moscow", "Russia", "Washington", "Afghanistan", "Donbas",
                      "Donetsk Oblast", "Luhansk Oblast", "West", "Black Sea"],
             forbidden: ["Javelin", "The Moscow Times", "Mi-17", "Stinger", "Kiev", "Donbass", "Peskov", "Tuesday", "Monday"]),
    ]

    static let extractor = EntityExtractor(tagger: try! EntityTagger.shipped())

    private func entities(_ gold: Gold) throws -> [Entity] {
        let article = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(gold.file)))
        return Self.extractor.entities(in: article.body)
    }

    /// Precision and recall over (kind, name) pairs, printed; both must stay high.
    func testPrecisionAndRecallAgainstGold() throws {
        var truePositives = 0, predicted = 0, expected = 0
        for gold in Self.gold {
            let found = Set(try entities(gold).map { "\($0.kind.rawValue):\($0.name)" })
            let wanted = Set(gold.people.map { "person:\($0)" } + gold.organizations.map { "organization:\($0)" } + gold.places.map { "place:\($0)" })
            truePositives += found.intersection(wanted).count
            predicted += found.count
            expected += wanted.count
            print("\(gold.file.prefix(30)): missed \(wanted.subtracting(found).sorted()), extra \(found.subtracting(wanted).sorted())")
        }
        let precision = Double(truePositives) / Double(predicted), recall = Double(truePositives) / Double(expected)
        print(String(format: "seed gold: precision %.3f, recall %.3f (%d correct, %d found, %d expected)", precision, recall, truePositives, predicted, expected))
        XCTAssertGreaterThanOrEqual(precision, 0.9)
        XCTAssertGreaterThanOrEqual(recall, 0.9)
    }

    func testForbiddenNamesNeverAppear() throws {
        for gold in Self.gold {
            let names = Set(try entities(gold).map(\.name))
            for name in gold.forbidden {
                XCTAssertFalse(names.contains(name), "\(gold.file): '\(name)' should not be an entity")
            }
        }
    }

    func testVariantsMergeIntoOneEntity() throws {
        let independent = try entities(Self.gold[1])
        let blinken = try XCTUnwrap(independent.first { $0.name == "Antony Blinken" })
        XCTAssertEqual(Set(blinken.aliases), ["Anthony Blinken", "Blinken"])  // "Mr Blinken" is a mention of "Blinken"
        XCTAssertEqual(blinken.mentions.count, 4)
        XCTAssertEqual(independent.first { $0.name == "Dmitry Peskov" }?.aliases, ["Dmitri Peskov"])
        XCTAssertEqual(independent.first { $0.name == "NATO" }?.aliases, ["Nato"])
        XCTAssertEqual(Set(independent.first { $0.name == "Donbas" }?.aliases ?? []), ["Donbass", "Donbass region"])
        let unian = try entities(Self.gold[2])
        XCTAssertEqual(unian.filter { $0.kind == .person && $0.name.contains("Blinken") }.count, 1)
        XCTAssertTrue(unian.first { $0.name == "Antony Blinken" }!.mentions.contains { $0.text == "Blinken" && $0.start > 0 })
        let moscowTimes = try entities(Self.gold[4])
        XCTAssertEqual(moscowTimes.first { $0.name == "Kyiv" }?.aliases, ["Kiev"])
        XCTAssertEqual(moscowTimes.first { $0.name == "Dmitry Peskov" }?.mentions.count, 5)
    }

    func testPlacesKnowTheirParentChain() throws {
        let gazetteer = Gazetteer.shipped
        let donetsk = try XCTUnwrap(gazetteer.place(named: "Donetsk"))
        XCTAssertEqual(gazetteer.chain(donetsk).map(\.name), ["Donetsk", "Donetsk Oblast", "Donbas", "Ukraine"])
        XCTAssertEqual(gazetteer.place(named: "Kiev")?.name, "Kyiv")
        XCTAssertEqual(gazetteer.place(named: "Lugansk")?.name, "Luhansk")
        XCTAssertEqual(gazetteer.place(named: "Odessa")?.name, "Odesa")
        XCTAssertEqual(gazetteer.place(named: "Donbass")?.name, "Donbas")
        XCTAssertEqual(gazetteer.place(named: "U.S.")?.name, "United States")
        XCTAssertEqual(gazetteer.place(named: "Washington")?.kind, .city)
        XCTAssertEqual(gazetteer.place(demonym: "Russian")?.name, "Russia")
        let kerch = try XCTUnwrap(gazetteer.place(named: "Kerch Strait"))
        XCTAssertEqual(gazetteer.chain(kerch).map(\.name), ["Kerch Strait", "Crimea", "Ukraine"])
    }

    /// GeoNames cities sit under their first-level subdivision, so a region filter finds an
    /// article that names only a town in it.
    func testCitiesSitUnderTheirSubdivision() throws {
        let gazetteer = Gazetteer.shipped
        func chain(_ name: String) throws -> [String] { gazetteer.chain(try XCTUnwrap(gazetteer.place(named: name), name)).map(\.name) }
        XCTAssertEqual(try chain("Mariupol"), ["Mariupol", "Donetsk Oblast", "Donbas", "Ukraine"])
        XCTAssertEqual(try chain("Kramatorsk"), ["Kramatorsk", "Donetsk Oblast", "Donbas", "Ukraine"])
        XCTAssertEqual(try chain("Simferopol"), ["Simferopol", "Crimea", "Ukraine"])
        XCTAssertEqual(try chain("Melitopol"), ["Melitopol", "Zaporizhzhia Oblast", "Ukraine"])
        XCTAssertEqual(try chain("Belgorod"), ["Belgorod", "Belgorodskaja oblast'", "Russia"])
        XCTAssertEqual(try chain("Houston"), ["Houston", "Texas", "United States"])
        // No subdivision is better than a wrong one: Marseille's division has a quarter named
        // like an overseas collectivity, and Taganrog's a village named like another oblast.
        XCTAssertEqual(try chain("Marseille"), ["Marseille", "France"])
        XCTAssertEqual(try chain("Taganrog"), ["Taganrog", "Russia"])

        let body = "Shelling was reported overnight in Mariupol, local officials said."
        let article = Article(path: "a.txt", title: "Shelling", source: "Wire", published: .day(CalendarDay(year: 2021, month: 4, day: 2)!),
                              publishedFrom: .frontMatter, body: body)
        let corpus = Corpus([AnalysedArticle(article: article, entities: Self.extractor.entities(in: body))])
        XCTAssertEqual(try corpus.matches(Query.parse("region:Donbas")).count, 1)
    }

    func testOffsetsPointIntoTheBody() throws {
        for gold in Self.gold {
            let article = try XCTUnwrap(readOne((Fixtures.sampleData as NSString).appendingPathComponent(gold.file)))
            let scalars = Array(article.body.unicodeScalars)
            for entity in Self.extractor.entities(in: article.body) {
                for mention in entity.mentions {
                    XCTAssertEqual(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])), mention.text)
                }
            }
        }
    }

    func testSameSurnameDifferentPeopleStayApart() {
        let body = "Former president George Bush met officials in Texas. Later, Jeb Bush said the party would recover. Bush added that he was hopeful."
        let people = Self.extractor.entities(in: body).filter { $0.kind == .person }.map(\.name)
        XCTAssertTrue(people.contains("George Bush") && people.contains("Jeb Bush"), "\(people)")
    }
}
