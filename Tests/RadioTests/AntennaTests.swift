import Foundation
import Testing

@testable import Radio

@Suite struct AntennaTests {
  /// TR 36.814 Table A.2.1.1-2 form, hand-computed: φ_3dB 65°, θ_3dB 10°, A_m 30, SLA_V 20.
  @Test func parametricPatternMatchesHandValues() {
    let antenna = SectorAntenna(peakGainDBi: 17)
    func gain(_ azimuth: Double, _ depression: Double) -> Double {
      antenna.gainDBi(AntennaAngles(azimuthOffBoresightDeg: azimuth, depressionDeg: depression))
    }
    #expect(gain(0, 0) == 17)
    // Half-power beamwidth: 12 (32.5/65)² = 3 dB.
    #expect(abs(gain(32.5, 0) - 14) < 1e-12)
    // 60° off: 12 (60/65)² = 10.2249 dB.
    #expect(abs(gain(60, 0) - (17 - 12 * pow(60.0 / 65, 2))) < 1e-12)
    // Behind: capped at A_m = 30 dB.
    #expect(gain(180, 0) == -13)
    // 5° below boresight: 12 (5/10)² = 3 dB; far below: SLA_V 20 dB.
    #expect(abs(gain(0, 5) - 14) < 1e-12)
    #expect(gain(0, 60) == -3)
    // Combined 60° off and 60° down: min(10.2249 + 20, 30) = 30.
    #expect(gain(60, 60) == -13)
  }

  /// Electrical tilt moves the vertical peak; mechanical tilt does so on boresight and
  /// less off boresight (at 90° off it only rolls the pattern).
  @Test func tiltsMoveThePeak() {
    let tilted = SectorAntenna(peakGainDBi: 17, electricalTiltDeg: 6)
    #expect(tilted.gainDBi(AntennaAngles(azimuthOffBoresightDeg: 0, depressionDeg: 6)) == 17)
    let orientation = AntennaOrientation(azimuthDeg: 90, mechanicalTiltDeg: 6)
    let onBoresight = orientation.angles(bearingDeg: 90, elevationDeg: -6)
    #expect(abs(onBoresight.azimuthOffBoresightDeg) < 1e-9 && abs(onBoresight.depressionDeg) < 1e-9)
    let sideways = orientation.angles(bearingDeg: 180, elevationDeg: 0)
    #expect(abs(sideways.depressionDeg) < 1e-9)
    #expect(abs(sideways.azimuthOffBoresightDeg - 90) < 1e-9)
  }

  @Test func bearingAndElevationFromOffsets() {
    let east = bearingAndElevationDeg(eastM: 100, northM: 0, fromHeightM: 30, toHeightM: 1.5)
    #expect(abs(east.bearingDeg - 90) < 1e-12)
    #expect(abs(east.elevationDeg - atan2(-28.5, 100) * 180 / .pi) < 1e-12)
    #expect(abs(bearingAndElevationDeg(eastM: -1, northM: -1, fromHeightM: 0, toHeightM: 0).bearingDeg - 225) < 1e-12)
  }

  @Test func msiSampleReadsAndRoundTrips() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("geodata/antennas/panel-65deg-17dbi-1800.msi")
    let pattern = try MSIPattern(text: String(contentsOf: url, encoding: .utf8))
    #expect(pattern.peakGainDBi == 17.5)  // GAIN 15.35 dBd + 2.15
    #expect(pattern.horizontalDB[0] == 0)
    #expect(abs(pattern.horizontalDB[32] + pattern.horizontalDB[33] - 6) < 0.5)  // ~3 dB at ±32.5°
    #expect(pattern.horizontalDB[90] == pattern.horizontalDB[270])
    let again = try MSIPattern(text: pattern.text)
    #expect(again == pattern)
    // A file saved with Windows line ends reads the same ("\r\n" is one Character in Swift, so
    // splitting on "\n" alone left every line unsplit; found by fuzzing).
    let crlf = try MSIPattern(text: pattern.text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(crlf == pattern)
  }

  @Test func msiInterpolatesBetweenCoarseAngles() throws {
    var text = "NAME coarse\nGAIN 10 dBi\nHORIZONTAL 4\n0 0\n90 10\n180 20\n270 10\nVERTICAL 2\n0 0\n180 30\n"
    let pattern = try MSIPattern(text: text)
    #expect(pattern.peakGainDBi == 10)
    #expect(pattern.horizontalDB[45] == 5)
    #expect(pattern.horizontalDB[315] == 5)
    #expect(pattern.verticalDB[90] == 15)
    #expect(pattern.gainDBi(AntennaAngles(azimuthOffBoresightDeg: 45, depressionDeg: 0)) == 5)
    text = "NAME broken\nGAIN 10\nHORIZONTAL 2\n0 0\nx 1\n"
    #expect(
      throws: MSIError(
        line: 5,
        message: "expected 'angle attenuation' in the HORIZONTAL block (angle 0–360°, attenuation at most 200 dB)")
    ) {
      try MSIPattern(text: text)
    }
  }
}
