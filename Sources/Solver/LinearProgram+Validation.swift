/// Checks made in Swift before any CBC call. CBC's C API trusts its arrays: a short one is
/// read past, a column index out of range corrupts the matrix, a repeated one in a row is
/// stored twice, and NaN bounds or coefficients give meaningless answers without an error.
extension LinearProgram {
  /// Throws the first problem found, in column then row order.
  func validate() throws {
    let count = columnCount
    try Self.checkIndexable(count, "columns")
    try Self.checkIndexable(rows.count, "rows")
    for (field, length) in [("lower", lower.count), ("upper", upper.count), ("isInteger", isInteger.count)]
    where length != count {
      throw SolverError.columnCountMismatch(field: field, expected: count, got: length)
    }
    for column in 0..<count {
      guard objective[column].isFinite else {
        throw SolverError.nonFiniteObjective(column: column, value: objective[column])
      }
      guard Self.isSatisfiable(lower[column], upper[column]) else {
        throw SolverError.invalidColumnBounds(column: column, lower: lower[column], upper: upper[column])
      }
    }
    var nonZeros = 0
    var lastSeen = [Int](repeating: -1, count: count)
    for (index, row) in rows.enumerated() {
      guard row.columns.count == row.coefficients.count else {
        throw SolverError.rowLengthMismatch(
          row: index, columns: row.columns.count, coefficients: row.coefficients.count)
      }
      guard Self.isSatisfiable(row.lower, row.upper) else {
        throw SolverError.invalidRowBounds(row: index, lower: row.lower, upper: row.upper)
      }
      for (column, coefficient) in zip(row.columns, row.coefficients) {
        guard column >= 0, Int(column) < count else {
          throw SolverError.columnOutOfRange(row: index, column: column, columnCount: count)
        }
        guard lastSeen[Int(column)] != index else {
          throw SolverError.repeatedColumn(row: index, column: column)
        }
        lastSeen[Int(column)] = index
        guard coefficient.isFinite else {
          throw SolverError.nonFiniteCoefficient(row: index, column: column, value: coefficient)
        }
        if coefficient != 0 { nonZeros += 1 }
      }
    }
    try Self.checkIndexable(nonZeros, "non-zero coefficients")
  }

  /// Checks a MIP start against the program (which has passed `validate`).
  func validate(start: [Double]) throws {
    guard start.count == columnCount else {
      throw SolverError.startLengthMismatch(expected: columnCount, got: start.count)
    }
    for (column, value) in start.enumerated() {
      guard value.isFinite else {
        throw SolverError.invalidStartValue(column: column, value: value, reason: "is not a finite number")
      }
      let slack = 1e-9 * max(1, abs(value))
      guard value >= lower[column] - slack, value <= upper[column] + slack else {
        throw SolverError.invalidStartValue(
          column: column, value: value, reason: "lies outside the column's bounds [\(lower[column]), \(upper[column])]")
      }
      guard !isInteger[column] || abs(value - value.rounded()) <= slack else {
        throw SolverError.invalidStartValue(column: column, value: value, reason: "is not integral")
      }
    }
    // CBC would check the rows too, but drop a violating start without a word.
    for (index, row) in rows.enumerated() {
      let activity = zip(row.columns, row.coefficients).reduce(0) { $0 + $1.1 * start[Int($1.0)] }
      let slack = 1e-6 * max(1, abs(activity))
      guard activity >= row.lower - slack, activity <= row.upper + slack else {
        throw SolverError.infeasibleStart(row: index, activity: activity, lower: row.lower, upper: row.upper)
      }
    }
  }

  /// `lower ≤ upper` with neither NaN nor an infinite bound on the wrong side.
  private static func isSatisfiable(_ lower: Double, _ upper: Double) -> Bool {
    !lower.isNaN && !upper.isNaN && lower <= upper && lower < .infinity && upper > -.infinity
  }

  private static func checkIndexable(_ count: Int, _ what: String) throws {
    guard count <= Int(Int32.max) else { throw SolverError.tooLarge(what: what, count: count) }
  }
}
