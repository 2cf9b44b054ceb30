import Coverage
import Geo
import Radio
import Scenario

/// What a run's figures were judged by — the target with its reliability and each
/// propagation class's model, LOS state and shadow fading — and the models' validity
/// warnings: the same facts in `summary.json`, `summary.md` and on the terminal.
public enum CoverageBasis {
  static func json(_ result: CoverageResult) -> JSONValue {
    let target = result.settings.target
    return .object([
      (
        "target",
        .object([
          ("rsrp_dbm", .number(target.rsrpDBm)), ("indoor", .bool(target.indoor)),
          ("min_share", .number(target.minimumShare)), ("reliability", .number(target.reliability)),
        ])
      ),
      (
        "propagation",
        .array(
          propagations(result).map { propagation in
            .object([
              ("model", .string(propagation.model.rawValue)),
              ("environment", propagation.model.usesEnvironment ? .string(propagation.environment.rawValue) : .null),
              ("los", .string(propagation.lineOfSight.rawValue)),
              ("shadow_sigma_db", propagation.shadowSigmaDB.map { .number($0) } ?? .string(sigmaSource(propagation))),
            ])
          })
      ),
      ("model_validity_warnings", .array(result.validityWarnings.map { .string($0) })),
      ("busy_hour", BusyHourSummary.json(result)),
    ])
  }

  /// A layer's tuning (the scenario's `calibration` entry) as `summary.json` gives it.
  static func tuningJSON(_ tuning: ModelTuning) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("offset_db", .number(tuning.offsetDB)), ("slope_db_per_decade", .number(tuning.slopeDBPerDecade)),
      ("sigma_db", tuning.sigmaDB.map { .number($0) } ?? .null),
      ("from_m", tuning.distanceRangeM.flatMap { $0.lowerBound > 1 ? .number($0.lowerBound) : nil } ?? .null),
      ("to_m", tuning.distanceRangeM.flatMap { $0.upperBound < 1e9 ? .number($0.upperBound) : nil } ?? .null),
    ]
    if tuning.heightDBPerDecade != 0 {
      let range = tuning.heightRangeM
      members.append(("height_db_per_decade", .number(tuning.heightDBPerDecade)))
      members.append(("from_height_m", range.flatMap { $0.lowerBound > 1 ? .number($0.lowerBound) : nil } ?? .null))
      members.append(("to_height_m", range.flatMap { $0.upperBound < 1e9 ? .number($0.upperBound) : nil } ?? .null))
    }
    members.append(("terrain", .bool(tuning.fittedOverTerrain)))
    return .object(members)
  }

  /// The sentence of `summary.md` naming the layers tuned to drive tests; nil when none is.
  public static func tuningSentence(_ scenario: ScenarioModel) -> String? {
    let tuned = scenario.carriers.flatMap { carrier in
      carrier.layers.flatMap { layer in
        let classes = layer.landCoverTunings.keys.sorted().map { name in
          describe("\(carrier.id) \(layer.id) on \(name)", layer.landCoverTunings[name]!)
        }
        return (layer.tuning.map { [describe("\(carrier.id) \(layer.id)", $0)] } ?? []) + classes
      }
    }
    guard !tuned.isEmpty else { return nil }
    return "Models tuned to drive tests (the scenario's calibration; ΔL = offset + slope·log10(d / 1 km)): "
      + tuned.joined(separator: "; ") + "."
  }

  private static func describe(_ what: String, _ tuning: ModelTuning) -> String {
    "\(what) \(signed(tuning.offsetDB)) dB, \(signed(tuning.slopeDBPerDecade)) dB/decade"
      + (tuning.heightDBPerDecade == 0 ? "" : ", \(signed(tuning.heightDBPerDecade)) dB per decade of height")
      + (tuning.sigmaDB.map { ", σ \(JSONWriter.fixed($0, decimals: 2)) dB" } ?? "")
  }

  private static func signed(_ value: Double) -> String {
    (value >= 0 ? "+" : "−") + JSONWriter.fixed(abs(value), decimals: 2)
  }

  /// One sentence for `summary.md` and the terminal.
  public static func reliabilitySentence(_ settings: CoverageSettings) -> String {
    let target = settings.target
    let percent = JSONWriter.number((target.reliability * 1000).rounded() / 10)
    guard target.reliability != 0.5 else {
      return "Judged at 50 % location probability: the median level, without shadow-fading margin."
    }
    return
      "Judged at \(percent) % location probability per cell: a cell counts when its best server reaches the level with that probability under shadow fading, LOS state and indoor-loss spread (README, \"Location reliability\")."
  }

  /// The distinct propagation classes of the run, in order of first use.
  static func propagations(_ result: CoverageResult) -> [Propagation] {
    var seen: [Propagation] = []
    for propagation in result.cellMaps.flatMap(\.propagations) where !seen.contains(propagation) {
      seen.append(propagation)
    }
    return seen
  }

  /// Where a class's σ comes from when the scenario gives none.
  static func sigmaSource(_ propagation: Propagation) -> String {
    switch propagation.model {
    case .freeSpace: return "0 (free space)"
    case .okumuraHata, .cost231Hata: return "\(JSONWriter.number(Propagation.defaultEmpiricalSigmaDB)) (default)"
    case .ercegA, .ercegB, .ercegC: return "Erceg et al. 1999 per terrain"
    default: return "TR 38.901 Table 7.4.1-1"
    }
  }
}
