import Coverage
import Foundation
import Planning
import Scenario
import Testing

/// The siting rules on the bundled Dinh Vu data: generated new towers stand only on the land
/// uses the scenario allows (never in a factory, warehouse, office or residential parcel), at
/// least the separation from every other structure; under standalone two carriers never
/// build on the same place.
@Suite struct SitingTests {
  @Test func generatedTowersKeepOffBuildingsAndApart() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let pool = CandidatePool.build(
      scenario, coverage: coverage, carriers: Array(scenario.carriers.indices), settings: .init())
    let generated = pool.sites.filter { $0.origin == .generated }.map(\.structure)
    #expect(!generated.isEmpty)
    let allowed = scenario.siting.newBuildLandUses
    #expect(allowed == [.yard, .port, .utility, .other])
    for site in generated {
      // The parcel that holds the site, as the engine assigns cells: by the cell's centre.
      let holder = coverage.cellMaps.compactMap { map -> Int? in
        guard let cell = map.grid.cell(containing: site.position) else { return nil }
        let parcel = map.parcelIndex[cell.row * map.grid.columns + cell.column]
        return parcel >= 0 ? Int(parcel) : nil
      }.first
      let parcel = try #require(holder, "\(site.id) stands on no parcel")
      #expect(allowed.contains(scenario.parcels[parcel].landUse), "\(site.id) on \(scenario.parcels[parcel].landUse)")
    }
    let everyStructure = scenario.structures.map(\.position) + scenario.plannedSites.map(\.position)
    for (index, site) in generated.enumerated() {
      let others = everyStructure + generated.enumerated().filter { $0.offset != index }.map(\.element.position)
      let nearest = others.map { hypot($0.x - site.position.x, $0.y - site.position.y) }.min() ?? .infinity
      #expect(nearest >= scenario.siting.minSeparationM, "\(site.id) is \(nearest) m from another structure")
    }
  }

  @Test func standaloneCarriersNeverShareABuildPlace() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let standalone = try #require(SharingOption.all(for: scenario).first { $0.rules == .standalone })
    var options = Recommender.Options(carriers: Array(scenario.carriers.indices), goal: .budget(200e9))
    options.timeLimitSeconds = 10
    // Macro only: indoor systems would take the budget first (they are no build place).
    options.pool.indoorSystems = false
    let result = Recommender.recommend(scenario, coverage: coverage, options: options, option: standalone)
    let newSites = result.picks.map(\.offer.siteIndex).filter { result.pool.sites[$0].isNew }
    #expect(!newSites.isEmpty, "a budget of 200 bn VND builds new towers under standalone")
    #expect(Set(newSites).count == newSites.count, "two carriers on one new place: \(newSites)")
  }
}
