import Foundation

/// The distribution of the path loss at one place: a two-component Gaussian mixture in dB.
///
/// TR 38.901 §7.4.2 draws the LOS state of a link with probability Pr_LOS and then applies
/// that state's path loss and log-normal shadow fading (§7.4.1, Table 7.4.1-1 σ_SF). Over
/// the places at a given distance the loss is therefore the mixture
/// P(L ≤ x) = p Φ((x − μ_L)/σ_L) + (1 − p) Φ((x − μ_N)/σ_N),
/// not a Gaussian around the probability-weighted mean in dB. A model without a LOS state
/// is the single Gaussian `gaussian(meanDB:sigmaDB:)`. σ = 0 makes a component a step at
/// its mean (a deterministic loss).
///
/// ```swift
/// let loss = LossDistribution(
///   losProbability: 0.3, losMeanDB: 100, losSigmaDB: 4, nlosMeanDB: 120, nlosSigmaDB: 6)
/// loss.quantileDB(0.9)  // the loss exceeded at 10 % of such places
/// ```
public struct LossDistribution: Sendable, Hashable {
  /// Weight of the LOS component, 0…1.
  public var losProbability: Double
  public var losMeanDB: Double
  /// Standard deviation of the LOS component, dB (≥ 0).
  public var losSigmaDB: Double
  public var nlosMeanDB: Double
  /// Standard deviation of the NLOS component, dB (≥ 0).
  public var nlosSigmaDB: Double

  public init(losProbability: Double, losMeanDB: Double, losSigmaDB: Double, nlosMeanDB: Double, nlosSigmaDB: Double) {
    self.losProbability = losProbability
    self.losMeanDB = losMeanDB
    self.losSigmaDB = losSigmaDB
    self.nlosMeanDB = nlosMeanDB
    self.nlosSigmaDB = nlosSigmaDB
  }

  /// A single Gaussian (a model without a LOS state): LOS probability 0, both components
  /// equal so that either reads the same.
  public static func gaussian(meanDB: Double, sigmaDB: Double) -> LossDistribution {
    LossDistribution(
      losProbability: 0, losMeanDB: meanDB, losSigmaDB: sigmaDB, nlosMeanDB: meanDB, nlosSigmaDB: sigmaDB)
  }

  /// P(L ≤ `lossDB`) = p Φ((x − μ_L)/σ_L) + (1 − p) Φ((x − μ_N)/σ_N).
  public func probabilityAtMost(_ lossDB: Double) -> Double {
    var probability = 0.0
    if losProbability > 0 { probability += losProbability * Self.cdf(lossDB, losMeanDB, losSigmaDB) }
    if losProbability < 1 { probability += (1 - losProbability) * Self.cdf(lossDB, nlosMeanDB, nlosSigmaDB) }
    return probability
  }

  /// The loss x with P(L ≤ x) = `probability` (the smallest such x where a step component
  /// jumps over it): μ + σ Φ⁻¹(p) for a single component; for a mixture, Newton's method
  /// safeguarded by bisection inside [min, max] of the two components' quantiles (where the
  /// mixture's quantile must lie), to 1e-9 dB. −∞ at 0, +∞ at 1.
  public func quantileDB(_ probability: Double) -> Double {
    guard probability > 0, probability < 1 else {
      if probability <= 0 { return -.infinity }
      if probability >= 1 { return .infinity }
      return .nan
    }
    let losQuantile = Self.componentQuantile(probability, losMeanDB, losSigmaDB)
    let nlosQuantile = Self.componentQuantile(probability, nlosMeanDB, nlosSigmaDB)
    if losProbability <= 0 { return nlosQuantile }
    if losProbability >= 1 { return losQuantile }
    return mixtureQuantile(probability, lower: min(losQuantile, nlosQuantile), upper: max(losQuantile, nlosQuantile))
  }

  /// The same place with an independent Gaussian loss added to every link (e.g. the O2I
  /// penetration loss and its σ_P, TR 38.901 §7.4.3): the sum of independent Gaussians has
  /// the sum of the means and of the variances, component by component.
  public func adding(meanDB: Double, sigmaDB: Double) -> LossDistribution {
    LossDistribution(
      losProbability: losProbability, losMeanDB: losMeanDB + meanDB,
      losSigmaDB: (losSigmaDB * losSigmaDB + sigmaDB * sigmaDB).squareRoot(), nlosMeanDB: nlosMeanDB + meanDB,
      nlosSigmaDB: (nlosSigmaDB * nlosSigmaDB + sigmaDB * sigmaDB).squareRoot())
  }

  /// Bracketed Newton iteration on F(x) − p (Press et al., Numerical Recipes, `rtsafe`):
  /// F is non-decreasing, F(lower) ≤ p ≤ F(upper); a Newton step leaving the bracket, or a
  /// zero density (a step component), falls back to bisection.
  private func mixtureQuantile(_ probability: Double, lower: Double, upper: Double) -> Double {
    let toleranceDB = 1e-9
    var low = lower
    var high = upper
    var x = 0.5 * (low + high)
    for _ in 0..<200 {
      guard high - low > toleranceDB else { break }
      let excess = probabilityAtMost(x) - probability
      if excess == 0 { return x }
      if excess < 0 { low = x } else { high = x }
      let density = densityPerDB(x)
      let newton = density > 0 ? x - excess / density : .nan
      if newton > low, newton < high {
        let step = abs(newton - x)
        x = newton
        if step < 0.1 * toleranceDB { return x }
      } else {
        x = 0.5 * (low + high)
      }
    }
    // A step component's jump lies at `high` when F crosses p there.
    return probabilityAtMost(low) >= probability ? low : high
  }

  /// dP/dx of the continuous parts, per dB.
  private func densityPerDB(_ x: Double) -> Double {
    func density(_ mean: Double, _ sigma: Double) -> Double {
      guard sigma > 0 else { return 0 }
      let z = (x - mean) / sigma
      return exp(-0.5 * z * z) / (sigma * (2 * Double.pi).squareRoot())
    }
    return losProbability * density(losMeanDB, losSigmaDB) + (1 - losProbability) * density(nlosMeanDB, nlosSigmaDB)
  }

  private static func cdf(_ x: Double, _ mean: Double, _ sigma: Double) -> Double {
    guard sigma > 0 else { return x >= mean ? 1 : 0 }
    return NormalDistribution.cdf((x - mean) / sigma)
  }

  private static func componentQuantile(_ probability: Double, _ mean: Double, _ sigma: Double) -> Double {
    sigma > 0 ? mean + sigma * NormalDistribution.quantile(probability) : mean
  }
}
