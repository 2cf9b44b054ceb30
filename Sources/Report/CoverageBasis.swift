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
    .object([
      ("offset_db", .number(tuning.offsetDB)), ("slope_db_per_decade", .number(tuning.slopeDBPerDecade)),
      ("sigma_db", tuning.sigmaDB.map { .number($0) } ?? .null),
      ("from_m", tuning.distanceRangeM.flatMap { $0.lowerBound > 1 ? .number($0.lowerBound) : nil } ?? .null),
      ("to_m", tuning.distanceRangeM.flatMap { $0.upperBound < 1e9 ? .number($0.upperBound) : nil } ?? .null),
    ])
  }

  /// The sentence of `summary.md` naming the layers tuned to drive tests; nil when none is.
  public static func tuningSentence(_ scenario: ScenarioModel) -> String? {
    let tuned = scenario.carriers.flatMap { carrier in
      carrier.layers.compactMap { layer in
        layer.tuning.map { tuning in
          "\(carrier.id) \(layer.id) \(signed(tuning.offsetDB)) dB, \(signed(tuning.slopeDBPerDecade)) dB/decade"
            + (tuning.sigmaDB.map { ", σ \(JSONWriter.fixed($0, decimals: 2)) dB" } ?? "")
        }
      }
    }
    guard !tuned.isEmpty else { return nil }
    return "Models tuned to drive tests (the scenario's calibration; ΔL = offset + slope·log10(d / 1 km)): "
      + tuned.joined(separator: "; ") + "."
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
