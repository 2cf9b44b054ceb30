import Foundation
import Report
import Scenario

/// `cosite import sites`: an operator's cell export through its mapping into Cosite's
/// `structures.csv` and `sites.csv`, written as one set (nothing on failure).
public enum ImportJob {
  /// Converts and writes; returns the files written and a one-line summary.
  public static func sites(
    exportPath: String, mappingPath: String, outputDirectory: URL
  ) throws -> (names: [String], summary: String) {
    try OutputDestination.check(outputDirectory)
    let result = try SiteImport.convert(exportPath: exportPath, mappingPath: mappingPath)
    var outputs = OutputSet()
    outputs.add("structures.csv", text: result.structuresCSV)
    outputs.add("sites.csv", text: result.sitesCSV)
    try outputs.write(to: outputDirectory)
    let summary =
      "\(result.sectorCount) sectors of \(result.carriers.joined(separator: ", ")) on \(result.structureCount) structures"
    return (outputs.names, summary)
  }
}
