import App
import ArgumentParser
import Report

/// The `cosite` command: plans coverage and shared infrastructure for industrial zones.
@main
struct Cosite: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cosite",
    abstract: "Plan mobile coverage and shared towers, rooftops and poles for industrial zones.",
    discussion:
      "A scenario file (YAML) names the zones and their parcels, the carriers and their radio layers, the existing structures and sites, and costs. See README.md for the format.",
    version: "0.1.0",
    subcommands: [
      Validate.self, Run.self, PlanTiles.self, Merge.self, Recommend.self, Compare.self, PathLoss.self, Calibrate.self,
      Synthesize.self,
      Import.self, Database.self,
      Benchmark.self,
    ])

  /// SIGINT and SIGTERM go through the output transaction's cleanup from the first instant,
  /// whatever dispositions the parent process left (a signal ignored by the parent would
  /// otherwise stay ignored until a job starts).
  static func main() {
    MemoryReuse.configure()
    SignalCleanup.installForCommandLine()
    main(nil)
  }
}
