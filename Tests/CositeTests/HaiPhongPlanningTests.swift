import Coverage
import Foundation
import Planning
import Scenario
import Testing

/// The acceptance checks of `cosite recommend` and `cosite compare` on the Hai Phong
/// scenario (nine parks).
@Suite(.serialized) struct HaiPhongPlanningTests {
  static let scenario = "scenarios/hai-phong.yaml"

  /// Passive sharing, 100 bn VND: no chosen new build could have been replaced by a free
  /// slot left unused that covers at least what the new build newly covers, for less.
  /// Checked from the pool's own fields, independently of the solver's swap pass.
  @Test func coLocationWinsWhereverASlotGivesTheSameCoverageForLess() throws {
    let scenario = try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let options = Recommender.Options(carriers: Array(scenario.carriers.indices), goal: .budget(100e9))
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    #expect(result.cost <= 100e9 && result.gap < 0.1, "gap \(result.gap)")
    let pool = result.pool
    // Slots still free and carriers present on each existing structure after the plan.
    var used: [Int: Int] = [:]
    var present = ScenarioSummary.tenants(of: scenario)
    for pick in result.picks where !pool.sites[pick.offer.siteIndex].isNew {
      used[pick.offer.siteIndex, default: 0] += pick.offer.slots
      present[pool.sites[pick.offer.siteIndex].structure.id, default: []].formUnion(
        pick.offer.carriers.map { scenario.carriers[$0].id })
    }
    let factor = CandidatePoolTestSupport.annuity(scenario.costs)
    var newBuilds = 0
    for pick in result.picks where pool.sites[pick.offer.siteIndex].isNew {
      newBuilds += 1
      for (position, carrier) in result.carriers.enumerated() where pick.offer.carriers.contains(carrier) {
        let gained = pick.newCells[position]
        guard gained.contains(where: { !$0.isEmpty }) else { continue }
        for (index, station) in pool.stations.enumerated() where station.carrierIndex == carrier {
          let site = pool.sites[station.siteIndex]
          guard !site.isNew, site.structure.freeSlots - used[station.siteIndex, default: 0] >= 1,
            !(present[site.structure.id] ?? []).contains(scenario.carriers[carrier].id)
          else { continue }
          // A passive co-location by hand: install + radio, rent + power + O&M a year.
          let sectors = Double(station.sectors.count)
          let colocation =
            scenario.costs.colocationInstallVND + sectors * scenario.costs.radioEquipmentPerSectorVND
            + (site.structure.rentVNDPerMonth * 12 + sectors * scenario.costs.powerPerSectorKW * 8_760
              * scenario.costs.electricityVNDPerKWh + scenario.costs.operationsVNDPerSiteYear) * factor
          guard colocation < pick.offer.cost.lifetimeVND else { continue }
          let covers = zip(pool.targetCells[index], gained).allSatisfy { Set($0).isSuperset(of: $1) }
          #expect(
            !covers, "\(site.structure.id) covers what new build \(pool.sites[pick.offer.siteIndex].structure.id) adds")
        }
      }
    }
    #expect(result.picks.count > newBuilds, "some co-locations are chosen")
  }

  /// The same coverage target for every option: passive never needs more new structures
  /// than standalone, the sharing rate moves from today's value toward the target, and
  /// the files are the same byte for byte with one thread and with two.
  @Test func compareAtTheSameTargetIsReproducibleAndPassiveBuildsLess() throws {
    let first = CLI.temporaryDirectory()
    let second = CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for (out, threads) in [(first, "1"), (second, "2")] {
      let result = try CLI.run([
        "compare", Self.scenario, "--target", "8%", "--options", "standalone,passive", "--out", out.path,
        "--threads", threads, "--no-indoor",
      ])
      #expect(result.status == 0, "\(result.standardError)")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    #expect(names.contains("comparison.md") && names.contains("passive-recommended-stations.geojson"))
    for name in names {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between 1 and 2 threads")
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: first.appendingPathComponent("comparison.json")))
    let rows = try #require((json as? [String: Any])?["rows"] as? [[String: Any]]).filter {
      $0["carrier"] as? String == "all"
    }
    func value(_ option: String, _ key: String) -> Double {
      (rows.first { $0["option"] as? String == option }?[key] as? NSNumber)?.doubleValue ?? .nan
    }
    func met(_ option: String) -> Bool {
      rows.first { $0["option"] as? String == option }?["target_met"] as? Bool ?? false
    }
    #expect(met("standalone") && met("passive"))
    #expect(value("passive", "new_structures") <= value("standalone", "new_structures"))
    #expect(value("passive", "structures") <= value("standalone", "structures"))
    // Today's rate (the scenario summary's figure) rises toward 0.5 under passive sharing.
    let summary = ScenarioSummary(
      try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path))
    #expect(abs(value("today", "sharing_rate") - summary.passiveSharingRate) < 1e-4)
    #expect(value("passive", "sharing_rate") > value("today", "sharing_rate"))
    #expect(value("passive", "sharing_rate") <= 0.5)
    #expect(value("passive", "npv_cost_vnd") <= value("standalone", "npv_cost_vnd"))
  }
}

enum CandidatePoolTestSupport {
  /// Present value of 1 VND a year: (1 − (1 + r)^−n) / r, or n without discounting.
  static func annuity(_ costs: CostParameters) -> Double {
    costs.discountRate == 0
      ? Double(costs.horizonYears) : (1 - pow(1 + costs.discountRate, -Double(costs.horizonYears))) / costs.discountRate
  }
}
