import App
import Coverage
import Dispatch
import Foundation
import Geo
import GeoIO
import Scenario
import Testing

@testable import Report

/// Times each writer of `cosite run` on a scenario, for BENCHMARKS.md: not a test of
/// behaviour, so it runs only when `COSITE_WRITE_TIMING` names a scenario file, e.g.
/// `COSITE_WRITE_TIMING=scenarios/northern-vn-all.yaml swift test -c release --filter WriteStageTiming`.
///
/// Each piece is run `COSITE_WRITE_REPEATS` times (default 3) and its best wall time and
/// that run's CPU time of the calling thread printed (for the pieces run on several threads,
/// that thread's share only): the machine may be shared, and the best of a few runs is the
/// least disturbed.
@Suite struct WriteStageTiming {
  static let scenarioPath = ProcessInfo.processInfo.environment["COSITE_WRITE_TIMING"] ?? ""
  static let repeats = Int(ProcessInfo.processInfo.environment["COSITE_WRITE_REPEATS"] ?? "") ?? 3
  static let threads = ProcessInfo.processInfo.activeProcessorCount

  @Test(.enabled(if: !scenarioPath.isEmpty)) func writersOfRun() throws {
    let path = CLI.repositoryRoot.appendingPathComponent(Self.scenarioPath).path
    let leaflet = try LeafletLoader.load()
    let scenario = try ScenarioLoader.load(path: path)
    let coverage = try CoverageRun.run(scenario)
    let distributions = MonteCarloDrops.run(scenario, threads: ProcessInfo.processInfo.activeProcessorCount)
    var lines: [String] = []
    func time(_ label: String, _ body: () throws -> Int) rethrows {
      var best = (wall: Double.infinity, cpu: 0.0, bytes: 0)
      for _ in 0..<Self.repeats {
        let cpuStart = Self.threadCPUSeconds()
        let start = DispatchTime.now()
        let bytes = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if wall < best.wall { best = (wall, Self.threadCPUSeconds() - cpuStart, bytes) }
      }
      lines.append(
        label.padding(toLength: 34, withPad: " ", startingAt: 0)
          + String(format: "%8.3f s wall %8.3f s cpu %10.1f MB", best.wall, best.cpu, Double(best.bytes) / 1e6))
    }
    try time("PROJ transform to WGS 84, created") {
      _ = try CoordinateTransform(from: scenario.crs, to: .wgs84)
      return 0
    }
    let converter = LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84))
    try time("inputs GeoJSON (4 files)") {
      try InputLayers.zones(scenario).utf8.count + InputLayers.parcels(scenario).utf8.count
        + InputLayers.structures(scenario).utf8.count + InputLayers.sites(scenario).utf8.count
    }
    try time("coverage + best-server GeoJSON") {
      try coverage.layers.reduce(0) { total, layer in
        total + (try CoverageMaps.coverage(layer, result: coverage, toLonLat: converter)).utf8.count
          + (try CoverageMaps.bestServer(layer, scenario: scenario, result: coverage, toLonLat: converter)).utf8.count
      }
    }
    try time("gaps GeoJSON") {
      try coverage.carriers.reduce(0) { total, carrier in
        total + (try CoverageMaps.gaps(carrier, scenario: scenario, result: coverage, toLonLat: converter)).utf8.count
      }
    }
    time("parcel-coverage.csv") { ParcelCoverageTable.csv(coverage, scenario: scenario).count }
    time("parcel-coverage.json") { ParcelCoverageTable.json(coverage, scenario: scenario).count }
    time("summary.json, summary.md, distributions") {
      SummaryJSON.text(ScenarioSummary(scenario), coverage: coverage, distributions: distributions).utf8.count
        + CoverageSummary.markdown(coverage, scenario: scenario).utf8.count
        + distributions.reduce(0) { $0 + DistributionsTable.csv($1).utf8.count }
    }
    var layers: [MapLayer] = []
    try time("map layers (features), 1 thread") {
      layers = try MapCatalog.runLayers(scenario, coverage: coverage, threads: 1)
      return 0
    }
    try time("map layers (features), all threads") {
      layers = try MapCatalog.runLayers(scenario, coverage: coverage, threads: Self.threads)
      return 0
    }
    time("GeoJSON of the maps, from features") {
      layers.reduce(0) { $0 + GeoJSON.featureCollectionBytes($1.features).count }
    }
    try time("cosite.gpkg") { try GeoPackageLayers.data(layers).count }
    var kml: [UInt8] = []
    time("cosite.kmz: doc.kml text") {
      kml = KMLDocument.kml(layers, name: "Cosite: \(scenario.name)")
      return kml.count
    }
    try time("cosite.kmz: zip") { try GeoIO.zip([(name: "doc.kml", contents: Data(kml))]).count }
    var outputs = OutputSet()
    try time("RunOutputs.files, 1 thread") {
      outputs = try RunOutputs.files(
        for: scenario, coverage: coverage, distributions: distributions, leaflet: leaflet, threads: 1)
      return outputs.files.reduce(0) { $0 + $1.contents.count }
    }
    try time("RunOutputs.files, all threads") {
      outputs = try RunOutputs.files(
        for: scenario, coverage: coverage, distributions: distributions, leaflet: leaflet, threads: Self.threads)
      return outputs.files.reduce(0) { $0 + $1.contents.count }
    }
    try time("report.html") {
      try ReportPage.run(
        scenario: scenario, coverage: coverage, files: outputs, maps: layers,
        headline: RunHeadline.lines(scenario, coverage: coverage), leaflet: leaflet
      ).count
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cosite-write-timing-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try time("OutputSet.write (to disk)") {
      try outputs.write(to: directory)
      return outputs.files.reduce(0) { $0 + $1.contents.count }
    }
    print("write stage of \(Self.scenarioPath), best of \(Self.repeats):\n" + lines.joined(separator: "\n"))
  }

  static func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
