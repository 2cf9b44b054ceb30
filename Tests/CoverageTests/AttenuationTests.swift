import Foundation
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// The antenna kernels against Radio's exact Double patterns, toward seeded random directions
/// and toward directions at the edges of their fast paths and branches: the parametric
/// pattern's cap (the back cone starts beyond it) and the MSI mirror at ±90°.
@Suite struct AttenuationTests {
  /// A direction in the antenna's frame: bearing off boresight and elevation, degrees.
  typealias Direction = (bearingDeg: Double, elevationDeg: Double)

  /// Random directions, directions all behind at |φ| ≥ 104°, directions within ±0.05° of
  /// `edgeDeg` (the parametric cap), directions just either side of ±90° (the MSI mirror;
  /// not within 0.001°, where Float32 components could put a cell on the other side).
  static func directions(edgeDeg: Double, seed: UInt64) -> [Direction] {
    var generator = SplitMix(seed: seed)
    func uniform(_ range: ClosedRange<Double>) -> Double {
      range.lowerBound + Double(generator.next() % 1_000_001) / 1_000_000 * (range.upperBound - range.lowerBound)
    }
    func sign() -> Double { generator.next() % 2 == 0 ? 1 : -1 }
    return (0..<4000).map { index -> Direction in
      let elevation = uniform(-60...20)
      switch index % 4 {
      case 0: return (uniform(-180...180), elevation)
      case 1: return (sign() * uniform(104...180), elevation)
      case 2: return (sign() * (edgeDeg + uniform(-0.05...0.05)), elevation)
      default: return (sign() * (90 + sign() * uniform(0.001...0.5)), elevation)
      }
    }
  }

  /// The direction's components in the antenna's frame, as the engine gets them, and
  /// Radio's angles for it.
  static func frame(_ direction: Direction) -> (right: Float, forward: Float, up: Float, angles: AntennaAngles) {
    let degrees = Double.pi / 180
    let (bearing, elevation) = (direction.bearingDeg * degrees, direction.elevationDeg * degrees)
    let angles = AntennaOrientation(azimuthDeg: 0, mechanicalTiltDeg: 0).angles(
      bearingDeg: direction.bearingDeg < 0 ? direction.bearingDeg + 360 : direction.bearingDeg,
      elevationDeg: direction.elevationDeg)
    return (
      Float(cos(elevation) * sin(bearing)), Float(cos(elevation) * cos(bearing)), Float(sin(elevation)), angles
    )
  }

  @Test(arguments: [65.0, 30, 90, 120])
  func parametricEqualsSectorAntenna(horizontal3dBDeg: Double) {
    let antenna = SectorAntenna(horizontalBeamwidthDeg: horizontal3dBDeg, electricalTiltDeg: 4)
    let kernel = ParametricAttenuation(
      horizontal3dBDeg: Float(horizontal3dBDeg), vertical3dBDeg: 10, maxDB: 30, sideLobeDB: 20, tiltDeg: 4)
    let capDeg = horizontal3dBDeg * (30.0 / 12).squareRoot()
    for direction in Self.directions(edgeDeg: capDeg, seed: UInt64(horizontal3dBDeg)) {
      let (right, forward, up, angles) = Self.frame(direction)
      let got = kernel.attenuationDB(right: right, forward: forward, up: up)
      let expected = antenna.attenuationDB(angles)
      #expect(abs(Double(got) - expected) < 0.01, "\(direction): \(got) vs \(expected)")
    }
  }

  /// Directions inside the back cone get A_m from Radio too: the cone may skip the angles.
  @Test(arguments: [65.0, 30, 90, 120])
  func backConeLiesWhereThePatternIsCapped(horizontal3dBDeg: Double) throws {
    let antenna = SectorAntenna(horizontalBeamwidthDeg: horizontal3dBDeg, electricalTiltDeg: 4)
    let kernel = ParametricAttenuation(
      horizontal3dBDeg: Float(horizontal3dBDeg), vertical3dBDeg: 10, maxDB: 30, sideLobeDB: 20, tiltDeg: 4)
    let capDeg = horizontal3dBDeg * (30.0 / 12).squareRoot()
    guard capDeg < 180 else {
      #expect(kernel.backCone == nil, "no cap, no cone")
      return
    }
    let cone = try #require(kernel.backCone)
    #expect(cone.attenuationDB == 30)
    var inside = 0
    for direction in Self.directions(edgeDeg: capDeg, seed: 40 + UInt64(horizontal3dBDeg)) {
      let (right, forward, _, angles) = Self.frame(direction)
      guard Double(abs(right)) < -Double(forward) * cone.tangent else { continue }
      inside += 1
      #expect(antenna.attenuationDB(angles) == 30, "\(direction) is in the cone")
    }
    #expect(inside > 500)
  }

  static let panelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../geodata/antennas/panel-65deg-17dbi-1800.msi").standardizedFileURL.path

  /// The engine's kernel for a sector with `pattern`, through `SectorKernel.antenna`.
  static func kernel(_ pattern: MSIPattern) -> AntennaKernel {
    let fixture = FieldFixture()
    let mast = fixture.structure("t", row: 0, column: 0)
    let sector = fixture.sector("s", on: mast, azimuthDeg: 0, pattern: "p")
    return SectorKernel.antenna(for: sector, patterns: ["p": pattern]).0
  }

  @Test func patternFileEqualsMSIPattern() throws {
    let pattern = try MSIPattern(text: String(contentsOfFile: Self.panelPath, encoding: .utf8))
    guard case .pattern(let horizontal?, let vertical, let floor) = Self.kernel(pattern) else {
      Issue.record("a panel's pattern has a horizontal cut")
      return
    }
    horizontal.pairs.withUnsafeBufferPointer { h in
      vertical.pairs.withUnsafeBufferPointer { v in
        let kernel = PatternAttenuation(horizontal: h.baseAddress!, vertical: v.baseAddress!, floorDB: floor)
        for direction in Self.directions(edgeDeg: 90, seed: 21) {
          let (right, forward, up, angles) = Self.frame(direction)
          let got = kernel.attenuationDB(right: right, forward: forward, up: up)
          let expected = pattern.attenuationDB(angles)
          #expect(abs(Double(got) - expected) < 0.01, "\(direction): \(got) vs \(expected)")
        }
      }
    }
  }

  @Test func omnidirectionalPatternFileEqualsMSIPattern() throws {
    let panel = try MSIPattern(text: String(contentsOfFile: Self.panelPath, encoding: .utf8))
    let omni = MSIPattern(
      name: "omni", frequencyMHz: 1800, peakGainDBi: 8, horizontalDB: .init(repeating: 0, count: 360),
      verticalDB: panel.verticalDB)
    guard case .pattern(nil, let vertical, let floor) = Self.kernel(omni) else {
      Issue.record("a horizontal cut of zeros makes the omnidirectional kernel")
      return
    }
    vertical.pairs.withUnsafeBufferPointer { v in
      let kernel = OmniPatternAttenuation(vertical: v.baseAddress!, floorDB: floor)
      for direction in Self.directions(edgeDeg: 90, seed: 22) {
        let (right, forward, up, angles) = Self.frame(direction)
        let got = kernel.attenuationDB(right: right, forward: forward, up: up)
        let expected = omni.attenuationDB(angles)
        #expect(abs(Double(got) - expected) < 0.01, "\(direction): \(got) vs \(expected)")
      }
    }
  }
}
