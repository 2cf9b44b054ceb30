import Geo
import Scenario

/// Which parcel, zone and propagation class every cell of the grid belongs to.
///
/// A cell belongs to the parcel containing its centre (even–odd rule over all the
/// parcel's rings, so holes are respected); where parcels overlap, the first one in
/// scenario order keeps the cell.
public struct ParcelRaster: Sendable {
  public static let none: Int32 = -1

  public let grid: CoverageGrid
  /// Parcel index (into `parcels`) per cell, or `none`.
  public let parcelIndex: [Int32]
  /// Propagation class per cell: an index into `propagations`.
  public let propagationClass: [UInt8]
  /// The distinct propagation models in use: the scenario's first, then zones' own.
  public let propagations: [Propagation]
  /// The scenario's parcels, zone by zone (the order of `ScenarioModel.parcels`).
  public let parcels: [Parcel]
  /// Zone index per parcel.
  public let zoneOfParcel: [Int]
  /// Cells per parcel.
  public let cellCount: [Int]
  /// Propagation class per parcel (its zone's): an index into `propagations`.
  public let classOfParcel: [UInt8]

  /// The propagation of the zone a parcel lies in.
  public func propagation(ofParcel parcel: Int) -> Propagation { propagations[Int(classOfParcel[parcel])] }

  /// Rasterises the scenario's parcels on `grid` (row bands on `threads` workers; the raster
  /// does not depend on `threads`).
  public init(scenario: ScenarioModel, grid: CoverageGrid, threads: Int = 1) {
    self.grid = grid
    var propagations = [scenario.coverage.propagation]
    var parcels: [Parcel] = []
    var zoneOfParcel: [Int] = []
    var classOfParcel: [UInt8] = []
    for (zoneIndex, zone) in scenario.zones.enumerated() {
      var propagationIndex = 0
      if let own = zone.propagation {
        if let existing = propagations.firstIndex(of: own) {
          propagationIndex = existing
        } else {
          propagations.append(own)
          propagationIndex = propagations.count - 1
        }
      }
      for parcel in zone.parcels {
        parcels.append(parcel)
        zoneOfParcel.append(zoneIndex)
        classOfParcel.append(UInt8(min(propagationIndex, 255)))
      }
    }
    // Land cover first; parcels of zones that name their own propagation then override it.
    // Without it every class starts at 0, written by the workers band by band (as the index
    // is, both allocated uninitialised as `LayerField`'s): a grid-sized fill on this thread
    // would touch every page before them.
    var classes: [UInt8]
    if let cover = scenario.landCover {
      classes = LandCoverClasses.classes(
        cover, grid: grid, crs: scenario.crs, propagations: &propagations, fallback: 0, threads: threads)
    } else {
      classes = [UInt8](unsafeUninitializedCapacity: grid.cellCount) { _, count in count = grid.cellCount }
    }
    let zeroClasses = scenario.landCover == nil
    var index = [Int32](unsafeUninitializedCapacity: grid.cellCount) { _, count in count = grid.cellCount }
    let ownsClass = scenario.zones.flatMap { zone in zone.parcels.map { _ in zone.propagation != nil } }
    // Row bands on `threads` workers: each band takes every parcel in order (the first keeps a
    // cell), so the raster does not depend on `threads`; cell counts are added in worker order.
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    var partialCounts = [[Int]](repeating: [], count: pass.workers)
    let rings = parcels.map { $0.outline.polygons.flatMap(\.rings) }
    let bounds = parcels.map(\.outline.bounds)
    let parcelClasses = classOfParcel
    index.withUnsafeMutableBufferPointer { indexBuffer in
      classes.withUnsafeMutableBufferPointer { classBuffer in
        partialCounts.withUnsafeMutableBufferPointer { countBuffer in
          let cells = SharedSlots(indexBuffer)
          let cellClasses = SharedSlots(classBuffer)
          let slots = SharedSlots(countBuffer)
          pass.perform { worker in
            var counts = [Int](repeating: 0, count: rings.count)
            var crossings: [Double] = []
            for band in pass.bands(of: worker) {
              let rows = pass.rows(ofBand: band)
              for cell in rows.lowerBound * grid.columns..<rows.upperBound * grid.columns {
                cells[cell] = Self.none
                if zeroClasses { cellClasses[cell] = 0 }
              }
              for parcelIndex in rings.indices {
                guard let box = bounds[parcelIndex] else { continue }
                Self.fill(rings[parcelIndex], bounds: box, grid: grid, rows: rows, crossings: &crossings) { cell in
                  if cells[cell] == Self.none {
                    cells[cell] = Int32(parcelIndex)
                    counts[parcelIndex] += 1
                    if ownsClass[parcelIndex] { cellClasses[cell] = parcelClasses[parcelIndex] }
                  }
                }
              }
            }
            slots[worker] = counts
          }
        }
      }
    }
    var counts = [Int](repeating: 0, count: parcels.count)
    for partial in partialCounts {
      for parcel in partial.indices { counts[parcel] += partial[parcel] }
    }
    self.parcelIndex = index
    // With land cover, a parcel of a zone without its own propagation takes the class of most
    // of it (`LandCover.majorityClass`, as the drop mode and the candidates do): its indoor
    // σ and O2I spread follow it.
    if scenario.landCover != nil {
      for (parcel, propagation) in scenario.propagationOfParcels.enumerated() where !ownsClass[parcel] {
        if let existing = propagations.firstIndex(of: propagation) {
          classOfParcel[parcel] = UInt8(min(existing, 255))
        } else {
          propagations.append(propagation)
          classOfParcel[parcel] = UInt8(min(propagations.count - 1, 255))
        }
      }
    }
    self.propagationClass = classes
    self.propagations = propagations
    self.parcels = parcels
    self.zoneOfParcel = zoneOfParcel
    self.cellCount = counts
    self.classOfParcel = classOfParcel
  }

  /// Calls `body` with the index of every cell whose centre is inside `shape` (scan lines
  /// through cell centres; even–odd crossings of all rings).
  public static func fill(_ shape: MultiPolygon, grid: CoverageGrid, _ body: (Int) -> Void) {
    guard let bounds = shape.bounds else { return }
    var crossings: [Double] = []
    fill(shape.polygons.flatMap(\.rings), bounds: bounds, grid: grid, rows: 0..<grid.rows, crossings: &crossings, body)
  }

  /// `fill` of the shape with these rings and bounds, within `rows` only, with the caller's
  /// scratch buffer for the crossings.
  static func fill(
    _ rings: [LinearRing], bounds: (min: Coordinate, max: Coordinate), grid: CoverageGrid, rows: Range<Int>,
    crossings: inout [Double], _ body: (Int) -> Void
  ) {
    let resolution = grid.resolutionM
    let firstRow = max(rows.lowerBound, Int(((bounds.min.y - grid.originY) / resolution - 0.5).rounded(.up)))
    let lastRow = min(rows.upperBound - 1, Int(((bounds.max.y - grid.originY) / resolution - 0.5).rounded(.down)))
    guard firstRow <= lastRow else { return }
    for row in firstRow...lastRow {
      let y = grid.originY + (Double(row) + 0.5) * resolution
      crossings.removeAll(keepingCapacity: true)
      for ring in rings {
        let points = ring.coordinates
        for k in 0..<(points.count - 1) {
          let a = points[k]
          let b = points[k + 1]
          // Half-open rule: an edge counts when y is in [min, max) of its ends.
          guard (a.y <= y) != (b.y <= y) else { continue }
          crossings.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
        }
      }
      crossings.sort()
      var k = 0
      while k + 1 < crossings.count {
        let first = max(0, Int(((crossings[k] - grid.originX) / resolution - 0.5).rounded(.up)))
        let last = min(grid.columns - 1, Int(((crossings[k + 1] - grid.originX) / resolution - 0.5).rounded(.down)))
        if first <= last {
          for column in first...last { body(row * grid.columns + column) }
        }
        k += 2
      }
    }
  }
}
