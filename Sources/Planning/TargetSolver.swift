/// What the least-cost search found, and how far from the least cost it is known to be.
public struct TargetSolution: Sendable {
  /// Chosen candidates in ranked order (`LazyGreedy.ranked`), each with the weight it adds.
  public let ranked: [(index: Int, gain: Double)]
  public let value: Double
  public let cost: Double
  /// A lower bound on the cost of any feasible choice that meets every need.
  public let lowerBound: Double
  /// "exact" (every feasible set searched) or "lp-dual".
  public let boundMethod: String
  /// Whether every part's need is met (false when the candidates cannot reach it).
  public let met: Bool

  /// At most this share above the least cost: 1 − bound / cost (0 when exact or free).
  public var gap: Double { cost <= 0 || !met ? 0 : max(0, 1 - lowerBound / cost) }
}

/// Partial set cover with a need per part (each carrier must reach its coverage target):
/// pick candidates of least total cost whose covered weight in each part reaches its need.
///
/// Greedy by capped gain per cost — a candidate counts only the weight a part still needs,
/// which keeps the gain submodular so CELF's lazy queue stays valid (Wolsey 1982, "An
/// analysis of the greedy algorithm for the submodular set covering problem"), also from
/// every single seed on small instances — then every pick no longer needed is dropped,
/// costliest first, and cheaper equivalents swapped in. The lower bound is the LP relaxation's
/// dual (below), or the optimum itself on small instances.
public enum TargetSolver {
  /// - Parameter seededUpTo: with at most this many candidates, greedy also starts from
  ///   every single candidate (capacity groups can lead plain greedy into a dead end).
  public static func solve(
    _ problem: CoverageProblem, needs: [Double], exactUpTo: Int = 16, seededUpTo: Int = 256,
    boundIterations: Int = 300
  ) -> TargetSolution {
    let tolerance = 1e-9 * max(1, needs.reduce(0, +))
    func finish(_ state: GreedyState) -> GreedyState {
      prune(CheaperSwap.improve(prune(state, needs: needs, tolerance: tolerance)), needs: needs, tolerance: tolerance)
    }
    var best = finish(greedy(GreedyState(problem), needs: needs, tolerance: tolerance))
    var met = meets(best.chosen, problem, needs, tolerance)
    if problem.candidates.count <= seededUpTo {
      for seed in problem.candidates.indices {
        var start = GreedyState(problem)
        guard start.fits(seed) else { continue }
        start.add(seed)
        let state = finish(greedy(start, needs: needs, tolerance: tolerance))
        guard meets(state.chosen, problem, needs, tolerance) else { continue }
        if !met || state.cost < best.cost {
          best = state
          met = true
        }
      }
    }
    var method = "lp-dual"
    var bound =
      met ? dualBound(problem, needs: needs, upper: best.cost, iterations: boundIterations) : 0
    if met, problem.candidates.count <= exactUpTo {
      CoverageSolver.forEachFeasibleSet(problem, sizes: 0...problem.candidates.count) { state in
        if state.cost < best.cost, meets(state.chosen, problem, needs, tolerance) { best = state }
      }
      bound = best.cost
      method = "exact"
    }
    return TargetSolution(
      ranked: LazyGreedy.ranked(best.chosen, in: problem), value: best.value, cost: best.cost, lowerBound: bound,
      boundMethod: method, met: met)
  }

  static func meets(_ chosen: [Int], _ problem: CoverageProblem, _ needs: [Double], _ tolerance: Double) -> Bool {
    let got = problem.valueByPart(of: chosen, partCount: needs.count)
    return zip(got, needs).allSatisfy { $0 >= $1 - tolerance }
  }

  /// Weight `index` adds toward the needs still open.
  static func cappedGain(_ state: GreedyState, _ index: Int, open: [Double], scratch: inout [Double]) -> Double {
    for part in scratch.indices { scratch[part] = 0 }
    let problem = state.problem
    for element in problem.candidates[index].elements where !state.covered[Int(element)] {
      scratch[problem.elementPart.isEmpty ? 0 : Int(problem.elementPart[Int(element)])] +=
        problem.weights[
          Int(element)]
    }
    var total = 0.0
    for part in scratch.indices { total += min(scratch[part], max(0, open[part])) }
    return total
  }

  static func greedy(_ start: GreedyState, needs: [Double], tolerance: Double) -> GreedyState {
    let problem = start.problem
    var state = start
    var open = zip(needs, problem.valueByPart(of: start.chosen, partCount: needs.count)).map { $0 - $1 }
    var scratch = [Double](repeating: 0, count: needs.count)
    var heap = RatioHeap()
    for index in problem.candidates.indices where !state.chosen.contains(index) {
      let gain = cappedGain(state, index, open: open, scratch: &scratch)
      if gain > 0 { heap.push(.init(gain: gain, cost: problem.candidates[index].cost, index: index, round: 0)) }
    }
    var round = 0
    while open.contains(where: { $0 > tolerance }), let top = heap.pop() {
      guard state.fits(top.index) else { continue }
      if top.round != round {
        let gain = cappedGain(state, top.index, open: open, scratch: &scratch)
        if gain > 0 { heap.push(.init(gain: gain, cost: top.cost, index: top.index, round: round)) }
        continue
      }
      for element in problem.candidates[top.index].elements where !state.covered[Int(element)] {
        open[problem.elementPart.isEmpty ? 0 : Int(problem.elementPart[Int(element)])] -=
          problem.weights[
            Int(element)]
      }
      state.add(top.index)
      round += 1
    }
    return state
  }

  /// Drops picks the needs do not require, costliest first (ties: the later index first).
  static func prune(_ state: GreedyState, needs: [Double], tolerance: Double) -> GreedyState {
    let problem = state.problem
    guard meets(state.chosen, problem, needs, tolerance) else { return state }
    var chosen = state.chosen
    let order = chosen.sorted {
      problem.candidates[$0].cost != problem.candidates[$1].cost
        ? problem.candidates[$0].cost > problem.candidates[$1].cost : $0 > $1
    }
    for index in order {
      let without = chosen.filter { $0 != index }
      if meets(without, problem, needs, tolerance) { chosen = without }
    }
    var pruned = GreedyState(problem)
    for index in chosen { pruned.add(index) }
    return pruned
  }

  /// The dual of the covering LP  min Σ c_j x_j  s.t.  Σ_j g_jp x_j ≥ n_p (each part p),
  /// 0 ≤ x ≤ 1, where g_jp = min(n_p, weight j covers in p) ignores overlaps (so every
  /// feasible choice satisfies it): for any λ ≥ 0,
  /// D(λ) = Σ_p λ_p n_p − Σ_j max(0, Σ_p λ_p g_jp − c_j) ≤ the least cost (weak duality).
  /// λ climbs by projected subgradient steps toward `upper` (Polyak's step), and the
  /// largest D(λ) seen is returned.
  static func dualBound(_ problem: CoverageProblem, needs: [Double], upper: Double, iterations: Int) -> Double {
    let parts = needs.count
    let gains: [[Double]] = problem.candidates.map { candidate in
      var byPart = [Double](repeating: 0, count: parts)
      for element in candidate.elements {
        byPart[problem.elementPart.isEmpty ? 0 : Int(problem.elementPart[Int(element)])] +=
          problem.weights[
            Int(element)]
      }
      return zip(byPart, needs).map { min($0, max(0, $1)) }
    }
    // Start at the cheapest cost per unit of need in each part.
    var lambda = (0..<parts).map { part -> Double in
      let ratios = problem.candidates.indices.compactMap { index -> Double? in
        gains[index][part] > 0 ? problem.candidates[index].cost / gains[index][part] : nil
      }
      return needs[part] > 0 ? (ratios.min() ?? 0) : 0
    }
    var best = 0.0
    var control = StepControl(theta: 1)
    for _ in 0..<max(1, iterations) {
      var value = 0.0
      var gradient = needs.map { max(0, $0) }
      for part in 0..<parts { value += lambda[part] * max(0, needs[part]) }
      for (index, candidate) in problem.candidates.enumerated() {
        var price = 0.0
        for part in 0..<parts { price += lambda[part] * gains[index][part] }
        guard price > candidate.cost else { continue }
        value -= price - candidate.cost
        for part in 0..<parts { gradient[part] -= gains[index][part] }
      }
      let improved = value > best + 1e-12 * max(1, best)
      if improved { best = value }
      control.record(improved: improved)
      let norm = gradient.reduce(0) { $0 + $1 * $1 }
      guard norm > 0, control.theta > 1e-6, upper > best else { break }
      let step = control.theta * (upper - value) / norm
      for part in 0..<parts { lambda[part] = max(0, lambda[part] + step * gradient[part]) }
    }
    return best
  }
}
