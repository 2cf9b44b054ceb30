/// What a solve found, as values.
///
/// `objective` and `bound` are in the program's own sense: for a maximisation the bound is
/// an upper bound (`bound ≥ objective`), for a minimisation a lower bound (`bound ≤
/// objective`). Values of integer columns are exact integers (CBC's are within its 1e-6
/// integrality tolerance and get rounded), every value lies within its column's bounds, and
/// `objective` is recomputed as `objective · values` from them.
public struct Solution: Sendable, Equatable {
  public enum Status: Sendable, Equatable {
    /// Proven optimal: `bound == objective`.
    case optimal
    /// A solution without a proof of optimality: the time limit (or the requested
    /// `relativeGap`) stopped the search; `bound` says how far from optimal it can be.
    case feasible
    /// No solution exists (for a program with integer columns: not even of the LP relaxation,
    /// or none with integral values).
    case infeasible
    /// The time limit came before any solution was found (`bound` may still be informative).
    case noSolution
  }

  public let status: Status
  /// One value per column for `.optimal` and `.feasible`; empty otherwise.
  public let values: [Double]
  /// `objective · values`; with no solution, the worst value of the sense (`.infinity` when
  /// minimising, `-.infinity` when maximising).
  public let objective: Double
  /// The best objective any solution could reach (the dual bound). Equal to `objective` when
  /// optimal; infinite when nothing is known (or when infeasible: the sense's worst value).
  public let bound: Double
  /// Wall-clock seconds CBC spent on this solve (load and search).
  public let seconds: Double
  /// Branch-and-bound nodes CBC explored (`Cbc_getNodeCount`); 0 when the root settled it
  /// or only Clp ran.
  public let nodes: Int
  /// The limit that ended the search before a proof, if one did: `.feasible` and
  /// `.noSolution` name it here (a stop on `relativeGap` is `.gap`).
  public let stoppedBy: Limit?

  /// What ended a search early.
  public enum Limit: String, Sendable, Equatable {
    /// `SolveOptions.timeLimitSeconds`: how far the search got depends on the machine.
    case time
    /// `SolveOptions.nodeLimit`: reproducible.
    case nodes
    /// `SolveOptions.relativeGap`.
    case gap
  }

  public init(
    status: Status, values: [Double], objective: Double, bound: Double, seconds: Double, nodes: Int = 0,
    stoppedBy: Limit? = nil
  ) {
    self.status = status
    self.values = values
    self.objective = objective
    self.bound = bound
    self.seconds = seconds
    self.nodes = nodes
    self.stoppedBy = stoppedBy
  }

  /// Whether `values` holds a solution (`.optimal` or `.feasible`).
  public var hasSolution: Bool { status == .optimal || status == .feasible }

  /// The proven relative gap `|objective − bound| / max(|objective|, 1e-9)`: 0 when optimal,
  /// `.infinity` without a solution.
  public var gap: Double {
    switch status {
    case .optimal: return 0
    case .feasible: return abs(objective - bound) / max(abs(objective), 1e-9)
    case .infeasible, .noSolution: return .infinity
    }
  }
}
