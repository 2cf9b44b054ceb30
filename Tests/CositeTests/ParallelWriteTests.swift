import App
import Coverage
import Foundation
import Geo
import Scenario
import Testing

@testable import Report

/// The writers of `cosite run` render on several threads; the files, their order and every
/// byte must be those of one thread.
@Suite struct ParallelWriteTests {
  static let scenario = "Tests/CositeTests/Fixtures/sharing-by-hand/scenario.yaml"

  @Test func runOutputsAreTheSameOnOneThreadAndOnMany() throws {
    let scenario = try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let distributions = MonteCarloDrops.run(scenario, threads: 2)
    let leaflet = try? LeafletLoader.load()
    let single = try RunOutputs.files(
      for: scenario, coverage: coverage, distributions: distributions, leaflet: leaflet, threads: 1)
    for threads in [2, 5, 64] {
      let parallel = try RunOutputs.files(
        for: scenario, coverage: coverage, distributions: distributions, leaflet: leaflet, threads: threads)
      #expect(parallel.names == single.names, "\(threads) threads")
      for (one, many) in zip(single.files, parallel.files) {
        #expect(one.contents == many.contents, "\(one.name) on \(threads) threads")
      }
    }
    #expect(single.names.contains("cosite.kmz") && single.names.contains("coverage-viettel-lte1800.geojson"))
  }

  @Test func mapLayersAreTheSameOnOneThreadAndOnMany() throws {
    let scenario = try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let single = try MapCatalog.runLayers(scenario, coverage: coverage, threads: 1)
    let parallel = try MapCatalog.runLayers(scenario, coverage: coverage, threads: 4)
    #expect(single.map(\.fileName) == parallel.map(\.fileName))
    for (one, many) in zip(single, parallel) {
      #expect(GeoJSON.featureCollection(one.features) == GeoJSON.featureCollection(many.features), "\(one.fileName)")
    }
  }

  /// A job waits for the results of the jobs taken before it (the page for the GeoJSON files).
  @Test func aJobGetsTheResultsOfTheJobsTakenBeforeIt() throws {
    for threads in [1, 2, 8] {
      let results = try ParallelJobs.map(30, threads: threads) { index, earlier -> Int in
        guard index == 29 else { return index * 3 }
        return try (0..<29).reduce(0) { total, earlierIndex in total + (try earlier.value(of: earlierIndex)) }
      }
      #expect(results[29] == (0..<29).reduce(0) { $0 + 3 * $1 }, "\(threads) threads")
    }
  }

  /// Jobs are taken in the order given, results land by index, and the first failing job by
  /// index decides the error, whatever the threads.
  @Test func jobsKeepTheirSlotsAndTheFirstErrorByIndex() throws {
    struct Failure: Error, Equatable { let index: Int }
    for threads in [1, 3] {
      let squares = try ParallelJobs.map(50, threads: threads, order: Array((0..<50).reversed())) { $0 * $0 }
      #expect(squares == (0..<50).map { $0 * $0 })
      #expect(throws: Failure(index: 7)) {
        try ParallelJobs.map(20, threads: threads) { index -> Int in
          if index == 7 || index == 13 { throw Failure(index: index) }
          return index
        }
      }
    }
  }
}
