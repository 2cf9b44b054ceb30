import Coverage
import Foundation
import Geo
import Scenario

/// The files of `cosite run`, rendered in memory from the scenario and its coverage.
///
/// Outputs: the validated inputs (`zones.geojson`, `parcels.geojson`, `structures.geojson`,
/// `sites.geojson`),
/// `summary.json`; per carrier layer `coverage-<carrier>-<layer>.geojson` and
/// `best-server-<carrier>-<layer>.geojson`; per carrier `gaps-<carrier>.geojson`;
/// `parcel-coverage.csv`, `parcel-coverage.json` and `summary.md`; every map again in
/// `cosite.gpkg` (QGIS) and `cosite.kmz` (Google Earth), styled (`MapFiles`); with the drop mode on,
/// per carrier layer `distributions-<carrier>-<layer>.csv`; with `leaflet`, `report.html`
/// (`ReportPage`).
public enum RunOutputs {
  /// Builds every output in memory; nothing is written.
  public static func files(
    for scenario: ScenarioModel, coverage: CoverageResult, distributions: [LayerDistributions] = [],
    leaflet: LeafletAssets? = nil
  ) throws -> OutputSet {
    var outputs = OutputSet()
    outputs.add("zones.geojson", text: try InputLayers.zones(scenario))
    outputs.add("parcels.geojson", text: InputLayers.parcels(scenario))
    outputs.add("structures.geojson", text: InputLayers.structures(scenario))
    outputs.add("sites.geojson", text: InputLayers.sites(scenario))
    outputs.add(
      "summary.json",
      text: SummaryJSON.text(ScenarioSummary(scenario), coverage: coverage, distributions: distributions))
    for layer in distributions {
      outputs.add("distributions-\(layer.carrierID)-\(layer.layerID).csv", text: DistributionsTable.csv(layer))
    }
    let converter = LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84))
    for layer in coverage.layers {
      let name = "\(layer.carrierID)-\(layer.layer.id)"
      outputs.add(
        "coverage-\(name).geojson", text: try CoverageMaps.coverage(layer, result: coverage, toLonLat: converter))
      outputs.add(
        "best-server-\(name).geojson",
        text: try CoverageMaps.bestServer(layer, scenario: scenario, result: coverage, toLonLat: converter))
    }
    for carrier in coverage.carriers {
      outputs.add(
        "gaps-\(carrier.carrierID).geojson",
        text: try CoverageMaps.gaps(carrier, scenario: scenario, result: coverage, toLonLat: converter))
    }
    outputs.add("parcel-coverage.csv", text: ParcelCoverageTable.csv(coverage, scenario: scenario))
    outputs.add("parcel-coverage.json", text: ParcelCoverageTable.json(coverage, scenario: scenario))
    outputs.add("summary.md", text: CoverageSummary.markdown(coverage, scenario: scenario))
    try MapFiles.add(try MapCatalog.runLayers(scenario, coverage: coverage), scenario: scenario, to: &outputs)
    if let leaflet {
      outputs.add(
        ReportPage.fileName,
        text: try ReportPage.run(
          scenario: scenario, coverage: coverage, files: outputs,
          headline: RunHeadline.lines(scenario, coverage: coverage), leaflet: leaflet))
    }
    return outputs
  }
}
