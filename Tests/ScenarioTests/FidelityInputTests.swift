import Foundation
import Radio
import TestSupport
import Testing

@testable import Scenario

/// Issue #14's scenario keys land in the model: the target's reliability, each propagation
/// class's LOS state and shadow σ, a building class's O2I σ, the drop mode, and the sites
/// file's 3GPP antennas.
@Suite struct FidelityInputTests {
  static func load(
    coverage: String, zoneExtra: String = "", extra: String = "", sites: String? = nil
  ) throws
    -> ScenarioModel
  {
    let text =
      ScenarioFixture.validScenario.replacingOccurrences(
        of: "    parcels: parcels.geojson\n", with: "    parcels: parcels.geojson\n\(zoneExtra)") + "\n" + coverage
      + extra
    let fixture = try ScenarioFixture(scenario: text, sites: sites ?? ScenarioFixture.validSites)
    defer { try? FileManager.default.removeItem(at: fixture.directory) }
    return try ScenarioLoader.load(path: fixture.scenarioPath)
  }

  @Test func readsReliabilityLOSSigmaO2ISigmaAndDrops() throws {
    let model = try Self.load(
      coverage: """
        coverage:
          model: tr38901-uma-nlos
          los: probabilistic
          shadow_sigma_db: 7.5
          target: { rsrp_dbm: -100, indoor: true, min_share: 0.9, reliability: 0.95 }
          drops: { users: 2500, seed: 42, indoor_share: 0.8, low_loss_share: 0.3, floors: [4, 8], min_distance_m: 35 }

        """,
      zoneExtra: "    propagation: { model: tr38901-umi-nlos, los: los, shadow_sigma_db: 0 }\n",
      extra: "building_classes:\n  glass: { o2i: low-loss, o2i_sigma_db: 3.5 }\n")
    let settings = model.coverage
    #expect(
      settings.propagation
        == Propagation(model: .umaNLOS, lineOfSight: .probabilistic, shadowSigmaDB: 7.5))
    #expect(settings.target == CoverageTarget(rsrpDBm: -100, indoor: true, minimumShare: 0.9, reliability: 0.95))
    #expect(model.zones[0].propagation == Propagation(model: .umiNLOS, lineOfSight: .los, shadowSigmaDB: 0))
    let drops = settings.drops
    #expect(drops.users == 2500 && drops.seed == 42 && drops.indoorShare == 0.8 && drops.lowLossShare == 0.3)
    #expect(drops.floors == 4...8 && drops.minDistanceM == 35)
    let glass = try #require(model.buildingClasses.first { $0.name == "glass" })
    #expect(glass == BuildingClass(name: "glass", o2i: .lowLoss, extraLossDB: 0, o2iSigmaDB: 3.5))
  }

  /// Issue #19: a building class's indoor environment, given in part (the rest from the
  /// scenario's TR 38.901 Table 7.8-7 defaults), and none given (the land use's).
  @Test func readsABuildingClassesIndoorEnvironment() throws {
    let model = try Self.load(
      coverage: "",
      extra: """
        building_classes:
          rack-store: { o2i: high-loss, indoor: { model: inf-dh, clutter_height_m: 9, node_height_m: 12 } }
          shed: { o2i: high-loss }
          offices: { o2i: high-loss, indoor: { model: inh-mixed, floors: 4 } }

        """)
    let store = try #require(model.buildingClass("rack-store"))
    #expect(
      store.indoor
        == IndoorEnvironment(
          scenario: .infDH, clutter: FactoryClutter(density: 0.6, sizeM: 2, heightM: 9), nodeHeightM: 12))
    #expect(model.buildingClass("offices")?.indoor == IndoorEnvironment(scenario: .inhMixed, floors: 4))
    #expect(model.indoorSystems == IndoorSystemSettings())
    let priced = try Self.load(
      coverage: "",
      extra:
        "indoor_systems: { node_power_dbm: 20, small_cell_vnd: 90000000, node_cable_loss_db: 1, node_draw_kw: 0.05, das_antenna_power_dbm: 12, das_source_vnd: 200000000 }\n"
    )
    var expected = IndoorSystemSettings()
    expected.nodeDrawKW = 0.05
    expected.dasAntennaPowerDBm = 12
    expected.dasSourceVND = 200_000_000
    expected.nodePowerDBm = 20
    expected.smallCellVND = 90_000_000
    expected.nodeCableLossDB = 1
    #expect(priced.indoorSystems == expected)
    let shed = try #require(model.buildingClass("shed"))
    #expect(shed.indoor == nil)
    #expect(shed.indoorEnvironment(landUse: .factory) == IndoorEnvironment(scenario: .infSH))
  }

  /// σ alone in the coverage section refines the default model (Erceg B) without naming it.
  @Test func aSigmaAloneRefinesTheDefaultModel() throws {
    let model = try Self.load(coverage: "coverage:\n  shadow_sigma_db: 7\n")
    #expect(model.coverage.propagation == Propagation(model: .ercegB, shadowSigmaDB: 7))
  }

  @Test func defaultsAreTheDocumentedOnes() throws {
    let model = try Self.load(coverage: "coverage:\n  model: tr38901-uma-nlos\n")
    // 0.9 per cell (CoverageTarget.defaultReliability; Jakes 1974 §2.4), the model's own σ,
    // a NLOS model's NLOS state, and the drop mode's documented defaults.
    #expect(model.coverage.target.reliability == 0.9)
    #expect(model.coverage.propagation == Propagation(model: .umaNLOS, lineOfSight: .nlos, shadowSigmaDB: nil))
    #expect(model.coverage.drops == DropSettings())
    #expect(model.buildingClasses.allSatisfy { $0.o2iSigmaDB == nil })
    #expect(model.sectors.allSatisfy { $0.antennaType == .parametric })
  }

  @Test func sitesNameTheirAntennaModel() throws {
    let sites = """
      id,carrier,layer,structure,azimuth_deg,height_m,power_dbm,electrical_tilt_deg,antenna,array_elements,element_spacing_wl
      S1,viettel,lte1800,T1,0,38,43,12,3gpp-column,8,0.7
      S2,vnpt,lte1800,T1,120,35,43,6,3gpp-column,,
      S3,viettel,lte1800,T1,240,35,43,0,3gpp-element,,
      S4,vnpt,lte1800,T1,240,35,43,0,parametric,,
      S5,vnpt,lte1800,T1,300,35,43,0,,,
      """
    let model = try Self.load(coverage: "", sites: sites)
    #expect(
      model.sectors.map(\.antennaType) == [
        .column(elements: 8, spacingWavelengths: 0.7),
        // TR 38.901 Table 7.8-1's 10 × 1 column at 0.5 λ when the sizes are left empty.
        .column(elements: 10, spacingWavelengths: 0.5), .element, .parametric, .parametric,
      ])
    #expect(model.sectors[0].electricalTiltDeg == 12)
  }
}
