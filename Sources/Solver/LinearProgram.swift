/// A mixed-integer linear program in value form: optimise `objective · x` subject to
/// `lower[j] ≤ x[j] ≤ upper[j]` for every column, `row.lower ≤ Σ row.coefficients[k] ·
/// x[row.columns[k]] ≤ row.upper` for every row, and `x[j]` integral where `isInteger[j]`.
///
/// Plain values: a program can be built on any task and handed to `MILP`. Nothing here touches
/// CBC; `MILP` checks the program first and throws `SolverError` for anything CBC would
/// misread (mismatched lengths, non-finite coefficients, `lower > upper`, a column out of range).
///
/// ```swift
/// var knapsack = LinearProgram(sense: .maximize)
/// let a = knapsack.addBinary(objective: 10), b = knapsack.addBinary(objective: 13)
/// knapsack.addRow(.atMost(7, columns: [a, b], coefficients: [4, 6]))
/// let best = try MILP.solve(knapsack, options: SolveOptions(timeLimitSeconds: 10))  // b alone: 13
/// ```
public struct LinearProgram: Sendable, Equatable {
  public enum Sense: Sendable, Equatable {
    case minimize, maximize
  }

  /// One constraint `lower ≤ a·x ≤ upper`. An infinite side is open; `lower == upper` makes it
  /// an equality, both finite and different a range. Each column appears at most once.
  public struct Row: Sendable, Equatable {
    /// Column indices (CBC's `int`), each once.
    public var columns: [Int32]
    /// One per entry of `columns`; zeros are allowed and dropped.
    public var coefficients: [Double]
    public var lower: Double
    public var upper: Double

    public init(columns: [Int32], coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity) {
      self.columns = columns
      self.coefficients = coefficients
      self.lower = lower
      self.upper = upper
    }

    /// `a·x ≤ bound`.
    public static func atMost(_ bound: Double, columns: [Int32], coefficients: [Double]) -> Row {
      Row(columns: columns, coefficients: coefficients, lower: -.infinity, upper: bound)
    }

    /// `a·x ≥ bound`.
    public static func atLeast(_ bound: Double, columns: [Int32], coefficients: [Double]) -> Row {
      Row(columns: columns, coefficients: coefficients, lower: bound, upper: .infinity)
    }

    /// `a·x = value`.
    public static func exactly(_ value: Double, columns: [Int32], coefficients: [Double]) -> Row {
      Row(columns: columns, coefficients: coefficients, lower: value, upper: value)
    }
  }

  public var sense: Sense
  /// The objective coefficient of each column; its length is the number of columns.
  public var objective: [Double]
  /// Column bounds, one per column; `-.infinity` / `.infinity` leave a side open.
  public var lower: [Double]
  public var upper: [Double]
  /// Whether each column must take an integral value.
  public var isInteger: [Bool]
  public var rows: [Row]

  public init(
    sense: Sense, objective: [Double], lower: [Double], upper: [Double], isInteger: [Bool], rows: [Row] = []
  ) {
    self.sense = sense
    self.objective = objective
    self.lower = lower
    self.upper = upper
    self.isInteger = isInteger
    self.rows = rows
  }

  /// A program without columns or rows, to be filled with `addColumn` and `addRow`.
  public init(sense: Sense) {
    self.init(sense: sense, objective: [], lower: [], upper: [], isInteger: [])
  }

  public var columnCount: Int { objective.count }

  /// Appends a column and returns its index, for use in rows.
  @discardableResult
  public mutating func addColumn(
    objective coefficient: Double, lower: Double = 0, upper: Double = .infinity, isInteger integral: Bool = false
  ) -> Int32 {
    objective.append(coefficient)
    self.lower.append(lower)
    self.upper.append(upper)
    isInteger.append(integral)
    return Int32(truncatingIfNeeded: objective.count - 1)
  }

  /// Appends a 0/1 column and returns its index.
  @discardableResult
  public mutating func addBinary(objective coefficient: Double) -> Int32 {
    addColumn(objective: coefficient, lower: 0, upper: 1, isInteger: true)
  }

  public mutating func addRow(_ row: Row) {
    rows.append(row)
  }
}
