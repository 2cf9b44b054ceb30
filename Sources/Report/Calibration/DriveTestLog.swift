import Coverage
import Foundation
import Geo
import Scenario

/// A synthetic drive test written as a scanner export would be — semicolons between fields,
/// decimal commas (a spreadsheet set to Vietnamese or most European locales), its own column
/// names — with the mapping that reads it and a note of the truth it was made from.
public enum DriveTestLog {
  public static let header = "Time;Longitude;Latitude;Speed (km/h);Cell Name;RSRP (dBm)"

  /// The mapping file for `csv`'s columns (`cosite calibrate --mapping`).
  public static func mapping(carrierID: String, layerID: String) -> String {
    """
    # How cosite calibrate reads this drive test (README, "Model tuning from drive tests").
    separator: ";"
    decimal: ","
    carrier: \(carrierID)
    layer: \(layerID)
    columns:
      lon: Longitude
      lat: Latitude
      sector: Cell Name
      rsrp_dbm: RSRP (dBm)
      time: Time
      speed_kmh: Speed (km/h)

    """
  }

  /// The rows, positions in WGS 84 (7 decimals, ~1 cm), RSRP to 0.01 dB, the time from the
  /// distance driven at `speedKmh`.
  public static func csv(_ rows: [SyntheticDriveTest.Row], scenario: ScenarioModel, speedKmh: Double) throws -> String {
    let transform = try CoordinateTransform(from: scenario.crs, to: .wgs84)
    var text = header + "\n"
    text.reserveCapacity(rows.count * 64)
    for row in rows {
      let position = try transform.forward(Coordinate(x: row.x, y: row.y))
      let seconds = row.alongM / (speedKmh / 3.6)
      let tenths = Int((seconds * 10).rounded())
      let time = String(
        format: "%02d:%02d:%02d.%d", tenths / 36_000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10)
      let fields = [
        time, comma(JSONWriter.fixed(position.x, decimals: 7)), comma(JSONWriter.fixed(position.y, decimals: 7)),
        comma(JSONWriter.fixed(speedKmh, decimals: 1)), scenario.sectors[row.sectorIndex].id,
        comma(JSONWriter.fixed(row.rsrpDBm, decimals: 2)),
      ]
      text += fields.joined(separator: ";") + "\n"
    }
    return text
  }

  private static func comma(_ number: String) -> String { number.replacingOccurrences(of: ".", with: ",") }

  /// `README.md` next to the log: that it is synthetic, and the truth to compare a fit with.
  public static func readme(
    scenarioName: String, carrierID: String, layerID: String, truth: SyntheticDriveTest.Truth,
    options: SyntheticDriveTest.Options, rowCount: Int, command: String
  ) -> String {
    let cells =
      options.cellsPerPosition == 1 ? "strongest sector" : "\(options.cellsPerPosition) strongest sectors"
    let height =
      truth.tuning.heightDBPerDecade == 0
      ? ""
      : " \(truth.tuning.heightDBPerDecade < 0 ? "−" : "+") \(JSONWriter.number(abs(truth.tuning.heightDBPerDecade))) dB/decade · log10(h / 30 m) (h the antenna's height)"
    let classes = truth.landCoverOffsetsDB.keys.sorted().map { name in
      let offset = truth.landCoverOffsetsDB[name]!
      return ", \(JSONWriter.number(abs(offset))) dB \(offset < 0 ? "less" : "more") in land-cover class \"\(name)\""
    }.joined()
    var expected = ""
    if truth.tuning.heightDBPerDecade != 0 {
      expected +=
        " With `--height-term` it should find a height term near \(JSONWriter.number(truth.tuning.heightDBPerDecade)) dB/decade."
    }
    if !truth.landCoverOffsetsDB.isEmpty {
      expected += " Per land-cover class each class's offset should be the offset above plus the class's own."
    }
    return """
      # Synthetic drive test — \(carrierID) \(layerID)

      **Not a measurement.** Made by `\(command)` from the scenario "\(scenarioName)": \
      \(rowCount) scanner rows along the centre lines of the zones' road parcels, a position every \
      \(JSONWriter.number(options.spacingM)) m, per position the \(cells) of the layer by median (of those at \
      least \(JSONWriter.number(options.marginDB)) dB above the noise floor), seed \(options.seed).

      The "true" model: the scenario's median loss of each cell's class, plus
      ΔL = \(JSONWriter.number(truth.tuning.offsetDB)) dB + \(JSONWriter.number(truth.tuning.slopeDBPerDecade)) dB/decade · log10(d / 1 km)\(height)\(classes);
      log-normal shadowing σ = \(JSONWriter.number(truth.sigmaDB)) dB per structure, spatially correlated by \
      Gudmundson's exponential model (decorrelation distance \(JSONWriter.number(truth.decorrelationM)) m), held \
      over each 40 λ of route; Rayleigh fast fading per row.

      The rows rank sectors by their median, which no instrument can (a real log keeps what \
      it measured strongest). With the scenario as it is, `cosite calibrate` should find an offset near \
      \(JSONWriter.number(truth.tuning.offsetDB)) dB, a slope near \(JSONWriter.number(truth.tuning.slopeDBPerDecade)) \
      dB/decade and σ near \(JSONWriter.number(truth.sigmaDB)) dB, on top of any tuning the scenario already has for \
      the layer (README, "Model tuning from drive tests"; the figures in BENCHMARKS.md).\(expected)

      """
  }
}
