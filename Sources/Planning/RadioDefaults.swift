import Scenario

/// The radio settings a new station of a carrier gets: the median of the carrier's own
/// sectors on that layer (on the same kind of structure if it has any there), else typical
/// values (geodata/README.md: LTE 46 dBm / 17.5 dBi, NR 53 dBm / 24 dBi, tilt 4–8°).
enum RadioDefaults {
  static func typical(
    carrier: String, layer: RadioLayer, kind: StructureKind, in scenario: ScenarioModel
  ) -> (powerDBm: Double, gainDBi: Double, tiltDeg: Double) {
    let kinds = Dictionary(scenario.structures.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    let own = scenario.sectors.filter { $0.carrierID == carrier && $0.layerID == layer.id }
    let sameKind = own.filter { kinds[$0.structureID] == kind }
    let pool = sameKind.isEmpty ? own : sameKind
    guard !pool.isEmpty else {
      let tilt = kind == .tower ? 4.0 : kind == .rooftop ? 6 : 8
      return layer.technology == .nr ? (53, 24, tilt) : (46, 17.5, tilt)
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return (
      median(pool.map(\.powerDBm)), median(pool.map(\.antennaGainDBi)),
      median(pool.map { $0.electricalTiltDeg + $0.mechanicalTiltDeg })
    )
  }
}
