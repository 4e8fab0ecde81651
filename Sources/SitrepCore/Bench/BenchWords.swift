/// The names and sentence patterns `BenchCorpus` writes its articles from.
extension BenchCorpus {
    static let prominent = [
        "Antony Blinken", "Volodymyr Zelensky", "Vladimir Putin", "Joe Biden", "Dmitry Peskov", "Dmytro Kuleba", "Sergei Lavrov",
        "Jens Stoltenberg", "Emmanuel Macron", "Olaf Scholz", "Angela Merkel", "Boris Johnson", "Ursula von der Leyen",
        "Josep Borrell", "Recep Tayyip Erdogan", "Xi Jinping", "Antonio Guterres", "Lloyd Austin", "Jake Sullivan", "Mario Draghi",
        "Charles Michel", "Alexander Lukashenko", "Maia Sandu", "Andrzej Duda", "Naftali Bennett", "Narendra Modi", "Kamala Harris",
        "Annalena Baerbock", "Liz Truss", "Rafael Grossi",
    ]

    static let firstNames = [
        "Anna", "Oleksandr", "Maria", "James", "Olena", "Mohammed", "Sofia", "Andriy", "Elena", "David", "Fatima", "Pierre", "Yulia",
        "Thomas", "Aisha", "Mikhail", "Laura", "Ahmed", "Ingrid", "Pavel", "Claire", "Hassan", "Natalia", "Robert", "Leila", "Jan",
        "Katarzyna", "Giorgi", "Nino", "Luis", "Carmen", "Kenji", "Yuki", "Wei", "Li", "Priya", "Arjun", "Amara", "Kwame", "Tomasz",
        "Ewa", "Stefan", "Helga", "Marco", "Giulia", "Ivan", "Svetlana", "Dmitri", "Olga", "Samuel", "Rachel", "Omar", "Layla",
        "Erik", "Astrid", "Viktor", "Tamara", "Nikolai", "Irina", "Bogdan", "Daria", "Artem", "Kateryna", "Serhiy", "Oksana",
        "Michael", "Sarah", "John", "Emily", "Daniel", "Hannah", "Ali", "Zeynep", "Mehmet", "Ayşe", "Lukas", "Marta", "Jonas",
        "Eva", "Felix", "Chloé", "Antoine", "Isabel", "Diego", "Lucia",
    ]

    static let surnames = [
        "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Petrenko", "Ivanov", "Smirnov", "Kuznetsov",
        "Popov", "Sokolov", "Lebedev", "Novikov", "Morozov", "Volkov", "Fedorov", "Nowak", "Kowalski", "Wiśniewski", "Wójcik",
        "Kamiński", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Dubois", "Lefebvre", "Moreau",
        "Laurent", "Girard", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "García", "Fernández", "López", "Martínez",
        "Sánchez", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
        "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clarke", "Walker", "Hughes", "Edwards", "Patel", "Sharma",
        "Singh", "Khan", "Ahmed", "Hussain", "Rahman", "Haddad", "Khoury", "Mansour", "Nasser", "Yilmaz", "Kaya", "Demir", "Şahin",
        "Çelik", "Tanaka", "Suzuki", "Watanabe", "Nakamura", "Wang", "Zhang", "Chen", "Liu", "Kim", "Park", "Lee", "Nguyen",
        "Okafor", "Mensah", "Diallo", "Traoré", "Kamara", "Mwangi", "Beridze", "Kapanadze", "Hakobyan", "Aliyev", "Mammadov",
        "Nazarbayev", "Andersson", "Johansson", "Larsen", "Nielsen", "Hansen", "Virtanen", "Korhonen", "Tamm", "Ozols", "Kazlauskas",
        "Horvat", "Novak", "Kovač", "Popescu", "Ionescu", "Dimitrov", "Georgiev", "Papadopoulos", "Nikolaidis", "Costa",
        "Silva", "Santos", "Pereira", "Oliveira", "O'Brien", "Murphy", "Kelly", "Byrne", "MacLeod", "Campbell", "Stewart",
        "Levy", "Cohen", "Friedman", "Abramov", "Sadykov", "Karimov", "Tursunov", "Yusupov", "Gusev", "Zaitsev", "Orlov",
        "Belov", "Romanenko", "Savchenko", "Hrytsenko", "Lysenko", "Marchenko", "Rudenko", "Zinchenko", "Moroz", "Koval",
    ]

    static let organisationNames = [
        "NATO", "the European Union", "the United Nations", "the Kremlin", "the White House", "the Pentagon", "the European Commission",
        "the International Monetary Fund", "the World Bank", "Gazprom", "the OSCE", "the International Committee of the Red Cross",
        "the UN Security Council", "the State Department", "the Foreign Office", "Amnesty International", "Human Rights Watch",
        "the World Health Organization", "the African Union", "ASEAN", "OPEC", "the G7", "Naftogaz", "Rosneft",
        "the European Central Bank", "the Federal Reserve", "the Bank of England", "Médecins Sans Frontières",
        "the World Food Programme", "UNICEF", "UNHCR", "the International Atomic Energy Agency", "the Council of Europe",
        "the European Parliament", "the Bundestag", "the Verkhovna Rada", "the State Duma", "Siemens", "Shell", "BP",
        "TotalEnergies", "Boeing", "Airbus", "Lockheed Martin", "Raytheon", "Huawei", "SpaceX", "Google", "Microsoft", "Meta",
        "the Wagner Group", "Hamas", "Hezbollah", "the Taliban", "the Arab League", "Interpol", "Europol", "Frontex",
        "the International Criminal Court", "the World Trade Organization", "the OECD", "Naftohaz Trading", "Ukrenergo",
        "Rosatom", "Aeroflot", "Ryanair", "Maersk", "Glencore", "Cargill", "ArcelorMittal",
    ]

    static let outletNames = [
        "Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "The Independent", "UPI", "UNIAN", "The Moscow Times",
        "Daily Mail", "Kyiv Independent", "Politico Europe", "Deutsche Welle", "Euronews", "Al Jazeera", "The Times",
        "Financial Times", "Le Monde", "Der Spiegel", "Radio Free Europe", "The New York Times", "The Washington Post", "Bloomberg",
        "CNN", "NPR", "Sky News", "France 24", "TASS", "Interfax", "Ukrainska Pravda", "Meduza", "The Economist", "Axios",
        "The Telegraph", "El País", "Corriere della Sera", "NHK World", "Anadolu Agency", "Xinhua", "Kyodo News",
    ]

    /// Regions an analyst asks for that no weighting by population would put first.
    static let regionsAsked = ["Donbas", "Crimea", "Middle East", "Balkans", "Sahel", "Gaza"]

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    /// A story's subject: how sentences name it, and the word a headline uses.
    static let topics: [(phrase: String, word: String)] = [
        ("the ceasefire talks", "ceasefire"), ("grain exports", "grain"), ("energy prices", "energy"), ("new sanctions", "sanctions"),
        ("the drone strikes", "drones"), ("the refinery fire", "refinery"), ("Javelin deliveries", "weapons"),
        ("the humanitarian corridor", "corridor"), ("the peace talks", "peace"), ("rising inflation", "inflation"),
        ("the shelling of border villages", "shelling"), ("a cyberattack on the power grid", "cyberattack"),
        ("the disputed referendum", "referendum"), ("the evacuation of civilians", "evacuation"), ("steel tariffs", "tariffs"),
        ("satellite images of troop movements", "satellite"), ("the gas pipeline", "pipeline"), ("the election result", "election"),
        ("the refugee crisis", "refugees"), ("wheat shipments", "wheat"), ("the nuclear plant", "nuclear"),
        ("troop build-ups", "troops"), ("the prisoner exchange", "prisoners"), ("military aid", "aid"),
        ("the budget dispute", "budget"), ("the border closure", "border"), ("power cuts", "blackouts"),
        ("the port blockade", "blockade"), ("debt relief", "debt"), ("the drought", "drought"),
    ]

    static let titles = [
        "{p} warns over {T} in {L}", "{O} calls for talks as {t} crisis deepens", "{L}: {T} dominates {M} meeting",
        "{p} and {v} meet in {M} amid {t} tensions", "{N} displaced in {L} as {t} crisis grows", "{O} to review {T} after {L} talks",
        "What {T} means for {L}", "{p} says {T} will not wait", "{M} summit ends without deal on {T}",
    ]

    static let leads = [
        "{P} said on {W} that {T} would top the agenda when officials meet in {M}, as pressure grows over the situation in {L}.",
        "{O} warned on {W} that {T} in {L} could worsen within weeks, days after {P} visited {M}.",
        "Officials in {L} said on {W} that {N} people had been affected by {T}, according to figures released by {O}.",
        "{P} and {V} held talks in {M} on {W} about {T}, their offices said.",
        "{P} called on {O} to act on {T}, saying the situation in {L} could not be allowed to drift.",
    ]

    static let sentences = [
        "“We are watching the situation in {L} very closely,” {p} told reporters.",
        "“There can be no lasting answer to {T} without {L},” {v} said in a statement.",
        "{v} said {O} would respond “in a measured way” if the {t} dispute escalated.",
        "{p} added that talks with {O2} would resume in {M} next week.",
        "The {t} issue has divided {O} for months, diplomats in {M} said.",
        "According to {O}, more than {N} people have left {L} since the start of the year.",
        "{V}, who met {p} in {M} last month, called for restraint.",
        "Prices in {L} rose {N} percent last week, traders in {M} said.",
        "A spokesman for {O} declined to comment on {T}.",
        "{X} said the decision would be reviewed in {Y} later this year.",
        "The meeting in {M} follows weeks of tension over {T}.",
        "Analysts at {O2} said the move could reshape {T} for years.",
        "“This is not the end of the process,” {p} said. “It is the beginning.”",
        "Residents of {L} described long queues for fuel and bread.",
        "{O} has said it will send a team to {L} to assess the damage.",
        "Asked about {T}, {v} said: “Our position has not changed.”",
        "The ministry said {N} drones had been shot down overnight near {L}.",
        "{p} is due to travel to {Y} on {W}.",
        "Neither {O} nor {O2} responded to requests for comment.",
        "In a post on social media, {v} wrote that {L} “will not be forgotten”.",
        "Last year {X} described {T} as the defining test for {O}.",
        "The vote in {M} is expected on {W}, officials said.",
        "Earlier, {O} reported that {N} trucks carrying aid had crossed into {L}.",
        "Some {N} troops remain stationed near {L}, according to {O2}.",
        "“We need a clear timetable,” said {X}, a former adviser to {p}.",
        "Markets in {M} fell sharply on the news before recovering some of their losses.",
        "The talks were the first of their kind since the crisis over {T} began.",
        "Officials stressed that no final decision had been taken.",
        "It was not immediately clear how many people had been hurt.",
        "{p}'s office said the call with {V} had been “frank and useful”.",
    ]
}
