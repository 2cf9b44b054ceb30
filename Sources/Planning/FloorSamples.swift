import Coverage
import Foundation
import Geo

/// Points of a floor plate that an indoor layout must cover, and the radius it must cover
/// them at so that the whole plate is covered.
///
/// Interior points are the centres of a square grid of spacing s whose centre lies inside the
/// plate; boundary points run along every ring at most s/4 apart (its vertices among them).
/// Any point q of the plate is within s/√2 of an interior point when its grid square's centre
/// is inside; otherwise the segment from q to that centre leaves the plate, so q is within
/// s/√2 of the boundary and so within s/√2 + s/8 of a boundary point. A node whose disc of
/// radius r − s·(1/√2 + 1/8) holds every point therefore covers the plate within r. The
/// spacing is r/20 (the covered radius 4.2 % short of r), coarser only where that would
/// give more than 20,000 interior points.
struct FloorSamples {
  /// Interior points first (row by row from the south-west), then the boundary points.
  let points: [Coordinate]
  let interiorCount: Int
  let spacingM: Double
  /// The plate's area, m².
  let areaM2: Double
  /// The radius every point is covered at: r − s·(1/√2 + 1/8).
  let coverRadiusM: Double
  /// The points by squares of side `coverRadiusM`, for visiting those near a point.
  let buckets: SampleBuckets

  init(plate: MultiPolygon, radiusM: Double) {
    let areaM2 = max(plate.area, 0)
    self.areaM2 = areaM2
    let spacing = max(radiusM / 20, (areaM2 / 20_000).squareRoot(), 1e-3)
    spacingM = spacing
    coverRadiusM = radiusM - spacing * (1 / 2.0.squareRoot() + 0.125)
    var points: [Coordinate] = []
    if let bounds = plate.bounds {
      let grid = CoverageGrid(covering: bounds, marginM: 0, resolutionM: spacing)
      ParcelRaster.fill(plate, grid: grid) { index in
        points.append(grid.centre(row: index / grid.columns, column: index % grid.columns))
      }
    }
    interiorCount = points.count
    let step = spacing / 4
    for polygon in plate.polygons {
      for ring in polygon.rings {
        let corners = ring.coordinates
        for k in 0..<(corners.count - 1) {
          let (a, b) = (corners[k], corners[k + 1])
          let pieces = max(1, Int((a.distance(to: b) / step).rounded(.up)))
          for j in 0..<pieces {
            let t = Double(j) / Double(pieces)
            points.append(Coordinate(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
          }
        }
      }
    }
    self.points = points
    buckets = SampleBuckets(points, sizeM: max(coverRadiusM, spacing))
  }

  /// Calls `body` with every point within the covered radius of `centre`, in a fixed order.
  @inline(__always) func forEach(near centre: Coordinate, _ body: (Int) -> Void) {
    let radius2 = coverRadiusM * coverRadiusM
    buckets.forEach(around: centre) { index in
      if squaredDistance(points[index], centre) <= radius2 { body(index) }
    }
  }

  /// Whether a node may hang at point `index`.
  @inline(__always) func isCandidate(_ index: Int) -> Bool { index < interiorCount || interiorCount == 0 }

  /// Where a node may hang: the interior points, or every point of a plate too thin for any.
  var candidates: Range<Int> { interiorCount > 0 ? 0..<interiorCount : 0..<points.count }

  /// The candidate nearest to `point` (the first of equals): among those within the covered
  /// radius when there are any, else among all.
  func nearestCandidate(to point: Coordinate) -> Int {
    var best = -1
    var bestD2 = Double.infinity
    forEach(near: point) { index in
      guard isCandidate(index) else { return }
      let d2 = squaredDistance(points[index], point)
      if d2 < bestD2 || (d2 == bestD2 && index < best) { (best, bestD2) = (index, d2) }
    }
    if best >= 0 { return best }
    best = candidates.lowerBound
    for index in candidates {
      let d2 = squaredDistance(points[index], point)
      if d2 < bestD2 { (best, bestD2) = (index, d2) }
    }
    return best
  }

  /// The direction of the plate's long axis, radians from east (the principal axis of its
  /// interior points' second moments).
  var principalAxisRad: Double {
    let used = candidates
    guard used.count > 1 else { return 0 }
    var (mx, my) = (0.0, 0.0)
    for index in used { (mx, my) = (mx + points[index].x, my + points[index].y) }
    (mx, my) = (mx / Double(used.count), my / Double(used.count))
    var (sxx, syy, sxy) = (0.0, 0.0, 0.0)
    for index in used {
      let (dx, dy) = (points[index].x - mx, points[index].y - my)
      (sxx, syy, sxy) = (sxx + dx * dx, syy + dy * dy, sxy + dx * dy)
    }
    return 0.5 * atan2(2 * sxy, sxx - syy)
  }

  /// The mean of the candidates.
  var centroid: Coordinate {
    let used = candidates
    var (x, y) = (0.0, 0.0)
    for index in used { (x, y) = (x + points[index].x, y + points[index].y) }
    return Coordinate(x: x / Double(max(used.count, 1)), y: y / Double(max(used.count, 1)))
  }
}

@inline(__always) func squaredDistance(_ a: Coordinate, _ b: Coordinate) -> Double {
  (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
}

/// Points binned by squares of a fixed side (compressed rows: `start[b]..<start[b + 1]` of
/// `members`, ascending indices within a square).
struct SampleBuckets {
  let originX: Double
  let originY: Double
  let sizeM: Double
  let columns: Int
  let rows: Int
  let start: [Int32]
  let members: [Int32]

  init(_ points: [Coordinate], sizeM: Double) {
    let minX = points.map(\.x).min() ?? 0
    let minY = points.map(\.y).min() ?? 0
    let maxX = points.map(\.x).max() ?? 0
    let maxY = points.map(\.y).max() ?? 0
    (originX, originY, self.sizeM) = (minX, minY, sizeM)
    let columns = Int(((maxX - minX) / sizeM).rounded(.down)) + 1
    let rows = Int(((maxY - minY) / sizeM).rounded(.down)) + 1
    (self.columns, self.rows) = (columns, rows)
    var counts = [Int32](repeating: 0, count: columns * rows + 1)
    let bucketOf = points.map { point in
      min(rows - 1, Int((point.y - minY) / sizeM)) * columns + min(columns - 1, Int((point.x - minX) / sizeM))
    }
    for bucket in bucketOf { counts[bucket + 1] += 1 }
    for index in 1..<counts.count { counts[index] += counts[index - 1] }
    var next = counts
    var members = [Int32](repeating: 0, count: points.count)
    for (index, bucket) in bucketOf.enumerated() {
      members[Int(next[bucket])] = Int32(index)
      next[bucket] += 1
    }
    (start, self.members) = (counts, members)
  }

  /// Calls `body` with every point in the squares within one square of `centre`'s.
  @inline(__always) func forEach(around centre: Coordinate, _ body: (Int) -> Void) {
    let column = Int(((centre.x - originX) / sizeM).rounded(.down))
    let row = Int(((centre.y - originY) / sizeM).rounded(.down))
    let (firstRow, lastRow) = (max(0, row - 1), min(rows - 1, row + 1))
    let (firstColumn, lastColumn) = (max(0, column - 1), min(columns - 1, column + 1))
    guard firstRow <= lastRow, firstColumn <= lastColumn else { return }
    for r in firstRow...lastRow {
      for c in firstColumn...lastColumn {
        let bucket = r * columns + c
        for k in Int(start[bucket])..<Int(start[bucket + 1]) { body(Int(members[k])) }
      }
    }
  }
}
