import Foundation

/// `cosite import sites`: an operator's cell export and its mapping in, Cosite's structures
/// and sites CSVs out (README, *Importing a site database export*).
public enum SiteImport {
  public struct Result: Sendable {
    /// Cosite's structures CSV (lon, lat in WGS 84) and sites CSV, ready for a scenario.
    public let structuresCSV: String
    public let sitesCSV: String
    public let structureCount: Int
    public let sectorCount: Int
    /// Carriers found, in order of first appearance.
    public let carriers: [String]
  }

  /// Converts the export at `exportPath` through the mapping at `mappingPath`; `shown`
  /// turns a path into the name messages use.
  /// - Throws: `ScenarioError` listing every problem with its file and line.
  public static func convert(
    exportPath: String, mappingPath: String, shown: (String) -> String = { $0 }
  ) throws -> Result {
    let diagnostics = Diagnostics()
    guard !PostGISSource.isSource(exportPath) else {
      throw ScenarioError(issues: [
        ScenarioIssue(
          file: PostGISSource.shown(exportPath, table: nil), location: .file,
          message:
            "cosite import sites reads a file: a scenario reads a PostGIS table itself (sites: { file: \"PG:…\", layer: TABLE, mapping: MAP })"
        )
      ])
    }
    guard
      let export = read(
        exportPath, mappingPath: mappingPath, shown: shown, file: shown(exportPath), diagnostics: diagnostics)?.export
    else {
      throw ScenarioError(issues: diagnostics.issues)
    }
    var carriers: [String] = []
    for sector in export.sectors where !carriers.contains(sector.carrier) { carriers.append(sector.carrier) }
    return Result(
      structuresCSV: export.structuresCSV, sitesCSV: export.sitesCSV, structureCount: export.structures.count,
      sectorCount: export.sectors.count, carriers: carriers)
  }

  /// An export read, and where each line of its text is (a line of the file itself; for a
  /// table, its row).
  struct Imported {
    let export: SiteExport
    let locate: (Int) -> IssueLocation
  }

  /// The export read through its mapping, or nil with the problems in `diagnostics`. A
  /// PostGIS source (`PG:…`) is read from `table`, its rows in `PostGISSource`'s order, and
  /// its problems are reported by row; `file` names the source in messages.
  static func read(
    _ exportPath: String, table: String? = nil, mappingPath: String, shown: (String) -> String, file: String,
    diagnostics: Diagnostics
  ) -> Imported? {
    let before = diagnostics.issues.count
    var mapping = SiteExportMapping.read(path: mappingPath, file: shown(mappingPath), diagnostics: diagnostics)
    var text: String?
    var locate: (Int) -> IssueLocation = { .line($0) }
    if PostGISSource.isSource(exportPath) {
      do {
        InputFile.record?.addUnrecorded()
        let read = try PostGISSource.rowsAsCSV(exportPath, table: table ?? "")
        text = read.text
        locate = read.location(ofLine:)
      } catch {
        diagnostics.report(file, .file, "\(error)")
      }
      // The rows come as a comma-separated table (values holding a comma quoted): in a
      // column a comma cannot separate anything, so it is a decimal comma unless the
      // mapping says otherwise (numeric columns print with a point either way).
      let decimalComma = mapping?.decimalComma ?? true
      mapping?.separator = ","
      mapping?.decimalComma = decimalComma
    } else {
      switch InputFile.text(exportPath) {
      case .success(let read): text = read
      case .failure(let problem):
        diagnostics.report(file, problem.line.map(IssueLocation.line) ?? .file, problem.about("the site export"))
      }
    }
    guard let mapping, let text, diagnostics.issues.count == before else { return nil }
    let found = Diagnostics()
    let export = SiteExport.read(text: text, file: file, mapping: mapping, diagnostics: found)
    let accepted = export.map { checked($0, file: file, diagnostics: found) } ?? false
    diagnostics.forward(found) { $0.lineNumber.map(locate) ?? $0 }
    guard accepted, let export else { return nil }
    return Imported(export: export, locate: locate)
  }

  /// Whether Cosite's own readers take the converted CSVs as they are (a rooftop mast not
  /// above its building, say, passes the export's row checks but not the structures file's):
  /// their issues are reported on the export's line that made the row, so an import never
  /// writes a file a scenario would refuse.
  static func checked(_ export: SiteExport, file: String, diagnostics: Diagnostics) -> Bool {
    let converted = Diagnostics()
    _ = StructuresFile.read(text: export.structuresCSV, file: file, crs: nil, diagnostics: converted)
    let structureIssues = converted.issues
    let sectorCheck = Diagnostics()
    _ = SectorsFile.read(text: export.sitesCSV, file: file, resolve: { $0 }, diagnostics: sectorCheck)
    for (issues, lines, text) in [
      (structureIssues, export.structures.map(\.line), export.structuresCSV),
      (sectorCheck.issues, export.sectors.map(\.line), export.sitesCSV),
    ] {
      // Record k of a converted file is the k-th row: the one the export's line made.
      let ordinals = CSVTable.recordOrdinals(text)
      for issue in issues {
        if let ordinal = issue.location.lineNumber.flatMap({ ordinals[$0] }), ordinal < lines.count {
          diagnostics.report(file, .line(lines[ordinal]), issue.message)
        } else {
          diagnostics.report(file, issue.location, issue.message)
        }
      }
    }
    return structureIssues.isEmpty && sectorCheck.issues.isEmpty
  }
}
