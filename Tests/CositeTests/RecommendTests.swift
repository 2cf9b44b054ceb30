import Coverage
import Foundation
import Planning
import Scenario
import Testing

/// `cosite recommend` on the Dinh Vu scenario, checked against what the scenario allows.
@Suite struct RecommendTests {
  static let budget = 60e9

  @Test func recommendationRespectsBudgetSlotsAndBound() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let options = Recommender.Options(carriers: Array(scenario.carriers.indices), budgetVND: Self.budget)
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    let solution = result.solution
    #expect(!result.picks.isEmpty)
    #expect(solution.cost <= Self.budget)
    #expect(solution.upperBound >= solution.value)
    #expect(abs(result.picks.reduce(0) { $0 + $1.gain } - solution.value) < 1e-6 * solution.value)
    // Joint mode: no structure gets more new tenants than it has free slots, and no carrier
    // is put on a structure it is already on.
    let tenants = ScenarioSummary.tenants(of: scenario)
    var added: [String: Int] = [:]
    for pick in result.picks where pick.candidate.kind == .colocate {
      let structure = pick.candidate.structure
      added[structure.id, default: 0] += 1
      #expect(added[structure.id]! <= structure.freeSlots, "\(structure.id)")
      #expect(!(tenants[structure.id] ?? []).contains(scenario.carriers[pick.candidate.carrierIndex].id))
    }
    // Ranked greedily: gain per cost never rises down the list (coverage is submodular).
    let ratios = result.picks.map { $0.gain / $0.candidate.lifetimeVND }
    #expect(zip(ratios, ratios.dropFirst()).allSatisfy { $0 >= $1 * (1 - 1e-12) })
    // Lifetime cost by hand for a co-location: install + 9 sectors of radio, then rent,
    // power (9 kW all year) and O&M each year over 15 years at 10 %.
    let factor = (1 - pow(1.1, -15.0)) / 0.1
    for pick in result.picks where pick.candidate.kind == .colocate {
      let rent = pick.candidate.structure.rentVNDPerMonth
      let sectors = Double(pick.candidate.sectors.count)
      let oneOff = 150e6 + 350e6 * sectors
      let yearly = rent * 12 + 1.0 * sectors * 8_760 * 2_500 + 40e6
      #expect(abs(pick.candidate.lifetimeVND - (oneOff + yearly * factor)) < 1)
    }
  }

  /// The same files with one thread and with several.
  @Test func recommendIsByteIdenticalWhateverTheThreads() throws {
    let first = CLI.temporaryDirectory()
    let second = CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for (out, threads) in [(first, "1"), (second, "3")] {
      let result = try CLI.run([
        "recommend", "scenarios/hai-phong-dinh-vu.yaml", "--budget-vnd", "30000000000", "--out", out.path,
        "--threads", threads,
      ])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("% of optimal"))
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    #expect(
      names == [
        "newly-covered-mobifone.geojson", "newly-covered-viettel.geojson", "newly-covered-vnpt.geojson",
        "recommendations.csv", "recommendations.json", "recommendations.md", "recommended-stations.geojson",
      ])
    for name in names {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between 1 and 3 threads")
    }
  }

  @Test func unknownCarrierIsAnErrorAndWritesNothing() throws {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(["recommend", "scenarios/phu-tho.yaml", "--carrier", "gtel", "--out", out.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("unknown carrier 'gtel' (the scenario has: viettel, vnpt, mobifone)"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
