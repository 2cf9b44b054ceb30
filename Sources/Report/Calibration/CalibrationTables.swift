import Coverage
import Foundation
import Geo
import Radio
import Scenario

/// The before/after error table of a calibration (the one Atoll's and Planet's users read):
/// per layer, then per zone, per land-cover class (where the scenario has land cover) and per
/// distance band within it, predicted − measured RSRP.
///
/// Every bin is in exactly one zone group (the margin around zones is its own group), one
/// land-cover group (cells of no class are their own) and one distance band, so each layer's
/// zone rows, class rows and band rows each add up to its `all` row.
public enum CalibrationTables {
  /// Distance bands, lower edges in m (the last open-ended).
  public static let bandEdgesM: [Double] = [0, 500, 1000, 2000, 5000]
  public static let marginGroup = "(outside zones)"
  public static let noClassGroup = "(no land-cover class)"

  /// One row of the error table.
  public struct ErrorRow: Sendable {
    public let carrierID: String
    public let layerID: String
    /// `layer`, `zone`, `land_cover` or `distance`.
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

  /// The rows in order: per layer its `all` row, its zones (scenario order, the margin last),
  /// its land-cover classes (by name, cells of no class last; only where the scenario has land
  /// cover) and its bands (nearest first); groups without bins are left out.
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
      if scenario.landCover != nil {
        for name in Set(bins.compactMap(\.landCoverClass)).sorted() {
          row("land_cover", name, bins.filter { $0.landCoverClass == name })
        }
        row("land_cover", noClassGroup, bins.filter { $0.landCoverClass == nil })
      }
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
    "carrier,layer,land_cover,samples,bins,samples_per_bin,blocks,window_m,floor_dbm,offset_db,offset_se_db,slope_db_per_decade,slope_se_db_per_decade,"
    + "height_db_per_decade,height_se_db_per_decade,sigma_db,residual_correlation,tuned_offset_db,tuned_slope_db_per_decade,"
    + "tuned_height_db_per_decade,note"

  /// `calibration-fit.csv`: per layer the fitted correction with its standard errors, the
  /// residual σ and the tuning to paste (previous + fitted); after it a row per land-cover
  /// class with an offset of its own (the layer's slope, the class's offset, σ and tuning).
  /// The layer's row counts all its local means; its offset and σ hold for cells of no such class.
  public static func fitCSV(_ result: CalibrationResult) -> String {
    var text = fitHeader + "\n"
    for layer in result.layers {
      let fit = layer.fit
      let slope = layer.slopeFitted ? fit : nil
      let counts = [
        layer.carrierID, layer.layerID, "", String(layer.sampleCount), String(layer.binCount),
        fixed(layer.samplesPerBin, 1),
        String(layer.blockCount),
      ]
      let settings = [fixed(layer.windowM, 2), fixed(layer.floorDBm, 1)]
      let offset: [String] = fit.map { [fixed($0.coefficients[0], 2), fixed(layer.standardErrors[0], 3)] } ?? ["", ""]
      let heightColumn = layer.heightFitted ? (layer.slopeFitted ? 2 : 1) : nil
      let slopeFields: [String] =
        (slope.map { [fixed($0.coefficients[1], 2), fixed(layer.standardErrors[1], 3)] } ?? ["", ""])
        + (heightColumn.flatMap { column in
          fit.map { [fixed($0.coefficients[column], 2), fixed(layer.standardErrors[column], 3)] }
        } ?? ["", ""])
      let sigma: [String] = [
        layer.residualSigmaDB.map { fixed($0, 2) } ?? "", layer.residualCorrelation.map { fixed($0, 3) } ?? "",
      ]
      let tuned: [String] = [
        layer.tuned.map { fixed($0.offsetDB, 2) } ?? "", layer.tuned.map { fixed($0.slopeDBPerDecade, 2) } ?? "",
        layer.tuned.map { fixed($0.heightDBPerDecade, 2) } ?? "", layer.note ?? "",
      ]
      let fields = counts + settings + offset + slopeFields + sigma + tuned
      text += fields.map(CSVField.quoted).joined(separator: ",") + "\n"
      for landCover in layer.landCover {
        let classFields =
          [
            layer.carrierID, layer.layerID, landCover.name, String(landCover.sampleCount),
            String(landCover.binCount), fixed(Double(landCover.sampleCount) / Double(landCover.binCount), 1),
            String(landCover.blockCount),
          ] + settings
          + [fixed(landCover.offsetDB, 2), fixed(landCover.offsetStandardErrorDB, 3)] + slopeFields
          + [fixed(landCover.residualSigmaDB, 2), ""]
          + [
            landCover.tuned.map { fixed($0.offsetDB, 2) } ?? "",
            landCover.tuned.map { fixed($0.slopeDBPerDecade, 2) } ?? "",
            landCover.tuned.map { fixed($0.heightDBPerDecade, 2) } ?? "",
            "its own term \(fixed(landCover.termDB, 2)) ± \(fixed(landCover.termStandardErrorDB, 2)) dB over the layer's offset",
          ]
        text += classFields.map(CSVField.quoted).joined(separator: ",") + "\n"
      }
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
      # ΔL = offset_db + slope_db_per_decade · log10(d / 1 km) [+ height_db_per_decade · log10(h / 30 m)],
      # d held within from_m…to_m (the distances fitted) and h within from_height_m…to_height_m,
      # added to each cell's model on the layer (a land_cover entry's: that class's cells only);
      # sigma_db: the residual shadow fading, replacing the classes' σ on the layer (README,
      # "Model tuning from drive tests").

      """
    var entries: [String] = []
    for carrier in scenario.carriers {
      for layer in carrier.layers {
        let fitted = result.layers.first { $0.carrierID == carrier.id && $0.layerID == layer.id }
        if let fitted, let tuned = fitted.tuned, fitted.fit != nil {
          let slopeNote = fitted.slopeFitted ? "± \(fixed(fitted.standardErrors[1], 2))" : "not fitted: as before"
          let heightNote =
            fitted.heightFitted
            ? "± \(fixed(fitted.standardErrors[fitted.slopeFitted ? 2 : 1], 2))" : "not fitted: as before"
          let own = fitted.binCount - fitted.landCover.reduce(0) { $0 + $1.binCount }
          let others = fitted.landCover.isEmpty ? "" : ": \(own) of other land-cover classes"
          entries.append(
            entry(
              carrier.id, layer.id, nil, tuned, previous: layer.tuning,
              notes: (
                "± \(fixed(fitted.standardErrors[0], 2)) (\(fitted.binCount) local means\(others))", slopeNote,
                tuned.sigmaDB == nil ? "" : "residual of its local means", heightNote
              )))
          for landCover in fitted.landCover {
            guard let classTuning = landCover.tuned else { continue }
            entries.append(
              entry(
                carrier.id, layer.id, landCover.name, classTuning, previous: layer.landCoverTunings[landCover.name],
                notes: (
                  "± \(fixed(landCover.offsetStandardErrorDB, 2)) (\(landCover.binCount) local means)", "the layer's",
                  classTuning.sigmaDB == nil ? "" : "residual of the class's local means", "the layer's"
                )))
          }
          // Class tunings of the layer not fitted again: the layer's new offset now covers their cells.
          let refitted = Set(fitted.landCover.map(\.name))
          for name in layer.landCoverTunings.keys.sorted() where !refitted.contains(name) {
            entries.append(
              "  # \(carrier.id) \(layer.id) on \(name): its tuning dropped (too few local means to fit it again; the layer's covers it)\n"
            )
          }
        } else if layer.tuning != nil || !layer.landCoverTunings.isEmpty {
          if let previous = layer.tuning {
            entries.append(
              entry(
                carrier.id, layer.id, nil, previous, previous: nil, notes: ("kept: not fitted this time", "", "", "")))
          }
          for name in layer.landCoverTunings.keys.sorted() {
            entries.append(
              entry(
                carrier.id, layer.id, name, layer.landCoverTunings[name]!, previous: nil,
                notes: ("kept: not fitted this time", "", "", "")))
          }
        }
      }
    }
    guard !entries.isEmpty else { return text + "calibration: []   # no layer had enough local means to fit\n" }
    return text + "calibration:\n" + entries.joined()
  }

  /// One layer's entry (or one land-cover class's on it), or a comment when a value is
  /// outside what the scenario reads.
  static func entry(
    _ carrier: String, _ layer: String, _ landCover: String?, _ tuning: ModelTuning, previous: ModelTuning?,
    notes: (offset: String, slope: String, sigma: String, height: String)
  ) -> String {
    let values = [tuning.offsetDB, tuning.slopeDBPerDecade, tuning.heightDBPerDecade]
    guard values.allSatisfy({ $0.isFinite && abs($0) <= 40 }), (tuning.sigmaDB ?? 0) <= 20 else {
      let refusal =
        "  # \(carrier) \(layer)\(landCover.map { " on \($0)" } ?? ""): the fit (offset \(fixed(tuning.offsetDB, 2)) dB, slope "
        + "\(fixed(tuning.slopeDBPerDecade, 2)) dB/decade, or σ) is beyond what the scenario reads (±40, σ ≤ 20): check the log\n"
      guard let previous else { return refusal }
      return refusal
        + entry(
          carrier, layer, landCover, previous, previous: nil, notes: ("kept: the new fit was refused", "", "", ""))
    }
    var text = """
        - carrier: \(carrier)
          layer: \(layer)\(landCover.map { "\n    land_cover: \(yamlString($0))" } ?? "")
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
    if tuning.heightDBPerDecade != 0 {
      text +=
        "    height_db_per_decade: \(fixed(tuning.heightDBPerDecade, 2))\(notes.height.isEmpty ? "" : "   # \(notes.height)")\n"
      if let range = tuning.heightRangeM {
        // Each bound as the scenario reads it (1–500 m); an open end is left out.
        if range.lowerBound > 1 { text += "    from_height_m: \(JSONWriter.number(min(range.lowerBound, 500)))\n" }
        if range.upperBound <= 500 { text += "    to_height_m: \(JSONWriter.number(max(range.upperBound, 1)))\n" }
      }
    }
    if tuning.fittedOverTerrain { text += "    terrain: true   # fitted over the terrain's diffraction\n" }
    return text
  }

  /// A YAML scalar for a class name: plain where YAML reads it back as that string, else
  /// double-quoted with JSON's escapes (a subset of YAML's).
  static func yamlString(_ text: String) -> String {
    let plain =
      !text.isEmpty && text.first!.isLetter && text.last != " "
      && text.allSatisfy { $0.isLetter || $0.isNumber || " -_/().".contains($0) }
      && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
    return plain ? text : JSONWriter.text(.string(text))
  }
}
