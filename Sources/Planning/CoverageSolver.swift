/// What the optimiser found and how good it is known to be.
public struct CoverageSolution: Sendable {
  /// Chosen candidates in ranked order (`LazyGreedy.ranked`), each with the weight it adds.
  public let ranked: [(index: Int, gain: Double)]
  public let value: Double
  public let cost: Double
  /// An upper bound on the best value any feasible choice reaches, as computed (not clamped
  /// to the value found: tests check it against brute force).
  public let upperBound: Double
  /// How the bound was obtained: "exact" (every feasible set searched) or "lagrangian".
  public let boundMethod: String
  /// Enumeration depth used (it may be lowered from the one asked for, to stay affordable).
  public let depth: Int
  /// The guarantee that holds before looking at the bound (budget-only problems):
  /// 1 − 1/e ≈ 0.632 from depth 3 (Khuller, Moss & Naor 1999), ½(1 − 1/e) ≈ 0.316 below.
  public let apriorGuarantee: Double

  /// At most this share below the optimum: 1 − value / bound (0 when exact).
  public var gap: Double { upperBound <= 0 ? 0 : max(0, 1 - value / upperBound) }
}

/// Budgeted maximum coverage: lazy greedy by gain per cost, the best single candidate, and
/// partial enumeration (every feasible seed set of `depth` candidates completed greedily),
/// with a certified upper bound.
public enum CoverageSolver {
  /// - Parameters:
  ///   - depth: seed-set size of the partial enumeration (3 gives 1 − 1/e with a budget
  ///     alone; 1 or 2 are what larger instances afford).
  ///   - maxSeeds: the largest number of seed sets tried; the depth is lowered to fit, and
  ///     also while seeds × candidates exceeds `maxSeedWork` (each seed's greedy completion
  ///     scans the candidates: 4,000 candidates at depth 1 would be 16 M, about a minute).
  ///   - exactUpTo: search every feasible set (and report the optimum) when there are at
  ///     most this many candidates.
  public static func solve(
    _ problem: CoverageProblem, depth: Int = 1, maxSeeds: Int = 20_000, maxSeedWork: Double = 4e6,
    exactUpTo: Int = 16, boundIterations: Int = 300
  ) -> CoverageSolution {
    let n = problem.candidates.count
    var depthUsed = max(0, depth)
    while depthUsed > 0,
      combinations(n, depthUsed) > Double(maxSeeds) || combinations(n, depthUsed) * Double(n) > maxSeedWork
    {
      depthUsed -= 1
    }
    var best = LazyGreedy.complete(GreedyState(problem))
    func consider(_ state: GreedyState) {
      if state.value > best.value || (state.value == best.value && state.cost < best.cost) { best = state }
    }
    // Best single candidate (with greedy this gives ½(1 − 1/e)).
    for index in 0..<n {
      var single = GreedyState(problem)
      guard single.fits(index) else { continue }
      single.add(index)
      consider(single)
    }
    if depthUsed > 0 {
      forEachFeasibleSet(problem, sizes: depthUsed...depthUsed) { seed in consider(LazyGreedy.complete(seed)) }
    }
    let exact = n <= exactUpTo ? ExactCoverage.best(problem) : nil
    if let exact { consider(exact) }
    // Cheaper equivalents first, then whatever the money saved still buys.
    consider(LazyGreedy.complete(CheaperSwap.improve(best)))
    let bound = exact?.value ?? LagrangianBound.upperBound(problem, lowerBound: best.value, iterations: boundIterations)
    return CoverageSolution(
      ranked: LazyGreedy.ranked(best.chosen, in: problem), value: best.value, cost: best.cost,
      upperBound: bound, boundMethod: exact == nil ? "lagrangian" : "exact", depth: depthUsed,
      apriorGuarantee: depthUsed >= 3 ? 1 - 1 / 2.718281828459045 : (1 - 1 / 2.718281828459045) / 2)
  }

  /// Calls `body` with every feasible set whose size is in `sizes` (ascending indices,
  /// in lexicographic order); sets too large are never grown.
  static func forEachFeasibleSet(_ problem: CoverageProblem, sizes: ClosedRange<Int>, _ body: (GreedyState) -> Void) {
    func extend(_ state: GreedyState, from start: Int) {
      if sizes.contains(state.chosen.count) { body(state) }
      guard state.chosen.count < sizes.upperBound else { return }
      for index in start..<problem.candidates.count where state.fits(index) {
        var next = state
        next.add(index)
        extend(next, from: index + 1)
      }
    }
    extend(GreedyState(problem), from: 0)
  }

  static func combinations(_ n: Int, _ k: Int) -> Double {
    guard k >= 0, k <= n else { return 0 }
    return (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
  }
}

/// Exhaustive search over feasible sets, for small instances: the optimum itself.
enum ExactCoverage {
  static func best(_ problem: CoverageProblem) -> GreedyState {
    var best = GreedyState(problem)
    CoverageSolver.forEachFeasibleSet(problem, sizes: 0...problem.candidates.count) { state in
      if state.value > best.value || (state.value == best.value && state.cost < best.cost) { best = state }
    }
    return best
  }
}
