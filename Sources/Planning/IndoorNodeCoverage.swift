import Coverage
import Foundation
import Radio
import Scenario

/// How far one indoor node (a small cell, or a DAS antenna) keeps the coverage target inside
/// a building, and how many nodes a floor needs.
///
/// The node radiates `nodePowerDBm` over the layer's 12·N_RB subcarriers through an omni
/// antenna of `nodeAntennaGainDBi` at the environment's node height; a UE at `ueHeightM` gets
/// RSRP = EPRE + gain − cable loss − PL(d_3D) (`LinkBudget`), PL the scenario's NLOS formula
/// (TR 38.901 Table 7.4.1-1; for InF it is already the larger of LOS and NLOS, so the radius
/// holds wherever the link is blocked). The target holds at the location reliability p when
/// the median exceeds it by z(p)·σ_SF, σ the NLOS shadow fading of the scenario. The radius is
/// the largest ground distance at which it does (never beyond the model's validity: 600 m InF,
/// 150 m InH). Nodes on a hexagonal layout cover (3√3/2)·r² each: a floor of area A needs
/// at least about ⌈A ÷ (3√3/2 · r²)⌉ (at least 1) — the designs lay the nodes out on the
/// building's plate (`IndoorNodeLayout`), which edges and corners can push above it. Walls of an office beyond InH's mixed-office formula, and
/// capacity (the nodes' busy-hour load), are not in this count.
public struct IndoorNodeCoverage: Sendable, Hashable {
  /// Largest ground distance from a node at which the target holds, m; 0 if nowhere.
  public let radiusM: Double
  /// The path loss the link budget allows at the radius, dB.
  public let maxPathLossDB: Double
  /// The node's energy per resource element before its antenna and cable, dBm.
  public let energyPerResourceElementDBm: Double
  /// The layer's frequency outside the indoor model's 0.5–100 GHz (a 450 MHz layer): the
  /// radius is computed all the same, and the summary warns. (Distances stop at the model's
  /// own range.)
  public let outsideValidity: ValidityFlags

  public init(
    environment: IndoorEnvironment, layer: RadioLayer, node: IndoorSystemSettings, ueHeightM: Double,
    target: CoverageTarget
  ) {
    // The loader refuses bandwidths the numerology tables lack; without one, no design.
    guard let numerology = layer.numerology else {
      (radiusM, maxPathLossDB, outsideValidity, energyPerResourceElementDBm) = (0, -.infinity, [], -.infinity)
      return
    }
    let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: node.nodePowerDBm, numerology: numerology)
    energyPerResourceElementDBm = epre
    let sigma = environment.scenario.shadowSigmaDB(lineOfSight: false)
    let margin = target.reliability > 0.5 ? sigma * NormalDistribution.quantile(target.reliability) : 0
    let allowed = epre + node.nodeAntennaGainDBi - node.nodeCableLossDB - (target.rsrpDBm + margin)
    maxPathLossDB = allowed
    let validM = environment.scenario.isFactory ? 600.0 : 150.0
    func loss(_ groundM: Double) -> Double {
      Self.pathLossDB(groundM: groundM, environment: environment, layer: layer, ueHeightM: ueHeightM)
    }
    outsideValidity = environment.scenario.pathLoss(
      LinkGeometry(
        frequencyMHz: layer.frequencyMHz, bsHeightM: environment.nodeHeightM, ueHeightM: ueHeightM, distance2DM: 10),
      lineOfSight: false
    ).outsideValidity.intersection(.frequency)
    // The loss grows with distance (each term of the max does): bisection to 1 cm.
    guard loss(0) <= allowed else {
      radiusM = 0
      return
    }
    guard loss(validM) > allowed else {
      radiusM = validM
      return
    }
    var (low, high) = (0.0, validM)
    while high - low > 0.01 {
      let middle = (low + high) / 2
      if loss(middle) <= allowed { low = middle } else { high = middle }
    }
    radiusM = low
  }

  /// The NLOS path loss from a node to a UE `groundM` away on the floor, dB (TR 38.901 Table
  /// 7.4.1-1 for the environment's scenario, node and UE heights).
  public static func pathLossDB(
    groundM: Double, environment: IndoorEnvironment, layer: RadioLayer, ueHeightM: Double
  ) -> Double {
    environment.scenario.pathLoss(
      LinkGeometry(
        frequencyMHz: layer.frequencyMHz, bsHeightM: environment.nodeHeightM, ueHeightM: ueHeightM,
        distance2DM: groundM), lineOfSight: false
    ).lossDB
  }

  /// RSRP at the target's reliability `groundM` from the nearest node, dBm: the target plus
  /// what the link budget allows beyond the path loss there (≥ the target within the radius).
  public func rsrpAtReliabilityDBm(
    groundM: Double, environment: IndoorEnvironment, layer: RadioLayer, ueHeightM: Double, target: CoverageTarget
  ) -> Double {
    target.rsrpDBm + maxPathLossDB
      - Self.pathLossDB(groundM: groundM, environment: environment, layer: layer, ueHeightM: ueHeightM)
  }

  /// Nodes a floor of `areaM2` needs on a hexagonal layout; nil when no radius reaches.
  public func nodes(floorAreaM2 areaM2: Double) -> Int? {
    guard radiusM > 0 else { return nil }
    let perNode = 3 * 3.0.squareRoot() / 2 * radiusM * radiusM
    return max(1, Int((areaM2 / perNode).rounded(.up)))
  }
}
