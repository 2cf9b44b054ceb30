import Geo
import Scenario

/// Everything `cosite run` computes for one carrier layer.
public struct LayerCoverage: Sendable {
  public let carrierID: String
  public let layer: RadioLayer
  /// Outdoor RSRP bands: bin index (into the scenario's `rsrpBinsDBm`) and its area.
  public let rsrpBands: [(bin: Int, shape: MultiPolygon)]
  /// Best-server areas where RSRP reaches the lowest bin: sector index and area.
  public let bestServer: [(sectorIndex: Int, shape: MultiPolygon)]
  public let rsrpOutdoor: ParcelHistogram
  public let rsrpIndoor: ParcelHistogram
  public let sinrOutdoor: ParcelHistogram
  public let sinrIndoor: ParcelHistogram
  /// Per parcel, cells where the uplink gives a worse service class than the downlink (bin 0)
  /// and the others (bin 1).
  public let uplinkLimitedOutdoor: ParcelHistogram
  public let uplinkLimitedIndoor: ParcelHistogram
  /// Busy-hour figures of the layer's sectors that serve users, per grid.
  public let sectorLoads: [SectorLoad]
  /// Busy-hour active users where no sector of the layer reaches.
  public let unreachedUsers: Double
  /// Load-coupling iterations (the most of any grid) and whether every grid converged.
  public let loadIterations: Int
  public let loadConverged: Bool
  /// Sector–cell evaluations of the field engine.
  public let evaluations: Int
}

/// Everything `cosite run` computes for one carrier over all its layers.
public struct CarrierCoverage: Sendable {
  public let carrierID: String
  /// Best service class of any layer (bins: the scenario's classes, best first, then none).
  public let serviceOutdoor: ParcelHistogram
  public let serviceIndoor: ParcelHistogram
  /// Indoors by one direction alone: the best downlink class, and the best uplink class.
  public let serviceIndoorDownlink: ParcelHistogram
  public let serviceIndoorUplink: ParcelHistogram
  /// Cells per parcel meeting the coverage target on some layer.
  public let coveredCells: [Int]
  /// Uncovered area of every parcel that misses the target: parcel index and area.
  public let gaps: [(parcelIndex: Int, shape: MultiPolygon)]
}

/// Wall-clock seconds of each stage of a coverage run.
public struct StageTimings: Sendable {
  public var rasteriseSeconds = 0.0
  public var fieldSeconds = 0.0
  public var reduceSeconds = 0.0
  /// Demand, interference mix and the load-coupling fixed point.
  public var loadSeconds = 0.0
  public var polygoniseSeconds = 0.0
  /// The per-cell values and the observer's work on them (`cosite run`: encoding rasters).
  public var rastersSeconds = 0.0
  public init() {}
}

/// The coverage of a scenario: the grids, parcel figures and map polygons (metric CRS).
public struct CoverageResult: Sendable {
  /// One grid per group of nearby zones (`ZoneClusters`), in the order of their first zone.
  public let grids: [CoverageGrid]
  public let settings: CoverageSettings
  /// The scenario's parcels in order, their zone index and their cell counts.
  public let parcels: [Parcel]
  public let zoneOfParcel: [Int]
  public let parcelCells: [Int]
  /// Whether each parcel has a building (indoor figures differ from outdoor ones).
  public let parcelIsIndoor: [Bool]
  public let layers: [LayerCoverage]
  public let carriers: [CarrierCoverage]
  /// Per grid: parcels, propagation classes and today's covered cells per carrier.
  public let cellMaps: [CellMap]
  public let timings: StageTimings
  /// Where models were used outside their validity range.
  var validity = ValidityLedger()
  /// One line per model used outside its validity range, sorted by model.
  public var validityWarnings: [String] { validity.lines }

  public var resolutionM: Double { grids[0].resolutionM }
  public var cellAreaM2: Double { grids[0].cellAreaM2 }
  /// Cells of every grid.
  public var cellCount: Int { grids.reduce(0) { $0 + $1.cellCount } }

  /// Cells evaluated by the field engine over all layers.
  public var evaluations: Int { layers.reduce(0) { $0 + $1.evaluations } }
}
