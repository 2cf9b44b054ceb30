import Testing

@testable import Solver

/// MIP starts, limits and reproducibility.
@Suite struct SolveOptionsTests {
  /// Capacity 10: a (6, 5), b (6, 5), c (4, 4), d (2, 1). Three optima worth 12, each
  /// weighing 10: a + b, a + c + d, b + c + d (a + b + c or d weighs more; a + c is 10, a + d
  /// 8). The LP relaxation is fractional (d, a, then 4/5 of b: 12.8), so a search runs, and a
  /// and b are identical columns, which CBC's preprocessing merges. Each optimum given as the
  /// start comes back unchanged: CBC replaces an incumbent only by a strictly better one.
  @Test func optimalStartIsKept() throws {
    let program = Fixtures.binaryProgram(.maximize, objective: [6, 6, 4, 2], rows: [([5, 5, 4, 1], -.infinity, 10)])
    for start: [Double] in [[1, 1, 0, 0], [1, 0, 1, 1], [0, 1, 1, 1]] {
      let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 30, start: start))
      #expect(solution.status == .optimal)
      #expect(solution.values == start)
      #expect(solution.objective == 12)
    }
  }

  /// A poor start (d alone, 2) does not stop the search: the optimum 12 is still found.
  @Test func poorStartIsImproved() throws {
    let program = Fixtures.binaryProgram(.maximize, objective: [6, 6, 4, 2], rows: [([5, 5, 4, 1], -.infinity, 10)])
    let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 30, start: [0, 0, 0, 1]))
    #expect(solution.status == .optimal && solution.objective == 12)
  }

  /// 300 items × 30 capacity rows is beyond half a second. The result is an incumbent (or, on
  /// a fast machine, the optimum) with a valid upper bound, returned near the limit.
  @Test func timeLimitReturnsIncumbentAndBound() throws {
    let program = Fixtures.hardKnapsack(items: 300, dimensions: 30, seed: 7)
    let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 0.5))
    #expect(solution.status == .feasible || solution.status == .optimal)
    #expect(solution.bound >= solution.objective)
    #expect(solution.bound.isFinite)
    #expect(solution.gap >= 0 && solution.gap < 0.05)
    #expect(Fixtures.isFeasible(solution.values, program))
    #expect(solution.objective == Fixtures.value(solution.values, program))
    #expect(solution.seconds < 0.5 + 5)
    #expect(solution.status == .optimal ? solution.stoppedBy == nil : solution.stoppedBy == .time)
  }

  /// A node limit stops the search reproducibly: the program of `timeLimitReturnsIncumbentAndBound`
  /// (which 50 nodes do not settle) stops at the limit with the same values, objective and bound,
  /// to the bit, on every solve — unlike a time limit, whose stop depends on the machine.
  @Test func nodeLimitStopsReproducibly() throws {
    let program = Fixtures.hardKnapsack(items: 300, dimensions: 30, seed: 7)
    let options = SolveOptions(timeLimitSeconds: .infinity, nodeLimit: 50)
    let first = try MILP.solve(program, options: options)
    #expect(first.status == .feasible)
    #expect(first.stoppedBy == .nodes)
    #expect(first.nodes >= 50)
    #expect(first.bound > first.objective)
    #expect(Fixtures.isFeasible(first.values, program))
    for _ in 0..<2 {
      let again = try MILP.solve(program, options: options)
      #expect(again.values.map(\.bitPattern) == first.values.map(\.bitPattern))
      #expect(again.objective.bitPattern == first.objective.bitPattern)
      #expect(again.bound.bitPattern == first.bound.bitPattern)
      #expect(again.nodes == first.nodes)
    }
  }

  /// With a start and a limit too short for the search, the result is at least the start.
  @Test func startUnderTimeLimitIsNeverWorse() throws {
    let program = Fixtures.hardKnapsack(items: 300, dimensions: 30, seed: 7)
    let start = greedy(program)
    let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 0.01, start: start))
    #expect(solution.status == .feasible || solution.status == .optimal)
    #expect(solution.objective >= Fixtures.value(start, program))
    #expect(solution.bound >= solution.objective)
  }

  /// A requested gap stops the search once proven, reported as `.feasible` with the proof:
  /// CBC's ratioGap compares against the larger of bound and objective.
  @Test func relativeGapStopsEarly() throws {
    let program = Fixtures.hardKnapsack(items: 300, dimensions: 30, seed: 7)
    let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 30, relativeGap: 0.01))
    #expect(solution.status == .feasible || solution.status == .optimal)
    #expect(solution.bound - solution.objective <= 0.01 * max(solution.bound, solution.objective) + 1e-9)
    #expect(solution.seconds < 30)
  }

  /// The same program twice gives the same values, objective and bound, to the bit.
  @Test func solvingTwiceGivesIdenticalResults() throws {
    let program = Fixtures.hardKnapsack(items: 150, dimensions: 10, seed: 3)
    let options = SolveOptions(timeLimitSeconds: 60)
    let first = try MILP.solve(program, options: options)
    let second = try MILP.solve(program, options: options)
    #expect(first.status == .optimal)
    #expect(first.values.map(\.bitPattern) == second.values.map(\.bitPattern))
    #expect(first.objective.bitPattern == second.objective.bitPattern)
    #expect(first.bound.bitPattern == second.bound.bitPattern)
    let relaxed = try MILP.relaxation(program), again = try MILP.relaxation(program)
    #expect(relaxed.values.map(\.bitPattern) == again.values.map(\.bitPattern))
  }

  /// CBC's deterministic parallel mode reaches the same optimum as the sequential search.
  @Test func twoThreadsReachTheSameOptimum() throws {
    let program = Fixtures.hardKnapsack(items: 150, dimensions: 10, seed: 3)
    let sequential = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 60))
    let parallel = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 60, threads: 2))
    #expect(parallel.status == .optimal)
    #expect(parallel.objective == sequential.objective)
  }

  /// Solves from several tasks at once are serialised, not corrupted.
  @Test func concurrentSolvesAgree() async throws {
    let program = Fixtures.hardKnapsack(items: 80, dimensions: 5, seed: 11)
    let expected = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 60))
    let results = try await withThrowingTaskGroup(of: [Double].self) { group in
      for _ in 0..<4 {
        group.addTask { try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 60)).values }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 4)
    for values in results { #expect(values == expected.values) }
  }

  /// Items by index while every capacity allows: a feasible start.
  private func greedy(_ program: LinearProgram) -> [Double] {
    var values = [Double](repeating: 0, count: program.columnCount)
    for column in values.indices {
      values[column] = 1
      if !Fixtures.isFeasible(values, program) { values[column] = 0 }
    }
    return values
  }
}
