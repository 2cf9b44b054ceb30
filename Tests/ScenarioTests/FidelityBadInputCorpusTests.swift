import Foundation
import Testing

@testable import Scenario

/// Issue #14's keys, each broken in one way: the LOS state, shadow and O2I σ, the target's
/// reliability, the drop mode, and the sites file's antenna model.
@Suite struct FidelityBadInputCorpusTests {
  @Test(.timeLimit(.minutes(1)), arguments: cases)
  func rejectsWithTheMessageAtItsPlaceAndWritesNothing(_ bad: BadInputCase) throws {
    try BadInputCorpus.check(bad)
  }

  @Test func namesAreDistinctFromTheOtherCorpora() {
    let others = Set((BadInputCorpusTests.cases + BadInputFileCorpusTests.cases).map(\.name))
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    #expect(others.isDisjoint(with: Self.cases.map(\.name)))
  }

  static let cases = scenarioCases + sitesCases

  static let scenarioCases: [BadInputCase] = [
    BadInputCase(
      "a LOS state that is not one", "scenario.yaml", .append("\ncoverage:\n  model: tr38901-uma-nlos\n  los: maybe"),
      at: "scenario.yaml:18", "'coverage.los': expected a line-of-sight state (nlos, los, probabilistic), got 'maybe'",
      count: 1),
    BadInputCase(
      "a probabilistic LOS state for a model without one", "scenario.yaml",
      .append("\ncoverage:\n  model: okumura-hata\n  los: probabilistic"),
      at: "scenario.yaml:18",
      "'coverage.los': okumura-hata has no line-of-sight state: expected nlos, or a TR 38.901 model for probabilistic",
      count: 1),
    BadInputCase(
      "a zone's LOS state for a model without one", "scenario.yaml",
      .replace(
        "    parcels: parcels.geojson",
        "    parcels: parcels.geojson\n    propagation: { model: erceg-sui-b, los: los }"),
      at: "scenario.yaml:7", "'zones[0].propagation.los': erceg-sui-b has no line-of-sight state", count: 1),
    BadInputCase(
      "a LOS state on the default model, which has none", "scenario.yaml",
      .append("\ncoverage:\n  los: probabilistic"), at: "scenario.yaml:17",
      "'coverage.los': erceg-sui-b has no line-of-sight state: expected nlos, or a TR 38.901 model for probabilistic",
      count: 1),
    BadInputCase(
      "a reliability of 1.2", "scenario.yaml", .append("\ncoverage:\n  target: { reliability: 1.2 }"),
      at: "scenario.yaml:17",
      "'coverage.target.reliability': expected a location probability (0.9 = 90 %) between 0.001 and 0.999, got '1.2'",
      count: 1),
    BadInputCase(
      "a negative shadow-fading σ", "scenario.yaml",
      .append("\ncoverage:\n  model: tr38901-uma-nlos\n  shadow_sigma_db: -1"),
      at: "scenario.yaml:18",
      "'coverage.shadow_sigma_db': expected a shadow-fading standard deviation in dB between 0 and 30, got '-1'",
      count: 1),
    BadInputCase(
      "an O2I σ in words", "scenario.yaml",
      .append("\nbuilding_classes:\n  glass: { o2i: low-loss, o2i_sigma_db: x }"),
      at: "scenario.yaml:17",
      "'building_classes.glass.o2i_sigma_db': expected a standard deviation of the indoor loss in dB", count: 1),
    BadInputCase(
      "an unknown indoor model", "scenario.yaml",
      .append("\nbuilding_classes:\n  hall: { o2i: high-loss, indoor: { model: inf-xx } }"),
      at: "scenario.yaml:17",
      "'building_classes.hall.indoor.model': expected inf-sl, inf-dl, inf-sh, inf-dh, inh-mixed, inh-open", count: 1),
    BadInputCase(
      "a high-node factory with its nodes in the clutter", "scenario.yaml",
      .append("\nbuilding_classes:\n  hall: { o2i: high-loss, indoor: { model: inf-sh, node_height_m: 2 } }"),
      at: "scenario.yaml:17",
      "'building_classes.hall.indoor': inf-sh needs the node above the clutter (node_height_m 2 ≤ clutter_height_m 2); use inf-sl for nodes among it",
      count: 1),
    BadInputCase(
      "a building of no storeys", "scenario.yaml",
      .append("\nbuilding_classes:\n  hall: { o2i: high-loss, indoor: { model: inf-sh, floors: 0 } }"),
      at: "scenario.yaml:17",
      "'building_classes.hall.indoor.floors': expected the storeys the indoor system serves between 1 and 100",
      count: 1),
    BadInputCase(
      "a node of 60 dBm", "scenario.yaml", .append("\nindoor_systems:\n  node_power_dbm: 60"),
      at: "scenario.yaml:17", "'indoor_systems.node_power_dbm': expected a node's power in dBm between -10 and 46",
      count: 1),
    BadInputCase(
      "a node drawing text", "scenario.yaml", .append("\nindoor_systems:\n  node_draw_kw: lots"),
      at: "scenario.yaml:17", "'indoor_systems.node_draw_kw': expected a node's power draw in kW", count: 1),
    BadInputCase(
      "DAS cabling as text", "scenario.yaml", .append("\nindoor_systems:\n  das_cabling_vnd_per_m2: cheap"),
      at: "scenario.yaml:17",
      "'indoor_systems.das_cabling_vnd_per_m2': expected a DAS's cabling cost per m² of floor in VND",
      count: 1),
    BadInputCase(
      "drop floors most first", "scenario.yaml", .append("\ncoverage:\n  drops: { floors: [5, 2] }"),
      at: "scenario.yaml:17",
      "'coverage.drops.floors': expected [fewest, most] floors of a building, whole numbers 1–200", count: 1),
    BadInputCase(
      "an indoor share of 1.5", "scenario.yaml", .append("\ncoverage:\n  drops: { indoor_share: 1.5 }"),
      at: "scenario.yaml:17", "'coverage.drops.indoor_share': expected a share of users 0…1 between 0 and 1", count: 1
    ),
    BadInputCase(
      "an unknown drops key", "scenario.yaml", .append("\ncoverage:\n  drops: { user: 100 }"),
      at: "scenario.yaml:17", "unknown key 'coverage.drops.user'; did you mean 'users'?", count: 1),
  ]

  static let sitesHeader =
    "id,carrier,layer,structure,azimuth_deg,height_m,power_dbm,antenna,array_elements,element_spacing_wl,antenna_pattern\n"
  static let secondSite = "S2,vnpt,lte1800,T1,120,35,43,,,,\n"

  static func sites(_ first: String) -> BadInputEdit { .text(sitesHeader + first + "\n" + secondSite) }

  static let sitesCases: [BadInputCase] = [
    BadInputCase(
      "an antenna model that is not one", "sites.csv", sites("S1,viettel,lte1800,T1,0,38,43,dipole,,,"),
      at: "sites.csv:2",
      "column 'antenna': expected one of parametric, 3gpp-element, 3gpp-column, got 'dipole'", count: 1),
    BadInputCase(
      "a 3GPP column with a pattern file too", "sites.csv",
      sites("S1,viettel,lte1800,T1,0,38,43,3gpp-column,,,pattern.msi"),
      at: "sites.csv:2", "columns 'antenna' and 'antenna_pattern': give a pattern file or a 3GPP model, not both",
      count: 1,
      setup: [
        (
          "pattern.msi",
          .text(
            "NAME T\nGAIN 15 dBd\nHORIZONTAL 4\n0 0\n90 10\n180 25\n270 10\nVERTICAL 4\n0 0\n90 20\n180 25\n270 20\n")
        )
      ]),
    BadInputCase(
      "a column of 2.5 elements", "sites.csv", sites("S1,viettel,lte1800,T1,0,38,43,3gpp-column,2.5,,"),
      at: "sites.csv:2", "column 'array_elements': expected a whole number, got 2.5", count: 1),
    BadInputCase(
      "a column of 100 elements", "sites.csv", sites("S1,viettel,lte1800,T1,0,38,43,3gpp-column,100,,"),
      at: "sites.csv:2", "column 'array_elements': expected a whole number of elements from 1 to 64", count: 1),
    BadInputCase(
      "array sizes on a parametric panel", "sites.csv", sites("S1,viettel,lte1800,T1,0,38,43,parametric,8,0.5,"),
      at: "sites.csv:2",
      "columns 'array_elements' and 'element_spacing_wl' belong to antenna '3gpp-column', not 'parametric'",
      count: 1),
  ]
}
