/// How `MILP.solve` runs CBC. The defaults give reproducible results: the same program and
/// options give the same solution, value for value, on every run — also when the node limit
/// stops the search (branch and bound is sequential and seeded), but not when the time limit
/// does (how far CBC got then depends on the machine's speed and load).
public struct SolveOptions: Sendable, Equatable {
  /// Wall-clock limit on the search (CBC `seconds` with `timeMode elapsed`, so that a busy
  /// machine does not stretch it); `.infinity` for none. When it is hit the best solution so
  /// far is returned as `.feasible` with the proven bound. Programs without integer columns
  /// are solved by Clp's simplex alone, which this does not limit.
  public var timeLimitSeconds: Double
  /// Branch-and-bound nodes CBC may explore (CBC `maxNodes`); nil for no limit. Unlike the
  /// time limit, a stop here is reproducible: the same program stops at the same node with
  /// the same incumbent and bound on any machine (with the same CBC build). The root node (cuts, heuristics) counts as
  /// none, so only the time limit bounds it.
  public var nodeLimit: Int?
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
    timeLimitSeconds: Double, nodeLimit: Int? = nil, start: [Double]? = nil, relativeGap: Double = 0,
    threads: Int = 1, seed: Int = 1
  ) {
    self.timeLimitSeconds = timeLimitSeconds
    self.nodeLimit = nodeLimit
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
    if let nodeLimit, !(0...Int(Int32.max)).contains(nodeLimit) {
      throw SolverError.invalidOption(name: "nodeLimit", value: "\(nodeLimit)", expected: "0 to \(Int32.max) nodes")
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
