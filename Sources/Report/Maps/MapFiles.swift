import Scenario

/// `cosite.gpkg` and `cosite.kmz`: every map of a command in one GeoPackage (for QGIS) and
/// one KMZ (for Google Earth), from the same features as the GeoJSON files.
enum MapFiles {
  static let geoPackage = "cosite.gpkg"
  static let kmz = "cosite.kmz"

  static func add(_ layers: [MapLayer], scenario: ScenarioModel, to outputs: inout OutputSet) throws {
    outputs.add(geoPackage, data: try GeoPackageLayers.data(layers))
    outputs.add(kmz, data: try KMLDocument.kmz(layers, name: "Cosite: \(scenario.name)"))
  }
}
