/// Solves `LinearProgram`s with COIN-OR CBC (branch and cut over the Clp simplex), through
/// its C interface (`Cbc_C_Interface.h`). The only entry point to CBC: values in, values out,
/// silent (nothing on stdout), reproducible, and one solve at a time in the process (see
/// `CBCModel`): concurrent callers wait for each other, and a solve blocks its thread for up
/// to its time limit, so call it from work that may block (a task doing CPU-bound work).
///
/// ```swift
/// var cover = LinearProgram(sense: .minimize)
/// let x = (0..<3).map { _ in cover.addBinary(objective: 1) }
/// cover.addRow(.atLeast(1, columns: [x[0], x[1]], coefficients: [1, 1]))
/// cover.addRow(.atLeast(1, columns: [x[1], x[2]], coefficients: [1, 1]))
/// let best = try MILP.solve(cover, options: SolveOptions(timeLimitSeconds: 10))
/// // best.status == .optimal, best.values == [0, 1, 0], best.objective == 1
/// ```
public enum MILP {
  /// The best solution of `program` CBC finds within the options' limits.
  ///
  /// Throws `SolverError` for an invalid program or options (before CBC sees them), an
  /// unbounded objective, or a solve CBC abandoned.
  public static func solve(_ program: LinearProgram, options: SolveOptions) throws -> Solution {
    try program.validate()
    try options.validate(for: program)
    return try CBCModel.exclusively {
      let clock = ContinuousClock()
      let started = clock.now
      let model = CBCModel()
      model.load(program, relaxed: false)
      configure(model, options)
      // Without integer columns Clp alone solves it; a start would only cost CBC's check.
      if let start = options.start, program.isInteger.contains(true) {
        model.setStart(start, isInteger: program.isInteger)
      }
      model.solve()
      let outcome = model.outcome(columnCount: program.columnCount)
      return try interpret(outcome, program, seconds: seconds(since: started, clock))
    }
  }

  /// The LP relaxation of `program` (integrality dropped), solved by Clp's simplex: its
  /// optimum bounds the program's (from above when maximising, below when minimising).
  public static func relaxation(_ program: LinearProgram) throws -> Solution {
    try program.validate()
    return try CBCModel.exclusively {
      let clock = ContinuousClock()
      let started = clock.now
      let model = CBCModel()
      model.load(program, relaxed: true)
      model.solve()
      let outcome = model.outcome(columnCount: program.columnCount)
      var relaxed = program
      relaxed.isInteger = Array(repeating: false, count: program.columnCount)
      return try interpret(outcome, relaxed, seconds: seconds(since: started, clock))
    }
  }

  /// CBC's command-line parameters for the options (`Cbc_setParameter`; names as for `cbc`).
  private static func configure(_ model: CBCModel, _ options: SolveOptions) {
    if options.timeLimitSeconds.isFinite {
      model.setParameter("seconds", "\(options.timeLimitSeconds)")
      // CBC counts CPU seconds by default; a planner waits in wall-clock time.
      model.setParameter("timeMode", "elapsed")
    }
    if let nodeLimit = options.nodeLimit { model.setParameter("maxNodes", "\(nodeLimit)") }
    if options.relativeGap > 0 { model.setParameter("ratioGap", "\(options.relativeGap)") }
    model.setParameter("randomSeed", "\(options.seed)")
    model.setParameter("randomCbcSeed", "\(options.seed)")
    // threads 0 (the default) is CBC's sequential code; 1 would start one worker thread.
    if options.threads > 1 { model.setParameter("threads", "\(100 + options.threads)") }
  }

  /// Maps CBC's flags to a `Solution`, or throws for what is not an answer.
  private static func interpret(_ outcome: CBCOutcome, _ program: LinearProgram, seconds: Double) throws -> Solution {
    let worst = program.sense == .maximize ? -Double.infinity : .infinity
    // Cbc_secondaryStatus after a stop (status 1): 2 gap, 3 nodes, 4 time (CbcModel.hpp).
    let limit: Solution.Limit? =
      switch (outcome.status, outcome.secondaryStatus) {
      case (0, 2): .gap
      case (1, 3): .nodes
      case (1, 4): .time
      default: nil
      }
    func none(_ status: Solution.Status, bound: Double) -> Solution {
      Solution(
        status: status, values: [], objective: worst, bound: bound, seconds: seconds, nodes: outcome.nodes,
        stoppedBy: limit)
    }
    func found(_ status: Solution.Status, _ raw: [Double]) throws -> Solution {
      guard raw.count == program.columnCount else {
        throw SolverError.unexpectedStatus(status: outcome.status, secondary: outcome.secondaryStatus)
      }
      let values = polished(raw, program)
      let objective = zip(program.objective, values).reduce(0) { $0 + $1.0 * $1.1 }
      let bound = status == .optimal ? objective : dualBound(outcome.bestPossible, objective, program.sense)
      return Solution(
        status: status, values: values, objective: objective, bound: bound, seconds: seconds, nodes: outcome.nodes,
        stoppedBy: status == .optimal ? nil : limit)
    }
    guard outcome.usedBranchAndBound else {
      // Clp alone: optimal, infeasible (primal or dual), abandoned, or stopped.
      if outcome.provenOptimal { return try found(.optimal, outcome.columnSolution) }
      if outcome.abandoned { throw SolverError.numericalDifficulties }
      if outcome.provenInfeasible {
        if !outcome.primalInfeasible, isFeasible(program) { throw SolverError.unbounded }
        return none(.infeasible, bound: worst)
      }
      return none(.noSolution, bound: -worst)
    }
    if outcome.relaxationUnbounded || outcome.secondaryStatus == 7 { throw SolverError.unbounded }
    if outcome.abandoned || outcome.status == 2 { throw SolverError.numericalDifficulties }
    switch (outcome.status, outcome.secondaryStatus, outcome.incumbent) {
    case (0, 0, let incumbent?) where outcome.provenOptimal,
      // "LP infeasible or worse than the cutoff" with an incumbent: nothing beats it. This is
      // how CBC ends when the start (which sets the cutoff) is already optimal.
      (0, 1, let incumbent?):
      return try found(.optimal, incumbent)
    case (0, 2, let incumbent?):
      // Stopped on ratioGap: CBC calls this optimal (Cbc_isProvenOptimal is 1); it is not.
      return try found(.feasible, incumbent)
    case (1, _, let incumbent?), (5, _, let incumbent?):
      return try found(.feasible, incumbent)
    case (1, _, nil), (5, _, nil):
      return none(.noSolution, bound: dualBound(outcome.bestPossible, worst, program.sense))
    case (0, 1, nil):
      return none(.infeasible, bound: worst)
    case (0, _, nil) where outcome.provenInfeasible:
      return none(.infeasible, bound: worst)
    default:
      throw SolverError.unexpectedStatus(status: outcome.status, secondary: outcome.secondaryStatus)
    }
  }

  /// Whether the program's rows and bounds admit any point: the same LP with a zero
  /// objective, which cannot be unbounded. Tells an unbounded LP from an infeasible one
  /// when Clp proved only dual infeasibility. Runs inside the caller's exclusive section.
  private static func isFeasible(_ program: LinearProgram) -> Bool {
    let model = CBCModel()
    model.load(program, relaxed: true, objective: Array(repeating: 0, count: program.columnCount))
    model.solve()
    return model.outcome(columnCount: program.columnCount).provenOptimal
  }

  /// CBC's values made exact: integer columns rounded (CBC leaves them within its 1e-6
  /// integrality tolerance, e.g. 0.99999999999999989), every value clamped to its bounds, and
  /// −0 written as 0, so the same solution always has the same bytes.
  private static func polished(_ raw: [Double], _ program: LinearProgram) -> [Double] {
    raw.indices.map { column in
      var value = program.isInteger[column] ? raw[column].rounded() : raw[column]
      value = min(max(value, program.lower[column]), program.upper[column])
      return value == 0 ? 0 : value
    }
  }

  /// CBC's best possible value as a bound in the program's sense: ±`DBL_MAX` (nothing
  /// known) becomes infinite, and it is never worse than a known `objective`.
  private static func dualBound(_ bestPossible: Double, _ objective: Double, _ sense: LinearProgram.Sense) -> Double {
    let known = bestPossible.isFinite && abs(bestPossible) < 1e300
    switch sense {
    case .maximize: return known ? max(bestPossible, objective) : .infinity
    case .minimize: return known ? min(bestPossible, objective) : -.infinity
    }
  }

  private static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let elapsed = (clock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
  }
}
