import Foundation
import Geo

/// Where a storey's indoor nodes (small cells, or a DAS's antennas) hang so that every point
/// of its floor plate is within the nodes' coverage radius r (`IndoorNodeCoverage`).
///
/// The hexagonal count ⌈A ÷ (3√3/2 · r²)⌉ is the density of the thinnest covering of the
/// plane (Kershner 1939); a real plate has edges and corners, and a long thin hall needs more
/// nodes than its area says (a 200 × 10 m hall at r = 30 m needs four, its area one). The
/// layout covers the plate's points (`FloorSamples`, which make covering them at the reduced
/// radius cover the plate at r):
/// - if one node near the plate's centroid covers them all, that node;
/// - else, for 18 placements of the hexagonal lattice of spacing √3·r' (two orientations —
///   along the plate's long axis and 30° off it — by nine offsets), the lattice nodes nearest
///   some point, each moved to the nearest point inside the plate; points left uncovered
///   take, one at a time, the node that covers most of them among those within r' of the first;
///   then nodes every point of whose disc another node also covers are dropped, last first.
///   The placement with fewest nodes wins (the first of equals; one at the area bound ends the
///   search).
/// Deterministic: the same plate and radius give the same nodes.
public struct IndoorNodeLayout: Sendable, Hashable {
  /// Node positions in the scenario's metric CRS, m.
  public let nodes: [Coordinate]
  /// The radius the layout was made for, m.
  public let radiusM: Double

  public init(nodes: [Coordinate], radiusM: Double) {
    self.nodes = nodes
    self.radiusM = radiusM
  }

  /// The layout covering `plate` at `radiusM`; nil where the radius is 0 or the plate empty.
  public init?(covering plate: MultiPolygon, radiusM: Double) {
    guard radiusM > 0 else { return nil }
    let samples = FloorSamples(plate: plate, radiusM: radiusM)
    guard !samples.points.isEmpty, samples.coverRadiusM > 0 else { return nil }
    var solver = LayoutSolver(samples: samples)
    self.init(nodes: solver.best().map { samples.points[$0] }, radiusM: radiusM)
  }

  /// The layout with nodes added up to `count` (more nodes for the busy hour): each at the
  /// point of `plate` farthest from the nodes so far (the first of equals), so they spread
  /// evenly and the plate stays covered.
  public func extended(to count: Int, in plate: MultiPolygon) -> IndoorNodeLayout {
    guard count > nodes.count else { return self }
    let samples = FloorSamples(plate: plate, radiusM: radiusM)
    var nodes = nodes
    var nearestD2 = samples.points.map { point in nodes.map { squaredDistance($0, point) }.min() ?? .infinity }
    while nodes.count < count {
      var best = samples.candidates.lowerBound
      for index in samples.candidates where nearestD2[index] > nearestD2[best] { best = index }
      let node = samples.points[best]
      nodes.append(node)
      for index in nearestD2.indices {
        nearestD2[index] = min(nearestD2[index], squaredDistance(samples.points[index], node))
      }
    }
    return IndoorNodeLayout(nodes: nodes, radiusM: radiusM)
  }
}

/// The search behind `IndoorNodeLayout(covering:radiusM:)`, on sample indices.
private struct LayoutSolver {
  let samples: FloorSamples
  let radius2: Double

  init(samples: FloorSamples) {
    self.samples = samples
    radius2 = samples.coverRadiusM * samples.coverRadiusM
  }

  mutating func best() -> [Int] {
    let centre = samples.nearestCandidate(to: samples.centroid)
    if samples.points.allSatisfy({ squaredDistance($0, samples.points[centre]) <= radius2 }) { return [centre] }
    // A placement at the area bound of the shortened radius (a disc covers at most π·r'²)
    // ends the search: a stop rule, since the samples are covered at r', not a proof.
    let bound = max(2, Int((samples.areaM2 / (Double.pi * samples.coverRadiusM * samples.coverRadiusM)).rounded(.up)))
    let axis = samples.principalAxisRad
    var placements: [[Coordinate]] = []
    for angle in [axis, axis + Double.pi / 6] {
      for offsetU in [0.0, 1.0 / 3, 2.0 / 3] {
        for offsetV in [0.0, 1.0 / 3, 2.0 / 3] {
          placements.append(latticeSeeds(angle: angle, offset: (offsetU, offsetV)))
        }
      }
    }
    var best: [Int]?
    for index in placements.indices {
      let nodes = complete(placements[index].map { samples.nearestCandidate(to: $0) })
      if nodes.count < best?.count ?? .max { best = nodes }
      if nodes.count <= bound { break }
    }
    return best ?? [centre]
  }

  /// The nodes of a hexagonal lattice of spacing √3·r' nearest some sample, ordered by their
  /// lattice indices. Basis e₁ = a(cos θ, sin θ), e₂ = a(cos(θ + 60°), sin(θ + 60°)): a point
  /// in the rhombus of lattice nodes (i, j)…(i + 1, j + 1) lies in one of its two equilateral
  /// triangles, and its nearest node is a corner of that triangle.
  func latticeSeeds(angle: Double, offset: (u: Double, v: Double)) -> [Coordinate] {
    let a = 3.0.squareRoot() * samples.coverRadiusM
    let e1 = (x: a * cos(angle), y: a * sin(angle))
    let e2 = (x: a * cos(angle + Double.pi / 3), y: a * sin(angle + Double.pi / 3))
    let centroid = samples.centroid
    let origin = Coordinate(
      x: centroid.x + offset.u * e1.x + offset.v * e2.x, y: centroid.y + offset.u * e1.y + offset.v * e2.y)
    let determinant = e1.x * e2.y - e2.x * e1.y
    func node(_ i: Int, _ j: Int) -> Coordinate {
      Coordinate(
        x: origin.x + Double(i) * e1.x + Double(j) * e2.x, y: origin.y + Double(i) * e1.y + Double(j) * e2.y)
    }
    var used: [Int] = []
    // Seeds only (the completion covers what they miss): every third interior point and every
    // fourth on the boundary, ≤ 3s apart where the lattice's nodes are √3·r' ≈ 33s apart.
    let interior = Swift.stride(from: 0, to: samples.interiorCount, by: 3)
    let boundary = Swift.stride(from: samples.interiorCount, to: samples.points.count, by: 4)
    for index in Array(interior) + Array(boundary) {
      let point = samples.points[index]
      let (dx, dy) = (point.x - origin.x, point.y - origin.y)
      let u = (dx * e2.y - dy * e2.x) / determinant
      let v = (e1.x * dy - e1.y * dx) / determinant
      let (i0, j0) = (Int(u.rounded(.down)), Int(v.rounded(.down)))
      var nearest = (i: i0, j: j0)
      var nearestD2 = Double.infinity
      for (di, dj) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
        let d2 = squaredDistance(node(i0 + di, j0 + dj), point)
        if d2 < nearestD2 { (nearest, nearestD2) = ((i0 + di, j0 + dj), d2) }
      }
      // Lattice indices stay far below 2³¹ (a plate spans at most a few hundred nodes).
      used.append(nearest.i << 32 + (nearest.j + (1 << 31)))
    }
    used.sort()
    var nodes: [Coordinate] = []
    for (position, key) in used.enumerated() where position == 0 || used[position - 1] != key {
      nodes.append(node(key >> 32, (key & 0xFFFF_FFFF) - (1 << 31)))
    }
    return nodes
  }

  /// `seeds` (sample indices, duplicates dropped) completed to cover every sample, then pruned.
  func complete(_ seeds: [Int]) -> [Int] {
    var nodes: [Int] = []
    for seed in seeds where !nodes.contains(seed) { nodes.append(seed) }
    let points = samples.points
    var coverCount = [Int32](repeating: 0, count: points.count)
    func cover(_ node: Int, by delta: Int32) {
      samples.forEach(near: points[node]) { coverCount[$0] += delta }
    }
    for node in nodes { cover(node, by: 1) }
    for index in points.indices where coverCount[index] == 0 {
      // Candidates within r' of the first uncovered point, every k-th (k = ⌊count ÷ 64⌋): 64–127.
      var near: [Int] = []
      samples.forEach(near: points[index]) { if samples.isCandidate($0) { near.append($0) } }
      if near.isEmpty { near = [index] }
      let stride = max(1, near.count / 64)
      var best = near[0]
      var bestCount = -1
      for position in Swift.stride(from: 0, to: near.count, by: stride) {
        let candidate = near[position]
        var count = 0
        samples.forEach(near: points[candidate]) { if coverCount[$0] == 0 { count += 1 } }
        if count > bestCount { (best, bestCount) = (candidate, count) }
      }
      nodes.append(best)
      cover(best, by: 1)
    }
    for position in nodes.indices.reversed() {
      var redundant = true
      samples.forEach(near: points[nodes[position]]) { if coverCount[$0] < 2 { redundant = false } }
      if redundant {
        cover(nodes[position], by: -1)
        nodes.remove(at: position)
      }
    }
    return nodes
  }
}
