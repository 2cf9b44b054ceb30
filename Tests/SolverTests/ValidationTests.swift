import Testing

@testable import Solver

/// Invalid input is refused in Swift, before CBC sees it; unbounded programs throw.
@Suite struct ValidationTests {
  let options = SolveOptions(timeLimitSeconds: 10)

  /// Two binaries, one row x0 + x1 ≤ 1: valid, and the base for each broken variant.
  var valid: LinearProgram {
    Fixtures.binaryProgram(.maximize, objective: [1, 2], rows: [([1, 1], -.infinity, 1)])
  }

  func expectError(_ expected: SolverError, _ program: LinearProgram, options: SolveOptions? = nil) {
    #expect(throws: expected) { try MILP.solve(program, options: options ?? self.options) }
    if options == nil { #expect(throws: expected) { try MILP.relaxation(program) } }
  }

  @Test func validProgramSolves() throws {
    let solution = try MILP.solve(valid, options: options)
    #expect(solution.values == [0, 1] && solution.objective == 2)
  }

  @Test func columnArraysMustMatch() {
    var program = valid
    program.lower = [0]
    expectError(.columnCountMismatch(field: "lower", expected: 2, got: 1), program)
    program = valid
    program.isInteger.append(true)
    expectError(.columnCountMismatch(field: "isInteger", expected: 2, got: 3), program)
  }

  @Test func objectiveMustBeFinite() {
    var program = valid
    program.objective[1] = .infinity
    expectError(.nonFiniteObjective(column: 1, value: .infinity), program)
  }

  @Test func columnBoundsMustAdmitAValue() {
    var program = valid
    program.lower[0] = 2
    expectError(.invalidColumnBounds(column: 0, lower: 2, upper: 1), program)
    program = valid
    program.upper[1] = -.infinity
    expectError(.invalidColumnBounds(column: 1, lower: 0, upper: -.infinity), program)
    program = valid
    program.lower[1] = .nan
    #expect(throws: SolverError.self) { try MILP.solve(program, options: options) }
  }

  @Test func rowsMustBeWellFormed() {
    var program = valid
    program.rows[0].coefficients = [1]
    expectError(.rowLengthMismatch(row: 0, columns: 2, coefficients: 1), program)
    program = valid
    program.rows[0].columns = [0, 2]
    expectError(.columnOutOfRange(row: 0, column: 2, columnCount: 2), program)
    program = valid
    program.rows[0].columns = [-1, 1]
    expectError(.columnOutOfRange(row: 0, column: -1, columnCount: 2), program)
    program = valid
    program.rows[0].columns = [1, 1]
    expectError(.repeatedColumn(row: 0, column: 1), program)
    program = valid
    program.rows[0].coefficients = [1, .nan]
    #expect(throws: SolverError.self) { try MILP.solve(program, options: options) }
    program = valid
    program.rows[0].coefficients = [-.infinity, 1]
    expectError(.nonFiniteCoefficient(row: 0, column: 0, value: -.infinity), program)
    program = valid
    program.rows[0].lower = 2
    expectError(.invalidRowBounds(row: 0, lower: 2, upper: 1), program)
  }

  @Test func optionsAreChecked() {
    for (options, name) in [
      (SolveOptions(timeLimitSeconds: 0), "timeLimitSeconds"),
      (SolveOptions(timeLimitSeconds: .nan), "timeLimitSeconds"),
      (SolveOptions(timeLimitSeconds: 1, relativeGap: -0.1), "relativeGap"),
      (SolveOptions(timeLimitSeconds: 1, threads: 0), "threads"),
      (SolveOptions(timeLimitSeconds: 1, seed: 0), "seed"),
      (SolveOptions(timeLimitSeconds: 1, nodeLimit: -1), "nodeLimit"),
    ] {
      #expect {
        try MILP.solve(valid, options: options)
      } throws: { error in
        guard case .invalidOption(let found, _, _) = error as? SolverError else { return false }
        return found == name
      }
    }
    #expect(throws: Never.self) { try MILP.solve(valid, options: SolveOptions(timeLimitSeconds: .infinity)) }
  }

  @Test func startIsChecked() {
    expectError(
      .startLengthMismatch(expected: 2, got: 1), valid, options: SolveOptions(timeLimitSeconds: 1, start: [1]))
    expectError(
      .invalidStartValue(column: 0, value: 0.5, reason: "is not integral"), valid,
      options: SolveOptions(timeLimitSeconds: 1, start: [0.5, 0]))
    expectError(
      .invalidStartValue(column: 1, value: 2, reason: "lies outside the column's bounds [0.0, 1.0]"), valid,
      options: SolveOptions(timeLimitSeconds: 1, start: [0, 2]))
    expectError(
      .invalidStartValue(column: 0, value: .infinity, reason: "is not a finite number"), valid,
      options: SolveOptions(timeLimitSeconds: 1, start: [.infinity, 0]))
    // Both columns at 1 break x0 + x1 ≤ 1.
    expectError(
      .infeasibleStart(row: 0, activity: 2, lower: -.infinity, upper: 1), valid,
      options: SolveOptions(timeLimitSeconds: 1, start: [1, 1]))
  }

  /// max x + y with x − y ≤ 1, x, y ≥ 0: y grows without limit, with or without integrality.
  @Test func unboundedThrows() {
    var program = LinearProgram(sense: .maximize)
    let x = program.addColumn(objective: 1)
    let y = program.addColumn(objective: 1)
    program.addRow(.atMost(1, columns: [x, y], coefficients: [1, -1]))
    #expect(throws: SolverError.unbounded) { try MILP.solve(program, options: options) }
    #expect(throws: SolverError.unbounded) { try MILP.relaxation(program) }
    program.isInteger = [true, true]
    #expect(throws: SolverError.unbounded) { try MILP.solve(program, options: options) }
  }

  /// x − y ≥ 1 and x − y ≤ 0 contradict each other, though max x + y also has an unbounded
  /// direction: infeasible, not unbounded.
  @Test func infeasibleWithUnboundedDirectionIsInfeasible() throws {
    var program = LinearProgram(sense: .maximize)
    let x = program.addColumn(objective: 1)
    let y = program.addColumn(objective: 1)
    program.addRow(.atLeast(1, columns: [x, y], coefficients: [1, -1]))
    program.addRow(.atMost(0, columns: [x, y], coefficients: [1, -1]))
    #expect(try MILP.relaxation(program).status == .infeasible)
    #expect(try MILP.solve(program, options: options).status == .infeasible)
  }

  @Test func messagesNameThePlace() {
    #expect(
      SolverError.columnOutOfRange(row: 3, column: 12, columnCount: 10).description
        == "linear program: row 3 refers to column 12, but the program has 10 columns")
    #expect(SolverError.unbounded.description.contains("unbounded"))
  }
}
