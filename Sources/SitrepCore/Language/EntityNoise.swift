/// Words a statistical tagger sometimes takes for names and an analyst never would:
/// days, months, titles on their own, page boilerplate, sentence openers, weapon systems.
enum EntityNoise {
    static let words: Set<String> = [
        // calendar
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        // titles and roles standing alone
        "president", "secretary", "minister", "general", "gen", "spokesman", "spokesperson", "spokeswoman", "chairman",
        "prime minister", "foreign minister", "secretary of state", "commander-in-chief", "colonel-general", "mr", "mrs", "ms",
        "dr", "sir", "sec", "senator", "governor", "mayor", "ambassador", "chancellor", "king", "queen", "pope",
        // page boilerplate
        "advertisement", "photo", "video", "footage", "comments", "read more", "latest headlines", "share", "internet", "online",
        // sentence openers
        "still", "however", "meanwhile", "overall", "following", "speaking", "ahead", "during", "according", "despite",
        "partners", "details", "officials", "western", "eastern", "northern", "southern", "central", "some", "such", "this", "that", "these", "those", "it", "he", "she", "they", "we",
        // weapon systems and military hardware
        "javelin", "javelins", "stinger", "stingers", "himars", "bayraktar", "iskander", "kalibr", "patriot", "abrams",
        "leopard", "bradley", "storm shadow", "atacms", "nlaw", "switchblade", "mi-17", "mi-8", "su-25", "s-400", "tb2",
    ]

    /// Titles and honorifics stripped from the edges of a person's name.
    static let titles: Set<String> = [
        "president", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "gen", "general", "lt", "col", "colonel", "colonel-general",
        "maj", "major", "capt", "captain", "adm", "admiral", "sgt", "secretary", "sec", "minister", "chairman", "spokesman",
        "spokesperson", "senator", "sen", "rep", "gov", "governor", "mayor", "ambassador", "chancellor", "prime", "foreign",
        "defence", "defense", "deputy", "principal", "press", "state", "of", "the", "commander-in-chief", "prof", "professor",
        "pope", "king", "queen", "prince", "princess", "lord", "lady", "rev", "reverend", "judge", "justice",
        "national", "security", "advisor", "adviser", "affairs", "chief", "chiefs", "head", "leader", "opposition",
        "staff", "commander", "officer", "envoy", "director", "spokeswoman", "representative", "vice", "acting", "former",
        "interior", "finance", "economy", "energy", "justice", "health", "trade", "general", "generals",
    ]

    /// Lower-case words that may stand inside a name ("Organisation for Security and
    /// Cooperation in Europe", "Bank of England", "Jammu and Kashmir").
    static let connectors: Set<String> = ["of", "for", "and", "the", "de", "du", "des", "la", "le", "del", "da", "di",
                                          "von", "van", "der", "al", "el", "bin", "ibn", "y"]

    /// Capitalised words that open sentences and are not part of a following name.
    static let openers: Set<String> = ["on", "in", "at", "by", "from", "for", "as", "after", "before", "since", "until",
                                       "with", "while", "when", "if", "but", "and", "or", "so", "yet", "the", "a", "an"]

    /// Institutions named only by their kind: not an organisation an analyst can filter by.
    static let genericOrganizations: Set<String> = ["commission", "government", "ministry", "army", "police", "parliament",
                                                    "council", "court", "agency", "committee", "administration", "cabinet",
                                                    "military", "navy", "senate", "congress", "assembly", "office", "department"]

    /// Honours after a name: "James Cher OBE".
    static let postNominals: Set<String> = ["obe", "mbe", "cbe", "kbe", "dbe", "qc", "kc", "mp", "phd", "jr", "sr"]
}
