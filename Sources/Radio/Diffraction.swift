import Foundation

/// Knife-edge diffraction over terrain: ITU-R P.526 single edge and the Deygout method.
public enum Diffraction {
  /// J(ν), ITU-R P.526-15 eq. (31): 6.9 + 20 log10(√((ν − 0.1)² + 1) + ν − 0.1) for
  /// ν > −0.78, and 0 below (where the approximation is not needed).
  public static func knifeEdgeLossDB(nu: Double) -> Double {
    guard nu > -0.78 else { return 0 }
    let shifted = nu - 0.1
    return 6.9 + 20 * log10((shifted * shifted + 1).squareRoot() + shifted)
  }

  /// ν of an edge h metres above the line of sight, d1 and d2 m from the ends:
  /// ν = h √((2/λ)(1/d1 + 1/d2)), ITU-R P.526-15 eq. (26).
  public static func nu(heightAboveLineM h: Double, d1M: Double, d2M: Double, wavelengthM: Double) -> Double {
    h * ((2 / wavelengthM) * (1 / d1M + 1 / d2M)).squareRoot()
  }

  /// Mean Earth radius, m (ITU-R P.452: 6,371 km).
  public static let earthRadiusM = 6_371_000.0

  /// Deygout diffraction loss along a terrain profile, dB (J. Deygout, "Multiple
  /// knife-edge diffraction of microwaves", IEEE Trans. AP-14, 1966; J(ν) of P.526-15 eq. (31)): the edge of largest ν is the main edge; the sub-paths on either side
  /// are treated the same way, up to `maxEdges` edges in all.
  ///
  /// - Parameters:
  ///   - distancesM, terrainM: profile points between the ends (exclusive), ascending distance.
  ///   - lengthM: distance between the two ends.
  ///   - startHeightM, endHeightM: antenna heights above mean sea level at the ends.
  ///   - kFactor: effective Earth radius factor (4/3 in a standard atmosphere, P.453).
  public static func deygoutLossDB(
    distancesM: [Double], terrainM: [Double], lengthM: Double, startHeightM: Double, endHeightM: Double,
    frequencyMHz: Double, kFactor: Double = 4.0 / 3.0, maxEdges: Int = 3
  ) -> Double {
    var heights = terrainM
    return distancesM.withUnsafeBufferPointer { distances in
      heights.withUnsafeMutableBufferPointer { heights in
        deygoutLossDB(
          distancesM: distances, terrainM: heights, lengthM: lengthM, startHeightM: startHeightM,
          endHeightM: endHeightM, frequencyMHz: frequencyMHz, kFactor: kFactor, maxEdges: maxEdges)
      }
    }
  }

  /// The same without allocating, for inner loops: `terrainM` is overwritten with the
  /// terrain raised by the Earth's bulge.
  public static func deygoutLossDB(
    distancesM: UnsafeBufferPointer<Double>, terrainM heights: UnsafeMutableBufferPointer<Double>, lengthM: Double,
    startHeightM: Double, endHeightM: Double, frequencyMHz: Double, kFactor: Double = 4.0 / 3.0, maxEdges: Int = 3
  ) -> Double {
    let wavelength = Units.wavelengthM(frequencyMHz: frequencyMHz)
    let effectiveRadius = kFactor * earthRadiusM
    // Terrain raised by the Earth's bulge d1·d2/(2·k·a) relative to the chord.
    for index in heights.indices {
      let d = distancesM[index]
      heights[index] += d * (lengthM - d) / (2 * effectiveRadius)
    }
    return deygout(
      distances: distancesM, heights: UnsafeBufferPointer(heights), range: 0..<heights.count,
      start: (0, startHeightM), end: (lengthM, endHeightM), wavelength: wavelength, edgesLeft: maxEdges)
  }

  private static func deygout(
    distances: UnsafeBufferPointer<Double>, heights: UnsafeBufferPointer<Double>, range: Range<Int>,
    start: (Double, Double), end: (Double, Double),
    wavelength: Double, edgesLeft: Int
  ) -> Double {
    guard edgesLeft > 0, !range.isEmpty else { return 0 }
    var best = -Double.infinity
    var bestIndex = range.lowerBound
    for index in range {
      let d1 = distances[index] - start.0
      let d2 = end.0 - distances[index]
      guard d1 > 0, d2 > 0 else { continue }
      let lineHeight = start.1 + (end.1 - start.1) * d1 / (end.0 - start.0)
      let value = nu(heightAboveLineM: heights[index] - lineHeight, d1M: d1, d2M: d2, wavelengthM: wavelength)
      if value > best {
        best = value
        bestIndex = index
      }
    }
    let mainLoss = knifeEdgeLossDB(nu: best)
    guard mainLoss > 0 else { return 0 }
    let edge = (distances[bestIndex], heights[bestIndex])
    // One edge is spent on the main one; the rest go to the sub-paths, left first.
    let remaining = edgesLeft - 1
    let leftShare = (remaining + 1) / 2
    let left = deygout(
      distances: distances, heights: heights, range: range.lowerBound..<bestIndex, start: start, end: edge,
      wavelength: wavelength, edgesLeft: leftShare)
    let right = deygout(
      distances: distances, heights: heights, range: (bestIndex + 1)..<range.upperBound, start: edge, end: end,
      wavelength: wavelength, edgesLeft: remaining - leftShare)
    return mainLoss + left + right
  }
}
