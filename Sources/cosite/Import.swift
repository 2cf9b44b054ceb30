import App
import ArgumentParser
import Foundation

/// `cosite import sites EXPORT --mapping MAP --out DIR`.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert data from other tools into Cosite's input files.", subcommands: [ImportSites.self])
}

struct ImportSites: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sites",
    abstract: "An operator's cell export (one row per cell) → structures.csv and sites.csv.",
    discussion: """
      The mapping (YAML) names the export's columns, units (dBm or W, dBi or dBd), separator and \
      decimal mark (detected when not given), and translates its codes (bands, site types). \
      Degrees-minutes-seconds are read. Rows of one site fold into one structure. Every problem \
      names its line; nothing is written unless every row converts. A scenario may also read the \
      export directly: sites: { file: EXPORT, mapping: MAP }.
      """)

  @Argument(help: "The export (CSV; comma, semicolon, tab or bar separated).")
  var export: String

  @Option(name: .customLong("mapping"), help: "The mapping file (README, *Importing a site database export*).")
  var mapping: String

  @Option(name: .customLong("out"), help: "Directory for structures.csv and sites.csv.")
  var out: String

  func run() throws {
    let written = try reportingScenarioErrors {
      try ImportJob.sites(exportPath: export, mappingPath: mapping, outputDirectory: URL(fileURLWithPath: out))
    }
    print(written.summary)
    for name in written.names { print("wrote \((out as NSString).appendingPathComponent(name))") }
  }
}
