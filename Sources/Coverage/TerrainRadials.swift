import Dispatch
import Foundation

/// Diffraction losses on radials cast from one site, as SPLAT! and Signal-Server sweep a
/// viewshed: each radial's ground profile is sampled once, every `spacingM` from the site
/// (bilinear between the `GroundRaster` heights at the cell centres around the sample,
/// clamped to the grid's edge), and the delta-Bullington loss of every prefix of it is
/// computed incrementally (`RadialDeltaBullington`). A cell takes the loss of the sample
/// nearest to it: on the radial of nearest bearing, at the nearest multiple of the spacing.
///
/// Radials are spaced so that neighbours are at most one cell apart at `max_radius_m`, which
/// no sector outreaches (2π·max_radius_m/Δ of them): the same radials whatever the grid or the
/// floor, so a candidate station's window (`CandidateCoverage`) gives its cells the losses a
/// full run gives them. Each radial stops a sample beyond the reach or the grid's edge. A
/// sample's loss depends on the ground along its radial only (up to the bilinear clamping at
/// the grid's edge): identical for any number of threads (each radial written by one worker).
struct RadialLossTable: Sendable {
  /// The site relative to the grid origin, m.
  let x: Double
  let y: Double
  /// Bilinear ground height at the site, m.
  let siteGroundM: Float
  let radialCount: Int
  let spacingM: Double
  /// Samples per radial in storage (sample 0 is the site).
  let stride: Int
  /// Samples computed on each radial (≤ stride).
  let counts: [Int32]
  /// Loss per sample, radial-major, dB.
  let lossDB: [Float]

  /// The index in `lossDB` of the sample nearest to the point (dx, dy) m from the site.
  @inline(__always)
  func sampleIndex(dx: Double, dy: Double) -> Int {
    var radial = Int((atan2(dy, dx) * (Double(radialCount) / (2 * Double.pi))).rounded())
    if radial < 0 { radial += radialCount }
    if radial >= radialCount { radial -= radialCount }
    let sample = min(Int(((dx * dx + dy * dy).squareRoot() / spacingM).rounded()), Int(counts[radial]) - 1)
    return radial * stride + sample
  }

  /// Radials needed for arcs of at most `spacingM`·`arcCells` at `reachM`.
  static func radialCount(reachM: Double, spacingM: Double, arcCells: Double = 1) -> Int {
    precondition(arcCells > 0 && arcCells.isFinite, "RadialLossTable: arcCells must be positive, got \(arcCells)")
    return max(8, Int((2 * Double.pi * reachM / (spacingM * arcCells)).rounded(.up)))
  }

  /// The table for a site at (x, y) m from the grid origin reaching `reachM`: losses at the
  /// samples some cell of the grid within the reach takes (`neededSamples`), 0 elsewhere.
  /// - Parameters:
  ///   - arcReachM: where the radials are `arcCells` cells apart (`max_radius_m`; at least the reach).
  ///   - arcCells: spacing of the radials at `arcReachM`, in cells (1 by default).
  ///   - everySample: compute every sample, needed or not (for tests).
  ///   - threads: workers over the radials (the table does not depend on it).
  /// - Complexity: O(R·n log n) for R radials of n samples (a pass over the prefix only at
  ///   line-of-sight end points that may lose something); memory R·n Float and R·n bytes, plus
  ///   O(n) scratch per worker.
  static func build(
    ground: UnsafeBufferPointer<Float>, grid: CoverageGrid, x: Double, y: Double, reachM: Double,
    arcReachM: Double, antennaHeightM: Double, ueHeightM: Double, frequencyMHz: Double, kFactor: Double,
    arcCells: Double = 1,
    everySample: Bool = false, threads: Int
  ) -> RadialLossTable {
    let spacing = grid.resolutionM
    let width = Double(grid.columns) * spacing
    let height = Double(grid.rows) * spacing
    let (reach, radials, samples) = shape(
      grid: grid, x: x, y: y, reachM: reachM, arcReachM: arcReachM, arcCells: arcCells)
    // A radial passes within arcCells·Δ/2 of every cell nearest to it, so it runs as far as
    // the grid widened by that much (and a sample more each way against rounding).
    let margin = max(1, arcCells) * spacing
    var counts = [Int32](repeating: 0, count: radials)
    for radial in 0..<radials {
      let (dx, dy) = direction(radial, of: radials)
      let exit = exitDistance(x + margin, y + margin, dx, dy, width + 2 * margin, height + 2 * margin)
      counts[radial] = Int32(min(samples, Int((exit / spacing).rounded(.up)) + 2))
    }
    let shape = RadialLossTable(
      x: x, y: y, siteGroundM: 0, radialCount: radials, spacingM: spacing, stride: samples, counts: counts, lossDB: [])
    let needed =
      everySample
      ? [UInt8](repeating: 1, count: radials * samples)
      : shape.neededSamples(grid: grid, reachM: reach, threads: threads)
    let sampler = GroundSampler(ground: ground, grid: grid)
    let roots = InverseRootTables(capacity: samples)
    defer { roots.deallocate() }
    let workers = max(1, min(threads, radials))
    let lossDB = [Float](unsafeUninitializedCapacity: radials * samples) { buffer, initialized in
      // Each radial's row is set to 0 by the worker that computes it (first touch spread).
      let output = SharedSlots(buffer)
      let lengths = counts
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let workspace = RadialWorkspace(capacity: samples)
        defer { workspace.deallocate() }
        var radial = RadialDeltaBullington(
          spacingM: spacing, frequencyMHz: frequencyMHz, kFactor: kFactor, txHeightM: antennaHeightM,
          rxHeightM: ueHeightM, inverseRoots: UnsafeBufferPointer(roots.forward),
          reversedInverseRoots: UnsafeBufferPointer(roots.reversed), workspace: workspace)
        needed.withUnsafeBufferPointer { marks in
          var index = worker
          while index < radials {
            let count = Int(lengths[index])
            let (dx, dy) = direction(index, of: radials)
            for k in 0..<count {
              let t = Double(k) * spacing
              workspace.heightsM[k] = sampler.heightM(x: x + dx * t, y: y + dy * t)
            }
            (output.buffer.baseAddress! + index * samples).initialize(repeating: 0, count: samples)
            let row = (index * samples)..<(index * samples + count)
            radial.losses(
              count: count, into: UnsafeMutableBufferPointer(rebasing: output.buffer[row]),
              needed: UnsafeBufferPointer(rebasing: marks[row]))
            index += workers
          }
        }
      }
      initialized = radials * samples
    }
    return RadialLossTable(
      x: x, y: y, siteGroundM: Float(sampler.heightM(x: x, y: y)), radialCount: radials, spacingM: spacing,
      stride: samples, counts: counts, lossDB: lossDB)
  }

  /// Unit vector of radial `index` of `count`, counter-clockwise from east.
  @inline(__always)
  static func direction(_ index: Int, of count: Int) -> (Double, Double) {
    let angle = 2 * Double.pi * Double(index) / Double(count)
    return (cos(angle), sin(angle))
  }

  /// How far from (x, y) along (dx, dy) the box [0, width] × [0, height] ends (0 when the
  /// ray misses it).
  static func exitDistance(
    _ x: Double, _ y: Double, _ dx: Double, _ dy: Double, _ width: Double, _ height: Double
  )
    -> Double
  {
    var exit = Double.infinity
    var entry = 0.0
    for (origin, step, size) in [(x, dx, width), (y, dy, height)] {
      if abs(step) < 1e-15 {
        guard origin >= 0, origin <= size else { return 0 }
        continue
      }
      let first = (0 - origin) / step
      let second = (size - origin) / step
      entry = max(entry, min(first, second))
      exit = min(exit, max(first, second))
    }
    return exit >= entry ? exit : 0
  }
}

/// Bilinear interpolation of the ground heights at the cell centres, clamped to the grid.
struct GroundSampler: @unchecked Sendable {
  let ground: UnsafeBufferPointer<Float>
  let grid: CoverageGrid

  /// Height at (x, y) m from the grid origin.
  @inline(__always)
  func heightM(x: Double, y: Double) -> Double {
    let columns = grid.columns
    let rows = grid.rows
    let u = min(max(x / grid.resolutionM - 0.5, 0), Double(columns - 1))
    let v = min(max(y / grid.resolutionM - 0.5, 0), Double(rows - 1))
    let c0 = min(Int(u), max(columns - 2, 0))
    let r0 = min(Int(v), max(rows - 2, 0))
    let c1 = min(c0 + 1, columns - 1)
    let r1 = min(r0 + 1, rows - 1)
    let fx = u - Double(c0)
    let fy = v - Double(r0)
    let south = Double(ground[r0 * columns + c0]) * (1 - fx) + Double(ground[r0 * columns + c1]) * fx
    let north = Double(ground[r1 * columns + c0]) * (1 - fx) + Double(ground[r1 * columns + c1]) * fx
    return south * (1 - fy) + north * fy
  }
}
