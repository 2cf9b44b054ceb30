import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// The files of `cosite run`, rendered in memory from the scenario and its coverage.
///
/// Outputs: the validated inputs (`zones.geojson`, `parcels.geojson`, `structures.geojson`,
/// `sites.geojson`),
/// `summary.json`; per carrier layer `coverage-<carrier>-<layer>.geojson` and
/// `best-server-<carrier>-<layer>.geojson`; per carrier `gaps-<carrier>.geojson`;
/// `parcel-coverage.csv`, `parcel-coverage.json`, `sectors.csv` (busy-hour loads), `indoor-nodes.csv` (the indoor nodes each building would need) and `summary.md`; every map again in
/// `cosite.gpkg` (QGIS) and `cosite.kmz` (Google Earth), styled (`MapFiles`); with the drop mode on,
/// per carrier layer `distributions-<carrier>-<layer>.csv`; with `leaflet`, `report.html`
/// (`ReportPage`).
///
/// The maps' features are built once (`MapCatalog.runLayers`) and serve the GeoJSON files,
/// the GeoPackage, the KMZ and the page (which splices in the GeoJSON files as written). The
/// files are rendered on up to `threads` threads (`ParallelJobs`), each into its own slot, then
/// listed in the order above: the set is the same whatever the thread count.
public enum RunOutputs {
  /// Builds every output in memory; nothing is written.
  public static func files(
    for scenario: ScenarioModel, coverage: CoverageResult, distributions: [LayerDistributions] = [],
    leaflet: LeafletAssets? = nil, threads: Int = 1
  ) throws -> OutputSet {
    let maps = try MapCatalog.runLayers(scenario, coverage: coverage, threads: threads)
    var files: [(name: String, render: @Sendable () throws -> Data)] = []
    func geoJSON(_ fileName: String) {
      guard let map = maps.first(where: { $0.fileName == fileName }) else {
        preconditionFailure("RunOutputs: no map for \(fileName)")
      }
      files.append((fileName, { Data(GeoJSON.featureCollectionBytes(map.features)) }))
    }
    ["zones.geojson", "parcels.geojson", "structures.geojson", "sites.geojson"].forEach(geoJSON)
    files.append(
      (
        "summary.json",
        { Data(SummaryJSON.text(ScenarioSummary(scenario), coverage: coverage, distributions: distributions).utf8) }
      ))
    for layer in distributions {
      files.append(
        ("distributions-\(layer.carrierID)-\(layer.layerID).csv", { Data(DistributionsTable.csv(layer).utf8) }))
    }
    for layer in coverage.layers {
      let name = "\(layer.carrierID)-\(layer.layer.id)"
      geoJSON("coverage-\(name).geojson")
      geoJSON("best-server-\(name).geojson")
    }
    for carrier in coverage.carriers { geoJSON("gaps-\(carrier.carrierID).geojson") }
    files.append(("parcel-coverage.csv", { Data(ParcelCoverageTable.csv(coverage, scenario: scenario)) }))
    files.append(("parcel-coverage.json", { Data(ParcelCoverageTable.json(coverage, scenario: scenario)) }))
    files.append((SectorLoadTable.fileName, { Data(SectorLoadTable.csv(coverage, scenario: scenario)) }))
    let designs = BuildingIndoorDesign.all(scenario, threads: threads)
    files.append(
      (IndoorNodeTable.fileName, { Data(IndoorNodeTable.csv(coverage, scenario: scenario, designs: designs)) }))
    files.append(
      ("summary.md", { Data(CoverageSummary.markdown(coverage, scenario: scenario, indoorDesigns: designs).utf8) }))
    files += MapFiles.files(maps, scenario: scenario)
    var jobs = files.map { file in
      (name: file.name, render: { @Sendable (_: EarlierResults<Data>) in try file.render() })
    }
    if let leaflet {
      // The page splices in the GeoJSON files: it waits for them (they start before it).
      let sources = files.indices.filter { files[$0].name.hasSuffix(".geojson") }.map { ($0, files[$0].name) }
      jobs.append(
        (
          ReportPage.fileName,
          { earlier in
            var rendered = OutputSet()
            for (index, name) in sources { rendered.add(name, data: try earlier.value(of: index)) }
            return Data(
              try ReportPage.run(
                scenario: scenario, coverage: coverage, files: rendered, maps: maps,
                headline: RunHeadline.lines(scenario, coverage: coverage), leaflet: leaflet))
          }
        ))
    }
    // The KMZ (KML text, then DEFLATE) and the GeoPackage take longest: they start first.
    let heavy = jobs.indices.filter { [MapFiles.kmz, MapFiles.geoPackage].contains(jobs[$0].name) }
    let order = heavy + jobs.indices.filter { !heavy.contains($0) }
    let listed = jobs
    let contents = try ParallelJobs.map(listed.count, threads: threads, order: order) { index, earlier in
      try listed[index].render(earlier)
    }
    var outputs = OutputSet()
    for (job, data) in zip(jobs, contents) { outputs.add(job.name, data: data) }
    return outputs
  }
}
