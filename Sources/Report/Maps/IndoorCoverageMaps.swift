import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// Each planned indoor system's nodes and coverage on its building's floor plate
/// (`indoor-node-positions.geojson`, `indoor-coverage.geojson`).
///
/// The nodes: `IndoorSystemPlan`'s on one storey (every storey alike; the map shows one,
/// with its storey count). The coverage: per carrier, RSRP
/// at the target's reliability from the nearest node (`IndoorNodeCoverage`, TR 38.901 NLOS,
/// the same link budget that sized the nodes) at the centre of each square of a grid over the
/// plate — its side a tenth of the shortest reach, 1–10 m (coarser on a plate that would
/// take more than about 40,000) — in the
/// run's RSRP bins (with the target as a bin edge, so each band meets it or not), clipped to
/// the plate: the bands of a carrier add up to the plate's area. A DAS shows its nearest
/// antenna's level (a floor under its sector's simulcast sum, which the busy hour counts).
/// Indoor signal only (a node never counts outdoors).
enum IndoorCoverageMaps {
  /// The features of both maps, in rank order; per system its carriers in scenario order,
  /// strongest band first.
  static func features(
    _ rows: [RecommendationReport.Row], result: Recommender.Result, scenario: ScenarioModel,
    transform: CoordinateTransform
  ) throws -> (bands: [OutputFeature], nodes: [OutputFeature]) {
    let toLonLat = LonLatConverter(transform: transform)
    let engine = GeometryEngine()
    var bands: [OutputFeature] = []
    var nodes: [OutputFeature] = []
    for row in rows {
      let offer = row.pick.offer
      guard let building = result.pool.sites[offer.siteIndex].building,
        let system = IndoorSystemPlan(offer, building: building, pool: result.pool)
      else { continue }
      let parcel = scenario.parcels[building.parcelIndex]
      let common: [(String, JSONValue)] = [
        ("rank", .number(Double(row.rank))), ("option", .string(result.option.name)),
        ("candidate", .string(OfferText.id(offer, pool: result.pool, scenario: scenario))),
        ("kind", .string(OfferText.kind(offer, pool: result.pool))), ("parcel", .string(parcel.id)),
        ("storeys", .number(Double(building.environment.floors))),
      ]
      let positions = try transform.forward(system.layout.nodes)
      for (ordinal, position) in positions.enumerated() {
        nodes.append(
          OutputFeature(
            geometry: .point(position),
            properties: common + [
              ("carrier", .string(OfferText.carriers(offer, scenario: scenario))),
              ("node", .number(Double(ordinal + 1))),
              ("height_m", .number(building.environment.nodeHeightM)),
              ("radius_m", number(system.layout.radiusM, decimals: 1)), ("marker-color", .string("#4575b4")),
            ]))
      }
      for carrier in system.carriers {
        for band in try carrierBands(system, carrier: carrier, building: building, scenario: scenario, engine: engine) {
          bands.append(
            OutputFeature(
              geometry: .multiPolygon(try toLonLat.convert(band.shape)),
              properties: common + [
                ("carrier", .string(scenario.carriers[carrier.index].id)), ("layer", .string(carrier.layer.id)),
                ("indoor_model", .string(building.environment.scenario.rawValue)), ("bin", .string(band.label)),
                ("min_dbm", band.low.map { .number($0) } ?? .null), ("max_dbm", band.high.map { .number($0) } ?? .null),
                ("meets_target", .bool(band.meetsTarget)), ("area_m2", number(band.shape.area, decimals: 1)),
                ("fill", .string(band.colour)), ("fill-opacity", .number(0.6)), ("stroke-width", .number(0)),
              ]))
        }
      }
    }
    return (bands, nodes)
  }

  struct Band {
    let low: Double?
    let high: Double?
    let label: String
    let meetsTarget: Bool
    let colour: String
    let shape: MultiPolygon
  }

  /// One carrier's RSRP bands over the plate, strongest first, in metres.
  static func carrierBands(
    _ system: IndoorSystemPlan, carrier: IndoorSystemPlan.Carrier,
    building: BuildingIndoorDesign, scenario: ScenarioModel, engine: GeometryEngine
  ) throws -> [Band] {
    let plate = building.plate
    guard let bounds = plate.bounds else { return [] }
    let settings = scenario.coverage
    let target = settings.target.rsrpDBm
    let edges = Array(Set(settings.rsrpBinsDBm + [target])).sorted(by: >)
    let spanM2 = (bounds.max.x - bounds.min.x) * (bounds.max.y - bounds.min.y)
    let side = max(1, min(10, system.layout.radiusM / 10), (spanM2 / 40_000).squareRoot())
    let grid = CoverageGrid(covering: bounds, marginM: 0, resolutionM: side)
    var classes = [Int32](repeating: 0, count: grid.cellCount)
    for row in 0..<grid.rows {
      for column in 0..<grid.columns {
        let centre = grid.centre(row: row, column: column)
        let nearestM = system.layout.nodes.map { $0.distance(to: centre) }.min() ?? .infinity
        let rsrp = carrier.coverage.rsrpAtReliabilityDBm(
          groundM: nearestM, environment: building.environment, layer: carrier.layer, ueHeightM: settings.ueHeightM,
          target: settings.target)
        classes[row * grid.columns + column] = Int32(edges.firstIndex { rsrp >= $0 } ?? edges.count)
      }
    }
    var bands: [Band] = []
    for (value, shape) in Polygoniser.polygons(classes: classes, grid: grid).sorted(by: {
      $0.classValue < $1.classValue
    }) {
      let clipped = try engine.intersection(.multiPolygon(shape), .multiPolygon(plate))
      guard !clipped.isEmpty else { continue }
      let bin = Int(value)
      let low = bin < edges.count ? edges[bin] : nil
      let high = bin > 0 ? edges[bin - 1] : nil
      let label =
        low.map { low in
          high.map { "\(CoverageMaps.format(low)) to \(CoverageMaps.format($0)) dBm" }
            ?? "≥ \(CoverageMaps.format(low)) dBm"
        }
        ?? "< \(CoverageMaps.format(edges[edges.count - 1])) dBm"
      bands.append(
        Band(
          low: low, high: high, label: label, meetsTarget: (low ?? -.infinity) >= target,
          colour: CoverageMaps.signalColour(bin, of: edges.count + 1), shape: clipped))
    }
    return bands
  }
}
