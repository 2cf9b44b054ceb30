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
    guard
      let export = read(
        exportPath, mappingPath: mappingPath, shown: shown, file: shown(exportPath), diagnostics: diagnostics)
    else {
      throw ScenarioError(issues: diagnostics.issues)
    }
    var carriers: [String] = []
    for sector in export.sectors where !carriers.contains(sector.carrier) { carriers.append(sector.carrier) }
    return Result(
      structuresCSV: export.structuresCSV, sitesCSV: export.sitesCSV, structureCount: export.structures.count,
      sectorCount: export.sectors.count, carriers: carriers)
  }

  /// The export read through its mapping, or nil with the problems in `diagnostics`. A
  /// PostGIS source (`PG:…`) is read from `table`, its rows in `PostGISSource`'s order, and
  /// its problems are reported by row; `file` names the source in messages.
  static func read(
    _ exportPath: String, table: String? = nil, mappingPath: String, shown: (String) -> String, file: String,
    diagnostics: Diagnostics
  ) -> SiteExport? {
    let before = diagnostics.issues.count
    var mapping = SiteExportMapping.read(path: mappingPath, file: shown(mappingPath), diagnostics: diagnostics)
    let isTable = PostGISSource.isSource(exportPath)
    var text: String?
    if isTable {
      do {
        text = try PostGISSource.rowsAsCSV(exportPath, table: table ?? "")
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
    for issue in found.issues {
      guard isTable, case .line(let line) = issue.location else {
        diagnostics.report(issue.file, issue.location, issue.message)
        continue
      }
      diagnostics.report(issue.file, location(ofLine: line, table: true), issue.message)
    }
    return accepted ? export : nil
  }

  /// Where line `line` of an export's text is: itself in a file; in a table read as text
  /// (`PostGISSource.rowsAsCSV`), line 1 is the columns and line n the row n − 1.
  static func location(ofLine line: Int, table: Bool) -> IssueLocation {
    guard table else { return .line(line) }
    return line <= 1 ? .file : .row(line - 1)
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
    for (issues, lines) in [
      (structureIssues, export.structures.map(\.line)), (sectorCheck.issues, export.sectors.map(\.line)),
    ] {
      for issue in issues {
        // Line n of a converted file is its (n − 1)th row: the one the export's line made.
        if case .line(let line) = issue.location, line >= 2, line - 2 < lines.count {
          diagnostics.report(file, .line(lines[line - 2]), issue.message)
        } else {
          diagnostics.report(file, issue.location, issue.message)
        }
      }
    }
    return structureIssues.isEmpty && sectorCheck.issues.isEmpty
  }
}
