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
    guard let export = read(exportPath, mappingPath: mappingPath, shown: shown, diagnostics: diagnostics) else {
      throw ScenarioError(issues: diagnostics.issues)
    }
    var carriers: [String] = []
    for sector in export.sectors where !carriers.contains(sector.carrier) { carriers.append(sector.carrier) }
    return Result(
      structuresCSV: export.structuresCSV, sitesCSV: export.sitesCSV, structureCount: export.structures.count,
      sectorCount: export.sectors.count, carriers: carriers)
  }

  /// The export read through its mapping, or nil with the problems in `diagnostics`.
  static func read(
    _ exportPath: String, mappingPath: String, shown: (String) -> String, diagnostics: Diagnostics
  ) -> SiteExport? {
    let before = diagnostics.issues.count
    let mapping = SiteExportMapping.read(path: mappingPath, file: shown(mappingPath), diagnostics: diagnostics)
    let text: String?
    switch InputFile.text(exportPath) {
    case .success(let read): text = read
    case .failure(let problem):
      diagnostics.report(
        shown(exportPath), problem.line.map(IssueLocation.line) ?? .file, problem.about("the site export"))
      text = nil
    }
    guard let mapping, let text, diagnostics.issues.count == before else { return nil }
    let file = shown(exportPath)
    guard let export = SiteExport.read(text: text, file: file, mapping: mapping, diagnostics: diagnostics) else {
      return nil
    }
    return checked(export, file: file, diagnostics: diagnostics) ? export : nil
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
