import Foundation
import Scenario

/// `cosite.gpkg` and `cosite.kmz`: every map of a command in one GeoPackage (for QGIS) and
/// one KMZ (for Google Earth), from the same features as the GeoJSON files.
enum MapFiles {
  static let geoPackage = "cosite.gpkg"
  static let kmz = "cosite.kmz"

  /// The two files and how to render each (independently: `ParallelJobs` may run them at once).
  static func files(
    _ layers: [MapLayer], scenario: ScenarioModel
  ) -> [(name: String, render: @Sendable () throws -> Data)] {
    let name = "Cosite: \(scenario.name)"
    return [(geoPackage, { try GeoPackageLayers.data(layers) }), (kmz, { try KMLDocument.kmz(layers, name: name) })]
  }

  /// Renders both files, on two threads when `threads` allows, and adds them in order.
  static func add(
    _ layers: [MapLayer], scenario: ScenarioModel, to outputs: inout OutputSet,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws {
    let files = self.files(layers, scenario: scenario)
    let contents = try ParallelJobs.map(files.count, threads: threads) { try files[$0].render() }
    for (file, data) in zip(files, contents) { outputs.add(file.name, data: data) }
  }
}
