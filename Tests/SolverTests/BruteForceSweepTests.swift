import TestSupport
import Testing

@testable import Solver

/// Random small 0/1 programs against exhaustive enumeration: the same optimum (or the same
/// infeasibility), and a returned solution that is feasible and worth its objective.
@Suite struct BruteForceSweepTests {
  static let instanceCount = 240

  @Test func randomBinaryProgramsMatchBruteForce() throws {
    var rng = SplitMix(seed: 20_250_915)
    var kinds = [0, 0, 0]
    var infeasible = 0
    for index in 0..<Self.instanceCount {
      let kind = index % 3
      let program = Self.instance(kind: kind, rng: &rng)
      let expected = Fixtures.bruteForceOptimum(program)
      let solution = try MILP.solve(program, options: SolveOptions(timeLimitSeconds: 30))
      kinds[kind] += 1
      guard let expected else {
        infeasible += 1
        #expect(solution.status == .infeasible, "instance \(index): \(program)")
        continue
      }
      #expect(solution.status == .optimal, "instance \(index): \(program)")
      #expect(abs(solution.objective - expected) <= 1e-9, "instance \(index): \(solution.objective) vs \(expected)")
      #expect(Fixtures.isFeasible(solution.values, program, tolerance: 1e-9), "instance \(index)")
      #expect(solution.objective == Fixtures.value(solution.values, program))
      #expect(solution.bound == solution.objective)
      let relaxed = try MILP.relaxation(program)
      #expect(relaxed.status == .optimal, "instance \(index)")
      let slack = 1e-7 * max(1, abs(expected))
      if program.sense == .maximize {
        #expect(relaxed.objective >= expected - slack, "instance \(index)")
      } else {
        #expect(relaxed.objective <= expected + slack, "instance \(index)")
      }
    }
    #expect(kinds.allSatisfy { $0 >= 80 })
    // Some covers (an element in no set) and cardinality rows are impossible, so both answers
    // are checked against enumeration (76 of the 240 with this seed).
    #expect(infeasible > 0 && infeasible < Self.instanceCount / 2, "\(infeasible) infeasible")
  }

  /// Kind 0: knapsack (max, 1–3 capacity rows); 1: set cover (min, each element a ≥ 1 row);
  /// 2: signed objective with a cardinality equality and a ranged weight row. 1–12 columns;
  /// coefficients are multiples of 1/4, so sums are exact in binary floating point.
  static func instance(kind: Int, rng: inout SplitMix) -> LinearProgram {
    let count = Int.random(in: 1...12, using: &rng)
    func quarter(_ range: ClosedRange<Int>) -> Double { Double(Int.random(in: range, using: &rng)) / 4 }
    switch kind {
    case 0:
      let profits = (0..<count).map { _ in quarter(1...80) }
      let rows = (0..<Int.random(in: 1...3, using: &rng)).map { _ -> ([Double], Double, Double) in
        let weights = (0..<count).map { _ in quarter(1...60) }
        return (weights, -.infinity, (weights.reduce(0, +) * Double.random(in: 0.2...0.7, using: &rng)).rounded())
      }
      return Fixtures.binaryProgram(.maximize, objective: profits, rows: rows)
    case 1:
      let costs = (0..<count).map { _ in quarter(1...40) }
      let rows = (0..<Int.random(in: 1...8, using: &rng)).map { _ -> ([Double], Double, Double) in
        let membership = (0..<count).map { _ in Int.random(in: 0..<10, using: &rng) < 3 ? 1.0 : 0 }
        return (membership, 1, .infinity)
      }
      return Fixtures.binaryProgram(.minimize, objective: costs, rows: rows)
    default:
      let values = (0..<count).map { _ in quarter(-40...40) }
      let weights = (0..<count).map { _ in quarter(1...40) }
      let total = weights.reduce(0, +)
      let low = (total * Double.random(in: 0...0.3, using: &rng)).rounded()
      let high = (total * Double.random(in: 0.4...0.9, using: &rng)).rounded()
      let cardinality = Double(Int.random(in: 0...count, using: &rng))
      let sense: LinearProgram.Sense = Bool.random(using: &rng) ? .maximize : .minimize
      return Fixtures.binaryProgram(
        sense, objective: values,
        rows: [(Array(repeating: 1, count: count), cardinality, cardinality), (weights, low, high)])
    }
  }
}
