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
    "carrier,layer,samples,bins,samples_per_bin,blocks,window_m,floor_dbm,offset_db,offset_se_db,slope_db_per_decade,slope_se_db_per_decade,"
    + "sigma_db,residual_correlation,tuned_offset_db,tuned_slope_db_per_decade,note"

  /// `calibration-fit.csv`: per layer the fitted correction with its standard errors, the
  /// residual σ and the tuning to paste (previous + fitted).
  public static func fitCSV(_ result: CalibrationResult) -> String {
    var text = fitHeader + "\n"
    for layer in result.layers {
      let fit = layer.fit
      let slope = layer.slopeFitted ? fit : nil
      let counts = [
        layer.carrierID, layer.layerID, String(layer.sampleCount), String(layer.binCount),
        fixed(layer.samplesPerBin, 1),
        String(layer.blockCount),
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

  /// `scenario-fragment.yaml`: the `calibration` section to paste in place of the scenario's:
  /// every fitted layer (its previous tuning plus the fit) and every layer tuned before but
  /// not fitted now (kept as it was), so that pasting loses nothing. A value the scenario
  /// reader would refuse is not written; a comment says why.
  public static func fragment(_ result: CalibrationResult, scenario: ScenarioModel, driveTest: String) -> String {
    var text = """
      # Model tuning fitted by `cosite calibrate` to the drive test \(driveTest.replacingOccurrences(of: "\n", with: " "))
      # Paste into the scenario in place of any `calibration` section (the values include it).
      # ΔL = offset_db + slope_db_per_decade · log10(d / 1 km), d held within from_m…to_m (the
      # distances fitted), added to each cell's model on the layer; sigma_db: the residual shadow
      # fading, replacing the classes' σ on the layer (README, "Model tuning from drive tests").

      """
    var entries: [String] = []
    for carrier in scenario.carriers {
      for layer in carrier.layers {
        let fitted = result.layers.first { $0.carrierID == carrier.id && $0.layerID == layer.id }
        if let fitted, let tuned = fitted.tuned, let fit = fitted.fit {
          let slopeNote = fitted.slopeFitted ? "± \(fixed(fitted.standardErrors[1], 2))" : "not fitted: as before"
          entries.append(
            entry(
              carrier.id, layer.id, tuned, previous: layer.tuning,
              notes: (
                "± \(fixed(fitted.standardErrors[0], 2)) (\(fitted.binCount) local means)", slopeNote,
                tuned.sigmaDB == nil ? "" : "residual of \(fit.sampleCount) local means"
              )))
        } else if let previous = layer.tuning {
          entries.append(
            entry(carrier.id, layer.id, previous, previous: nil, notes: ("kept: not fitted this time", "", "")))
        }
      }
    }
    guard !entries.isEmpty else { return text + "calibration: []   # no layer had enough local means to fit\n" }
    return text + "calibration:\n" + entries.joined()
  }

  /// One layer's entry, or a comment when a value is outside what the scenario reads.
  static func entry(
    _ carrier: String, _ layer: String, _ tuning: ModelTuning, previous: ModelTuning?,
    notes: (offset: String, slope: String, sigma: String)
  ) -> String {
    let values = [tuning.offsetDB, tuning.slopeDBPerDecade]
    guard values.allSatisfy({ $0.isFinite && abs($0) <= 40 }), (tuning.sigmaDB ?? 0) <= 20 else {
      let refusal =
        "  # \(carrier) \(layer): the fit (offset \(fixed(tuning.offsetDB, 2)) dB, slope "
        + "\(fixed(tuning.slopeDBPerDecade, 2)) dB/decade, or σ) is beyond what the scenario reads (±40, σ ≤ 20): check the log\n"
      guard let previous else { return refusal }
      return refusal + entry(carrier, layer, previous, previous: nil, notes: ("kept: the new fit was refused", "", ""))
    }
    var text = """
        - carrier: \(carrier)
          layer: \(layer)
          offset_db: \(fixed(tuning.offsetDB, 2))   # \(notes.offset)
          slope_db_per_decade: \(fixed(tuning.slopeDBPerDecade, 2))\(notes.slope.isEmpty ? "" : "   # \(notes.slope)")

      """
    if let sigma = tuning.sigmaDB {
      text += "    sigma_db: \(fixed(sigma, 2))\(notes.sigma.isEmpty ? "" : "   # \(notes.sigma)")\n"
    }
    if let range = tuning.distanceRangeM {
      // Each bound as the scenario reads it (1–100,000 m); an open end is left out.
      if range.lowerBound > 1 { text += "    from_m: \(JSONWriter.number(min(range.lowerBound, 100_000)))\n" }
      if range.upperBound <= 100_000 { text += "    to_m: \(JSONWriter.number(max(range.upperBound, 1)))\n" }
    }
    return text
  }
}
