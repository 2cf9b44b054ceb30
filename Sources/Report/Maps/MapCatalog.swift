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

  /// `cosite run`'s maps, their features built on up to `threads` threads (each with its own
  /// PROJ transform); the same maps whatever the thread count.
  static func runLayers(_ scenario: ScenarioModel, coverage: CoverageResult, threads: Int = 1) throws -> [MapLayer] {
    let plans = runLayerPlans(scenario, coverage: coverage)
    let features = try ParallelJobs.map(
      plans.count, threads: threads,
      state: { LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84)) }
    ) { index, toLonLat in try plans[index].features(toLonLat) }
    return zip(plans, features).map { plan, features in
      MapLayer(
        kind: plan.kind, fileName: plan.fileName, title: plan.title, folders: plan.folders, visible: plan.visible,
        features: features, childTable: plan.childTable)
    }
  }

  /// A map of `cosite run` before its features are built.
  struct LayerPlan: Sendable {
    let kind: MapLayer.Kind
    let fileName: String
    let title: String
    let folders: [String]
    let visible: Bool
    var childTable: ChildTable? = nil
    let features: @Sendable (LonLatConverter) throws -> [OutputFeature]
  }

  /// `cosite run`'s maps in order: the inputs, then per carrier each layer's bands and
  /// best-server areas and the carrier's gaps.
  static func runLayerPlans(_ scenario: ScenarioModel, coverage: CoverageResult) -> [LayerPlan] {
    var plans = [
      LayerPlan(
        kind: .zones, fileName: "zones.geojson", title: "Zones", folders: [inputsFolder], visible: true,
        features: { _ in try InputLayers.zoneFeatures(scenario) }),
      LayerPlan(
        kind: .parcels, fileName: "parcels.geojson", title: "Parcels", folders: [inputsFolder], visible: false,
        features: { _ in InputLayers.parcelFeatures(scenario) }),
      LayerPlan(
        kind: .structures, fileName: "structures.geojson", title: "Structures", folders: [inputsFolder],
        visible: true, features: { _ in InputLayers.structureFeatures(scenario) }),
      LayerPlan(
        kind: .sites, fileName: "sites.geojson", title: "Sites", folders: [inputsFolder], visible: false,
        childTable: .siteSectors, features: { _ in InputLayers.siteFeatures(scenario) }),
    ]
    for carrier in coverage.carriers {
      let carrierFolder = scenario.carriers.first { $0.id == carrier.carrierID }?.name ?? carrier.carrierID
      for layer in coverage.layers where layer.carrierID == carrier.carrierID {
        let name = "\(layer.carrierID)-\(layer.layer.id)"
        let folders = [carrierFolder, "\(layer.layer.id) (\(layer.layer.technology.rawValue) \(layer.layer.band))"]
        // Only the first layer's bands show at first: bands of several layers would overlap.
        let isFirst = layer.carrierID == coverage.layers.first?.carrierID && layer.layer == coverage.layers.first?.layer
        plans.append(
          LayerPlan(
            kind: .coverage, fileName: "coverage-\(name).geojson",
            title: "Coverage \(layer.carrierID) \(layer.layer.id)", folders: folders, visible: isFirst,
            features: { try CoverageMaps.coverageFeatures(layer, result: coverage, toLonLat: $0) }))
        plans.append(
          LayerPlan(
            kind: .bestServer, fileName: "best-server-\(name).geojson",
            title: "Best server \(layer.carrierID) \(layer.layer.id)", folders: folders, visible: false,
            features: { try CoverageMaps.bestServerFeatures(layer, scenario: scenario, result: coverage, toLonLat: $0) }
          ))
      }
      plans.append(
        LayerPlan(
          kind: .gaps, fileName: "gaps-\(carrier.carrierID).geojson", title: "Gaps \(carrier.carrierID)",
          folders: [carrierFolder], visible: false,
          features: { try CoverageMaps.gapFeatures(carrier, scenario: scenario, result: coverage, toLonLat: $0) }))
    }
    return plans
  }

  /// One plan's maps: its stations and each carrier's newly covered areas; `prefix` is the
  /// file names' (`compare` prefixes each option's files with its name).
  static func planLayers(
    option: String, prefix: String, stations: [OutputFeature], indoorSystems: [OutputFeature],
    indoorMaps: (bands: [OutputFeature], nodes: [OutputFeature]),
    newlyCovered: [(carrierID: String, features: [OutputFeature])]
  ) -> [MapLayer] {
    let folders = ["Plan: \(option)"]
    var layers = [
      MapLayer(
        kind: .stations, fileName: prefix + "recommended-stations.geojson",
        title: "Recommended stations (\(option))", folders: folders, visible: true, features: stations)
    ]
    if !indoorSystems.isEmpty {
      layers.append(
        MapLayer(
          kind: .indoorSystems, fileName: prefix + "recommended-indoor-systems.geojson",
          title: "Recommended indoor systems (\(option))", folders: folders, visible: true, features: indoorSystems))
    }
    if !indoorMaps.nodes.isEmpty {
      layers.append(
        MapLayer(
          kind: .indoorCoverage, fileName: prefix + "indoor-coverage.geojson",
          title: "Indoor coverage (\(option))", folders: folders, visible: false, features: indoorMaps.bands))
      layers.append(
        MapLayer(
          kind: .indoorNodes, fileName: prefix + "indoor-node-positions.geojson", title: "Indoor nodes (\(option))",
          folders: folders, visible: false, features: indoorMaps.nodes))
    }
    for (carrierID, features) in newlyCovered {
      layers.append(
        MapLayer(
          kind: .newlyCovered, fileName: prefix + "newly-covered-\(carrierID).geojson",
          title: "Newly covered \(carrierID) (\(option))", folders: folders, visible: false, features: features))
    }
    return layers
  }
}
