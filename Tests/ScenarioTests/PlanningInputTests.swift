import Foundation
import Geo
import TestSupport
import Testing

@testable import Scenario

/// What the recommender and the comparison read from a scenario: planned new builds, owner
/// policy, height windows, structural budgets and the sharing section.
extension ScenarioLoaderTests {
  static let planningStructures = """
    id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month,min_mount_m,max_mount_m,max_added_sectors
    T1,tower,106.755,20.835,40,towerco,2,15000000,20,35,6
    R1,rooftop,106.757,20.836,18,deep-c,1,,,,
    """
  static let planningScenario =
    ScenarioFixture.validScenario + "\n" + """
      new_builds: new-builds.csv
      owner_policy: { deep-c: closed, towerco: [vnpt] }
      sharing:
        moran_radio_extra_share: 0.5
        sharing_rate_target: 0.4
        compare: { target_share: 0.8 }
        options:
          - { name: cheap-rent, base: passive, costs: { default_rent_vnd_month: 5_000_000 }, mocn_power_extra_share: 0.2 }

      """
  static let newBuilds = """
    id,kind,lon,lat,height_m,owner,free_slots
    N1,rooftop,106.7555,20.8355,24,towerco,3
    """

  @Test func readsNewBuildsOwnerPolicyWindowsAndSharing() throws {
    let fixture = try ScenarioFixture(
      scenario: Self.planningScenario, structures: Self.planningStructures, extra: ["new-builds.csv": Self.newBuilds])
    let model = try ScenarioLoader.load(path: fixture.scenarioPath)
    #expect(model.structures.map(\.id) == ["T1", "R1"])
    #expect(model.plannedSites.map(\.id) == ["N1"])
    #expect(model.plannedSites[0].kind == .rooftop && model.plannedSites[0].heightM == 24)
    // N1 stands 0.0005° east and north of T1: about 52 m east and 55 m north at 20.8° N.
    let offset = (
      x: model.plannedSites[0].position.x - model.structures[0].position.x,
      y: model.plannedSites[0].position.y - model.structures[0].position.y
    )
    #expect(abs(offset.x - 52) < 1 && abs(offset.y - 55.3) < 1, "\(offset)")
    #expect(model.structures[0].mountWindowM == 20...35 && model.structures[0].maxAddedSectors == 6)
    #expect(model.structures[1].mountWindowM == nil && model.structures[1].maxAddedSectors == nil)
    // Owners: deep-c admits nobody, towerco only VNPT, a carrier always itself.
    let r1 = model.structures[1]
    let t1 = model.structures[0]
    #expect(!model.mayCoLocate("viettel", on: r1) && !model.mayCoLocate("vnpt", on: r1))
    #expect(model.mayCoLocate("vnpt", on: t1) && !model.mayCoLocate("viettel", on: t1))
    #expect(OwnerPolicy.closed.admits("viettel", owner: "viettel"))
    let sharing = model.sharing
    #expect(sharing.factors.moranRadioExtraShare == 0.5 && sharing.factors.mocnRadioExtraShare == 0.3)
    #expect(sharing.sharingRateTarget == 0.4 && sharing.basis == .targetShare(0.8))
    #expect(sharing.options.map(\.name) == ["cheap-rent"] && sharing.options[0].base == "passive")
    #expect(sharing.options[0].costs.defaultRentVNDPerMonth == 5_000_000)
    #expect(sharing.options[0].costs.newTowerVND == model.costs.newTowerVND)
    #expect(sharing.options[0].factors.mocnPowerExtraShare == 0.2)
    #expect(sharing.options[0].factors.moranRadioExtraShare == 0.5)
  }

  @Test func planningInputMistakesAreReportedWithTheirLines() throws {
    let scenario =
      ScenarioFixture.validScenario + "\n" + """
        new_builds: new-builds.csv
        owner_policy: { towerco: [gtel] }
        sharing:
          compare: { budget_vnd: 1e9, target_share: 0.5 }
          options:
            - { name: passive, base: passive }
            - { name: odd, base: roaming }

        """
    let structures = """
      id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month,min_mount_m,max_mount_m
      T1,tower,106.755,20.835,40,towerco,2,15000000,30,35
      R1,rooftop,106.757,20.836,18,deep-c,1,,12,10
      R2,rooftop,106.757,20.837,18,deep-c,1,,12,
      """
    let sites = ScenarioFixture.validSites + "\nS3,viettel,lte1800,N1,0,20,43\n"
    let fixture = try ScenarioFixture(
      scenario: scenario, structures: structures, sites: sites, extra: ["new-builds.csv": Self.newBuilds])
    let found = issues(fixture).map { relative($0.description, to: fixture) }
    let expected = [
      "structures.csv:3: columns 'min_mount_m', 'max_mount_m': expected min ≤ max ≤ height_m",
      "structures.csv:4: columns 'min_mount_m', 'max_mount_m': give both or neither",
      "sites.csv:4: column 'structure': 'N1' is a planned new build (new-builds.csv), not a structure that stands",
      "scenario.yaml:17: 'owner_policy.towerco': unknown carrier 'gtel'",
      "scenario.yaml:19: 'sharing.compare': expected exactly one of budget_vnd or target_share",
      "scenario.yaml:21: 'sharing.options[0].name': 'passive' is already an option",
      "scenario.yaml:22: 'sharing.options[1].base': expected one of standalone, passive, moran, mocn, neutral-host, got 'roaming'",
    ]
    for prefix in expected {
      #expect(found.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nfound:\n\(found.joined(separator: "\n"))")
    }
    #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
  }
}
