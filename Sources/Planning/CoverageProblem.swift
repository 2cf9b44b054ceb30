/// A budgeted maximum-coverage problem with capacity groups: pick candidates so that the
/// weight of the elements they cover is largest, within a budget and a station count, and
/// with no group holding more chosen candidates than its capacity.
///
/// Elements are (carrier, cell) pairs still missing the target, weighted by demand;
/// candidates are stations a carrier could put up (a free slot on a structure, or a new
/// build); groups are what candidates compete for: a structure's free slots (shared by all
/// carriers in joint mode) and "one station per carrier per structure".
/// (Church & ReVelle 1974, the maximal covering location problem; Khuller, Moss & Naor
/// 1999, its budgeted form.)
public struct CoverageProblem: Sendable {
  public struct Candidate: Sendable, Hashable {
    /// What it costs, in the objective's money unit (e.g. VND over the planning horizon).
    public let cost: Double
    /// Elements it covers, ascending, without repeats.
    public let elements: [Int32]
    /// Groups it takes places in: one place per listing (a group listed twice takes two).
    public let groups: [Int]

    public init(cost: Double, elements: [Int32], groups: [Int] = []) {
      precondition(cost > 0, "a candidate costs something")
      self.cost = cost
      self.elements = elements
      self.groups = groups
    }
  }

  public let weights: [Double]
  public let candidates: [Candidate]
  /// Places in each group.
  public let groupCapacity: [Int]
  /// Largest total cost; nil = no budget.
  public let budget: Double?
  /// Largest number of candidates; nil = no limit.
  public let maxCount: Int?
  /// The part (e.g. carrier) of each element, for targets per part; empty = one part.
  public let elementPart: [Int32]

  public init(
    weights: [Double], candidates: [Candidate], groupCapacity: [Int] = [], budget: Double? = nil,
    maxCount: Int? = nil, elementPart: [Int32] = []
  ) {
    precondition(elementPart.isEmpty || elementPart.count == weights.count, "one part per element")
    self.elementPart = elementPart
    self.weights = weights
    self.candidates = candidates
    self.groupCapacity = groupCapacity
    self.budget = budget
    self.maxCount = maxCount
  }

  /// Weight covered by a set of candidates.
  public func value(of chosen: [Int]) -> Double {
    var covered = [Bool](repeating: false, count: weights.count)
    var total = 0.0
    for index in chosen {
      for element in candidates[index].elements where !covered[Int(element)] {
        covered[Int(element)] = true
        total += weights[Int(element)]
      }
    }
    return total
  }

  /// Weight covered by a set of candidates, per part (`partCount` parts).
  public func valueByPart(of chosen: [Int], partCount: Int) -> [Double] {
    var covered = [Bool](repeating: false, count: weights.count)
    var total = [Double](repeating: 0, count: max(1, partCount))
    for index in chosen {
      for element in candidates[index].elements where !covered[Int(element)] {
        covered[Int(element)] = true
        total[elementPart.isEmpty ? 0 : Int(elementPart[Int(element)])] += weights[Int(element)]
      }
    }
    return total
  }

  public func cost(of chosen: [Int]) -> Double { chosen.reduce(0) { $0 + candidates[$1].cost } }

  /// Whether a set respects the budget, the count and every group's capacity.
  public func isFeasible(_ chosen: [Int]) -> Bool {
    if let maxCount, chosen.count > maxCount { return false }
    if let budget, cost(of: chosen) > budget * (1 + 1e-12) { return false }
    var used = [Int](repeating: 0, count: groupCapacity.count)
    for index in chosen {
      for group in candidates[index].groups {
        used[group] += 1
        if used[group] > groupCapacity[group] { return false }
      }
    }
    return true
  }
}
