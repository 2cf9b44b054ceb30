import Scenario

/// The radio settings a new station of a carrier gets: the median of the carrier's own
/// sectors on that layer (on the same kind of structure if it has any there), else typical
/// values (geodata/README.md: LTE 46 dBm / 17.5 dBi, NR 53 dBm / 24 dBi, tilt 4–8°).
///
/// Computed once per scenario in one pass over its sectors: a national scenario has
/// ~10⁶ sectors and ~10⁵ candidate sites, and each site's station asks.
public struct RadioDefaults: Sendable {
  public typealias Settings = (powerDBm: Double, gainDBi: Double, tiltDeg: Double)

  /// A carrier's layer on one kind of structure, or on any (`kind` nil).
  private struct Key: Hashable {
    let carrier: String
    let layer: String
    let kind: StructureKind?
  }

  private let medians: [Key: Settings]

  public init(_ scenario: ScenarioModel) {
    let kinds = Dictionary(scenario.structures.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    var pools: [Key: (power: [Double], gain: [Double], tilt: [Double])] = [:]
    for sector in scenario.sectors {
      // Every sector counts for its layer on any kind; on its own kind where it is known.
      let own = kinds[sector.structureID].map { [nil, $0] } ?? [nil]
      for kind in own {
        let key = Key(carrier: sector.carrierID, layer: sector.layerID, kind: kind)
        pools[key, default: ([], [], [])].power.append(sector.powerDBm)
        pools[key, default: ([], [], [])].gain.append(sector.antennaGainDBi)
        pools[key, default: ([], [], [])].tilt.append(sector.electricalTiltDeg + sector.mechanicalTiltDeg)
      }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    medians = pools.mapValues { (median($0.power), median($0.gain), median($0.tilt)) }
  }

  public func typical(carrier: String, layer: RadioLayer, kind: StructureKind) -> Settings {
    if let settings = medians[Key(carrier: carrier, layer: layer.id, kind: kind)]
      ?? medians[Key(carrier: carrier, layer: layer.id, kind: nil)]
    {
      return settings
    }
    let tilt = kind == .tower ? 4.0 : kind == .rooftop ? 6 : 8
    return layer.technology == .nr ? (53, 24, tilt) : (46, 17.5, tilt)
  }
}
