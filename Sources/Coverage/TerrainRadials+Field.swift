import Radio

/// Sectors that share one radial table: the same position, antenna height and UE height (the
/// layer gives the frequency and the scenario the k-factor).
struct RadialSite: Hashable {
  let x: Double
  let y: Double
  let antennaHeightM: Double
  let ueHeightM: Double

  init(_ kernel: SectorKernel) {
    x = kernel.x
    y = kernel.y
    antennaHeightM = kernel.antennaHeightM
    ueHeightM = kernel.ueHeightM
  }
}

extension TerrainProfiles {
  /// Radial tables held at once, at most (one site's table may exceed it alone), bytes.
  static let radialBudgetBytes = 512 << 20

  /// A layer's field over the ground by `method`. With delta-Bullington the sectors go to the
  /// field engine in runs, in scenario order, whose radial tables fit `budgetBytes` together:
  /// one run for a site or a few (the result is then the engine's own), several for many
  /// sites, merged as the engine merges sectors (the strictly stronger best server wins, so
  /// the first of equals stays); the total power of several runs is summed run by run, which
  /// rounds differently from one run but the same way for any number of threads.
  static func field(
    kernels: [SectorKernel], grid: CoverageGrid, propagationClass: [UInt8], ground: UnsafeBufferPointer<Float>,
    method: DiffractionMethod, frequencyMHz: Double, kFactor: Double, maxRadiusM: Double, threads: Int,
    budgetBytes: Int = radialBudgetBytes
  ) -> LayerField {
    func compute(_ run: [SectorKernel]) -> LayerField {
      FieldEngine.compute(
        kernels: run, grid: grid, propagationClass: propagationClass,
        terrain: TerrainProfiles(
          method: method, ground: ground, grid: grid, kernels: run, frequencyMHz: frequencyMHz, kFactor: kFactor,
          maxRadiusM: maxRadiusM, threads: threads),
        threads: threads)
    }
    guard method == .deltaBullington else { return compute(kernels) }
    // A site's table reaches as far as the farthest of its sectors (`TerrainProfiles`): the
    // estimate takes that reach over all of them, an upper bound for any run.
    let reachBySite = Dictionary(kernels.map { (RadialSite($0), $0.reachM) }, uniquingKeysWith: max)
    var runs: [[SectorKernel]] = [[]]
    var sites: Set<RadialSite> = []
    var bytes = 0
    for kernel in kernels {
      let site = RadialSite(kernel)
      if !sites.contains(site) {
        let size = RadialLossTable.estimatedBytes(
          grid: grid, x: kernel.x, y: kernel.y, reachM: reachBySite[site] ?? kernel.reachM, arcReachM: maxRadiusM)
        if bytes + size > budgetBytes, !(runs.last ?? []).isEmpty {
          runs.append([])
          sites = []
          bytes = 0
        }
        sites.insert(site)
        bytes += size
      }
      runs[runs.count - 1].append(kernel)
    }
    var field = compute(runs[0])
    for run in runs.dropFirst() { field.merge(compute(run)) }
    return field
  }
}

extension RadialLossTable {
  /// Bytes a site's table takes while it is built (a Float and a mark per sample) for the
  /// farthest reach of its sectors.
  static func estimatedBytes(grid: CoverageGrid, x: Double, y: Double, reachM: Double, arcReachM: Double) -> Int {
    let size = shape(grid: grid, x: x, y: y, reachM: reachM, arcReachM: arcReachM)
    return size.radials * size.samples * (MemoryLayout<Float>.size + 1)
  }

  /// The reach a table needs (no farther than the grid's farthest corner), its radials (arcs
  /// of at most `arcCells` cells at the larger of `arcReachM` and the reach) and the samples
  /// per radial (to the reach, plus two): one formula for `build` and `estimatedBytes`.
  static func shape(
    grid: CoverageGrid, x: Double, y: Double, reachM: Double, arcReachM: Double, arcCells: Double = 1
  ) -> (reachM: Double, radials: Int, samples: Int) {
    let spacing = grid.resolutionM
    let east = max(x, Double(grid.columns) * spacing - x)
    let north = max(y, Double(grid.rows) * spacing - y)
    let reach = min(reachM, (east * east + north * north).squareRoot())
    let radials = radialCount(reachM: max(arcReachM, reachM), spacingM: spacing, arcCells: arcCells)
    return (reach, radials, Int((reach / spacing).rounded(.up)) + 2)
  }
}

extension LayerField {
  /// Adds the field of later sectors: their best server where strictly stronger, their power.
  mutating func merge(_ later: LayerField) {
    precondition(later.bestDBm.count == bestDBm.count, "fields of one grid")
    for cell in bestDBm.indices {
      if later.bestDBm[cell] > bestDBm[cell] {
        bestDBm[cell] = later.bestDBm[cell]
        server[cell] = later.server[cell]
      }
      totalMilliwatts[cell] += later.totalMilliwatts[cell]
    }
    evaluations += later.evaluations
  }
}
