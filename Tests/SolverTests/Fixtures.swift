import Solver
import TestSupport

/// Programs and checks shared by the solver tests.
enum Fixtures {
  /// A 0/1 program from dense rows: `rows[i] = (coefficients, lower, upper)`.
  static func binaryProgram(
    _ sense: LinearProgram.Sense, objective: [Double], rows: [([Double], Double, Double)]
  ) -> LinearProgram {
    var program = LinearProgram(sense: sense)
    for coefficient in objective { program.addBinary(objective: coefficient) }
    for (coefficients, lower, upper) in rows {
      let columns = coefficients.indices.filter { coefficients[$0] != 0 }
      program.addRow(
        LinearProgram.Row(
          columns: columns.map { Int32($0) }, coefficients: columns.map { coefficients[$0] }, lower: lower,
          upper: upper))
    }
    return program
  }

  /// A multi-dimensional 0/1 knapsack (`items` columns, `dimensions` rows, each capacity half
  /// the row's total weight) that CBC cannot close in a few seconds at 300 × 30: for limits.
  static func hardKnapsack(items: Int, dimensions: Int, seed: UInt64) -> LinearProgram {
    var rng = SplitMix(seed: seed)
    let profits = (0..<items).map { _ in Double(Int.random(in: 1...100, using: &rng)) }
    let weights = (0..<dimensions).map { _ in (0..<items).map { _ in Double(Int.random(in: 1...100, using: &rng)) } }
    return binaryProgram(
      .maximize, objective: profits,
      rows: weights.map { row in (row, -.infinity, row.reduce(0, +) / 2) })
  }

  /// Whether `values` satisfies every bound, row and integrality of `program` within `tolerance`.
  static func isFeasible(_ values: [Double], _ program: LinearProgram, tolerance: Double = 1e-7) -> Bool {
    guard values.count == program.columnCount else { return false }
    for column in values.indices {
      let value = values[column]
      if value < program.lower[column] - tolerance || value > program.upper[column] + tolerance { return false }
      if program.isInteger[column] && value != value.rounded() { return false }
    }
    for row in program.rows {
      let activity = zip(row.columns, row.coefficients).reduce(0) { $0 + $1.1 * values[Int($1.0)] }
      if activity < row.lower - tolerance || activity > row.upper + tolerance { return false }
    }
    return true
  }

  /// `objective · values`.
  static func value(_ values: [Double], _ program: LinearProgram) -> Double {
    zip(program.objective, values).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// The best objective of a 0/1 program by trying every assignment; nil when none is feasible.
  static func bruteForceOptimum(_ program: LinearProgram) -> Double? {
    let count = program.columnCount
    var best: Double?
    for mask in 0..<(1 << count) {
      let values = (0..<count).map { Double((mask >> $0) & 1) }
      guard isFeasible(values, program, tolerance: 1e-9) else { continue }
      let objective = value(values, program)
      if let current = best {
        best = program.sense == .maximize ? max(current, objective) : min(current, objective)
      } else {
        best = objective
      }
    }
    return best
  }
}
