import Foundation
import Radio
import TestSupport
import Testing

@testable import Scenario

/// The busy-hour keys: `load`, `traffic`, `service_floor`, `uplink`, service classes with an
/// uplink rate, and the layers' `ue_power_class` and `tdd_uplink_share`.
@Suite struct CapacityInputTests {
  func scenario(coverage: String, layers: [String]? = nil) -> String {
    var text = ScenarioFixture.validScenario
    if let layers {
      text = text.replacingOccurrences(
        of: "      - { id: lte1800, technology: LTE, band: B3, frequency_mhz: 1815, bandwidth_mhz: 20 }\n",
        with: layers.map { "      - { \($0) }\n" }.joined())
    }
    return text + "\n" + coverage
  }

  func load(_ text: String) throws -> ScenarioModel {
    try ScenarioLoader.load(path: try ScenarioFixture(scenario: text).scenarioPath)
  }

  func messages(_ text: String) throws -> [String] {
    do {
      _ = try load(text)
      Issue.record("expected the scenario to be rejected")
      return []
    } catch let error as ScenarioError {
      return error.issues.map { issue in
        guard case .line(let line) = issue.location else { return issue.message }
        return "line \(line): \(issue.message)"
      }
    }
  }

  @Test func readsEveryBusyHourSetting() throws {
    let model = try load(
      scenario(
        coverage: """
          coverage:
            load: coupled
            traffic: { busy_hour_active_share: 0.1, downlink_mbps: 8, uplink_mbps: 1, subscriber_shares: { viettel: 0.55 } }
            service_floor: { rsrp_dbm: -118, sinr_db: -7 }
            uplink: { bs_noise_figure_db: 4, interference_margin_db: 2, ue_antenna_gain_dbi: -1 }
            service_classes:
              gold: { downlink_mbps: 20, uplink_mbps: 4 }
              bronze: 2
          """,
        layers: [
          "id: nr3500, technology: NR, band: n78, frequency_mhz: 3500, bandwidth_mhz: 100, tdd_downlink_share: 0.74",
          "id: nr2600, technology: NR, band: n41, frequency_mhz: 2600, bandwidth_mhz: 100, tdd_downlink_share: 0.6, "
            + "tdd_uplink_share: 0.3, ue_power_class: pc3",
          "id: lte1800, technology: LTE, band: B3, frequency_mhz: 1815, bandwidth_mhz: 20",
        ]))
    let capacity = model.coverage.capacity
    #expect(capacity.load == .coupled)
    #expect(capacity.traffic.busyHourActiveShare == 0.1)
    #expect(
      capacity.traffic.downlinkDemandPerActiveUserMbps == 8 && capacity.traffic.uplinkDemandPerActiveUserMbps == 1)
    #expect(capacity.subscriberShares == ["viettel": 0.55])
    #expect(capacity.floor == ServiceFloor(minimumRSRPDBm: -118, minimumSINRDB: -7))
    #expect(capacity.baseStationNoiseFigureDB == 4 && capacity.uplinkInterferenceMarginDB == 2)
    #expect(capacity.ueAntennaGainDBi == -1)
    let classes = model.coverage.serviceClassesBestFirst
    #expect(
      classes == [
        ServiceClass(name: "gold", minimumDownlinkMbps: 20, minimumUplinkMbps: 4),
        ServiceClass(name: "bronze", minimumDownlinkMbps: 2, minimumUplinkMbps: 0.2),
      ])
    let layers = model.carriers[0].layers
    // n78 TDD: PC2 and DDDSU's uplink share (16/70) by default; n41 as written; LTE FDD: PC3, 1.
    #expect(layers.map(\.uePowerClass) == [.class2, .class3, .class3])
    #expect(layers.map(\.tddUplinkShare) == [16.0 / 70, 0.3, 1])
  }

  /// Viettel, VNPT and MobiFone by id or name get the MIC October 2016 shares; other carriers
  /// an equal split; a scenario's share wins.
  @Test func subscriberSharesDefaultToThePublishedFigures() {
    var capacity = CapacitySettings()
    let viettel = Carrier(id: "viettel", name: "Viettel", layers: [])
    let vnpt = Carrier(id: "c2", name: "VNPT VinaPhone", layers: [])
    let mobifone = Carrier(id: "mobifone", name: "x", layers: [])
    let other = Carrier(id: "gtel", name: "Gmobile", layers: [])
    #expect(capacity.subscriberShare(of: viettel, carrierCount: 4) == 63.3 / 131.9)
    #expect(capacity.subscriberShare(of: vnpt, carrierCount: 4) == 25 / 131.9)
    #expect(capacity.subscriberShare(of: mobifone, carrierCount: 4) == 34 / 131.9)
    #expect(capacity.subscriberShare(of: other, carrierCount: 4) == 0.25)
    capacity.subscriberShares["viettel"] = 0.5
    #expect(capacity.subscriberShare(of: viettel, carrierCount: 4) == 0.5)
  }

  /// A place takes the worse of its two directions' classes, which is the best class both
  /// reach only when a better class asks no less of the uplink: other lists are refused.
  @Test func refusesClassesWhoseUplinkMinimumsRiseAsTheDownlinkFalls() throws {
    let found = try messages(
      scenario(
        coverage: """
          coverage:
            service_classes:
              gold: { downlink_mbps: 5, uplink_mbps: 0.2 }
              silver: { downlink_mbps: 2.5, uplink_mbps: 0.5 }
          """))
    #expect(found.count == 1)
    #expect(found.first?.contains("'coverage.service_classes': expected classes whose uplink minimums fall") == true)
  }

  @Test func aNumberFixesTheLoad() throws {
    let model = try load(scenario(coverage: "coverage:\n  load: 0.3\n"))
    #expect(model.coverage.capacity.load == .fixed && model.coverage.loadFactor == 0.3)
  }

  @Test func reportsBadBusyHourSettingsWithTheirLines() throws {
    let found = try messages(
      scenario(
        coverage: """
          coverage:
            load: heavy
            traffic: { busy_hour_active_share: 5, subscriber_shares: { viettel: high } }
            service_floor: { rsrp_dbm: -20 }
            uplink: { noise: 3 }
            service_classes: { gold: { uplink_mbps: 1 } }
          """,
        layers: [
          "id: lte1800, technology: LTE, band: B3, frequency_mhz: 1815, bandwidth_mhz: 20, ue_power_class: PC9, "
            + "tdd_downlink_share: 0.7, tdd_uplink_share: 0.5"
        ]))
    let expected = [
      "'carriers[0].layers[0].ue_power_class': expected a UE power class (PC2 or PC3)",
      "'carriers[0].layers[0].tdd_uplink_share': expected an uplink time share at most 1 − tdd_downlink_share",
      "'coverage.load': expected coupled or an interferer load 0…1",
      "'coverage.traffic.busy_hour_active_share': expected a share of subscribers 0…1",
      "'coverage.traffic.subscriber_shares.viettel': expected a subscriber share 0…1",
      "'coverage.service_floor.rsrp_dbm': expected an RSRP in dBm",
      "unknown key 'coverage.uplink.noise'",
      "'coverage.service_classes.gold.downlink_mbps' is missing",
    ]
    for prefix in expected {
      #expect(found.contains { $0.contains(prefix) }, "\(prefix) not in \(found)")
    }
    #expect(found.allSatisfy { $0.hasPrefix("line ") }, "every issue names its line: \(found)")
  }

  /// Shares for a carrier the scenario does not have, and a TDD downlink share that leaves no
  /// room for the default uplink share (DDDSU's 0.229), name their lines.
  @Test func reportsSharesOfUnknownCarriersAndTDDSharesThatDoNotFit() throws {
    let found = try messages(
      scenario(
        coverage: "coverage:\n  traffic: { subscriber_shares: { viettel: 0.5, vinaphone: 0.2 } }\n",
        layers: [
          "id: lte1800, technology: LTE, band: B3, frequency_mhz: 1815, bandwidth_mhz: 20, tdd_downlink_share: 0.9"
        ]))
    let expected = [
      "'coverage.traffic.subscriber_shares.vinaphone': not a carrier of the scenario (expected one of: viettel, vnpt)",
      "'carriers[0].layers[0].tdd_downlink_share': expected a downlink time share at most 0.771 beside the default uplink share 0.229 (DDDSU), or tdd_uplink_share given",
    ]
    for prefix in expected {
      #expect(found.contains { $0.contains(prefix) }, "\(prefix) not in \(found)")
    }
    #expect(found.count == 2, "\(found)")
    #expect(found.allSatisfy { $0.hasPrefix("line ") }, "every issue names its line: \(found)")
  }
}
