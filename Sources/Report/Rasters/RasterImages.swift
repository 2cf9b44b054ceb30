import Coverage
import Foundation
import Geo
import GeoIO
import Scenario

/// The four images of one carrier layer on one grid (see `RasterMaps`), with band
/// descriptions, units and metadata stating what the values mean.
struct RasterImages {
  /// Levels (dBm, dB) are written rounded to 1/64 dB (error ≤ 0.008 dB, below the field
  /// table's own 0.005 dB between nodes plus Float32) and probabilities to 1/4096: a binary
  /// step leaves the low mantissa bits zero, which DEFLATE with the floating-point predictor
  /// then compresses to about a third.
  static let levelStep: Float = 1.0 / 64
  static let probabilityStep: Float = 1.0 / 4096

  let layout: RasterLayout
  /// The values; nil builds the images' headers alone (a merge's mosaics need no more).
  let cells: LayerCells?
  let scenario: ScenarioModel
  let indoorBands: Bool

  init(cells: LayerCells, scenario: ScenarioModel, indoorBands: Bool) {
    self.init(layout: RasterLayout(cells), cells: cells, scenario: scenario, indoorBands: indoorBands)
  }

  init(layout: RasterLayout, cells: LayerCells?, scenario: ScenarioModel, indoorBands: Bool) {
    self.layout = layout
    self.cells = cells
    self.scenario = scenario
    self.indoorBands = indoorBands
  }

  /// The quantities, in the order of the files: one image each.
  static let quantities = ["rsrp", "sinr", "probability", "server"]

  /// The image of `Self.quantities[index]`, its Float32 bands rounded as it is built (so that
  /// the images of a layer can be built, like encoded, in parallel).
  func image(at index: Int) -> RasterImage {
    let target = scenario.coverage.target
    let reliability = "\(JSONWriter.number(target.reliability * 100)) % location reliability"
    let load =
      scenario.coverage.capacity.load == .coupled
      ? "the busy-hour load (coupled)" : "load \(JSONWriter.number(scenario.coverage.loadFactor))"
    switch Self.quantities[index] {
    case "rsrp":
      return image(
        float(
          cells?.rsrpOutdoorDBm ?? [], step: Self.levelStep, "Best RSRP outdoors, dBm, at \(reliability)", unit: "dBm"),
        indoor: float(
          cells?.rsrpIndoorDBm ?? [], step: Self.levelStep,
          "Best RSRP indoors (behind the building loss), dBm, at \(reliability)", unit: "dBm"),
        quantity: "best RSRP")
    case "sinr":
      return image(
        float(cells?.sinrOutdoorDB ?? [], step: Self.levelStep, "SINR outdoors, dB, at \(load)", unit: "dB"),
        indoor: float(cells?.sinrIndoorDB ?? [], step: Self.levelStep, "SINR indoors, dB, at \(load)", unit: "dB"),
        quantity: "SINR")
    case "probability":
      return image(
        float(
          cells?.probabilityOutdoor ?? [], step: Self.probabilityStep,
          "P(RSRP outdoors >= \(JSONWriter.number(target.rsrpDBm)) dBm) from the best server, 0-1", unit: "1"),
        indoor: float(
          cells?.probabilityIndoor ?? [], step: Self.probabilityStep,
          "P(RSRP indoors >= \(JSONWriter.number(target.rsrpDBm)) dBm) from the best server, 0-1", unit: "1"),
        quantity: "coverage probability")
    default:
      return image(
        RasterBand(
          values: .int32(cells?.server ?? []), noData: Double(RasterMaps.serverNoData),
          description: "Best server: row 'value' of servers-\(layout.carrierID)-\(layout.layerID).csv"),
        indoor: nil, quantity: "best server")
    }
  }

  /// The outdoor band, then the indoor one where the scenario has buildings (built only then).
  private func image(
    _ outdoor: RasterBand, indoor: @autoclosure () -> RasterBand?, quantity: String
  ) -> RasterImage {
    let grid = layout.grid
    let kept = indoorBands ? [outdoor] + [indoor()].compactMap { $0 } : [outdoor]
    let layer = scenario.carriers.first { $0.id == layout.carrierID }?.layers.first { $0.id == layout.layerID }
    var metadata: [(key: String, value: String)] = [
      ("COSITE_QUANTITY", quantity), ("COSITE_CARRIER", layout.carrierID), ("COSITE_LAYER", layout.layerID),
    ]
    if let layer {
      metadata.append(("COSITE_TECHNOLOGY", layer.technology.rawValue))
      metadata.append(("COSITE_FREQUENCY_MHZ", JSONWriter.number(layer.frequencyMHz)))
    }
    metadata.append(("COSITE_TARGET_RSRP_DBM", JSONWriter.number(scenario.coverage.target.rsrpDBm)))
    metadata.append(("COSITE_RELIABILITY", JSONWriter.number(scenario.coverage.target.reliability)))
    if let zone = layout.groupZoneID { metadata.append(("COSITE_ZONE_GROUP", zone)) }
    return RasterImage(
      columns: grid.columns, rows: grid.rows, originX: grid.originX, originY: grid.originY,
      resolutionM: grid.resolutionM, crs: scenario.crs, bands: kept, metadata: metadata)
  }

  /// A Float32 band rounded to `step`, NaN (no value) written as the nodata value.
  private func float(_ values: [Float], step: Float, _ description: String, unit: String) -> RasterBand {
    RasterBand(
      values: .float32(values.map { $0.isNaN ? RasterMaps.floatNoData : ($0 / step).rounded() * step }),
      noData: Double(RasterMaps.floatNoData), description: description, unit: unit)
  }
}

/// Where one carrier layer's images lie: the grid, the layer, and the zone group's first
/// zone when the run has several grids (the files' suffix).
struct RasterLayout: Sendable {
  let grid: CoverageGrid
  let carrierID: String
  let layerID: String
  let groupZoneID: String?

  init(grid: CoverageGrid, carrierID: String, layerID: String, groupZoneID: String?) {
    self.grid = grid
    self.carrierID = carrierID
    self.layerID = layerID
    self.groupZoneID = groupZoneID
  }

  init(_ cells: LayerCells) {
    self.init(grid: cells.grid, carrierID: cells.carrierID, layerID: cells.layerID, groupZoneID: cells.groupZoneID)
  }
}
