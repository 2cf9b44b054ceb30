import Solver

/// The coverage problem as a mixed-integer program, solved exactly by CBC (`Solver`).
///
/// Elements covered by the same set of candidates are one class (they are covered together or
/// not at all), so the program has one column per candidate and one per class:
///
/// - budget goal (maximal covering location, Church & ReVelle 1974):
///   max Σ_k W_k y_k  s.t.  y_k ≤ Σ_{j covers k} x_j,  Σ_j c_j x_j ≤ B,  Σ_j x_j ≤ K,
///   Σ_j m_gj x_j ≤ cap_g (every capacity group),  x ∈ {0, 1},  0 ≤ y ≤ 1;
/// - target goal (partial set cover with a need per carrier):
///   min Σ_j c_j x_j  s.t.  Σ_k W_kp y_k ≥ n_p (every part p),  the same covering, count and
///   group rows.
///
/// y could stay continuous (for 0/1 x the best y_k is min(1, Σ x_j), itself 0 or 1), but CBC
/// 2.10.8 then returned a worse "optimal" cover on 3 of 250 random target instances of the
/// brute-force test (its preprocessing); with y binary every instance matches.
public enum CoverageMILP {
  /// What CBC found: the choice, its status, and its proven bound.
  public struct Outcome: Sendable {
    public let chosen: [Int]
    public let status: Solution.Status
    /// Budget goal: an upper bound on the best value; target goal: a lower bound on the least
    /// cost (CBC's best possible objective).
    public let bound: Double
    /// The LP relaxation's optimum (same sense as `bound`), reported beside it.
    public let relaxation: Double
    public let seconds: Double
    /// Branch-and-bound nodes CBC explored.
    public let nodes: Int
    /// The limit that stopped CBC before a proof (`.time` makes the plan machine-dependent).
    public let stoppedBy: Solution.Limit?
    public let classCount: Int
  }

  /// Elements grouped by the candidates that cover them.
  struct Classes {
    /// Covering candidates of each class, ascending.
    var covers: [[Int32]] = []
    /// Weight of each class in each part.
    var weightByPart: [[Double]] = []
  }

  static func classes(_ problem: CoverageProblem, partCount: Int) -> Classes {
    var coveringSets = [[Int32]](repeating: [], count: problem.weights.count)
    for (index, candidate) in problem.candidates.enumerated() {
      for element in candidate.elements { coveringSets[Int(element)].append(Int32(index)) }
    }
    var classOf: [[Int32]: Int] = [:]
    var result = Classes()
    for (element, covers) in coveringSets.enumerated() where !covers.isEmpty && problem.weights[element] > 0 {
      // One part (budget goal) sums the carriers; otherwise each carrier is a part.
      let part = problem.elementPart.isEmpty || partCount == 1 ? 0 : Int(problem.elementPart[element])
      if let known = classOf[covers] {
        result.weightByPart[known][part] += problem.weights[element]
      } else {
        classOf[covers] = result.covers.count
        result.covers.append(covers)
        var weights = [Double](repeating: 0, count: max(1, partCount))
        weights[part] = problem.weights[element]
        result.weightByPart.append(weights)
      }
    }
    return result
  }

  /// Solves the budget goal; `start` (e.g. the heuristic's choice) is CBC's first incumbent.
  public static func maximizeCoverage(
    _ problem: CoverageProblem, start: [Int], timeLimitSeconds: Double, nodeLimit: Int? = nil
  ) throws -> Outcome {
    let classes = classes(problem, partCount: 1)
    var program = base(problem, classes: classes, sense: .maximize)
    for (k, weights) in classes.weightByPart.enumerated() {
      program.objective[problem.candidates.count + k] = weights.reduce(0, +)
    }
    if let budget = problem.budget {
      program.rows.append(
        .init(
          columns: problem.candidates.indices.map(Int32.init), coefficients: problem.candidates.map(\.cost),
          lower: -.infinity, upper: budget * (1 + 1e-12)))
    }
    return try solve(
      program, problem: problem, classes: classes, start: start,
      options: SolveOptions(timeLimitSeconds: timeLimitSeconds, nodeLimit: nodeLimit))
  }

  /// Solves the target goal: least cost at which every part's covered weight reaches its need.
  public static func minimizeCost(
    _ problem: CoverageProblem, needs: [Double], start: [Int]?, timeLimitSeconds: Double, nodeLimit: Int? = nil
  ) throws -> Outcome {
    let classes = classes(problem, partCount: needs.count)
    var program = base(problem, classes: classes, sense: .minimize)
    for (j, candidate) in problem.candidates.enumerated() { program.objective[j] = candidate.cost }
    let n = problem.candidates.count
    for (part, need) in needs.enumerated() where need > 0 {
      let members = classes.weightByPart.indices.filter { classes.weightByPart[$0][part] > 0 }
      program.rows.append(
        .init(
          columns: members.map { Int32(n + $0) }, coefficients: members.map { classes.weightByPart[$0][part] },
          // A hair below the need, as the heuristics' tolerance: sums of weights in another order.
          lower: need - 1e-9 * max(1, need), upper: .infinity))
    }
    return try solve(
      program, problem: problem, classes: classes, start: start ?? [],
      options: SolveOptions(timeLimitSeconds: timeLimitSeconds, nodeLimit: nodeLimit))
  }

  /// Columns (candidates, then classes), the covering rows, the count and the groups.
  private static func base(
    _ problem: CoverageProblem, classes: Classes, sense: LinearProgram.Sense
  )
    -> LinearProgram
  {
    let n = problem.candidates.count
    let columns = n + classes.covers.count
    // Every column binary: see the note on y above.
    var program = LinearProgram(
      sense: sense, objective: [Double](repeating: 0, count: columns),
      lower: [Double](repeating: 0, count: columns), upper: [Double](repeating: 1, count: columns),
      isInteger: [Bool](repeating: true, count: columns), rows: [])
    for (k, covers) in classes.covers.enumerated() {
      // y_k − Σ x_j ≤ 0
      program.rows.append(
        .init(
          columns: [Int32(n + k)] + covers, coefficients: [1] + covers.map { _ in -1 }, lower: -.infinity, upper: 0))
    }
    if let maxCount = problem.maxCount {
      program.rows.append(
        .init(
          columns: (0..<n).map(Int32.init), coefficients: [Double](repeating: 1, count: n), lower: -.infinity,
          upper: Double(maxCount)))
    }
    var groupColumns = [[Int32: Double]](repeating: [:], count: problem.groupCapacity.count)
    for (j, candidate) in problem.candidates.enumerated() {
      for group in candidate.groups { groupColumns[group][Int32(j), default: 0] += 1 }
    }
    for (group, entries) in groupColumns.enumerated() where !entries.isEmpty {
      let sorted = entries.sorted { $0.key < $1.key }
      program.rows.append(
        .init(
          columns: sorted.map(\.key), coefficients: sorted.map(\.value), lower: -.infinity,
          upper: Double(problem.groupCapacity[group])))
    }
    return program
  }

  private static func solve(
    _ program: LinearProgram, problem: CoverageProblem, classes: Classes, start: [Int], options: SolveOptions
  ) throws -> Outcome {
    let n = problem.candidates.count
    var options = options
    if !start.isEmpty, problem.isFeasible(start) {
      var values = [Double](repeating: 0, count: program.objective.count)
      for j in start { values[j] = 1 }
      for (k, covers) in classes.covers.enumerated() where covers.contains(where: { values[Int($0)] > 0.5 }) {
        values[n + k] = 1
      }
      options.start = values
    }
    let relaxation = try MILP.relaxation(program)
    let solution = try MILP.solve(program, options: options)
    let chosen = solution.values.prefix(n).enumerated().filter { $0.element > 0.5 }.map(\.offset)
    return Outcome(
      chosen: chosen, status: solution.status, bound: solution.bound, relaxation: relaxation.objective,
      seconds: solution.seconds, nodes: solution.nodes, stoppedBy: solution.stoppedBy,
      classCount: classes.covers.count)
  }
}
