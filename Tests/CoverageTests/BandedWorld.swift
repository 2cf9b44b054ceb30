import Foundation
import Geo
import Radio
import Scenario

@testable import Coverage

/// A world tall enough for every stage after the field to split into eight row bands (its
/// grid has more than 8 × 32 rows): two towers of three sectors on an LTE and an NR layer,
/// two zones (the second with its own propagation), parcels of every building class — two of
/// them overlapping and one with a hole — and six service classes.
enum BandedWorld {
  static let origin = Coordinate(x: 600_000, y: 2_300_000)

  static func scenario() throws -> ScenarioModel {
    var settings = CoverageSettings()
    settings.propagation = Propagation(model: .umaNLOS, lineOfSight: .probabilistic)
    settings.target = CoverageTarget(rsrpDBm: -100, indoor: true, minimumShare: 0.95, reliability: 0.9)
    settings.serviceClasses = [50.0, 20, 10, 5, 2.5, 1].enumerated().map {
      ServiceClass(name: "class-\($0.offset)", minimumDownlinkMbps: $0.element)
    }
    let classes = ["outdoor", "low-loss", "high-loss", "metal-clad"]
    var parcels: [[Parcel]] = [[], []]
    for (zoneIndex, south) in [0.0, 1_500.0].enumerated() {
      for row in 0..<6 {
        for column in 0..<8 {
          let x = origin.x + Double(column) * 250
          let y = origin.y + south + Double(row) * 240
          parcels[zoneIndex].append(
            try parcel(
              "z\(zoneIndex)-\(row)-\(column)", zone: "z\(zoneIndex)", x: x, y: y, width: 230, height: 220,
              buildingClass: classes[(row * 8 + column + zoneIndex) % classes.count]))
        }
      }
    }
    // Overlapping the first zone's corner parcels (the first in scenario order keeps a cell).
    parcels[0].append(
      try parcel(
        "overlap", zone: "z0", x: origin.x + 100, y: origin.y + 100, width: 500, height: 500, buildingClass: "outdoor"))
    // A hall with a courtyard.
    parcels[1].append(try courtyard(zone: "z1", x: origin.x + 2_050, y: origin.y + 1_000))
    let zones = parcels.enumerated().map { index, own in
      Zone(
        id: "z\(index)", name: "zone \(index)", province: nil, publishedAreaHa: nil, parcels: own,
        propagation: index == 1 ? Propagation(model: .umiNLOS) : nil)
    }
    let towers = [(700.0, 800.0), (1_400.0, 2_300.0)].enumerated().map { index, offset in
      let position = Coordinate(x: origin.x + offset.0, y: origin.y + offset.1)
      return Structure(
        id: "t\(index)", kind: .tower, positionLonLat: position, position: position, heightM: 40, owner: "x",
        freeSlots: 1, rentVNDPerMonth: 0)
    }
    let layers = [
      RadioLayer(
        id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1),
      RadioLayer(
        id: "nr3500", technology: .nr, band: "n78", frequencyMHz: 3500, bandwidthMHz: 100, tddDownlinkShare: 0.74),
    ]
    let sectors = layers.flatMap { layer in
      (0..<6).map { index in
        Sector(
          id: "\(layer.id)-s\(index)", carrierID: "c", layerID: layer.id, structureID: "t\(index / 3)",
          azimuthDeg: Double(index % 3) * 120 + 20, mechanicalTiltDeg: 2, electricalTiltDeg: 6, antennaGainDBi: 17,
          antennaPatternPath: nil, powerDBm: 43, heightM: 30, feederLossDB: 0.5)
      }
    }
    return ScenarioModel(
      name: "banded", sourcePath: "", crs: CRS(epsg: 32648), crsName: "WGS 84 / UTM zone 48N",
      crsIsAutomatic: false, grid: GridSpec(resolutionM: 10, marginM: 200), buildingClasses: BuildingClass.defaults,
      zones: zones, carriers: [Carrier(id: "c", name: "C", layers: layers)], structures: towers, sectors: sectors,
      costs: CostParameters(), coverage: settings)
  }

  static func parcel(
    _ id: String, zone: String, x: Double, y: Double, width: Double, height: Double, buildingClass: String
  ) throws -> Parcel {
    let ring = try LinearRing(
      [(x, y), (x + width, y), (x + width, y + height), (x, y + height), (x, y)].map { Coordinate(x: $0.0, y: $0.1) })
    let outline = MultiPolygon([Polygon(exterior: ring)])
    return Parcel(
      id: id, name: "", zoneID: zone, landUse: .factory, buildingClass: buildingClass, workers: 50, demand: 20,
      outlineLonLat: outline, outline: outline)
  }

  /// A 300 m square hall with a 100 m courtyard in its middle.
  static func courtyard(zone: String, x: Double, y: Double) throws -> Parcel {
    func square(_ west: Double, _ south: Double, _ side: Double, clockwise: Bool) throws -> LinearRing {
      let points = [(west, south), (west + side, south), (west + side, south + side), (west, south + side)]
      let ordered = clockwise ? Array(points.reversed()) : points
      return try LinearRing((ordered + [ordered[0]]).map { Coordinate(x: $0.0, y: $0.1) })
    }
    let outline = MultiPolygon([
      Polygon(
        exterior: try square(x, y, 300, clockwise: false), holes: [try square(x + 100, y + 100, 100, clockwise: true)])
    ])
    return Parcel(
      id: "hall", name: "", zoneID: zone, landUse: .factory, buildingClass: "metal-clad", workers: 80, demand: 30,
      outlineLonLat: outline, outline: outline)
  }
}
