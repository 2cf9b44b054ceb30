import Coverage
import Dispatch
import Foundation
import Planning
import Scenario

/// Times `cosite recommend` stage by stage: load, today's coverage, the candidate pool
/// (every station's field), and the optimiser per sharing option.
public enum RecommendBenchmark {
  public struct Result: Sendable {
    public let loadSeconds: Double
    public let coverageSeconds: Double
    public let poolSeconds: Double
    public let stations: Int
    /// Per option: name, offers, chosen, seconds, gap.
    public let options: [(name: String, offers: Int, chosen: Int, seconds: Double, gap: Double)]
  }

  public static func run(path: String, budgetVND: Double?, threads: Int) throws -> Result {
    func seconds(since start: DispatchTime) -> Double {
      Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
    var clock = DispatchTime.now()
    let scenario = try ScenarioLoader.load(path: path)
    let load = seconds(since: clock)
    clock = DispatchTime.now()
    let coverage = try CoverageRun.run(scenario, threads: threads)
    let coverageSeconds = seconds(since: clock)
    var options = Recommender.Options(carriers: Array(scenario.carriers.indices), goal: .budget(budgetVND))
    options.pool.threads = threads
    clock = DispatchTime.now()
    let pool = CandidatePool.build(scenario, coverage: coverage, carriers: options.carriers, settings: options.pool)
    let poolSeconds = seconds(since: clock)
    var timed: [(String, Int, Int, Double, Double)] = []
    for option in SharingOption.all(for: scenario) {
      clock = DispatchTime.now()
      let result = Recommender.recommend(scenario, coverage: coverage, pool: pool, option: option, options: options)
      timed.append((option.name, result.offerCount, result.picks.count, seconds(since: clock), result.gap))
    }
    return Result(
      loadSeconds: load, coverageSeconds: coverageSeconds, poolSeconds: poolSeconds, stations: pool.stations.count,
      options: timed)
  }
}
