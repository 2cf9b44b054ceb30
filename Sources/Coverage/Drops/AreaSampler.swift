import Geo
import Scenario

/// Uniform points over the parcels of a scenario: a parcel with probability ∝ its area,
/// then a point uniform in its bounding box kept when inside (even–odd rule over all rings,
/// so holes are respected).
struct AreaSampler {
  private let outlines: [MultiPolygon]
  /// Index into the scenario's parcels of each kept parcel.
  private let parcelIndices: [Int]
  private let boxes: [(min: Coordinate, max: Coordinate)]
  /// Cumulative parcel areas, m².
  private let cumulativeM2: [Double]

  init(parcels: [Parcel]) {
    var outlines: [MultiPolygon] = []
    var boxes: [(min: Coordinate, max: Coordinate)] = []
    var cumulative: [Double] = []
    var indices: [Int] = []
    var total = 0.0
    for (index, parcel) in parcels.enumerated() {
      guard let box = parcel.outline.bounds, parcel.areaM2 > 0 else { continue }
      total += parcel.areaM2
      indices.append(index)
      outlines.append(parcel.outline)
      boxes.append(box)
      cumulative.append(total)
    }
    self.outlines = outlines
    self.boxes = boxes
    cumulativeM2 = cumulative
    parcelIndices = indices
  }

  var isEmpty: Bool { cumulativeM2.isEmpty }

  /// A point uniform over the parcels' area, and the parcel it lies in.
  func point(_ random: inout DropRandom) -> (point: Coordinate, parcel: Int) {
    let target = random.uniform() * (cumulativeM2.last ?? 0)
    var low = 0
    var high = cumulativeM2.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulativeM2[middle] > target { high = middle } else { low = middle + 1 }
    }
    let box = boxes[low]
    // Rejection: a parcel fills at least a small share of its box; the bound only guards
    // against a degenerate sliver.
    for _ in 0..<10_000 {
      let x = box.min.x + random.uniform() * (box.max.x - box.min.x)
      let y = box.min.y + random.uniform() * (box.max.y - box.min.y)
      if Self.contains(outlines[low], x: x, y: y) { return (Coordinate(x: x, y: y), parcelIndices[low]) }
    }
    return (outlines[low].polygons[0].exterior.coordinates[0], parcelIndices[low])
  }

  /// Even–odd point-in-polygon over every ring (`MultiPolygon.contains`).
  static func contains(_ shape: MultiPolygon, x: Double, y: Double) -> Bool {
    shape.contains(Coordinate(x: x, y: y))
  }
}
