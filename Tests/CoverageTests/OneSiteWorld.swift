import Foundation
import Geo
import Radio
import Scenario

@testable import Coverage

/// A projected one-tower world for run-level tests (`CoverageRun`, `MonteCarloDrops`):
/// square parcels placed relative to the tower, sectors on it, one LTE 1800 layer, in UTM
/// zone 48N so that every coordinate is already metric and a test can recompute any link by
/// hand.
struct OneSiteWorld {
  /// The tower's position; parcels are given as offsets from it.
  static let towerPosition = Coordinate(x: 600_000, y: 2_300_000)
  static let layer = RadioLayer(
    id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1)

  /// A square parcel: its south-west corner east/north of the tower, its side and building class.
  struct Square {
    var eastM: Double
    var northM: Double
    var sideM: Double
    var buildingClass = "outdoor"
  }

  var settings = CoverageSettings()
  var squares: [Square] = []
  var sectors: [Sector] = []
  var buildingClasses = BuildingClass.defaults
  var resolutionM = 10.0
  var marginM = 100.0

  var tower: Structure {
    Structure(
      id: "t1", kind: .tower, positionLonLat: Self.towerPosition, position: Self.towerPosition, heightM: 40,
      owner: "test", freeSlots: 0, rentVNDPerMonth: 0)
  }

  /// A sector on the tower: 46 dBm, 17 dBi, 0.5 dB feeder, 35 m.
  static func sector(
    _ id: String, azimuthDeg: Double, electricalTiltDeg: Double = 4, antennaType: AntennaType = .parametric
  ) -> Sector {
    Sector(
      id: id, carrierID: "c", layerID: layer.id, structureID: "t1", azimuthDeg: azimuthDeg, mechanicalTiltDeg: 0,
      electricalTiltDeg: electricalTiltDeg, antennaGainDBi: 17, antennaPatternPath: nil, powerDBm: 46,
      heightM: 35, feederLossDB: 0.5, antennaType: antennaType)
  }

  func scenario() throws -> ScenarioModel {
    let parcels = try squares.enumerated().map { index, square in
      let x = Self.towerPosition.x + square.eastM
      let y = Self.towerPosition.y + square.northM
      let side = square.sideM
      let ring = try LinearRing(
        [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)].map { Coordinate(x: $0.0, y: $0.1) })
      let outline = MultiPolygon([Polygon(exterior: ring)])
      return Parcel(
        id: "p\(index)", name: "", zoneID: "z", landUse: .factory, buildingClass: square.buildingClass,
        workers: 10, demand: 10, outlineLonLat: outline, outline: outline)
    }
    return ScenarioModel(
      name: "one site", sourcePath: "", crs: CRS(epsg: 32648), crsName: "WGS 84 / UTM zone 48N",
      crsIsAutomatic: false, grid: GridSpec(resolutionM: resolutionM, marginM: marginM),
      buildingClasses: buildingClasses,
      zones: [Zone(id: "z", name: "z", province: nil, publishedAreaHa: nil, parcels: parcels)],
      carriers: [Carrier(id: "c", name: "C", layers: [Self.layer])], structures: [tower], sectors: sectors,
      costs: CostParameters(), coverage: settings)
  }

  /// Radio's antenna gain toward a point `eastM`, `northM` from the tower at the UE height,
  /// and the 2-D distance: the hand computation of `FieldFixture.referenceRSRP`.
  static func gainAndDistance(
    _ sector: Sector, eastM: Double, northM: Double, ueHeightM: Double, gain: (AntennaAngles) -> Double
  ) -> (gainDBi: Double, distanceM: Double) {
    let direction = bearingAndElevationDeg(
      eastM: eastM, northM: northM, fromHeightM: sector.heightM, toHeightM: ueHeightM)
    let angles = AntennaOrientation(azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg)
      .angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg)
    return (gain(angles), max((eastM * eastM + northM * northM).squareRoot(), 1))
  }

  /// The parametric panel of a sector (TR 36.814 Table A.2.1.1-2) as Radio computes it.
  static func parametricGain(_ sector: Sector) -> (AntennaAngles) -> Double {
    let antenna = SectorAntenna(peakGainDBi: sector.antennaGainDBi, electricalTiltDeg: sector.electricalTiltDeg)
    return { antenna.gainDBi($0) }
  }

  /// EPRE of a 46 dBm LTE 20 MHz sector, dBm.
  static var energyPerResourceElementDBm: Double {
    LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 46, numerology: layer.numerology!)
  }
}
