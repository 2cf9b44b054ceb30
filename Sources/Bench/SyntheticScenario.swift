import Geo
import Radio
import Scenario

/// A synthetic scenario for the benchmark: `sectors` sectors (three per tower) spread
/// evenly over a square grid of `cellsPerSide`² cells at 10 m, three carriers sharing the
/// towers, and parcels covering the central quarter. Every sector has the 3GPP parametric
/// panel, or `pattern` (an MSI file's pattern) when given.
enum SyntheticScenario {
  /// The key the sectors name `pattern` by (a scenario file's `antenna_pattern` column).
  static let patternName = "bench-pattern.msi"

  static func make(
    cellsPerSide: Int, sectorsPerCarrier: Int, carriers: Int, pattern: MSIPattern? = nil
  ) -> ScenarioModel {
    let resolution = 10.0
    let side = Double(cellsPerSide) * resolution
    let origin = Coordinate(x: 600_000, y: 2_300_000)
    // Parcels: 20 × 20 blocks over the central half of each side; the grid is built with
    // a margin so that it spans the whole square.
    let parcels = parcelGrid(
      southWest: Coordinate(x: origin.x + side / 4, y: origin.y + side / 4), blockM: side / 2 / 20)
    let towers = (sectorsPerCarrier + 2) / 3
    let perSide = Int(Double(towers).squareRoot().rounded(.up))
    var structures: [Structure] = []
    for index in 0..<towers {
      let position = Coordinate(
        x: origin.x + (Double(index % perSide) + 0.5) * side / Double(perSide),
        y: origin.y + (Double(index / perSide) + 0.5) * side / Double(perSide))
      structures.append(
        Structure(
          id: "t\(index)", kind: .tower, positionLonLat: position, position: position, heightM: 45, owner: "towerco",
          freeSlots: 1, rentVNDPerMonth: 0))
    }
    var carrierList: [Carrier] = []
    var sectors: [Sector] = []
    for carrier in 0..<carriers {
      let layer = RadioLayer(
        id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815 + 20 * Double(carrier), bandwidthMHz: 20,
        tddDownlinkShare: 1)
      carrierList.append(Carrier(id: "c\(carrier)", name: "Carrier \(carrier)", layers: [layer]))
      for index in 0..<sectorsPerCarrier {
        sectors.append(
          Sector(
            id: "c\(carrier)-s\(index)", carrierID: "c\(carrier)", layerID: "lte1800",
            structureID: "t\(index / 3)", azimuthDeg: Double(index % 3) * 120 + 10 * Double(carrier),
            mechanicalTiltDeg: 2, electricalTiltDeg: 4, antennaGainDBi: 17,
            antennaPatternPath: pattern == nil ? nil : patternName, powerDBm: 46,
            heightM: 40 - 3 * Double(carrier), feederLossDB: 0.5))
      }
    }
    // TR 38.901 UMa NLOS at the default 90 % reliability, as the benchmark has always used
    // (BENCHMARKS.md): the rate stays comparable across versions.
    var coverage = CoverageSettings()
    coverage.propagation = Propagation(model: .umaNLOS)
    return ScenarioModel(
      name: "synthetic", sourcePath: "", crs: CRS(epsg: 32648), crsName: "WGS 84 / UTM zone 48N", crsIsAutomatic: false,
      grid: GridSpec(resolutionM: resolution, marginM: side / 4), buildingClasses: BuildingClass.defaults,
      zones: [Zone(id: "z", name: "synthetic", province: nil, publishedAreaHa: nil, parcels: parcels)],
      carriers: carrierList, structures: structures, sectors: sectors, costs: CostParameters(),
      coverage: coverage, antennaPatterns: pattern.map { [patternName: $0] } ?? [:])
  }

  /// 20 × 20 square parcels of `blockM` from `southWest`, of zone "z", 100 workers each,
  /// alternately metal-clad halls and open ground.
  static func parcelGrid(southWest: Coordinate, blockM block: Double) -> [Parcel] {
    var parcels: [Parcel] = []
    for row in 0..<20 {
      for column in 0..<20 {
        let x = southWest.x + Double(column) * block
        let y = southWest.y + Double(row) * block
        let points = [(x, y), (x + block, y), (x + block, y + block), (x, y + block), (x, y)].map {
          Coordinate(x: $0.0, y: $0.1)
        }
        guard let ring = try? LinearRing(points) else { continue }
        let outline = MultiPolygon([Polygon(exterior: ring)])
        parcels.append(
          Parcel(
            id: "p\(row)-\(column)", name: "", zoneID: "z", landUse: .factory,
            buildingClass: (row + column) % 2 == 0 ? "metal-clad" : "outdoor", workers: 100, demand: 100,
            outlineLonLat: outline, outline: outline))
      }
    }
    return parcels
  }
}
