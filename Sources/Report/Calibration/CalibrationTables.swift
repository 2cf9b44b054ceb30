import Coverage
import Foundation
import Geo
import Radio
import Scenario

/// The before/after error table of a calibration (the one Atoll's and Planet's users read):
/// per layer, then per zone and per distance band within it, predicted − measured RSRP.
///
/// Every bin is in exactly one zone group (the margin around zones is its own group) and one
/// distance band, so each layer's zone rows and band rows both add up to its `all` row.
public enum CalibrationTables {
  /// Distance bands, lower edges in m (the last open-ended).
  public static let bandEdgesM: [Double] = [0, 500, 1000, 2000, 5000]
  public static let marginGroup = "(outside zones)"

  /// One row of the error table.
  public struct ErrorRow: Sendable {
    public let carrierID: String
    public let layerID: String
    /// `layer`, `zone` or `distance`.
    public let scope: String
    public let group: String
    public let before: PredictionErrors
    public let after: PredictionErrors
  }

  public static func bandName(_ index: Int) -> String {
    let low = bandEdgesM[index] / 1000
    return index + 1 < bandEdgesM.count
      ? "\(JSONWriter.number(low))–\(JSONWriter.number(bandEdgesM[index + 1] / 1000)) km"
      : "≥ \(JSONWriter.number(low)) km"
  }

  public static func band(ofDistanceM distance: Double) -> Int {
    (bandEdgesM.lastIndex { distance >= $0 }) ?? 0
  }

  /// The rows in order: per layer its `all` row, its zones (scenario order, the margin last)
  /// and its bands (nearest first); groups without bins are left out.
  public static func errorRows(_ result: CalibrationResult, scenario: ScenarioModel) -> [ErrorRow] {
    var rows: [ErrorRow] = []
    for (layerIndex, layer) in result.layers.enumerated() {
      let bins = result.bins.filter { $0.layerIndex == layerIndex }
      func row(_ scope: String, _ group: String, _ members: [CalibrationBin]) {
        guard !members.isEmpty else { return }
        let measured = members.map(\.measuredRSRPDBm)
        rows.append(
          ErrorRow(
            carrierID: layer.carrierID, layerID: layer.layerID, scope: scope, group: group,
            before: PredictionErrors(predicted: members.map(\.predictedRSRPBeforeDBm), measured: measured),
            after: PredictionErrors(predicted: members.map(\.predictedRSRPAfterDBm), measured: measured)))
      }
      row("layer", "all", bins)
      for (zoneIndex, zone) in scenario.zones.enumerated() {
        row("zone", zone.id, bins.filter { $0.zoneIndex == zoneIndex })
      }
      row("zone", marginGroup, bins.filter { $0.zoneIndex == nil })
      for band in bandEdgesM.indices {
        row("distance", bandName(band), bins.filter { Self.band(ofDistanceM: $0.distanceM) == band })
      }
    }
    return rows
  }

  static let errorHeader =
    "carrier,layer,scope,group,bins,before_mean_error_db,before_sigma_db,before_rmse_db,before_correlation,"
    + "after_mean_error_db,after_sigma_db,after_rmse_db,after_correlation"

  /// `calibration-errors.csv`.
  public static func errorsCSV(_ rows: [ErrorRow]) -> String {
    var text = errorHeader + "\n"
    for row in rows {
      let fields =
        [row.carrierID, row.layerID, row.scope, row.group, String(row.before.count)]
        + statistics(row.before) + statistics(row.after)
      text += fields.map(CSVField.quoted).joined(separator: ",") + "\n"
    }
    return text
  }

  static func statistics(_ errors: PredictionErrors) -> [String] {
    [
      fixed(errors.meanErrorDB, 2), fixed(errors.sigmaDB, 2), fixed(errors.rmseDB, 2),
      errors.correlation.map { fixed($0, 3) } ?? "",
    ]
  }

  static func fixed(_ value: Double, _ decimals: Int) -> String {
    value.isFinite ? JSONWriter.fixed(value, decimals: decimals) : ""
  }

  static let fitHeader =
    "carrier,layer,samples,bins,blocks,window_m,floor_dbm,offset_db,offset_se_db,slope_db_per_decade,slope_se_db_per_decade,"
    + "sigma_db,residual_correlation,tuned_offset_db,tuned_slope_db_per_decade,note"

  /// `calibration-fit.csv`: per layer the fitted correction with its standard errors, the
  /// residual σ and the tuning to paste (previous + fitted).
  public static func fitCSV(_ result: CalibrationResult) -> String {
    var text = fitHeader + "\n"
    for layer in result.layers {
      let fit = layer.fit
      let slope = layer.slopeFitted ? fit : nil
      let counts = [
        layer.carrierID, layer.layerID, String(layer.sampleCount), String(layer.binCount), String(layer.blockCount),
      ]
      let settings = [fixed(layer.windowM, 2), fixed(layer.floorDBm, 1)]
      let offset: [String] = fit.map { [fixed($0.coefficients[0], 2), fixed(layer.standardErrors[0], 3)] } ?? ["", ""]
      let slopeFields: [String] =
        slope.map { [fixed($0.coefficients[1], 2), fixed(layer.standardErrors[1], 3)] } ?? ["", ""]
      let sigma: [String] = [
        fit.map { fixed($0.residualSigma, 2) } ?? "", layer.residualCorrelation.map { fixed($0, 3) } ?? "",
      ]
      let tuned: [String] = [
        layer.tuned.map { fixed($0.offsetDB, 2) } ?? "", layer.tuned.map { fixed($0.slopeDBPerDecade, 2) } ?? "",
        layer.note ?? "",
      ]
      let fields = counts + settings + offset + slopeFields + sigma + tuned
      text += fields.map(CSVField.quoted).joined(separator: ",") + "\n"
    }
    return text
  }

  /// `scenario-fragment.yaml`: the `calibration` section with every fitted layer, to paste
  /// into the scenario (it replaces an existing `calibration` section: the tuning includes it).
  public static func fragment(_ result: CalibrationResult, driveTest: String) -> String {
    var text = """
      # Model tuning fitted by `cosite calibrate` to the drive test \(driveTest.replacingOccurrences(of: "\n", with: " "))
      # Paste into the scenario in place of any `calibration` section (the values include it).
      # offset and slope: ΔL = offset_db + slope_db_per_decade · log10(d / 1 km), added to each
      # cell's model on the layer; sigma_db: the residual shadow fading (README, "Model tuning").

      """
    let fitted = result.layers.filter { $0.tuned != nil }
    guard !fitted.isEmpty else { return text + "calibration: []   # no layer had enough local means to fit\n" }
    text += "calibration:\n"
    for layer in fitted {
      guard let tuned = layer.tuned, let fit = layer.fit else { continue }
      let slopeNote =
        layer.slopeFitted ? "± \(fixed(layer.standardErrors[1], 2))" : "not fitted: kept from the scenario"
      text += """
          - carrier: \(layer.carrierID)
            layer: \(layer.layerID)
            offset_db: \(fixed(tuned.offsetDB, 2))   # ± \(fixed(layer.standardErrors[0], 2)) (\(layer.binCount) local means)
            slope_db_per_decade: \(fixed(tuned.slopeDBPerDecade, 2))   # \(slopeNote)
            sigma_db: \(fixed(tuned.sigmaDB ?? fit.residualSigma, 2))

        """
    }
    return text
  }
}
