import App
import ArgumentParser
import Foundation

/// `cosite db export|import`: results to PostGIS tables and back.
struct Database: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Store results in PostGIS tables under a run id, and read them back.",
    discussion: """
      Tables and columns: docs/POSTGIS.md. Scenario inputs come from PostGIS through the \
      scenario itself: parcels, outlines and structures as { file: "PG:<connection>", layer: \
      <schema.table> }, sites as { file: "PG:<connection>", layer: <table>, mapping: MAP }.
      """,
    subcommands: [DatabaseExport.self, DatabaseImport.self])
}

struct DatabaseExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "A finished output set (run, recommend or compare) → PostGIS tables, in one transaction.")

  @Argument(help: "The --out directory of cosite run, recommend or compare.")
  var results: String

  @OptionGroup var database: DatabaseOptions

  @Flag(help: "Replace a run already stored under the same id (in the same transaction).")
  var replace = false

  func run() throws {
    let summary = try reportingScenarioErrors {
      try ResultExport.export(
        directory: URL(fileURLWithPath: results), dsn: database.dsn, runID: database.runID, schema: database.schema,
        replace: replace)
    }
    print("stored run '\(database.runID)': \(summary.fileCount) files in \(database.schema)")
    for (table, rows) in summary.rowsByTable { print("  \(database.schema).\(table): \(rows) rows") }
    if !summary.skipped.isEmpty {
      print("not stored (rasters, GeoPackage, KMZ and HTML stay files): \(summary.skipped.joined(separator: ", "))")
    }
  }
}

struct DatabaseImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "A run stored by `cosite db export` → its CSV, GeoJSON, JSON and Markdown files, as the run wrote them.")

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("out"), help: "Directory for the files (written as one set).")
  var out: String

  func run() throws {
    let names = try reportingScenarioErrors {
      try ResultImport.importRun(
        dsn: database.dsn, runID: database.runID, schema: database.schema, outputDirectory: URL(fileURLWithPath: out))
    }
    print("read run '\(database.runID)': \(names.count) files into \(out)")
  }
}

/// The options both directions share: the database, the run and the schema.
struct DatabaseOptions: ParsableArguments {
  @Option(help: "libpq connection string, e.g. 'host=/var/run/postgresql dbname=cosite' or a postgresql:// URI.")
  var dsn: String

  @Option(name: .customLong("run-id"), help: "The run's name in the tables (1–63 bytes).")
  var runID: String

  @Option(help: "Schema of Cosite's tables (created by export if missing).")
  var schema = "cosite"
}
