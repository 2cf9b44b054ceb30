import Coverage
import Geo
import Scenario

/// The maps `cosite.gpkg` and `cosite.kmz` hold, in order, each from the same features as
/// its GeoJSON file.
///
/// `run`: the inputs (zones, parcels, structures, sites), then per carrier each layer's
/// coverage bands and best-server areas and the carrier's gaps. `recommend` and `compare`:
/// the same, then each plan's recommended stations and newly covered areas per carrier, so
/// that one file shows the plan against today's network.
enum MapCatalog {
  static let inputsFolder = "Inputs"

  /// `cosite run`'s maps.
  static func runLayers(_ scenario: ScenarioModel, coverage: CoverageResult) throws -> [MapLayer] {
    let converter = LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84))
    return try runLayers(scenario, coverage: coverage, toLonLat: converter)
  }

  static func runLayers(
    _ scenario: ScenarioModel, coverage: CoverageResult, toLonLat: LonLatConverter
  ) throws -> [MapLayer] {
    var layers = [
      MapLayer(
        kind: .zones, fileName: "zones.geojson", title: "Zones", folders: [inputsFolder], visible: true,
        features: try InputLayers.zoneFeatures(scenario)),
      MapLayer(
        kind: .parcels, fileName: "parcels.geojson", title: "Parcels", folders: [inputsFolder], visible: false,
        features: InputLayers.parcelFeatures(scenario)),
      MapLayer(
        kind: .structures, fileName: "structures.geojson", title: "Structures", folders: [inputsFolder],
        visible: true, features: InputLayers.structureFeatures(scenario)),
      MapLayer(
        kind: .sites, fileName: "sites.geojson", title: "Sites", folders: [inputsFolder], visible: false,
        features: InputLayers.siteFeatures(scenario), childTable: .siteSectors),
    ]
    for carrier in coverage.carriers {
      let carrierFolder = scenario.carriers.first { $0.id == carrier.carrierID }?.name ?? carrier.carrierID
      for layer in coverage.layers where layer.carrierID == carrier.carrierID {
        let name = "\(layer.carrierID)-\(layer.layer.id)"
        let folders = [carrierFolder, "\(layer.layer.id) (\(layer.layer.technology.rawValue) \(layer.layer.band))"]
        // Only the first layer's bands show at first: bands of several layers would overlap.
        let isFirst = layer.carrierID == coverage.layers.first?.carrierID && layer.layer == coverage.layers.first?.layer
        layers.append(
          MapLayer(
            kind: .coverage, fileName: "coverage-\(name).geojson",
            title: "Coverage \(layer.carrierID) \(layer.layer.id)", folders: folders, visible: isFirst,
            features: try CoverageMaps.coverageFeatures(layer, result: coverage, toLonLat: toLonLat)))
        layers.append(
          MapLayer(
            kind: .bestServer, fileName: "best-server-\(name).geojson",
            title: "Best server \(layer.carrierID) \(layer.layer.id)", folders: folders, visible: false,
            features: try CoverageMaps.bestServerFeatures(
              layer, scenario: scenario, result: coverage, toLonLat: toLonLat)))
      }
      layers.append(
        MapLayer(
          kind: .gaps, fileName: "gaps-\(carrier.carrierID).geojson", title: "Gaps \(carrier.carrierID)",
          folders: [carrierFolder], visible: false,
          features: try CoverageMaps.gapFeatures(carrier, scenario: scenario, result: coverage, toLonLat: toLonLat)))
    }
    return layers
  }

  /// One plan's maps: its stations and each carrier's newly covered areas; `prefix` is the
  /// file names' (`compare` prefixes each option's files with its name).
  static func planLayers(
    option: String, prefix: String, stations: [OutputFeature],
    newlyCovered: [(carrierID: String, features: [OutputFeature])]
  ) -> [MapLayer] {
    let folders = ["Plan: \(option)"]
    var layers = [
      MapLayer(
        kind: .stations, fileName: prefix + "recommended-stations.geojson",
        title: "Recommended stations (\(option))", folders: folders, visible: true, features: stations)
    ]
    for (carrierID, features) in newlyCovered {
      layers.append(
        MapLayer(
          kind: .newlyCovered, fileName: prefix + "newly-covered-\(carrierID).geojson",
          title: "Newly covered \(carrierID) (\(option))", folders: folders, visible: false, features: features))
    }
    return layers
  }
}
