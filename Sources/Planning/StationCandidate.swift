import Coverage
import Foundation
import Geo
import Scenario

/// A station a carrier could put up: its sectors on an existing structure (co-location on a
/// free slot) or on a new tower, with what it costs.
public struct StationCandidate: Sendable {
  public enum Kind: String, Sendable { case colocate = "co-locate", newBuild = "new build" }

  public let id: String
  public let carrierIndex: Int
  public let kind: Kind
  /// The existing structure, or a new tower at a generated point.
  public let structure: Structure
  public let sectors: [Sector]
  public let oneOffVND: Double
  public let yearlyVND: Double
  /// One-off plus the present value of the yearly costs over the horizon.
  public let lifetimeVND: Double
}

/// Makes the candidates of a scenario: every free slot for every carrier not already on the
/// structure, and new towers on a lattice over the parcels still uncovered (never on
/// water, green land or roads).
public struct CandidateMaker {
  public let scenario: ScenarioModel
  /// Spacing of generated new-build points, m.
  public var newBuildSpacingM = 500.0
  /// Height of a new tower, m (greenfield towers are 30–60 m).
  public var newTowerHeightM = 30.0

  public init(scenario: ScenarioModel) { self.scenario = scenario }

  /// Present value of 1 VND a year for `horizonYears` at `discountRate` (ordinary annuity).
  public static func annuityFactor(discountRate: Double, horizonYears: Int) -> Double {
    guard discountRate > 0 else { return Double(horizonYears) }
    return (1 - pow(1 + discountRate, -Double(horizonYears))) / discountRate
  }

  public func colocations(carriers: [Int]) -> [StationCandidate] {
    let tenants = ScenarioSummary.tenants(of: scenario)
    var result: [StationCandidate] = []
    for structure in scenario.structures where structure.freeSlots > 0 {
      let present = tenants[structure.id] ?? []
      for carrierIndex in carriers where !present.contains(scenario.carriers[carrierIndex].id) {
        // Below today's tenants, 3 m apart (operators' antennas sit 1–3 m apart).
        let height = max(structure.heightM - 1 - 3 * Double(present.count), min(structure.heightM, 6))
        result.append(
          station(
            "\(scenario.carriers[carrierIndex].id)@\(structure.id)", carrierIndex, .colocate, structure, height,
            rentPerMonth: structure.rentVNDPerMonth, build: scenario.costs.colocationInstallVND))
      }
    }
    return result
  }

  public func newBuilds(carriers: [Int], maps: [CellMap]) -> [StationCandidate] {
    let parcels = scenario.parcels
    let excluded: Set<LandUse> = [.water, .green, .road]
    var result: [StationCandidate] = []
    var number = 0
    for map in maps {
      let step = max(1, Int((newBuildSpacingM / map.grid.resolutionM).rounded()))
      for row in stride(from: step / 2, to: map.grid.rows, by: step) {
        for column in stride(from: step / 2, to: map.grid.columns, by: step) {
          let cell = row * map.grid.columns + column
          let parcel = Int(map.parcelIndex[cell])
          guard parcel >= 0, !excluded.contains(parcels[parcel].landUse) else { continue }
          let uncovered = carriers.filter { map.coveredByCarrier[$0][cell] == 0 }
          guard !uncovered.isEmpty else { continue }
          number += 1
          let centre = map.grid.centre(row: row, column: column)
          let structure = Structure(
            id: "new-\(number)", kind: .tower, positionLonLat: centre, position: centre, heightM: newTowerHeightM,
            owner: "new", freeSlots: 3, rentVNDPerMonth: scenario.costs.defaultRentVNDPerMonth)
          for carrierIndex in uncovered {
            result.append(
              station(
                "\(scenario.carriers[carrierIndex].id)@new-\(number)", carrierIndex, .newBuild, structure,
                newTowerHeightM - 1, rentPerMonth: scenario.costs.defaultRentVNDPerMonth,
                build: scenario.costs.newTowerVND))
          }
        }
      }
    }
    return result
  }

  /// Three sectors per layer (one on a pole) with the carrier's typical radio settings.
  func station(
    _ id: String, _ carrierIndex: Int, _ kind: StationCandidate.Kind, _ structure: Structure, _ heightM: Double,
    rentPerMonth: Double, build: Double
  ) -> StationCandidate {
    let carrier = scenario.carriers[carrierIndex]
    let sectorsPerLayer = structure.kind == .pole ? 1 : 3
    var sectors: [Sector] = []
    for layer in carrier.layers {
      let typical = RadioDefaults.typical(carrier: carrier.id, layer: layer, kind: structure.kind, in: scenario)
      for index in 0..<sectorsPerLayer {
        sectors.append(
          Sector(
            id: "\(id)-\(layer.id)-\(index + 1)", carrierID: carrier.id, layerID: layer.id, structureID: structure.id,
            azimuthDeg: Double(index) * 120, mechanicalTiltDeg: 0, electricalTiltDeg: typical.tiltDeg,
            antennaGainDBi: typical.gainDBi, antennaPatternPath: nil, powerDBm: typical.powerDBm, heightM: heightM,
            feederLossDB: 0.5))
      }
    }
    let costs = scenario.costs
    let oneOff = build + costs.radioEquipmentPerSectorVND * Double(sectors.count)
    let yearly =
      rentPerMonth * 12 + costs.powerPerSectorKW * Double(sectors.count) * 8_760 * costs.electricityVNDPerKWh
      + costs.operationsVNDPerSiteYear
    let factor = Self.annuityFactor(discountRate: costs.discountRate, horizonYears: costs.horizonYears)
    return StationCandidate(
      id: id, carrierIndex: carrierIndex, kind: kind, structure: structure, sectors: sectors, oneOffVND: oneOff,
      yearlyVND: yearly, lifetimeVND: oneOff + yearly * factor)
  }
}

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
