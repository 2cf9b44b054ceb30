import Testing

@testable import Solver

/// Small programs whose optimum is worked out by hand in the comments.
@Suite struct HandWorkedTests {
  let options = SolveOptions(timeLimitSeconds: 30)

  /// Knapsack, capacity 10: items (value, weight) a (10, 4), b (13, 6), c (7, 3), d (8, 5).
  /// Pairs within 10: ab 23 (w 10), ac 17, ad 18, bc 20, cd 15; no triple fits (acd w 12).
  /// Optimum: a + b = 23.
  static let knapsack = Fixtures.binaryProgram(
    .maximize, objective: [10, 13, 7, 8], rows: [([4, 6, 3, 5], -.infinity, 10)])

  @Test func knapsack() throws {
    let solution = try MILP.solve(Self.knapsack, options: options)
    #expect(solution.status == .optimal)
    #expect(solution.values == [1, 1, 0, 0])
    #expect(solution.objective == 23)
    #expect(solution.bound == 23)
    #expect(solution.gap == 0)
  }

  /// Its LP relaxation: by value/weight a 2.5, c 2.33, b 2.17, d 1.6. Take a and c (weight
  /// 7), then 3/6 of b: 10 + 7 + 6.5 = 23.5.
  @Test func fractionalKnapsackRelaxation() throws {
    let relaxed = try MILP.relaxation(Self.knapsack)
    #expect(relaxed.status == .optimal)
    #expect(relaxed.values.count == 4)
    for (value, expected) in zip(relaxed.values, [1, 0.5, 1, 0]) { #expect(abs(value - expected) < 1e-9) }
    #expect(abs(relaxed.objective - 23.5) < 1e-9)
    #expect(relaxed.bound == relaxed.objective)
  }

  /// Set cover of {1…5}: S0 {1,2,3} cost 3, S1 {2,4} 2, S2 {3,4} 2, S3 {4,5} 2, S4 {1,5} 2,
  /// S5 {5} 1. No two 2-cost sets cover all five, nor does S5 with any two of them (each
  /// misses 1, 2 or 3), S0 alone misses 4 and 5, and S0 with S1, S2, S4 or S5 misses 4 or 5.
  /// Optimum: S0 + S3 = 5.
  @Test func setCover() throws {
    let sets: [[Int]] = [[1, 2, 3], [2, 4], [3, 4], [4, 5], [1, 5], [5]]
    let rows = (1...5).map { element in
      (sets.map { $0.contains(element) ? 1.0 : 0 }, 1.0, Double.infinity)
    }
    let program = Fixtures.binaryProgram(.minimize, objective: [3, 2, 2, 2, 2, 1], rows: rows)
    let solution = try MILP.solve(program, options: options)
    #expect(solution.status == .optimal)
    #expect(solution.values == [1, 0, 0, 1, 0, 0])
    #expect(solution.objective == 5)
  }

  /// x + y ≥ 3 with x, y ∈ {0, 1}: not even the LP relaxation is feasible.
  @Test func infeasible() throws {
    let program = Fixtures.binaryProgram(.minimize, objective: [1, 1], rows: [([1, 1], 3, .infinity)])
    let solution = try MILP.solve(program, options: options)
    #expect(solution.status == .infeasible)
    #expect(solution.values.isEmpty)
    #expect(solution.objective == .infinity)
    #expect(solution.gap == .infinity)
    #expect(try MILP.relaxation(program).status == .infeasible)
  }

  /// 2x = 1 with x integer in [0, 5]: the relaxation has x = 0.5, no integer does.
  @Test func integerInfeasible() throws {
    let program = LinearProgram(
      sense: .maximize, objective: [1], lower: [0], upper: [5], isInteger: [true],
      rows: [.exactly(1, columns: [0], coefficients: [2])])
    let solution = try MILP.solve(program, options: options)
    #expect(solution.status == .infeasible)
    #expect(solution.objective == -.infinity)
    let relaxed = try MILP.relaxation(program)
    #expect(relaxed.status == .optimal && abs(relaxed.values[0] - 0.5) < 1e-12)
  }

  /// min a + b with 3a + 5b = 19, a, b ≥ 0 integer: 19 − 5b divisible by 3 only for b = 2
  /// (b ≤ 3), so a = 3, b = 2, objective 5. The relaxation puts all on b: 19/5 = 3.8.
  /// And min x + 2y with x + y = 4, 1 ≤ x − y ≤ 2: x − y is even, so 2: x = 3, y = 1, 5.
  @Test func equalityAndRangeRows() throws {
    var diophantine = LinearProgram(sense: .minimize)
    let a = diophantine.addColumn(objective: 1, isInteger: true)
    let b = diophantine.addColumn(objective: 1, isInteger: true)
    diophantine.addRow(.exactly(19, columns: [a, b], coefficients: [3, 5]))
    let solution = try MILP.solve(diophantine, options: options)
    #expect(solution.status == .optimal && solution.values == [3, 2] && solution.objective == 5)
    let relaxed = try MILP.relaxation(diophantine)
    #expect(abs(relaxed.objective - 3.8) < 1e-9)
    #expect(relaxed.bound <= solution.objective)

    var ranged = LinearProgram(sense: .minimize)
    let x = ranged.addColumn(objective: 1, isInteger: true)
    let y = ranged.addColumn(objective: 2, isInteger: true)
    ranged.addRow(.exactly(4, columns: [x, y], coefficients: [1, 1]))
    ranged.addRow(LinearProgram.Row(columns: [x, y], coefficients: [1, -1], lower: 1, upper: 2))
    let rangedSolution = try MILP.solve(ranged, options: options)
    #expect(rangedSolution.status == .optimal && rangedSolution.values == [3, 1] && rangedSolution.objective == 5)
  }

  /// max 5x + 4y with 6x + 4y ≤ 24, x + 2y ≤ 6, x, y ≥ 0 integer. The LP optimum is the
  /// vertex x = 3, y = 1.5: 21. Integer points: (4, 0) 20, (3, 1) 19, (2, 2) 18, (1, 2) 13,
  /// (0, 3) 12; (3, 2) and (2, 3) break a row. Optimum: (4, 0) = 20.
  @Test func maximiseGeneralIntegers() throws {
    var program = LinearProgram(sense: .maximize)
    let x = program.addColumn(objective: 5, isInteger: true)
    let y = program.addColumn(objective: 4, isInteger: true)
    program.addRow(.atMost(24, columns: [x, y], coefficients: [6, 4]))
    program.addRow(.atMost(6, columns: [x, y], coefficients: [1, 2]))
    let solution = try MILP.solve(program, options: options)
    #expect(solution.status == .optimal && solution.values == [4, 0] && solution.objective == 20)
    let relaxed = try MILP.relaxation(program)
    #expect(abs(relaxed.objective - 21) < 1e-9)
    #expect(abs(relaxed.values[0] - 3) < 1e-9 && abs(relaxed.values[1] - 1.5) < 1e-9)
  }

  /// A continuous column beside integers: min 3z + y with z ≥ 1.25 − y, y ∈ {0, 1}, z ≥ 0.
  /// y = 0 needs z = 1.25 (3.75); y = 1 allows z = 0.25 (1.75). Optimum 1.75.
  @Test func mixedIntegerAndContinuous() throws {
    var program = LinearProgram(sense: .minimize)
    let z = program.addColumn(objective: 3)
    let y = program.addBinary(objective: 1)
    program.addRow(.atLeast(1.25, columns: [z, y], coefficients: [1, 1]))
    let solution = try MILP.solve(program, options: options)
    #expect(solution.status == .optimal)
    #expect(solution.values[1] == 1 && abs(solution.values[0] - 0.25) < 1e-9)
    #expect(abs(solution.objective - 1.75) < 1e-9)
  }

  /// No columns and no rows: the empty assignment, objective 0. An empty row demanding
  /// 1 ≤ 0 makes it infeasible.
  @Test func emptyPrograms() throws {
    let empty = LinearProgram(sense: .minimize)
    let solution = try MILP.solve(empty, options: options)
    #expect(solution.status == .optimal && solution.values.isEmpty && solution.objective == 0)
    var impossible = LinearProgram(sense: .minimize)
    impossible.addRow(LinearProgram.Row(columns: [], coefficients: [], lower: 1, upper: 2))
    #expect(try MILP.solve(impossible, options: options).status == .infeasible)
  }
}
