import Foundation

/// A made-up but news-like corpus for `sitrep bench`, the same for a seed on every machine.
///
/// Each article reports one event — a topic, a lead person, a second voice, organisations and
/// places — and about a third report an event an article just before them reported, as
/// several outlets cover one event. Articles are told in sentences of the kinds wire copy is
/// made of (statements, quotes with their speakers, figures, datelines, meetings). People, organisations, places and outlets are
/// drawn with news-like skew: a few names are everywhere, most are rare. Places come from the
/// gazetteer, weighted by population; people from a list of first names and surnames from
/// many countries. Lengths follow a log-normal curve (median about 3.5 KB, from 1 KB to 20
/// KB), and the files come in the formats scrapers write: text with front matter, raw text
/// with a dateline, Markdown, HTML pages with site furniture, JSON objects and JSON Lines.
public struct BenchCorpus: Sendable {
    public let seed: UInt64
    /// Full name and surname, most reported first.
    public let people: [(full: String, surname: String)]
    public let organisations: [String]
    /// Place names, with the weights they are drawn by.
    public let places: [String]
    public let outlets: [String]
    private let personPick: Picker, organisationPick: Picker, placePick: Picker, outletPick: Picker, topicPick: Picker

    public struct Summary: Sendable, Equatable {
        public var articles = 0
        public var files = 0
        public var bytes = 0
        /// Files per format ("txt", "txt-raw", "md", "html", "json", "jsonl").
        public var formats: [String: Int] = [:]

        public init(articles: Int = 0, files: Int = 0, bytes: Int = 0, formats: [String: Int] = [:]) {
            self.articles = articles
            self.files = files
            self.bytes = bytes
            self.formats = formats
        }
    }

    public init(seed: UInt64 = 2021, gazetteer: Gazetteer = .shipped) {
        self.seed = seed
        var rng = SplitMix(seed: seed)
        // Well-known people lead the list; the rest are pairs of names, each pair used once.
        var people = Self.prominent.map { full in (full: full, surname: String(full.split(separator: " ").last!)) }
        var used = Set(people.map(\.full))
        while people.count < 4_000 {
            let first = Self.firstNames[rng.below(Self.firstNames.count)], last = Self.surnames[rng.below(Self.surnames.count)]
            let full = first + " " + last
            if used.insert(full).inserted { people.append((full, last)) }
        }
        self.people = people
        organisations = Self.organisationNames
        // Countries, the regions news names, and cities of 300,000 or more, by population.
        var weighted: [(String, Double)] = []
        for place in gazetteer.places.values.sorted(by: { $0.id < $1.id }) {
            switch place.kind {
            case .country where place.population > 0: weighted.append((place.name, Double(place.population).squareRoot()))
            case .region: weighted.append((place.name, 3_000))
            case .city where place.population >= 300_000: weighted.append((place.name, Double(place.population).squareRoot() * 0.5))
            default: break
            }
        }
        if weighted.isEmpty { weighted = [("Kyiv", 1), ("Moscow", 1), ("Washington", 1)] }
        places = weighted.map(\.0)
        outlets = Self.outletNames
        personPick = Picker(zipf: people.count, exponent: 1.0)
        organisationPick = Picker(zipf: organisations.count, exponent: 1.1)
        placePick = Picker(weights: weighted.map(\.1))
        outletPick = Picker(zipf: outlets.count, exponent: 0.8)
        topicPick = Picker(zipf: Self.topics.count, exponent: 0.7)
    }

    /// The people to ask for by name, as an analyst would: the most reported ones and a few rarer.
    public var queryPeople: [String] { Array(people.prefix(12).map(\.full)) + stride(from: 40, to: 400, by: 45).map { people[$0].full } }
    /// The places to ask for: the most likely to be drawn.
    public var queryPlaces: [String] {
        let order = places.indices.sorted { placePick.weight($0) > placePick.weight($1) }
        return order.prefix(16).map { places[$0] } + Self.regionsAsked
    }
    /// Words and phrases to search for, common and rare.
    public var queryTexts: [String] {
        ["ceasefire", "sanctions", "\"grain exports\"", "drones", "refinery", "Javelin", "humanitarian corridor", "\"peace talks\"",
         "inflation", "shelling", "\"energy prices\"", "cyberattack", "referendum", "evacuation", "tariffs", "satellite"]
    }

    // MARK: Writing

    /// Writes `count` articles under `folder` (in a folder per month), calling `progress` with
    /// the number written so far.
    public func write(count: Int, into folder: String, progress: (Int) -> Void = { _ in }) throws -> Summary {
        var summary = Summary()
        var made = Set<String>()
        var k = 0
        while k < count {
            var rng = SplitMix(seed: seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
            let roll = rng.unit()
            let format: String
            switch roll {
            case ..<0.45: format = "txt"
            case ..<0.55: format = "txt-raw"
            case ..<0.65: format = "md"
            case ..<0.86: format = "html"
            case ..<0.99: format = "json"
            default: format = "jsonl"
            }
            let lines = format == "jsonl" ? min(count - k, 5 + rng.below(20)) : 1
            let stories = (k..<(k + lines)).map { story($0) }
            let first = stories[0]
            let month = String(first.published.prefix(7))
            let subfolder = folder + "/" + month
            if made.insert(month).inserted { try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true) }
            let text: String, ext: String
            switch format {
            case "txt": (text, ext) = (frontMatter(first), "txt")
            case "txt-raw": (text, ext) = (rawText(first), "txt")
            case "md": (text, ext) = (markdown(first), "md")
            case "html": (text, ext) = (html(first), "html")
            case "json": (text, ext) = (json(first, pretty: true), "json")
            default: (text, ext) = (stories.map { json($0, pretty: false) }.joined(separator: "\n") + "\n", "jsonl")
            }
            let name = String(format: "%@/%07d-%@.%@", subfolder, k, first.slug, ext)
            let data = Data(text.utf8)
            guard FileManager.default.createFile(atPath: name, contents: data) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: name])
            }
            // Scrapers save a story soon after it is published: the file's time says so, as a
            // dateline without a year needs.
            var times = [timespec(tv_sec: first.epoch + 600, tv_nsec: 0), timespec(tv_sec: first.epoch + 600, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, name, &times, 0)
            summary.articles += lines
            summary.files += 1
            summary.bytes += data.count
            summary.formats[format, default: 0] += 1
            k += lines
            progress(k)
        }
        return summary
    }

    /// One article on its own, in one of the formats: for files dropped into a watched folder.
    public func file(_ k: Int) -> (name: String, text: String) {
        let story = story(k)
        switch k % 4 {
        case 0: return (String(format: "%07d-%@.txt", k, story.slug), frontMatter(story))
        case 1: return (String(format: "%07d-%@.html", k, story.slug), html(story))
        case 2: return (String(format: "%07d-%@.json", k, story.slug), json(story, pretty: true))
        default: return (String(format: "%07d-%@.txt", k, story.slug), rawText(story))
        }
    }

    // MARK: Stories

    struct Story {
        var title: String
        var slug: String
        var outlet: String
        /// ISO 8601, to the minute, UTC.
        var published: String
        var day: (year: Int, month: Int, day: Int)
        /// `published` in seconds since 1970.
        var epoch: Int
        var dateline: String
        var paragraphs: [String]
    }

    /// What an article reports: a topic, who and where, and the day.
    struct Event {
        var topic: (phrase: String, word: String)
        var lead: (full: String, surname: String)
        var voice: (full: String, surname: String)
        var organisation: String, other: String, place: String, elsewhere: String
        var dayOfYear: Int
    }

    /// The event article `k` reports. About a third of articles report an event an article
    /// shortly before them reported, a day or two later at most, as other outlets do.
    func event(_ k: Int) -> Event {
        var rng = SplitMix(seed: seed ^ (UInt64(k) &+ 1) &* 0xA24B_AED4_963E_E407)
        if k > 0, rng.unit() < 0.35 {
            var earlier = event(max(0, k - 1 - rng.below(40)))
            earlier.dayOfYear = min(364, earlier.dayOfYear + rng.below(2))
            return earlier
        }
        let topic = Self.topics[topicPick.pick(&rng)]
        let lead = people[personPick.pick(&rng)]
        var voice = people[personPick.pick(&rng)]
        if voice.full == lead.full { voice = people[(personPick.pick(&rng) + 1) % people.count] }
        return Event(topic: topic, lead: lead, voice: voice, organisation: organisations[organisationPick.pick(&rng)],
                     other: organisations[organisationPick.pick(&rng)], place: places[placePick.pick(&rng)],
                     elsewhere: places[placePick.pick(&rng)], dayOfYear: rng.below(365))
    }

    func story(_ k: Int) -> Story {
        var rng = SplitMix(seed: seed ^ (UInt64(k) &+ 1) &* 0xD1B5_4A32_D192_ED03)
        let event = event(k)
        let (topic, lead, voice) = (event.topic, event.lead, event.voice)
        let (organisation, other, place, elsewhere) = (event.organisation, event.other, event.place, event.elsewhere)
        let outlet = outlets[outletPick.pick(&rng)]
        let dayOfYear = event.dayOfYear, minute = rng.below(24 * 60)
        let date = Self.calendarDay(2021, dayOfYear)
        let published = String(format: "%04d-%02d-%02dT%02d:%02d:00Z", date.0, date.1, date.2, minute / 60, minute % 60)
        // Lengths: log-normal around 3.5 KB, kept within 1–20 KB.
        let target = min(20_000, max(1_000, Int(3_500 * exp(0.75 * rng.normal()))))
        var fill = Fill(lead: lead, voice: voice, organisation: organisation, other: other, place: place, elsewhere: elsewhere,
                        topic: topic, number: 0)
        var paragraphs = [fill.render(Self.leads[rng.below(Self.leads.count)], &rng, extra: self)]
        var length = paragraphs[0].utf8.count
        while length < target {
            var paragraph: [String] = []
            for _ in 0..<(1 + rng.below(3)) { paragraph.append(fill.render(Self.sentences[rng.below(Self.sentences.count)], &rng, extra: self)) }
            let text = paragraph.joined(separator: " ")
            paragraphs.append(text)
            length += text.utf8.count + 2
        }
        let title = fill.render(Self.titles[rng.below(Self.titles.count)], &rng, extra: self)
        let slug = title.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }
            .joined().split(separator: "-").prefix(6).joined(separator: "-")
        let epoch = 1_609_459_200 + dayOfYear * 86_400 + minute * 60
        return Story(title: title, slug: slug.isEmpty ? "article" : slug, outlet: outlet, published: published, day: date, epoch: epoch,
                     dateline: place.uppercased(), paragraphs: paragraphs)
    }

    /// Fills a template's slots: {P} the lead's full name, {p} their surname, {V}/{v} the
    /// second voice, {O}/{O2} organisations, {L}/{M} places, {T}/{t} the topic and its word,
    /// {N} a number, {W} a weekday, {X} any person, {Y} any place.
    struct Fill {
        var lead: (full: String, surname: String)
        var voice: (full: String, surname: String)
        var organisation: String, other: String, place: String, elsewhere: String
        var topic: (phrase: String, word: String)
        var number: Int

        func render(_ template: String, _ rng: inout SplitMix, extra corpus: BenchCorpus) -> String {
            var out = ""
            var chars = template.makeIterator()
            while let c = chars.next() {
                guard c == "{" else { out.append(c); continue }
                var name = ""
                while let d = chars.next(), d != "}" { name.append(d) }
                switch name {
                case "P": out += lead.full
                case "p": out += lead.surname
                case "V": out += voice.full
                case "v": out += voice.surname
                case "O": out += organisation
                case "O2": out += other
                case "L": out += place
                case "M": out += elsewhere
                case "T": out += topic.phrase
                case "t": out += topic.word
                case "N": out += String(2 + rng.below(rng.below(2) == 0 ? 100 : 5_000))
                case "W": out += ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rng.below(7)]
                case "X": out += corpus.people[corpus.personPick.pick(&rng)].full
                case "Y": out += corpus.places[corpus.placePick.pick(&rng)]
                default: out += name
                }
            }
            return out.prefix(1).uppercased() + out.dropFirst()
        }
    }

    // MARK: Formats

    private func frontMatter(_ s: Story) -> String {
        "---\ntitle: \(s.title)\nsource: \(s.outlet)\npublished: \(s.published)\n---\n\n" + s.paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// No front matter: the headline on the first line, and a wire dateline that gives the day and the outlet.
    private func rawText(_ s: Story) -> String {
        let month = Self.monthNames[s.day.month - 1]
        let lead = "\(s.dateline), \(month) \(s.day.day) (\(s.outlet)) - " + s.paragraphs[0]
        return s.title + "\n\n" + ([lead] + s.paragraphs.dropFirst()).joined(separator: "\n\n") + "\n"
    }

    private func markdown(_ s: Story) -> String {
        var paragraphs = s.paragraphs
        if paragraphs.count > 3 { paragraphs.insert("## What comes next", at: paragraphs.count / 2) }
        return "---\ntitle: \"\(s.title.replacingOccurrences(of: "\"", with: "'"))\"\nsource: \(s.outlet)\ndate: \(s.published)\n---\n\n"
            + "# \(s.title)\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// A page as a site serves it: navigation, the story, related links, a newsletter box and a footer.
    private func html(_ s: Story) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let body = s.paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(s.title)) | \(escape(s.outlet))</title>
        <meta property="og:site_name" content="\(escape(s.outlet))">
        <meta property="article:published_time" content="\(s.published)">
        <script>window.dataLayer = window.dataLayer || [];</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
        <article><h1>\(escape(s.title))</h1>
        <time datetime="\(s.published)"></time>
        \(body)
        </article>
        <aside class="related"><h3>Read more</h3><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside>
        <div class="newsletter">Sign up for our morning briefing</div>
        <footer>© 2021 \(escape(s.outlet)). All rights reserved.</footer></body></html>

        """
    }

    private func json(_ s: Story, pretty: Bool) -> String {
        let object: [String: Any] = [
            "source": ["id": NSNull(), "name": s.outlet], "title": s.title, "publishedAt": s.published,
            "url": "https://news.example/\(s.slug)", "content": s.paragraphs.joined(separator: "\n\n"),
        ]
        let options: JSONSerialization.WritingOptions = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func calendarDay(_ year: Int, _ dayOfYear: Int) -> (Int, Int, Int) {
        let lengths = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = dayOfYear, month = 0
        while day >= lengths[month] { day -= lengths[month]; month += 1 }
        return (year, month + 1, day + 1)
    }

    // MARK: Drawing

    /// A fixed-seed generator (SplitMix64).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        /// In [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        /// A standard normal draw (Box–Muller).
        mutating func normal() -> Double {
            let u = max(unit(), 1e-12), v = unit()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    /// Draws an index with given weights, by binary search over their running totals.
    struct Picker: Sendable {
        private let totals: [Double]
        init(weights: [Double]) {
            var running = 0.0
            totals = weights.map { running += $0; return running }
        }
        init(zipf count: Int, exponent: Double) {
            self.init(weights: (0..<count).map { 1 / pow(Double($0 + 1), exponent) })
        }
        func weight(_ i: Int) -> Double { totals[i] - (i > 0 ? totals[i - 1] : 0) }
        func pick(_ rng: inout SplitMix) -> Int {
            let target = rng.unit() * (totals.last ?? 0)
            var low = 0, high = totals.count - 1
            while low < high {
                let mid = (low + high) / 2
                if totals[mid] > target { high = mid } else { low = mid + 1 }
            }
            return low
        }
    }
}
