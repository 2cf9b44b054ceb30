import Geo

/// Raster → polygons by a linear-time boundary trace (shared/notes/geos-proj-from-swift.md:
/// two to three orders of magnitude faster than unions of cells).
///
/// Every cell with class ≥ 0 is covered. Directed boundary edges are walked with the
/// covered cell on the left, so shells come out counter-clockwise and holes clockwise;
/// where two cells of a class touch only at a corner, the walk turns right if they are
/// one region (the ring separates inside from outside; a hole touching its shell at a
/// point) and left if they are different regions (two polygons touching at a point), so
/// every ring is simple and the result is valid by OGC rules. Collinear vertices are
/// dropped; the area of each class's polygons equals its cell count × the cell area.
///
/// Parallel in horizontal strips of grid vertices (`BoundaryTracer`): each ring is kept by the
/// strip of its first vertex in scan order and starts there, so rings, their points and their
/// order are those of one strip, whatever the number of workers.
public enum Polygoniser {
  /// Polygons of every class present, in ascending class order; within a class, one
  /// polygon per 4-connected region in scan order (from the south-west). `threads` workers;
  /// the result does not depend on it.
  public static func polygons(
    classes: [Int32], grid: CoverageGrid, threads: Int = 1
  ) -> [(classValue: Int32, shape: MultiPolygon)] {
    precondition(classes.count == grid.cellCount, "one class per cell")
    precondition((grid.rows + 1) * (grid.columns + 1) <= Int(Int32.max), "grid vertices numbered in Int32")
    return classes.withUnsafeBufferPointer { buffer in
      let regions = RegionLabels(classes: buffer, rows: grid.rows, columns: grid.columns, threads: threads)
      return regions.labels.withUnsafeBufferPointer { labels in
        let tracer = BoundaryTracer(classes: buffer, labels: labels, grid: grid)
        let strips = max(1, min(threads, grid.rows + 1))
        var edges = tracer.boundaryEdges(workers: strips)
        var found = [StripRings](repeating: StripRings(), count: strips)
        edges.withUnsafeMutableBufferPointer { edgeBuffer in
          found.withUnsafeMutableBufferPointer { foundBuffer in
            let edgeSlots = SharedSlots(edgeBuffer)
            let rings = SharedSlots(foundBuffer)
            ParallelRows.perform(workers: strips) { strip in
              let vertexRows = RegionLabels.rows(ofStrip: strip, strips: strips, rows: grid.rows + 1)
              rings[strip] = tracer.trace(vertexRows: vertexRows, edges: edgeSlots)
            }
          }
        }
        return assembled(found, grid: grid, regionCount: regions.regionCount)
      }
    }
  }

  /// Shells and holes per region (the strips' rings in order: scan order of their start),
  /// polygons per class. The rings' coordinates are made here, on the calling thread.
  private static func assembled(
    _ strips: [StripRings], grid: CoverageGrid, regionCount: Int
  ) -> [(classValue: Int32, shape: MultiPolygon)] {
    var shells = [LinearRing?](repeating: nil, count: regionCount)
    var holes = [[LinearRing]](repeating: [], count: regionCount)
    var regionClass = [Int32](repeating: -1, count: regionCount)
    let stride = grid.columns + 1
    for strip in strips {
      for traced in strip.rings {
        let count = Int(traced.end - traced.first)
        // A traced ring has at least four corners (one cell); anything less is no ring.
        guard count >= 3 else { continue }
        let points = [Coordinate](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
          for index in 0..<count {
            let vertex = Int(strip.vertices[Int(traced.first) + index])
            buffer[index] = grid.corner(row: vertex / stride, column: vertex % stride)
          }
          buffer[count] = buffer[0]
          initialized = count + 1
        }
        guard let ring = try? LinearRing(points) else { continue }
        let region = Int(traced.region)
        regionClass[region] = traced.classValue
        if traced.isShell { shells[region] = ring } else { holes[region].append(ring) }
      }
    }
    var byClass: [Int32: [Polygon]] = [:]
    for region in 0..<regionCount {
      guard let shell = shells[region] else { continue }
      byClass[regionClass[region], default: []].append(Polygon(exterior: shell, holes: holes[region]))
    }
    return byClass.keys.sorted().map { ($0, MultiPolygon(byClass[$0]!)) }
  }
}
