import Coverage
import Foundation
import Scenario
import Solver

/// `cosite recommend`: which stations the planned carriers should add to close their
/// coverage gaps, at least cost, with a bound on how far from optimal the choice can be.
public struct Recommender {
  /// What the plan aims at.
  public enum Goal: Sendable, Hashable {
    /// Most newly covered demand within a budget over the horizon (one-off + present value
    /// of yearly costs), VND; nil = no budget.
    case budget(Double?)
    /// Least cost at which each planned carrier's covered share of demand (or area)
    /// reaches this share.
    case target(Double)
  }

  public struct Options: Sendable {
    /// Carriers planned for (scenario indices); several = jointly (they compete for slots).
    public var carriers: [Int]
    public var goal: Goal
    public var maxStations: Int?
    /// Seed-set size of the partial enumeration (budget goal).
    public var depth = 1
    /// Weight covered cells by parcel demand (workers by default) or by area.
    public var weightByArea = false
    public var pool = CandidatePool.Settings()
    /// How long CBC may search for the exact optimum, s (`--time-limit-s`); nil = heuristics
    /// only. A safety net: `nodeLimit` is what stops the bundled plans that CBC does not
    /// prove optimal, reproducibly; a plan stopped by the clock depends on the machine.
    public var timeLimitSeconds: Double? = 60
    /// Branch-and-bound nodes CBC may explore (`--node-limit`); nil = no limit. 1,000 nodes
    /// close every bundled macro-only plan and leave the indoor plans of Dinh Vu and Hai
    /// Phong within 0.04–0.2 % of the optimum; 18,000 nodes moved the bound not at all
    /// (BENCHMARKS.md, *A reproducible limit for CBC*).
    public var nodeLimit: Int? = 1000

    public init(carriers: [Int], goal: Goal = .budget(nil), maxStations: Int? = nil) {
      self.carriers = carriers.sorted()
      self.goal = goal
      self.maxStations = maxStations
    }
  }

  /// One recommended offer, in ranked order.
  public struct Pick: Sendable {
    public let offer: StationOffer
    /// Weight it newly covers given the picks before it.
    public let gain: Double
    /// Cells it newly covers given the picks before it: per planned carrier (position in
    /// `Options.carriers`), per cell map.
    public let newCells: [[[Int32]]]
  }

  public struct Result: Sendable {
    public let option: SharingOption
    public let carriers: [Int]
    public let goal: Goal
    public let picks: [Pick]
    public let pool: CandidatePool
    public let offerCount: Int
    public let value: Double
    public let cost: Double
    /// Budget goal: an upper bound on the value; target goal: a lower bound on the cost.
    public let bound: Double
    public let boundMethod: String
    /// Budget goal: at most this share below the best value; target goal: at most this
    /// share above the least cost.
    public let gap: Double
    /// "optimal", "proven gap", "heuristic" or, for a target, "infeasible" (proven unreachable).
    public let status: String
    /// MOCN's pooling of today's sites (none for other options); its cost is in `cost`.
    public let pooling: Pooling
    /// The LP relaxation's optimum, when CBC ran.
    public let relaxationBound: Double?
    public let solverSeconds: Double?
    /// Branch-and-bound nodes CBC explored, when it ran.
    public var solverNodes: Int? = nil
    /// With status "proven gap": the limit that stopped CBC.
    public var stoppedBy: SolverStop? = nil
    public let depth: Int
    public let apriorGuarantee: Double?
    /// Target goal: whether every carrier's need was met.
    public let targetMet: Bool
    public let baseline: Baseline
    /// Per planned carrier: all weight, and the weight covered today.
    public let totalWeight: [Double]
    public let coveredWeight: [Double]
    /// Per planned carrier: weight covered once the picks are built.
    public let plannedWeight: [Double]
    public let weightByArea: Bool

    /// Weight still missing the target today, over the planned carriers.
    public var uncoveredWeight: Double { zip(totalWeight, coveredWeight).reduce(0) { $0 + $1.0 - $1.1 } }
  }

  public static func recommend(
    _ scenario: ScenarioModel, coverage: CoverageResult, options: Options, option: SharingOption? = nil,
    known: CandidatePool.KnownFields? = nil
  ) -> Result {
    let pool = CandidatePool.build(
      scenario, coverage: coverage, carriers: options.carriers, settings: options.pool, known: known)
    let chosen = option ?? SharingOption.all(for: scenario).first { $0.rules == .passive }!
    return recommend(scenario, coverage: coverage, pool: pool, option: chosen, options: options)
  }

  /// The plan of one option over a pool built once (`cosite compare` reuses the pool).
  public static func recommend(
    _ scenario: ScenarioModel, coverage: CoverageResult, pool: CandidatePool, option: SharingOption,
    options: Options
  ) -> Result {
    let carriers = options.carriers
    let builder = OfferBuilder(pool: pool, option: option, carriers: carriers, scenario: scenario)
    let offers = builder.offers()
    let baseline = Baseline(coverage: coverage, carriers: carriers, pooled: option.rules == .mocn)
    let cellWeights = weights(scenario, coverage: coverage, byArea: options.weightByArea)
    var total = [Double](repeating: 0, count: carriers.count)
    var covered = total
    for (mapIndex, map) in coverage.cellMaps.enumerated() {
      for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 {
        for position in carriers.indices {
          total[position] += cellWeights[Int(parcel)]
          if baseline.target[position][mapIndex][cell] != 0 { covered[position] += cellWeights[Int(parcel)] }
        }
      }
    }
    // MOCN pays for pooling today's sites first: the budget left for stations shrinks.
    let pooling = Pooling.of(option, scenario: scenario, carriers: carriers)
    var budget: Double?
    if case .budget(let limit) = options.goal { budget = limit.map { max(0, $0 - pooling.vnd) } }
    let (problem, keys) = builder.problem(
      offers, baseline: baseline, cellWeights: cellWeights, coverage: coverage, budget: budget,
      maxCount: options.maxStations)
    let solution: PlanSolution
    switch options.goal {
    case .budget:
      solution = PlanSolver.maximizeCoverage(
        problem, depth: options.depth, timeLimitSeconds: options.timeLimitSeconds, nodeLimit: options.nodeLimit)
    case .target(let share):
      let needs = zip(total, covered).map { max(0, share * $0 - $1) }
      solution = PlanSolver.minimizeCost(
        problem, needs: needs, timeLimitSeconds: options.timeLimitSeconds, nodeLimit: options.nodeLimit)
    }
    let ranked = solution.ranked
    // A target's bound is on cost, which the pooling adds to; a budget's is on coverage.
    let isTarget: Bool
    if case .target = options.goal { isTarget = true } else { isTarget = false }
    // Each pick's newly covered cells, given the picks before it.
    var taken = Set<Int32>()
    let picks = ranked.map { entry -> Pick in
      var cells = [[[Int32]]](
        repeating: [[Int32]](repeating: [], count: coverage.cellMaps.count), count: carriers.count)
      for element in problem.candidates[entry.index].elements where taken.insert(element).inserted {
        let key = keys[Int(element)]
        cells[key.carrier][key.map].append(key.cell)
      }
      return Pick(offer: offers[entry.index], gain: entry.gain, newCells: cells.map { $0.map { $0.sorted() } })
    }
    var result = Result(
      option: option, carriers: carriers, goal: options.goal, picks: picks, pool: pool, offerCount: offers.count,
      value: solution.value, cost: solution.cost + pooling.vnd, bound: solution.bound + (isTarget ? pooling.vnd : 0),
      boundMethod: solution.boundMethod, gap: solution.gap, status: solution.status, pooling: pooling,
      relaxationBound: solution.relaxationBound,
      solverSeconds: solution.solverSeconds, depth: solution.depth, apriorGuarantee: solution.apriorGuarantee,
      targetMet: solution.met, baseline: baseline, totalWeight: total,
      coveredWeight: covered,
      plannedWeight: zip(covered, problem.valueByPart(of: ranked.map(\.index), partCount: carriers.count)).map {
        $0 + $1
      },
      weightByArea: options.weightByArea)
    result.solverNodes = solution.solverNodes
    if solution.status == "proven gap" {
      switch solution.stoppedBy {
      case .time: result.stoppedBy = .timeLimit
      case .nodes: result.stoppedBy = .nodeLimit
      case .gap, nil: break
      }
    }
    return result
  }

  /// Weight of one cell of each parcel: its demand spread evenly over its cells, or its
  /// area in hectares.
  static func weights(_ scenario: ScenarioModel, coverage: CoverageResult, byArea: Bool) -> [Double] {
    scenario.parcels.indices.map { index in
      let cells = coverage.parcelCells[index]
      guard cells > 0 else { return 0 }
      return byArea ? coverage.cellAreaM2 / 10_000 : scenario.parcels[index].demand / Double(cells)
    }
  }
}
