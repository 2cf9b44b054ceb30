import Coverage
import Dispatch
import Foundation
import Scenario

/// `cosite recommend`: which stations each carrier should add to close its coverage gaps,
/// at least cost, with a bound on how far from optimal the choice can be.
public struct Recommender {
  public struct Options: Sendable {
    /// Carriers planned for (scenario indices); several = jointly (they compete for slots).
    public var carriers: [Int]
    /// Budget over the horizon (one-off + present value of yearly costs), VND.
    public var budgetVND: Double?
    public var maxStations: Int?
    /// Seed-set size of the partial enumeration.
    public var depth = 1
    /// Weight covered cells by parcel demand (workers by default) or by area.
    public var weightByArea = false
    public var newBuildSpacingM = 500.0
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init(carriers: [Int], budgetVND: Double? = nil, maxStations: Int? = nil) {
      self.carriers = carriers
      self.budgetVND = budgetVND
      self.maxStations = maxStations
    }
  }

  /// One recommended station, in ranked order.
  public struct Pick: Sendable {
    public let candidate: StationCandidate
    /// Weight it newly covers given the picks before it.
    public let gain: Double
    /// Cells it newly covers given the picks before it, per cell map.
    public let newCells: [[Int32]]
  }

  public struct Result: Sendable {
    public let picks: [Pick]
    public let solution: CoverageSolution
    public let candidateCount: Int
    /// Weight of every cell still missing the target for the planned carriers.
    public let uncoveredWeight: Double
    public let weightByArea: Bool
  }

  public static func recommend(_ scenario: ScenarioModel, coverage: CoverageResult, options: Options) -> Result {
    var maker = CandidateMaker(scenario: scenario)
    maker.newBuildSpacingM = options.newBuildSpacingM
    let candidates =
      maker.colocations(carriers: options.carriers)
      + maker.newBuilds(carriers: options.carriers, maps: coverage.cellMaps)
    // Candidate fields, in parallel; each slot written by one worker, so the order is fixed.
    let field = CandidateCoverage(scenario: scenario, coverage: coverage)
    var covers = [[[Int32]]](repeating: [], count: candidates.count)
    covers.withUnsafeMutableBufferPointer { buffer in
      let output = CoverSlots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: max(1, options.threads)) { worker in
        for index in stride(from: worker, to: candidates.count, by: max(1, options.threads)) {
          let candidate = candidates[index]
          output.buffer[index] = field.newlyCovered(
            sectors: candidate.sectors, structure: candidate.structure, carrierIndex: candidate.carrierIndex)
        }
      }
    }
    // Elements: (carrier, map, cell) some candidate covers; weight per cell.
    let cellWeights = weights(scenario, coverage: coverage, byArea: options.weightByArea)
    var elementOf: [ElementKey: Int32] = [:]
    var weights: [Double] = []
    var keys: [ElementKey] = []
    var problemCandidates: [CoverageProblem.Candidate] = []
    var groupOf: [String: Int] = [:]
    var capacity: [Int] = []
    for (candidate, cover) in zip(candidates, covers) {
      var elements: [Int32] = []
      for (mapIndex, cells) in cover.enumerated() {
        for cell in cells {
          let key = ElementKey(carrier: candidate.carrierIndex, map: mapIndex, cell: cell)
          if let known = elementOf[key] {
            elements.append(known)
            continue
          }
          let map = coverage.cellMaps[mapIndex]
          let weight = cellWeights[Int(map.parcelIndex[Int(cell)])]
          guard weight > 0 else { continue }
          elementOf[key] = Int32(weights.count)
          elements.append(Int32(weights.count))
          weights.append(weight)
          keys.append(key)
        }
      }
      var groups: [Int] = []
      if candidate.kind == .colocate {
        // A structure's free slots are shared by every carrier.
        if groupOf[candidate.structure.id] == nil {
          groupOf[candidate.structure.id] = capacity.count
          capacity.append(candidate.structure.freeSlots)
        }
        groups.append(groupOf[candidate.structure.id]!)
      }
      problemCandidates.append(.init(cost: candidate.lifetimeVND, elements: elements.sorted(), groups: groups))
    }
    let problem = CoverageProblem(
      weights: weights, candidates: problemCandidates, groupCapacity: capacity, budget: options.budgetVND,
      maxCount: options.maxStations)
    let solution = CoverageSolver.solve(problem, depth: options.depth)
    // Each pick's newly covered cells, given the picks before it.
    var taken = Set<Int32>()
    let picks = solution.ranked.map { entry -> Pick in
      var cells = [[Int32]](repeating: [], count: coverage.cellMaps.count)
      for element in problemCandidates[entry.index].elements where taken.insert(element).inserted {
        cells[keys[Int(element)].map].append(keys[Int(element)].cell)
      }
      return Pick(candidate: candidates[entry.index], gain: entry.gain, newCells: cells.map { $0.sorted() })
    }
    var uncovered = 0.0
    for map in coverage.cellMaps {
      for carrier in options.carriers {
        for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 && map.coveredByCarrier[carrier][cell] == 0
        {
          uncovered += cellWeights[Int(parcel)]
        }
      }
    }
    return Result(
      picks: picks, solution: solution, candidateCount: candidates.count, uncoveredWeight: uncovered,
      weightByArea: options.weightByArea)
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

/// The candidates' result slots, each written by exactly one worker.
private struct CoverSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<[[Int32]]>
}

struct ElementKey: Hashable {
  let carrier: Int
  let map: Int
  let cell: Int32
}
