import ArgumentParser
import Foundation
import SitrepCore

@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Live news monitoring in the terminal: articles, the actors and places in them, and a timeline.",
        discussion: """
        Reads article files (.txt, .md, .html, .json, .jsonl) from folders, strips web debris, \
        and finds who, where and when each story is about.
        """,
        subcommands: [DashboardCommand.self, Extract.self, Index.self, Watch.self, Entities.self, QueryCommand.self, Timeline.self,
                      Stories.self, Snapshot.self, Bench.self, BenchStartUp.self],
        defaultSubcommand: DashboardCommand.self
    )
}
