/// A partial solution: what is chosen, what it covers, what it uses.
struct GreedyState {
  let problem: CoverageProblem
  var covered: [Bool]
  var used: [Int]
  var cost = 0.0
  var value = 0.0
  var chosen: [Int] = []

  init(_ problem: CoverageProblem) {
    self.problem = problem
    covered = [Bool](repeating: false, count: problem.weights.count)
    used = [Int](repeating: 0, count: problem.groupCapacity.count)
  }

  /// Weight `index` would add.
  func gain(_ index: Int) -> Double {
    var total = 0.0
    for element in problem.candidates[index].elements where !covered[Int(element)] {
      total += problem.weights[Int(element)]
    }
    return total
  }

  /// Whether `index` can still be added (budget, count and group places left).
  func fits(_ index: Int) -> Bool {
    let candidate = problem.candidates[index]
    if let maxCount = problem.maxCount, chosen.count >= maxCount { return false }
    if let budget = problem.budget, cost + candidate.cost > budget * (1 + 1e-12) { return false }
    // A group listed n times takes n places (e.g. a station of three tenants' antennas).
    for (position, group) in candidate.groups.enumerated() {
      let taken = candidate.groups[...position].reduce(0) { $0 + ($1 == group ? 1 : 0) }
      if used[group] + taken > problem.groupCapacity[group] { return false }
    }
    return true
  }

  mutating func add(_ index: Int) {
    let candidate = problem.candidates[index]
    value += gain(index)
    for element in candidate.elements { covered[Int(element)] = true }
    for group in candidate.groups { used[group] += 1 }
    cost += candidate.cost
    chosen.append(index)
  }
}

/// Lazy greedy by gain per cost (CELF: Leskovec et al., KDD 2007): a candidate's gain can
/// only shrink as others are chosen (coverage is submodular), so a stale gain is an upper
/// bound and only the top of the queue needs recomputing.
///
/// Ties break by larger gain, then by lower candidate index, so the result never depends
/// on anything but the problem.
enum LazyGreedy {
  static func complete(_ start: GreedyState, excluding excluded: Set<Int> = []) -> GreedyState {
    var state = start
    let taken = Set(state.chosen).union(excluded)
    var heap = RatioHeap()
    for index in state.problem.candidates.indices where !taken.contains(index) {
      let gain = state.gain(index)
      if gain > 0 { heap.push(.init(gain: gain, cost: state.problem.candidates[index].cost, index: index, round: 0)) }
    }
    var round = 0
    while let top = heap.pop() {
      // Budget and places only shrink: a candidate that does not fit now never will.
      guard state.fits(top.index) else { continue }
      if top.round != round {
        let gain = state.gain(top.index)
        if gain > 0 { heap.push(.init(gain: gain, cost: top.cost, index: top.index, round: round)) }
        continue
      }
      state.add(top.index)
      round += 1
    }
    return state
  }

  /// `chosen` ordered as greedy would take them among themselves: each next one adds the
  /// most per cost given those before it (ties: larger gain, lower index). This is the
  /// order of the ranked list and of the coverage-vs-cost curve.
  static func ranked(_ chosen: [Int], in problem: CoverageProblem) -> [(index: Int, gain: Double)] {
    var state = GreedyState(problem)
    var left = chosen.sorted()
    var order: [(Int, Double)] = []
    while !left.isEmpty {
      var best = 0
      var bestGain = state.gain(left[0])
      for position in left.indices.dropFirst() {
        let gain = state.gain(left[position])
        let a = RatioHeap.Entry(
          gain: gain, cost: problem.candidates[left[position]].cost, index: left[position], round: 0)
        let b = RatioHeap.Entry(gain: bestGain, cost: problem.candidates[left[best]].cost, index: left[best], round: 0)
        if a.isBefore(b) {
          best = position
          bestGain = gain
        }
      }
      order.append((left[best], bestGain))
      state.add(left[best])
      left.remove(at: best)
    }
    return order
  }
}

/// A binary max-heap of candidates by gain per cost.
struct RatioHeap {
  struct Entry {
    let gain: Double
    let cost: Double
    let index: Int
    let round: Int

    /// Higher gain per cost first; then higher gain; then lower index. Ratios are compared
    /// by cross-multiplication, so equal ratios compare equal exactly.
    func isBefore(_ other: Entry) -> Bool {
      let left = gain * other.cost
      let right = other.gain * cost
      if left != right { return left > right }
      if gain != other.gain { return gain > other.gain }
      return index < other.index
    }
  }

  private var entries: [Entry] = []

  mutating func push(_ entry: Entry) {
    entries.append(entry)
    var child = entries.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard entries[child].isBefore(entries[parent]) else { break }
      entries.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry? {
    guard let first = entries.first else { return nil }
    let last = entries.removeLast()
    if !entries.isEmpty {
      entries[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var top = parent
        if left < entries.count, entries[left].isBefore(entries[top]) { top = left }
        if right < entries.count, entries[right].isBefore(entries[top]) { top = right }
        if top == parent { break }
        entries.swapAt(parent, top)
        parent = top
      }
    }
    return first
  }
}
