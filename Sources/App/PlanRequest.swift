import Foundation
import Planning
import Report
import Scenario

/// A carrier named on the command line that the scenario does not have.
public struct UnknownCarrierError: PlannerError {
  public let id: String
  public let known: [String]
  public var description: String { "unknown carrier '\(id)' (the scenario has: \(known.joined(separator: ", ")))" }
}

/// A sharing option named on the command line that the scenario does not have.
public struct UnknownOptionError: PlannerError {
  public let name: String
  public let known: [String]
  public var description: String {
    "unknown sharing option '\(name)' (expected one of: \(known.joined(separator: ", ")))"
  }
}

/// An option sharing radios or nodes (MORAN, MOCN, a neutral host) asked for with a single
/// planned carrier.
public struct SingleCarrierSharingError: PlannerError {
  public let option: String
  public var description: String {
    "sharing option '\(option)' shares radios or indoor nodes between carriers: it needs at least two planned carriers (give --all or two --carrier)"
  }
}

/// A sharing option named twice on the command line.
public struct RepeatedOptionError: PlannerError {
  public let name: String
  public var description: String { "sharing option '\(name)' is named twice in --options: expected each option once" }
}

/// What `cosite recommend` and `cosite compare` are asked for, beside the scenario.
public struct PlanRequest: Sendable {
  /// Carriers to plan for, jointly; empty = all of them.
  public var carrierIDs: [String] = []
  /// nil = the scenario's `sharing.compare`, else no budget.
  public var goal: Recommender.Goal?
  public var maxStations: Int?
  public var depth = 1
  public var weightByArea = false
  public var newBuildSpacingM = 500.0
  /// Indoor systems among the candidates (`--no-indoor` leaves them out).
  public var indoorSystems = true
  public var threads = ProcessInfo.processInfo.activeProcessorCount
  /// A cell budget overriding the scenario's (`--max-cells`).
  public var maxCells: Int?
  /// A tiled run's plan directory (`--tiles`): today's coverage and the candidates' fields
  /// from its tiles instead of computed here.
  public var tilesDirectory: URL?
  /// Seconds CBC may search per plan (`--time-limit-s`); nil = heuristics only.
  public var timeLimitSeconds: Double? = 60
  /// Branch-and-bound nodes CBC may explore per plan (`--node-limit`); nil = no limit.
  public var nodeLimit: Int? = 1000

  public init() {}

  func carriers(in scenario: ScenarioModel) throws -> [Int] {
    let known = scenario.carriers.map(\.id)
    return try (carrierIDs.isEmpty ? known : carrierIDs).map { id in
      guard let index = known.firstIndex(of: id) else { throw UnknownCarrierError(id: id, known: known) }
      return index
    }
  }

  func options(carriers: [Int], scenario: ScenarioModel) -> Recommender.Options {
    var goal = self.goal ?? .budget(nil)
    if self.goal == nil, let basis = scenario.sharing.basis {
      switch basis {
      case .budgetVND(let budget): goal = .budget(budget)
      case .targetShare(let share): goal = .target(share)
      }
    }
    var options = Recommender.Options(carriers: carriers, goal: goal, maxStations: maxStations)
    options.depth = depth
    options.weightByArea = weightByArea
    options.pool.newBuildSpacingM = newBuildSpacingM
    options.pool.indoorSystems = indoorSystems
    options.pool.threads = threads
    options.timeLimitSeconds = timeLimitSeconds
    options.nodeLimit = nodeLimit
    return options
  }

  /// The options named, each once (a repeated name would write its files twice).
  static func options(named names: [String], in scenario: ScenarioModel) throws -> [SharingOption] {
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted { throw RepeatedOptionError(name: name) }
    return try names.map { try option(named: $0, in: scenario) }
  }

  /// MORAN and MOCN share radios, a neutral host its nodes: with one planned carrier there is
  /// nothing to share (a neutral host would be passive sharing and the carrier's small cells).
  static func check(_ options: [SharingOption], carriers: [Int]) throws {
    guard carriers.count < 2, let active = options.first(where: { $0.sharesBetweenCarriers }) else { return }
    throw SingleCarrierSharingError(option: active.name)
  }

  static func option(named name: String, in scenario: ScenarioModel) throws -> SharingOption {
    let all = SharingOption.all(for: scenario)
    guard let option = all.first(where: { $0.name == name }) else {
      throw UnknownOptionError(name: name, known: all.map(\.name))
    }
    return option
  }
}
