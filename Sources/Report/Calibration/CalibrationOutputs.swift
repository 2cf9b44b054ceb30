import Coverage
import Foundation
import Geo
import Radio
import Scenario

/// The file set of `cosite calibrate`: the fit and error tables, the summary, the residuals
/// map, two plots per layer and the scenario fragment.
public enum CalibrationOutputs {
  public static func files(
    _ result: CalibrationResult, scenario: ScenarioModel, driveTest: String
  ) throws -> OutputSet {
    var set = OutputSet()
    let rows = CalibrationTables.errorRows(result, scenario: scenario)
    set.add("calibration-fit.csv", text: CalibrationTables.fitCSV(result))
    set.add("calibration-errors.csv", text: CalibrationTables.errorsCSV(rows))
    let terrain = scenario.terrain.map { _ in
      "The predictions include the terrain's diffraction the run adds (\(scenario.coverage.diffraction == .deltaBullington ? "delta-Bullington, ITU-R P.526-15 §4.5" : "Deygout"), at each local mean's cell) and the antenna's gain toward the cell's ground; the tuning is fitted beside it (`terrain: true` in the fragment)."
    }
    set.add("calibration.md", text: summary(result, rows: rows, driveTest: driveTest, terrain: terrain))
    set.add("calibration-residuals.geojson", bytes: try residuals(result, scenario: scenario))
    for (index, layer) in result.layers.enumerated() {
      let points = result.bins.filter { $0.layerIndex == index }.map {
        CalibrationPlots.Point(
          distanceM: $0.distanceM, measuredDBm: $0.measuredRSRPDBm, predictedBeforeDBm: $0.predictedRSRPBeforeDBm,
          predictedAfterDBm: $0.predictedRSRPAfterDBm)
      }
      let name = "\(layer.carrierID)-\(layer.layerID)"
      let title = "\(layer.carrierID) \(layer.layerID): \(points.count) local means"
      set.add("measured-vs-predicted-\(name).svg", text: CalibrationPlots.measuredVersusPredicted(points, title: title))
      set.add("error-vs-distance-\(name).svg", text: CalibrationPlots.errorVersusDistance(points, title: title))
    }
    set.add(
      "scenario-fragment.yaml", text: CalibrationTables.fragment(result, scenario: scenario, driveTest: driveTest))
    return set
  }

  /// One point per local mean (WGS 84), with its losses and errors before and after.
  static func residuals(_ result: CalibrationResult, scenario: ScenarioModel) throws -> [UInt8] {
    let transform = try CoordinateTransform(from: scenario.crs, to: .wgs84)
    let features = try result.bins.map { bin in
      let layer = result.layers[bin.layerIndex]
      let position = try transform.forward(Coordinate(x: bin.x, y: bin.y))
      let round = { (value: Double) in JSONValue.number((value * 100).rounded() / 100) }
      return OutputFeature(
        geometry: .point(position),
        properties: [
          ("carrier", .string(layer.carrierID)), ("layer", .string(layer.layerID)),
          ("sector", .string(scenario.sectors[bin.sectorIndex].id)),
          ("zone", bin.zoneIndex.map { .string(scenario.zones[$0].id) } ?? .null),
          ("land_cover", bin.landCoverClass.map { .string($0) } ?? .null),
          ("line", .number(Double(bin.firstLine))), ("samples", .number(Double(bin.sampleCount))),
          ("distance_m", round(bin.distanceM)), ("measured_rsrp_dbm", round(bin.measuredRSRPDBm)),
          ("measured_loss_db", round(bin.measuredLossDB)),
          ("predicted_loss_before_db", round(bin.predictedLossBeforeDB)),
          ("predicted_loss_after_db", round(bin.predictedLossAfterDB)),
          ("error_before_db", round(bin.predictedRSRPBeforeDBm - bin.measuredRSRPDBm)),
          ("error_after_db", round(bin.predictedRSRPAfterDBm - bin.measuredRSRPDBm)),
        ] + (scenario.terrain == nil ? [] : [("terrain_loss_db", round(bin.terrainLossDB))]))
    }
    return GeoJSON.featureCollectionBytes(features)
  }

  /// `calibration.md`: what was read and dropped, each layer's fit, and the error table.
  static func summary(
    _ result: CalibrationResult, rows: [CalibrationTables.ErrorRow], driveTest: String, terrain: String? = nil
  ) -> String {
    let used = result.layers.reduce(0) { $0 + $1.sampleCount }
    var text = """
      # Model calibration

      Drive test \(driveTest): \(result.samplesRead) samples read, \(used) used (\(result.droppedTooNear) nearer than the \
      minimum distance and \(result.droppedTooFar) beyond the maximum dropped); \(result.droppedBelowFloor) local \
      mean\(result.droppedBelowFloor == 1 ? "" : "s") below the noise floor dropped. Local means: each sector's samples in the log's order averaged in mW over windows of route (40 λ \
      by default, Lee 1985). Error = predicted − measured RSRP, dB (positive: the model is optimistic).\(terrain.map { " " + $0 } ?? "")

      ## Fitted tuning per layer

      ΔL = offset + slope · log10(d / 1 km) (+ height · log10(h / 30 m) with --height-term) on top of the scenario's model, ± one standard error robust to the \
      correlation of local means within 500 m squares (shadowing is correlated along the route and shared by \
      co-sited sectors; Liang and Zeger 1986); σ is the residual shadow fading of the local means.

      | carrier | layer | samples | local means | window m | offset dB | slope dB/decade | height dB/decade | σ dB | note |
      |---|---|---:|---:|---:|---:|---:|---:|---:|---|

      """
    for layer in result.layers {
      let fit = layer.fit
      let offset = fit.map {
        "\(CalibrationTables.fixed($0.coefficients[0], 2)) ± \(CalibrationTables.fixed(layer.standardErrors[0], 2))"
      }
      let slope = fit.flatMap { fit in
        layer.slopeFitted
          ? "\(CalibrationTables.fixed(fit.coefficients[1], 2)) ± \(CalibrationTables.fixed(layer.standardErrors[1], 2))"
          : nil
      }
      let heightColumn = layer.slopeFitted ? 2 : 1
      let height = fit.flatMap { fit in
        layer.heightFitted
          ? "\(CalibrationTables.fixed(fit.coefficients[heightColumn], 2)) ± \(CalibrationTables.fixed(layer.standardErrors[heightColumn], 2))"
          : nil
      }
      let cells = [
        layer.carrierID, layer.layerID, String(layer.sampleCount), String(layer.binCount),
        CalibrationTables.fixed(layer.windowM, 2), offset ?? "–", slope ?? "–", height ?? "–",
        layer.residualSigmaDB.map { CalibrationTables.fixed($0, 2) } ?? "–", layer.note ?? "",
      ]
      text += "| " + cells.joined(separator: " | ") + " |\n"
      for landCover in layer.landCover {
        let classCells = [
          layer.carrierID, "\(layer.layerID) on \(landCover.name)", String(landCover.sampleCount),
          String(landCover.binCount), CalibrationTables.fixed(layer.windowM, 2),
          "\(CalibrationTables.fixed(landCover.offsetDB, 2)) ± \(CalibrationTables.fixed(landCover.offsetStandardErrorDB, 2))",
          "the layer's", "the layer's", CalibrationTables.fixed(landCover.residualSigmaDB, 2),
          "its own term \(CalibrationTables.fixed(landCover.termDB, 2)) ± \(CalibrationTables.fixed(landCover.termStandardErrorDB, 2)) dB",
        ]
        text += "| " + classCells.joined(separator: " | ") + " |\n"
      }
    }
    if result.layers.contains(where: { !$0.landCover.isEmpty }) {
      text += """

        A land-cover class with enough local means (at least 10, in two or more squares) has an offset of its own \
        beside the layer's (the clutter offsets of the standard propagation model's tuning): one distance slope per \
        layer, one offset per class; the layer's offset and σ hold for the cells of every other class.

        """
    }
    text += """

      ## Prediction errors before and after tuning

      | carrier | layer | scope | group | local means | mean before | σ before | RMSE before | r before | mean after | σ after | RMSE after | r after |
      |---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|

      """
    for row in rows {
      let cells =
        [row.carrierID, row.layerID, row.scope, row.group, String(row.before.count)]
        + CalibrationTables.statistics(row.before) + CalibrationTables.statistics(row.after)
      text += "| " + cells.map { $0.isEmpty ? "–" : $0 }.joined(separator: " | ") + " |\n"
    }
    text += "\nThe tuned values to paste into the scenario are in `scenario-fragment.yaml`.\n"
    return text
  }
}
