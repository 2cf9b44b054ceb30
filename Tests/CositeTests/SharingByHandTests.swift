import Foundation
import Testing

/// `cosite compare` on Fixtures/sharing-by-hand, every figure worked out by hand.
///
/// The scenario: one 300 m × 300 m parcel (1,000 workers) with Viettel's three sectors on
/// tower T1 (owner towerco, 2 free slots, rent 10 M VND/month) covering all of it (checked
/// below against `cosite run`); VNPT has no site; N1 is a listed new-build place (rent 5 M).
/// VNPT's station is 3 sectors. Target: every carrier at 90 % of its workers. Money: no
/// discounting over 10 years, so lifetime = one-off + 10 × yearly.
///
/// - standalone: VNPT may not use towerco's T1, so it builds N1:
///   one-off 2,000 M + 3 × 350 M = 3,050 M; energy 3 kW × 8,760 h = 26,280 kWh;
///   yearly 5 M × 12 + 26,280 × 2,500 + 40 M = 60 + 65.7 + 40 = 165.7 M;
///   lifetime 3,050 + 1,657 = 4,707 M. Structures T1 (Viettel) and N1 (VNPT): 2,
///   tenancy 2 / 2 = 1, sharing rate 0 / 2 = 0.
/// - passive: co-locating on T1 (150 M + 1,050 M = 1,200 M one-off; yearly 120 + 65.7 + 40
///   = 225.7 M; lifetime 3,457 M) is cheaper than N1 (4,707 M): 1 co-location, 1 structure
///   with 2 tenants: tenancy 2, sharing rate 1.
/// - moran: VNPT joins Viettel's radio on T1, paying 0.6 of the radio and drawing 0.7 of
///   the power: one-off 150 + 0.6 × 1,050 = 780 M; energy 0.7 × 26,280 = 18,396 kWh;
///   yearly 120 + 45.99 + 40 = 205.99 M; lifetime 2,839.9 M.
/// - mocn: Viettel's T1 already serves VNPT once pooled: no station to build, but pooling T1
///   for VNPT (one site, one added carrier) costs the default 0.3 × 350 M × 3 sectors = 315 M,
///   one-off; T1 serves both: tenancy 2, sharing rate 1.
@Suite struct SharingByHandTests {
  static let scenario = "Tests/CositeTests/Fixtures/sharing-by-hand/scenario.yaml"

  @Test func validateCountsThePlanningInputs() throws {
    let result = try CLI.run(["validate", Self.scenario])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Shared structures: 0 of 1 (passive sharing rate 0.0%; target 50.0%)"))
    #expect(result.standardOutput.contains("Planned new-build places: 1"))
    #expect(result.standardOutput.contains("Sharing options: standalone, passive, moran, mocn, neutral-host\n"))
  }

  @Test func everyOptionMatchesTheHandCalculation() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(["compare", Self.scenario, "--spacing-m", "0", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json")))
    let rows = try #require((json as? [String: Any])?["rows"] as? [[String: Any]])
    func row(_ option: String, _ carrier: String = "all") throws -> [String: Any] {
      try #require(rows.first { $0["option"] as? String == option && $0["carrier"] as? String == carrier })
    }
    func number(_ row: [String: Any], _ key: String) -> Double { (row[key] as? NSNumber)?.doubleValue ?? .nan }
    // Today: Viettel meets the target on P1, VNPT does not.
    let today = (viettel: try row("today", "viettel"), vnpt: try row("today", "vnpt"), all: try row("today"))
    #expect(number(today.viettel, "target_workers") == 1000)
    #expect(number(today.vnpt, "target_workers") == 0)
    #expect(number(today.all, "sharing_rate") == 0 && number(today.all, "structures") == 1)
    let expected:
      [(
        String, structures: Double, new: Double, colocations: Double, tenancy: Double, rate: Double,
        capex: Double, opex: Double, npv: Double, energy: Double
      )] = [
        ("standalone", 2, 1, 0, 1, 0, 3_050e6, 165.7e6, 4_707e6, 26_280),
        ("passive", 1, 0, 1, 2, 1, 1_200e6, 225.7e6, 3_457e6, 26_280),
        ("moran", 1, 0, 1, 2, 1, 780e6, 205.99e6, 2_839.9e6, 18_396),
        ("mocn", 1, 0, 0, 2, 1, 315e6, 0, 315e6, 0),
        // Under an outdoor target no indoor system is a candidate: passive sharing's plan.
        ("neutral-host", 1, 0, 1, 2, 1, 1_200e6, 225.7e6, 3_457e6, 26_280),
      ]
    for option in expected {
      let all = try row(option.0)
      #expect(number(all, "structures") == option.structures, "\(option.0)")
      #expect(number(all, "new_structures") == option.new, "\(option.0)")
      #expect(number(all, "colocations") == option.colocations, "\(option.0)")
      #expect(number(all, "tenancy_ratio") == option.tenancy, "\(option.0)")
      #expect(number(all, "sharing_rate") == option.rate, "\(option.0)")
      #expect(abs(number(all, "capex_vnd") - option.capex) < 1, "\(option.0)")
      #expect(abs(number(all, "opex_vnd_per_year") - option.opex) < 1, "\(option.0)")
      #expect(abs(number(all, "npv_cost_vnd") - option.npv) < 1, "\(option.0)")
      #expect(abs(number(all, "energy_kwh_per_year") - option.energy) < 1e-6, "\(option.0)")
      // Both carriers meet the target on the one parcel afterwards.
      #expect(number(all, "target_parcels") == 1 && number(all, "target_workers") == 1000, "\(option.0)")
      // VNPT bears all of it: Viettel adds nothing.
      let viettel = try row(option.0, "viettel")
      #expect(number(viettel, "npv_cost_vnd") == 0, "\(option.0)")
    }
    let markdown = try String(contentsOf: out.appendingPathComponent("comparison.md"), encoding: .utf8)
    #expect(markdown.contains("The province's passive sharing-rate target: 50 %."))
    #expect(markdown.contains("| passive | 1 | 1000 | 0 | 1 | 0 (0) | 1 | 2 | 100 % | 1.2 | 0.23 | 3.46 | 26 | yes |"))
  }
}

/// The same fixture with one thing changed at a time, each worked out by hand.
extension SharingByHandTests {
  /// A copy of the fixture with `edit` applied to its files, in a temporary folder.
  static func variant(_ edit: (inout [String: String]) -> Void) throws -> URL {
    let source = CLI.repositoryRoot.appendingPathComponent("Tests/CositeTests/Fixtures/sharing-by-hand")
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      files[name] = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
    }
    edit(&files)
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory
  }

  /// Passive sharing's NPV of cost and new structures for a variant.
  static func passive(_ directory: URL, options: String = "passive") throws -> [String: (npv: Double, new: Double)] {
    let out = directory.appendingPathComponent("out")
    let result = try CLI.run([
      "compare", directory.appendingPathComponent("scenario.yaml").path, "--spacing-m", "0", "--options", options,
      "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json")))
    let rows = try #require((json as? [String: Any])?["rows"] as? [[String: Any]])
    var figures: [String: (Double, Double)] = [:]
    for row in rows where row["carrier"] as? String == "all" {
      figures[row["option"] as! String] = (
        (row["npv_cost_vnd"] as? NSNumber)?.doubleValue ?? .nan,
        (row["new_structures"] as? NSNumber)?.doubleValue ?? .nan
      )
    }
    return figures
  }

  /// When T1 cannot take VNPT — its owner is closed, its structural budget (2 sectors) is
  /// below VNPT's 3, or its height window (37–39 m) lies above where VNPT's antennas can go
  /// (1 m below the top and 3 m below Viettel: 36 m) — passive
  /// sharing builds N1 like standalone: 4,707 M VND (see above). With N1 a rooftop mast
  /// instead, the structure costs 400 M: one-off 400 + 1,050 = 1,450 M, lifetime
  /// 1,450 + 1,657 = 3,107 M.
  @Test func structureLimitsSendVNPTToTheNewBuild() throws {
    let closed = try Self.variant { $0["scenario.yaml"]! += "owner_policy: { towerco: closed }\n" }
    let heavy = try Self.variant {
      $0["structures.csv"] = """
        id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month,max_added_sectors
        T1,tower,106.75145,20.83135,40,towerco,2,10000000,2

        """
    }
    func window(_ low: Int, _ high: Int) throws -> URL {
      try Self.variant {
        $0["structures.csv"] = """
          id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month,min_mount_m,max_mount_m
          T1,tower,106.75145,20.83135,40,towerco,2,10000000,\(low),\(high)

          """
      }
    }
    let high = try window(37, 39)
    let low = try window(30, 35)
    let rooftop = try Self.variant {
      $0["scenario.yaml"]! += "owner_policy: { towerco: closed }\n"
      $0["new-builds.csv"] = $0["new-builds.csv"]!.replacingOccurrences(of: "N1,tower,", with: "N1,rooftop,")
    }
    defer {
      for directory in [closed, heavy, high, low, rooftop] { try? FileManager.default.removeItem(at: directory) }
    }
    for directory in [closed, heavy, high] {
      let figures = try Self.passive(directory)["passive"]!
      #expect(figures.new == 1 && abs(figures.npv - 4_707e6) < 1, "\(directory.lastPathComponent)")
    }
    // The window 30–35 m holds VNPT's antennas (lowered from 36 m to 35 m): T1 is still
    // chosen, at passive's 3,457 M.
    let inWindow = try Self.passive(low)["passive"]!
    #expect(inWindow.new == 0 && abs(inWindow.npv - 3_457e6) < 1)
    let roof = try Self.passive(rooftop)["passive"]!
    #expect(roof.new == 1 && abs(roof.npv - 3_107e6) < 1)
  }

  /// An option the scenario defines: passive with a 100 M installation instead of 150 M:
  /// 50 M less than passive's 3,457 M.
  @Test func aScenarioOptionOverridesCosts() throws {
    let directory = try Self.variant {
      $0["scenario.yaml"] = $0["scenario.yaml"]!.replacingOccurrences(
        of: "  compare: { target_share: 0.9 }",
        with: """
            compare: { target_share: 0.9 }
            options:
              - { name: cheap-install, base: passive, costs: { colocation_install_vnd: 100_000_000 } }
          """)
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let figures = try Self.passive(directory, options: "passive,cheap-install")
    #expect(abs(figures["passive"]!.npv - 3_457e6) < 1)
    #expect(abs(figures["cheap-install"]!.npv - 3_407e6) < 1)
  }
}
