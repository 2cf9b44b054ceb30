/// Why `MILP` refused a program or could not solve it. The input cases are found in Swift
/// before any CBC call (CBC itself would read past arrays, abort or silently misread); the
/// others describe what CBC reported. Each message is one line a planner can read.
public enum SolverError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `lower`, `upper` or `isInteger` does not have one entry per column (`objective`).
  case columnCountMismatch(field: String, expected: Int, got: Int)
  case nonFiniteObjective(column: Int, value: Double)
  /// NaN, `lower > upper`, `lower == +∞` or `upper == −∞`.
  case invalidColumnBounds(column: Int, lower: Double, upper: Double)
  case rowLengthMismatch(row: Int, columns: Int, coefficients: Int)
  case columnOutOfRange(row: Int, column: Int32, columnCount: Int)
  case repeatedColumn(row: Int, column: Int32)
  case nonFiniteCoefficient(row: Int, column: Int32, value: Double)
  case invalidRowBounds(row: Int, lower: Double, upper: Double)
  /// More columns, rows or non-zeros than CBC's 32-bit indices hold.
  case tooLarge(what: String, count: Int)
  case invalidOption(name: String, value: String, expected: String)
  case startLengthMismatch(expected: Int, got: Int)
  case invalidStartValue(column: Int, value: Double, reason: String)
  /// The start's activity on a row lies outside the row's bounds.
  case infeasibleStart(row: Int, activity: Double, lower: Double, upper: Double)
  /// The objective improves without limit (for a program with integer columns: its LP
  /// relaxation does), which means a missing bound or row in the formulation.
  case unbounded
  /// CBC abandoned the solve on numerical difficulties.
  case numericalDifficulties
  /// A CBC status this wrapper does not know (`Cbc_status`, `Cbc_secondaryStatus`).
  case unexpectedStatus(status: Int, secondary: Int)

  public var description: String {
    switch self {
    case .columnCountMismatch(let field, let expected, let got):
      return "linear program: \(field) has \(got) entries, expected one per column (\(expected))"
    case .nonFiniteObjective(let column, let value):
      return "linear program: objective coefficient of column \(column) is \(value), not a finite number"
    case .invalidColumnBounds(let column, let lower, let upper):
      return "linear program: column \(column) has bounds [\(lower), \(upper)], which no value satisfies"
    case .rowLengthMismatch(let row, let columns, let coefficients):
      return "linear program: row \(row) lists \(columns) columns but \(coefficients) coefficients"
    case .columnOutOfRange(let row, let column, let columnCount):
      return "linear program: row \(row) refers to column \(column), but the program has \(columnCount) columns"
    case .repeatedColumn(let row, let column):
      return "linear program: row \(row) lists column \(column) more than once"
    case .nonFiniteCoefficient(let row, let column, let value):
      return "linear program: row \(row) has coefficient \(value) for column \(column), not a finite number"
    case .invalidRowBounds(let row, let lower, let upper):
      return "linear program: row \(row) has bounds [\(lower), \(upper)], which no value satisfies"
    case .tooLarge(let what, let count):
      return "linear program: \(count) \(what) is more than CBC can index (\(Int32.max))"
    case .invalidOption(let name, let value, let expected):
      return "solver option \(name) is \(value), expected \(expected)"
    case .startLengthMismatch(let expected, let got):
      return "solver start has \(got) values, expected one per column (\(expected))"
    case .invalidStartValue(let column, let value, let reason):
      return "solver start value \(value) of column \(column) \(reason)"
    case .infeasibleStart(let row, let activity, let lower, let upper):
      return "solver start gives row \(row) the value \(activity), outside its bounds [\(lower), \(upper)]"
    case .unbounded:
      return "linear program is unbounded: the objective improves without limit (a bound or row is missing)"
    case .numericalDifficulties:
      return "CBC abandoned the solve on numerical difficulties"
    case .unexpectedStatus(let status, let secondary):
      return "CBC ended with an unexpected status \(status) (secondary \(secondary))"
    }
  }
}
