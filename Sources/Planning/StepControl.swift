/// The step scale of a subgradient method with Polyak's step (Held & Karp 1971; Fisher
/// 1981, Management Science 27(1)): θ starts at `theta` and halves after 20 steps without
/// a better bound.
struct StepControl {
  var theta: Double
  private var sinceImproved = 0

  init(theta: Double) { self.theta = theta }

  /// Records one step; `improved` when the bound got better.
  mutating func record(improved: Bool) {
    guard !improved else {
      sinceImproved = 0
      return
    }
    sinceImproved += 1
    if sinceImproved >= 20 {
      theta /= 2
      sinceImproved = 0
    }
  }
}
