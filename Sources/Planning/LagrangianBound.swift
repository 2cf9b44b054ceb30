/// An upper bound on budgeted maximum coverage by Lagrangian relaxation.
///
/// The covering ILP: max Σ w_e y_e with y_e ≤ Σ_{j ∋ e} x_j, y_e ≤ 1, Σ c_j x_j ≤ B,
/// Σ x_j ≤ K, x binary. Relaxing y_e ≤ Σ_{j ∋ e} x_j with multipliers u_e ≥ 0 gives
/// L(u) = Σ_e max(0, w_e − u_e) + max{ Σ_j p_j x_j : budget, count, 0 ≤ x ≤ 1 },
/// p_j = Σ_{e ∈ S_j} u_e; every u gives L(u) ≥ the optimum (weak duality), and dropping
/// the group constraints or using a relaxed inner problem only raises it. The inner
/// maximum is bounded by the least of: the fractional knapsack over the budget (Dantzig
/// 1957), the K largest profits, and the sum of positive profits. u is improved by
/// subgradient steps (Held & Karp 1971; Fisher 1981, Management Science 27(1)) and the
/// smallest L(u) seen is returned.
enum LagrangianBound {
  static func upperBound(_ problem: CoverageProblem, lowerBound: Double, iterations: Int) -> Double {
    let weights = problem.weights
    var multipliers = weights  // u = w: the bound "sum of each candidate's own cover"
    var best = Double.infinity
    var control = StepControl(theta: 2)
    for _ in 0..<max(1, iterations) {
      let profits = problem.candidates.map { candidate in
        candidate.elements.reduce(0.0) { $0 + multipliers[Int($1)] }
      }
      let inner = innerBound(problem, profits: profits)
      var value = inner.value
      for (weight, multiplier) in zip(weights, multipliers) { value += max(0, weight - multiplier) }
      let improved = best == .infinity || value < best - 1e-12 * best
      if improved { best = value }
      control.record(improved: improved)
      // Subgradient of L at u: (times e is covered by the inner x) − [w_e > u_e].
      var gradient = [Double](repeating: 0, count: weights.count)
      for (index, share) in inner.x where share > 0 {
        for element in problem.candidates[index].elements { gradient[Int(element)] += share }
      }
      var norm = 0.0
      for element in weights.indices {
        if weights[element] > multipliers[element] { gradient[element] -= 1 }
        norm += gradient[element] * gradient[element]
      }
      guard norm > 0, control.theta > 1e-6, best > lowerBound else { break }
      let step = control.theta * (value - lowerBound) / norm
      for element in weights.indices {
        multipliers[element] = min(weights[element], max(0, multipliers[element] - step * gradient[element]))
      }
    }
    return best
  }

  /// The least of three relaxations of max Σ p_j x_j under the budget and the count, with
  /// the maximising x of that relaxation (candidate index → share).
  static func innerBound(_ problem: CoverageProblem, profits: [Double]) -> (value: Double, x: [(Int, Double)]) {
    let positive = profits.indices.filter { profits[$0] > 0 }
    var bestValue = positive.reduce(0.0) { $0 + profits[$1] }
    var bestX = positive.map { ($0, 1.0) }
    if let maxCount = problem.maxCount {
      let top = positive.sorted { profits[$0] != profits[$1] ? profits[$0] > profits[$1] : $0 < $1 }.prefix(maxCount)
      let value = top.reduce(0.0) { $0 + profits[$1] }
      if value < bestValue {
        bestValue = value
        bestX = top.map { ($0, 1.0) }
      }
    }
    if let budget = problem.budget {
      let order = positive.sorted {
        let a = profits[$0] * problem.candidates[$1].cost
        let b = profits[$1] * problem.candidates[$0].cost
        return a != b ? a > b : $0 < $1
      }
      var left = budget
      var value = 0.0
      var x: [(Int, Double)] = []
      for index in order where left > 0 {
        let share = min(1, left / problem.candidates[index].cost)
        value += share * profits[index]
        left -= share * problem.candidates[index].cost
        x.append((index, share))
      }
      if value < bestValue {
        bestValue = value
        bestX = x
      }
    }
    return (bestValue, bestX)
  }
}
