/// How `MILP.solve` runs CBC. The defaults give reproducible results: the same program and
/// options give the same solution, value for value, on every run (unless the time limit cuts
/// the search short, which depends on the machine's speed).
public struct SolveOptions: Sendable, Equatable {
  /// Wall-clock limit on the search (CBC `seconds` with `timeMode elapsed`, so that a busy
  /// machine does not stretch it); `.infinity` for none. When it is hit the best solution so
  /// far is returned as `.feasible` with the proven bound. Programs without integer columns
  /// are solved by Clp's simplex alone, which this does not limit.
  public var timeLimitSeconds: Double
  /// A known feasible solution, one value per column (integral on integer columns, within
  /// the bounds and every row, to 1e-6 relative): CBC starts from it as the incumbent, so the
  /// result is never worse than it, and an optimal start comes back unchanged.
  public var start: [Double]?
  /// Stop once `|bound − objective|` is proven below this fraction of the larger of the two
  /// (CBC `ratioGap`; `Solution.gap` divides by `|objective|`, so it may read slightly more);
  /// 0 searches to optimality. A stop on the gap is reported as `.feasible`.
  public var relativeGap: Double
  /// Threads for the search, 1...99. More than one uses CBC's deterministic parallel mode
  /// (`threads 100 + n`), which keeps results repeatable but is the less tested path.
  public var threads: Int
  /// Seed for CBC's and Clp's pseudo-random choices (`randomCbcSeed`, `randomSeed`), 1 or
  /// more (CBC reads 0 as "seed from the clock", which would break reproducibility).
  public var seed: Int

  public init(
    timeLimitSeconds: Double, start: [Double]? = nil, relativeGap: Double = 0, threads: Int = 1, seed: Int = 1
  ) {
    self.timeLimitSeconds = timeLimitSeconds
    self.start = start
    self.relativeGap = relativeGap
    self.threads = threads
    self.seed = seed
  }
}

extension SolveOptions {
  /// Throws for a setting CBC would misread or that would break reproducibility.
  func validate(for program: LinearProgram) throws {
    guard timeLimitSeconds > 0 else {
      throw SolverError.invalidOption(
        name: "timeLimitSeconds", value: "\(timeLimitSeconds)", expected: "a positive number of seconds or infinity")
    }
    guard relativeGap.isFinite, relativeGap >= 0 else {
      throw SolverError.invalidOption(
        name: "relativeGap", value: "\(relativeGap)", expected: "a finite fraction of at least 0")
    }
    guard (1...99).contains(threads) else {
      throw SolverError.invalidOption(name: "threads", value: "\(threads)", expected: "1 to 99")
    }
    guard (1...Int(Int32.max)).contains(seed) else {
      throw SolverError.invalidOption(name: "seed", value: "\(seed)", expected: "1 to \(Int32.max)")
    }
    if let start { try program.validate(start: start) }
  }
}
