internal import CCBC
import Foundation

/// One CBC model, from `Cbc_newModel` to `Cbc_deleteModel` (in `deinit`, so the C model is
/// freed on every path, a thrown error included). Used for exactly one solve: CBC's header
/// warns that problem access and modification are not valid after `Cbc_solve`.
///
/// Not `Sendable`, and only used inside `CBCModel.exclusively`: CBC 2.10's `CbcMain1`, which
/// `Cbc_solve` runs, keeps state in globals and is not safe to run on two threads at once
/// (coin-or/Cbc#332, #223), so the process solves one model at a time.
final class CBCModel {
  private let handle: UnsafeMutableRawPointer

  /// Serialises every CBC call in the process.
  private static let lock = NSLock()

  static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// A silent model. CBC and Clp print to stdout by default (banner, command line, progress,
  /// statistics, the simplex log of an LP). `Cbc_setLogLevel(0)` quiets the model's and the LP
  /// solver's message handlers (enough on its own in 2.10.8, for both solve paths); the `log`
  /// and `slogLevel` parameters are what `CbcMain1` itself reads, so they are set as well.
  init() {
    // Cbc_newModel allocates with C++ `new`, which throws rather than return NULL.
    guard let handle = Cbc_newModel() else { fatalError("Cbc_newModel returned NULL") }
    self.handle = handle
    Cbc_setLogLevel(handle, 0)
    setParameter("log", "0")
    setParameter("slogLevel", "0")
  }

  deinit {
    Cbc_deleteModel(handle)
  }

  /// Loads a validated program with `Cbc_loadProblem` (one call, the matrix in compressed
  /// sparse columns; rows as `lower ≤ a·x ≤ upper`, so ranges and equalities need no sense
  /// letter), then marks integer columns (`Cbc_setInteger`) unless `relaxed`, and sets the
  /// sense (`Cbc_setObjSense`: 1 minimise, −1 maximise). `objective` overrides the program's.
  func load(_ program: LinearProgram, relaxed: Bool, objective: [Double]? = nil) {
    let columnCount = program.columnCount
    var counts = [Int](repeating: 0, count: columnCount + 1)
    for row in program.rows {
      for (column, coefficient) in zip(row.columns, row.coefficients) where coefficient != 0 {
        counts[Int(column) + 1] += 1
      }
    }
    for column in 0..<columnCount { counts[column + 1] += counts[column] }
    let starts = counts.map { CoinBigIndex(truncatingIfNeeded: $0) }
    var next = counts
    var rowIndices = [Int32](repeating: 0, count: counts[columnCount])
    var values = [Double](repeating: 0, count: counts[columnCount])
    // Rows in order, so each column's entries come out sorted by row.
    for (index, row) in program.rows.enumerated() {
      for (column, coefficient) in zip(row.columns, row.coefficients) where coefficient != 0 {
        let slot = next[Int(column)]
        rowIndices[slot] = Int32(truncatingIfNeeded: index)
        values[slot] = coefficient
        next[Int(column)] += 1
      }
    }
    Cbc_loadProblem(
      handle, Int32(truncatingIfNeeded: columnCount), Int32(truncatingIfNeeded: program.rows.count),
      starts, rowIndices, values,
      program.lower.map(Self.coin), program.upper.map(Self.coin), objective ?? program.objective,
      program.rows.map { Self.coin($0.lower) }, program.rows.map { Self.coin($0.upper) })
    if !relaxed {
      for column in 0..<columnCount where program.isInteger[column] {
        Cbc_setInteger(handle, Int32(truncatingIfNeeded: column))
      }
    }
    Cbc_setObjSense(handle, program.sense == .maximize ? -1 : 1)
  }

  /// Makes a validated, feasible start the incumbent with `Cbc_setInitialSolution` (after
  /// `load`, so the sense is known). CBC checks it (`CbcModel::setBestSolution` with its check
  /// on: integers fixed, the LP re-solved for the continuous columns) and keeps it through
  /// preprocessing; it is replaced only by a strictly better solution. Not `Cbc_setMIPStartI`:
  /// in CBC 2.10 that start is matched by column name after preprocessing, which merges
  /// identical columns, and was then misread or dropped (a tied optimal start came back as the
  /// other optimum, with "MIPStart provided solution with cost 6" for a start worth 12).
  func setStart(_ start: [Double], isInteger: [Bool]) {
    let values = start.indices.map { isInteger[$0] ? start[$0].rounded() : start[$0] }
    Cbc_setInitialSolution(handle, values)
  }

  /// `Cbc_setParameter`: appends `-name value` to the command line `Cbc_solve` hands to
  /// `CbcMain1`, exactly as for the `cbc` program.
  func setParameter(_ name: String, _ value: String) {
    Cbc_setParameter(handle, name, value)
  }

  /// `Cbc_solve`: Clp's simplex alone when no column is integer, else `CbcMain1`
  /// (preprocessing, cuts, heuristics, branch and bound).
  func solve() {
    _ = Cbc_solve(handle)
  }

  /// What CBC reports after `solve`, read in one place. For a program without integer
  /// columns the flags come from the LP solver (`Cbc_isProvenInfeasible` is then also true
  /// for an unbounded LP: Clp's dual infeasibility; `primalInfeasible` tells them apart).
  func outcome(columnCount: Int) -> CBCOutcome {
    let incumbent = Cbc_bestSolution(handle).map { Array(UnsafeBufferPointer(start: $0, count: columnCount)) }
    let current = Cbc_getColSolution(handle).map { Array(UnsafeBufferPointer(start: $0, count: columnCount)) }
    return CBCOutcome(
      usedBranchAndBound: Cbc_getNumIntegers(handle) > 0,
      status: Int(Cbc_status(handle)),
      secondaryStatus: Int(Cbc_secondaryStatus(handle)),
      provenOptimal: Cbc_isProvenOptimal(handle) != 0,
      provenInfeasible: Cbc_isProvenInfeasible(handle) != 0,
      primalInfeasible: Cbc_isInitialSolveProvenPrimalInfeasible(handle) != 0,
      relaxationUnbounded: Cbc_isContinuousUnbounded(handle) != 0,
      abandoned: Cbc_isAbandoned(handle) != 0,
      incumbent: incumbent,
      columnSolution: current ?? [],
      bestPossible: Cbc_getBestPossibleObjValue(handle),
      nodes: Cbc_getNumIntegers(handle) > 0 ? Int(Cbc_getNodeCount(handle)) : 0)
  }

  /// COIN-OR's infinity is `DBL_MAX` (`COIN_DBL_MAX`); pass that rather than IEEE infinity.
  private static func coin(_ value: Double) -> Double {
    value == .infinity ? .greatestFiniteMagnitude : value == -.infinity ? -.greatestFiniteMagnitude : value
  }
}

/// The raw results of one `Cbc_solve`, as values, for `MILP` to interpret.
struct CBCOutcome {
  /// Whether `CbcMain1` ran (some column integer); otherwise only Clp's simplex did.
  var usedBranchAndBound: Bool
  /// `Cbc_status`: −1 not run, 0 finished, 1 stopped on a limit, 2 abandoned, 5 user event.
  var status: Int
  /// `Cbc_secondaryStatus`: 0 complete, 1 LP infeasible, 2 gap, 3 nodes, 4 time, 5 user
  /// event, 6 solutions, 7 LP unbounded, 8 iterations.
  var secondaryStatus: Int
  var provenOptimal: Bool
  var provenInfeasible: Bool
  var primalInfeasible: Bool
  var relaxationUnbounded: Bool
  var abandoned: Bool
  /// `Cbc_bestSolution`: the best integer solution, nil when there is none.
  var incumbent: [Double]?
  /// `Cbc_getColSolution`: the LP's solution when only Clp ran.
  var columnSolution: [Double]
  /// `Cbc_getBestPossibleObjValue`, in the program's sense; ±`DBL_MAX` when unknown.
  var bestPossible: Double
  /// `Cbc_getNodeCount`: branch-and-bound nodes explored (0 when only Clp ran).
  var nodes: Int
}
