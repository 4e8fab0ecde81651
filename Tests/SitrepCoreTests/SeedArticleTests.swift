import Foundation
import XCTest
@testable import SitrepCore

/// The five seed articles as scraped, without front matter: what an analyst sees must be the
/// story, all of it, and nothing else.
final class SeedArticleTests: XCTestCase {
    struct Expectation {
        let file: String
        let title: String
        /// Text on the page that is not the story: none of it may survive in the body.
        let debris: [String]
        /// Paragraphs that appear twice on the page and must appear once.
        let repeated: [String]
    }

    static let expectations: [Expectation] = [
        Expectation(
            file: "2021-04-01_daily-mail_us-declares-unwavering-support-for-ukraine.txt",
            title: "US declares ‘unwavering’ support for Ukraine amid Russian escalations",
            debris: [],
            repeated: ["The Kremlin said Thursday Ukraine and the West should not ‘worry’ about Russian troop movements",
                       "Secretary of State Antony Blinken reaffirmed the United States’ ‘unwavering support’ for Ukraine during a call Wednesday",
                       "This week, Moscow and Kiev blamed each other for a rise in violence"]),
        Expectation(
            file: "2021-04-01_the-independent_blinken-pledges-support-for-ukraine.txt",
            title: "US secretary of state Blinken pledges support for Ukraine ‘in face of Russian aggression’",
            debris: ["Your support helps us to tell the story",
                     "From reproductive rights to climate change to Big Tech, The Independent is on the ground when the story is developing. Whether it's investigating the financials of Elon Musk's pro-Trump PAC or producing our latest documentary, 'The A Word', which shines a light on the American women fighting for reproductive rights, we know how important it is to parse out the facts from the messaging.",
                     "At such a critical moment in US history, we need reporters on the ground. Your donation allows us to keep sending journalists to speak to both sides of the story.",
                     "The Independent is trusted by Americans across the entire political spectrum. And unlike many other quality news outlets, we choose not to lock Americans out of our reporting and analysis with paywalls. We believe quality journalism should be available to everyone, paid for by those who can afford it.",
                     "Your support makes all the difference.",
                     "Read more:",
                     "- British ex-pats leaving Spain to avoid illegal immigrant status after Brexit",
                     "- Refugee children in Sweden are falling into coma-like states on learning their families will be deported",
                     "- Germany to restrict AstraZeneca use in under-60s amid blood clot fear",
                     "- White people should ‘keep quiet’ during debates on racism, says Paris deputy mayor",
                     "Join our commenting forum",
                     "Join thought-provoking conversations, follow other Independent readers and see their replies",
                     "Comments"],
            repeated: []),
        Expectation(
            file: "2021-04-13_unian_blinken-affirms-us-support-for-euro-atlantic-integration.txt",
            title: "U.S. Secretary of State Anthony Blinken has affirmed to his Ukrainian counterpart Dmytro Kuleba…",
            debris: ["twitter.com/ SecBlinken", "Видео дня"],
            repeated: []),
        Expectation(
            file: "2021-05-07_upi_blinken-us-supports-ukraine-against-russian-aggression.txt",
            title: "Blinken: U.S. supports Ukraine against Russian aggression",
            debris: ["Advertisement", "Photo courtesy of Ukrainian President Volodymyr/Twitter", "Latest Headlines"],
            repeated: ["U.S. Secretary of State Antony Blinken (R) told Ukrainian President Volodymyr Zelensky in Kyiv on Thursday"]),
        Expectation(
            file: "2021-11-23_the-moscow-times_us-escalating-tensions-by-arming-kiev-kremlin.txt",
            title: "U.S. ‘Escalating’ Russia-Ukraine Tensions by Arming Kiev – Kremlin",
            debris: ["Support The Moscow Times!", "president.gov.ua", "… we have a small favor to ask.",
                     "As you may have heard, The Moscow Times, an independent news source for over 30 years, has been unjustly branded as a \"foreign agent\" by the Russian government. This blatant attempt to silence our voice is a direct assault on the integrity of journalism and the values we hold dear.",
                     "We, the journalists of The Moscow Times, refuse to be silenced. Our commitment to providing accurate and unbiased reporting on Russia remains unshaken. But we need your help to continue our critical mission.",
                     "Your support, no matter how small, makes a world of difference. If you can, please support us monthly starting from just 2. It's quick to set up, and you can be confident that you're making a significant impact every month by supporting open, independent journalism. Thank you.",
                     "Continue", "Read more"],
            repeated: []),
    ]

    /// The seed text exactly as scraped: the sample-data file without its front matter.
    private func rawSeed(_ name: String) throws -> String {
        let text = try String(contentsOfFile: (Fixtures.sampleData as NSString).appendingPathComponent(name), encoding: .utf8)
        let (matter, body, _) = FrontMatter.split(text)
        XCTAssertNotNil(matter, "\(name) has front matter")
        return body
    }

    private func readRaw(_ expectation: Expectation, in folder: TestFolder) throws -> Article {
        let path = folder.write(String(expectation.file.dropFirst(11)), try rawSeed(expectation.file))
        return try XCTUnwrap(readOne(path))
    }

    func testTitleIsTheHeadlineOrAShortSentenceTitle() throws {
        let folder = TestFolder()
        for expectation in Self.expectations {
            let article = try readRaw(expectation, in: folder)
            XCTAssertEqual(article.title, expectation.title, expectation.file)
        }
    }

    func testNoDebrisSurvives() throws {
        let folder = TestFolder()
        for expectation in Self.expectations {
            let article = try readRaw(expectation, in: folder)
            let body = normalizedForComparison(article.body)
            let paragraphs = article.body.components(separatedBy: "\n\n").map(normalizedForComparison)
            for debris in expectation.debris {
                let key = normalizedForComparison(debris)
                // Short labels ("Comments", "Continue") must not stand as a paragraph of their own.
                if key.split(separator: " ").count <= 3 {
                    XCTAssertFalse(paragraphs.contains(key), "\(expectation.file): '\(debris)' survived")
                } else {
                    XCTAssertFalse(body.contains(key), "\(expectation.file): '\(debris)' survived")
                }
            }
        }
    }

    func testRepeatedCaptionsAppearOnce() throws {
        let folder = TestFolder()
        for expectation in Self.expectations {
            let body = normalizedForComparison(try readRaw(expectation, in: folder).body)
            for caption in expectation.repeated {
                let key = normalizedForComparison(caption)
                XCTAssertEqual(body.components(separatedBy: key).count - 1, 1, "\(expectation.file): '\(caption)'")
            }
        }
    }

    /// Every line of the page that is not debris is in the title or the body.
    func testNoSentenceOfTheStoryIsLost() throws {
        let folder = TestFolder()
        for expectation in Self.expectations {
            let article = try readRaw(expectation, in: folder)
            let kept = normalizedForComparison(article.title + " " + article.body)
            for line in try rawSeed(expectation.file).components(separatedBy: "\n") {
                var story = line
                for debris in expectation.debris { story = story.replacingOccurrences(of: debris, with: " ") }
                let key = normalizedForComparison(story)
                guard key.split(separator: " ").count >= 3 else { continue }
                XCTAssertTrue(kept.contains(key), "\(expectation.file): lost '\(line.prefix(80))'")
            }
        }
    }

    func testSourceAndDateFromTheTextWhenThereIsNoFrontMatter() throws {
        let folder = TestFolder()
        let articles = try Self.expectations.map { try readRaw($0, in: folder) }
        // Daily Mail: no self-reference, no date in the text.
        XCTAssertNil(articles[0].source)
        XCTAssertEqual(articles[0].publishedFrom, .file)
        // The Independent names itself in its appeal; its latest dated event is 31 March.
        XCTAssertEqual(articles[1].source, "The Independent")
        XCTAssertEqual(articles[1].publishedFrom, .text)
        XCTAssertEqual([articles[1].published.day.month, articles[1].published.day.day], [3, 31])
        // UNIAN: "On April 13" takes its year from the dated events around it.
        XCTAssertEqual(articles[2].published, .day(CalendarDay(year: 2021, month: 4, day: 13)!))
        XCTAssertEqual(articles[2].publishedFrom, .text)
        // UPI: the dateline "May 7 (UPI) --" gives source and day.
        XCTAssertEqual(articles[3].source, "UPI")
        XCTAssertEqual(articles[3].publishedFrom, .text)
        XCTAssertEqual([articles[3].published.day.month, articles[3].published.day.day], [5, 7])
        XCTAssertEqual(articles[4].source, "The Moscow Times")
        XCTAssertEqual(articles[4].publishedFrom, .file)
    }

    func testSampleDataCarriesTheFrontMatterOfTheSeeds() throws {
        let expected: [String: (String, String)] = [
            "2021-04-01_daily-mail": ("Daily Mail", "2021-04-01"),
            "2021-04-01_the-independent": ("The Independent", "2021-04-01"),
            "2021-04-13_unian": ("UNIAN", "2021-04-13"),
            "2021-05-07_upi": ("UPI", "2021-05-07"),
            "2021-11-23_the-moscow-times": ("The Moscow Times", "2021-11-23"),
        ]
        for expectation in Self.expectations {
            let path = (Fixtures.sampleData as NSString).appendingPathComponent(expectation.file)
            let article = try XCTUnwrap(readOne(path))
            let key = try XCTUnwrap(expected.keys.first { expectation.file.hasPrefix($0) })
            XCTAssertEqual(article.source, expected[key]!.0)
            XCTAssertEqual(article.published.isoString, expected[key]!.1)
            XCTAssertEqual(article.publishedFrom, .frontMatter)
            XCTAssertEqual(article.title, expectation.title)
        }
    }

    /// When the seeds are beside the project, sample-data holds their text verbatim.
    func testSampleDataTextIsTheSeedsVerbatim() throws {
        let seeds = URL(fileURLWithPath: Fixtures.sampleData).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/seeds").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        guard names.count == 5 else {
            print("note: ../shared/seeds not found; verbatim comparison not run")
            return
        }
        for (seed, expectation) in zip(names, Self.expectations) {
            let original = try String(contentsOfFile: (seeds as NSString).appendingPathComponent(seed), encoding: .utf8)
            XCTAssertEqual(try rawSeed(expectation.file), original, seed)
        }
    }
}
