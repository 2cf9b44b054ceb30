import Foundation
import Planning
import Scenario
import Testing

/// A new station's radio settings (`RadioDefaults`, computed once per scenario) against
/// their definition applied by brute force, per carrier, layer and kind of structure.
struct RadioDefaultsTests {
  @Test func tableEqualsTheDefinitionForEveryCarrierLayerAndKind() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong.yaml").path)
    let defaults = RadioDefaults(scenario)
    let kindOf = Dictionary(scenario.structures.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
    // The definition: the median (the upper one of an even count) of the carrier's
    // sectors on the layer on this kind of structure, else on any kind, else the typical
    // values of geodata/README.md.
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    var sameKind = 0
    var anyKind = 0
    for carrier in scenario.carriers {
      for layer in carrier.layers {
        for kind in StructureKind.allCases {
          let own = scenario.sectors.filter { $0.carrierID == carrier.id && $0.layerID == layer.id }
          let onKind = own.filter { kindOf[$0.structureID] == kind }
          let pool = onKind.isEmpty ? own : onKind
          if !onKind.isEmpty { sameKind += 1 } else if !own.isEmpty { anyKind += 1 }
          let found = defaults.typical(carrier: carrier.id, layer: layer, kind: kind)
          guard !pool.isEmpty else { continue }
          #expect(found.powerDBm == median(pool.map(\.powerDBm)))
          #expect(found.gainDBi == median(pool.map(\.antennaGainDBi)))
          #expect(found.tiltDeg == median(pool.map { $0.electricalTiltDeg + $0.mechanicalTiltDeg }))
        }
      }
    }
    // Both branches met on this scenario.
    #expect(sameKind > 0 && anyKind > 0)
  }

  @Test func aCarrierWithoutSectorsGetsTheTypicalValues() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong.yaml").path)
    let defaults = RadioDefaults(scenario)
    for carrier in scenario.carriers {
      for layer in carrier.layers {
        // A carrier the scenario has no sector of (a new entrant).
        let tower = defaults.typical(carrier: "new-entrant", layer: layer, kind: .tower)
        let pole = defaults.typical(carrier: "new-entrant", layer: layer, kind: .pole)
        // geodata/README.md: LTE 46 dBm / 17.5 dBi, NR 53 dBm / 24 dBi; tilt 4° on towers, 8° on poles.
        #expect(tower.powerDBm == (layer.technology == .nr ? 53 : 46))
        #expect(tower.gainDBi == (layer.technology == .nr ? 24 : 17.5))
        #expect(tower.tiltDeg == 4 && pole.tiltDeg == 8)
      }
    }
  }
}
