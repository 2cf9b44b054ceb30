import Foundation

/// Log-normal shadowing along a route with Gudmundson's exponential autocorrelation,
/// R(Δx) = σ² exp(−|Δx| / d_c) (M. Gudmundson, "Correlation model for shadow fading in mobile
/// radio systems", Electronics Letters 27(23), 1991, 2145–2146: 0.82 at 100 m at 900 MHz,
/// suburban — d_c = 100 m / −ln 0.82 ≈ 504 m — and about 0.3 at 10 m in urban microcells).
///
/// Drawn as the first-order autoregressive process that is the exact discretisation of that
/// autocorrelation: s₀ = σ z₀, s_k = ρ_k s_{k−1} + σ √(1 − ρ_k²) z_k with ρ_k = exp(−Δx_k / d_c)
/// and z standard normal, so each s_k is N(0, σ²) and corr(s_j, s_k) = exp(−|x_k − x_j| / d_c).
/// Synthetic drive tests use it; the caller supplies the normal draws (seeded).
public struct CorrelatedShadowing: Sendable {
  public let sigmaDB: Double
  /// d_c: the distance at which the correlation falls to 1/e, m.
  public let decorrelationM: Double

  public init(sigmaDB: Double, decorrelationM: Double) {
    precondition(sigmaDB >= 0 && decorrelationM > 0, "σ ≥ 0 and a positive decorrelation distance")
    self.sigmaDB = sigmaDB
    self.decorrelationM = decorrelationM
  }

  /// d_c from a correlation `rho` measured at `distanceM` (Gudmundson's form a^(Δx/D)).
  public static func decorrelationM(correlation rho: Double, atDistanceM distanceM: Double) -> Double {
    precondition(rho > 0 && rho < 1 && distanceM > 0, "a correlation strictly between 0 and 1 at a positive distance")
    return distanceM / -log(rho)
  }

  /// The shadowing at each sample of a route, `stepsM[k]` the distance from sample k − 1 to k
  /// (`stepsM[0]` is ignored), from one standard normal per sample.
  public func values(stepsM: [Double], normals: [Double]) -> [Double] {
    precondition(stepsM.count == normals.count, "one normal draw per sample")
    var values: [Double] = []
    values.reserveCapacity(stepsM.count)
    var previous = 0.0
    for (index, (step, z)) in zip(stepsM, normals).enumerated() {
      if index == 0 {
        previous = sigmaDB * z
      } else {
        let rho = exp(-abs(step) / decorrelationM)
        previous = rho * previous + sigmaDB * (1 - rho * rho).squareRoot() * z
      }
      values.append(previous)
    }
    return values
  }
}

/// The local mean of a measured signal: fast fading averaged away over Lee's window of 40
/// wavelengths (W. C. Y. Lee, "Estimate of local average power of a mobile radio signal",
/// IEEE Trans. Vehicular Technology 34(1), 1985, 22–27: 36 to 50 samples over 40 λ estimate
/// the local mean within about ±1 dB), averaging power in milliwatts, not dBm.
public enum LocalMean {
  /// 40 λ at `frequencyMHz`, m (λ = c / f).
  public static func leeWindowM(frequencyMHz: Double) -> Double {
    40 * 299.792_458 / frequencyMHz
  }

  /// One window: the samples `range` (indices into the route) and their mean level.
  public struct Window: Sendable, Equatable {
    public let range: Range<Int>
    public let meanDBm: Double
  }

  /// Consecutive windows of `windowM` along the route (`alongM`: each sample's distance along
  /// it, non-decreasing); a window with fewer than `minimumSamples` samples is dropped (too few
  /// to average Rayleigh fading: Lee asks for 36).
  public static func windows(
    alongM: [Double], levelsDBm: [Double], windowM: Double, minimumSamples: Int = 36
  )
    -> [Window]
  {
    precondition(alongM.count == levelsDBm.count && windowM > 0, "one position per level and a positive window")
    var windows: [Window] = []
    var start = 0
    while start < alongM.count {
      var end = start
      var powerMW = 0.0
      while end < alongM.count, alongM[end] < alongM[start] + windowM {
        powerMW += pow(10, levelsDBm[end] / 10)
        end += 1
      }
      if end - start >= minimumSamples {
        windows.append(Window(range: start..<end, meanDBm: 10 * log10(powerMW / Double(end - start))))
      }
      start = end
    }
    return windows
  }
}
