/// A local improvement after the search: a chosen candidate is replaced by a cheaper one
/// that still covers every element only it covered, whenever the swap stays feasible. The
/// value never drops and the cost strictly falls, so the loop ends. It is what makes
/// "co-locate wherever a free slot gives the same coverage for less" hold for the result,
/// not only for the greedy order.
enum CheaperSwap {
  static func improve(_ start: GreedyState) -> GreedyState {
    let problem = start.problem
    let byCost = problem.candidates.indices.sorted {
      problem.candidates[$0].cost != problem.candidates[$1].cost
        ? problem.candidates[$0].cost < problem.candidates[$1].cost : $0 < $1
    }
    var chosen = start.chosen
    // How many chosen candidates cover each element: the ones only `current` covers have 1.
    var coverers = [Int32](repeating: 0, count: problem.weights.count)
    for index in chosen { for element in problem.candidates[index].elements { coverers[Int(element)] += 1 } }
    var swapped = true
    while swapped {
      swapped = false
      let taken = Set(chosen)
      for position in chosen.indices {
        let current = chosen[position]
        let needed = problem.candidates[current].elements.filter { coverers[Int($0)] == 1 }
        let others = chosen.filter { $0 != current }
        for replacement in byCost {
          guard problem.candidates[replacement].cost < problem.candidates[current].cost else { break }
          guard !taken.contains(replacement), Self.contains(problem.candidates[replacement].elements, needed),
            problem.isFeasible(others + [replacement])
          else { continue }
          for element in problem.candidates[current].elements { coverers[Int(element)] -= 1 }
          for element in problem.candidates[replacement].elements { coverers[Int(element)] += 1 }
          chosen[position] = replacement
          swapped = true
          break
        }
        if swapped { break }
      }
    }
    var state = GreedyState(problem)
    for index in chosen { state.add(index) }
    return state
  }

  /// Whether ascending `superset` holds every element of ascending `subset`.
  static func contains(_ superset: [Int32], _ subset: [Int32]) -> Bool {
    var position = 0
    for element in subset {
      while position < superset.count, superset[position] < element { position += 1 }
      guard position < superset.count, superset[position] == element else { return false }
    }
    return true
  }
}
