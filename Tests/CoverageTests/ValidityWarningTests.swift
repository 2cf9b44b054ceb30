import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// A run that predicts cells with a model outside its published range says so, once per
/// model, with the range and the distances; a run inside every range says nothing.
@Suite struct ValidityWarningTests {
  /// UMa NLOS from a 35 m mast at 1815 MHz to a 1.5 m UE: only the distance can leave
  /// TR 38.901's range (Table 7.4.1-1: 10 m ≤ d_2D ≤ 5 km; f_c 0.5–100 GHz, h_UT 1.5–22.5 m;
  /// h_BS flagged outside 10–150 m).
  static func world(parcelEastM: Double, maxRadiusM: Double) -> OneSiteWorld {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .umaNLOS)
    world.settings.maxRadiusM = maxRadiusM
    // Low enough that no table stops at the floor before `maxRadiusM`.
    world.settings.floorDBm = -190
    world.resolutionM = 50
    world.squares = [OneSiteWorld.Square(eastM: parcelEastM, northM: -500, sideM: 1000)]
    world.sectors = [OneSiteWorld.sector("s1", azimuthDeg: 90)]
    return world
  }

  @Test func cellsBeyondFiveKilometresGiveOneLineNamingModelRangeAndDistance() throws {
    // Parcel 5.5–6.5 km east, ±0.5 km north; with the 100 m margin the grid spans 5.4–6.6 km
    // east and ±0.6 km north, so its farthest corner is √(6600² + 600²) = 6627 m from the
    // mast: cells are predicted from 5.4 to 6.6 km, below the table's 8 km end.
    let result = try CoverageRun.run(Self.world(parcelEastM: 5_500, maxRadiusM: 8_000).scenario(), threads: 2)
    #expect(result.validityWarnings.count == 1, "\(result.validityWarnings)")
    let line = try #require(result.validityWarnings.first)
    #expect(line.hasPrefix("tr38901-uma-nlos is valid for "), "\(line)")
    #expect(line.contains("0.5–100 GHz, BS 10–150 m, UE 1.5–22.5 m, 10 m–5 km"), "\(line)")
    #expect(line.contains("used at ground distances 0.01–6.63 km (1 sector loss table)"), "\(line)")
    #expect(!line.contains("frequency") && !line.contains("BS height") && !line.contains("UE height"), "\(line)")
  }

  @Test func aRunInsideEveryRangeHasNoWarning() throws {
    let result = try CoverageRun.run(Self.world(parcelEastM: 500, maxRadiusM: 4_000).scenario(), threads: 2)
    #expect(result.validityWarnings.isEmpty, "\(result.validityWarnings)")
  }

  /// A 1 km park by its mast with the default 15 km radius: every cell is within 1.7 km, so
  /// no prediction is made beyond UMa's 5 km and nothing may be claimed about 15 km.
  @Test func distancesNoCellIsAtAreNotWarnedAbout() throws {
    let result = try CoverageRun.run(Self.world(parcelEastM: 500, maxRadiusM: 15_000).scenario(), threads: 2)
    #expect(result.validityWarnings.isEmpty, "\(result.validityWarnings)")
  }
}
