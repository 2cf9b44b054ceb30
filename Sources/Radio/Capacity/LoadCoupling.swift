import Foundation

/// Why a load-coupling problem was rejected.
public struct LoadCouplingError: Error, CustomStringConvertible, Sendable, Hashable {
  public let description: String
}

/// The cell-load coupling system of Siomina & Yuan, "Analysis of cell load coupling for LTE
/// network planning and optimization", IEEE Trans. Wireless Commun. 11(6):2287–2297, 2012.
///
/// Sector i has an effective bandwidth B_i (Hz × (1 − overhead) × TDD share × layers). Demand
/// point k is served by s_k, asks d_k bit/s, receives signal S_k and noise N_k (mW), a residual
/// interference R_k (mW, e.g. other layers at a fixed load) and interference P_jk (mW) from
/// sectors j ≠ s_k when they are fully loaded. Its SINR scales each interferer by its load:
/// γ_k(ρ) = S_k / (Σ_j ρ_j P_jk + R_k + N_k), and the load of sector i is the share of its
/// resources its demand needs: ρ_i = min(1, Σ_{k∈i} d_k / (B_i · SE(γ_k(ρ)))).
///
/// Solution: the paper shows the load map is a standard interference function (Yates 1995);
/// being monotone and continuous on [0, 1]^n, the iterates ρ⁰ = 0, ρᵗ⁺¹ = f(ρᵗ) rise
/// monotonically to its least fixed point (Kleene), which is below any other fixed point.
/// Iteration is Jacobi (every sector from the previous vector), in input order, so the result
/// does not depend on threads or dictionaries. It stops when every load moves by at most
/// `tolerance` × its value, or at `maximumIterations` (reported as not converged); convergence
/// slows as demand nears capacity (Cavalcante & Stańczak 2018).
///
/// Service floor: a point whose SINR is below the floor even with all loads at 0 is out of
/// service: it adds no load and is counted in `outOfServiceUsers`. Points in service are costed
/// at max(SINR, floor), so a point pushed below the floor by its neighbours keeps consuming
/// resources at the lowest efficiency (the map stays monotone and continuous) and is reported
/// with `isServed` false and rate 0 at the fixed point.
///
/// - Complexity: O(I · (K + E)) time for I iterations, K demand points, E interferer entries;
///   O(S + K + E) memory in compressed sparse rows; nothing is allocated inside the iteration.
public struct LoadCouplingProblem: Sendable {
  /// An interfering sector and the power it puts on the demand point at full load, mW.
  public struct Interferer: Sendable, Hashable {
    public var sector: Int
    public var powerMilliwatts: Double

    public init(sector: Int, powerMilliwatts: Double) {
      self.sector = sector
      self.powerMilliwatts = powerMilliwatts
    }
  }

  /// A place with demand (a raster cell, a parcel), all powers per resource element or per the
  /// same bandwidth, mW.
  public struct DemandPoint: Sendable, Hashable {
    public var sector: Int
    public var demandBitsPerSecond: Double
    public var signalMilliwatts: Double
    public var noiseMilliwatts: Double
    public var residualInterferenceMilliwatts: Double
    /// Active users at this point (they share their sector's resources).
    public var activeUsers: Double
    public var interferers: [Interferer]

    public init(
      sector: Int, demandBitsPerSecond: Double, signalMilliwatts: Double, noiseMilliwatts: Double,
      residualInterferenceMilliwatts: Double = 0, activeUsers: Double, interferers: [Interferer]
    ) {
      self.sector = sector
      self.demandBitsPerSecond = demandBitsPerSecond
      self.signalMilliwatts = signalMilliwatts
      self.noiseMilliwatts = noiseMilliwatts
      self.residualInterferenceMilliwatts = residualInterferenceMilliwatts
      self.activeUsers = activeUsers
      self.interferers = interferers
    }
  }

  /// Solver settings.
  public struct Options: Sendable, Hashable {
    /// Relative change of every load below which the iteration stops.
    public var tolerance: Double
    public var maximumIterations: Int
    /// SINR → spectral efficiency: TR 36.942 A.1 (downlink defaults).
    public var shannon: Throughput.ShannonParameters
    /// Service floor on the SINR, dB; the floor used is the larger of this and SINR_min.
    public var minimumSINRDB: Double

    public init(
      tolerance: Double = 1e-12, maximumIterations: Int = 10_000, shannon: Throughput.ShannonParameters = .init(),
      minimumSINRDB: Double = -10
    ) {
      self.tolerance = tolerance
      self.maximumIterations = maximumIterations
      self.shannon = shannon
      self.minimumSINRDB = minimumSINRDB
    }
  }

  public let effectiveBandwidthsHz: [Double]
  let pointSector: [Int]
  let pointDemand: [Double]
  let pointSignal: [Double]
  let pointFixedInterference: [Double]
  let pointUsers: [Double]
  let rowStart: [Int]
  let interfererSector: [Int]
  let interfererPower: [Double]

  /// A problem, or an error naming the first sector or demand point that is not valid.
  public init(effectiveBandwidthsHz: [Double], demandPoints: [DemandPoint]) throws {
    for (index, bandwidth) in effectiveBandwidthsHz.enumerated() where !(bandwidth > 0 && bandwidth.isFinite) {
      throw LoadCouplingError(description: "sector \(index): effective bandwidth must be positive, got \(bandwidth)")
    }
    let sectors = 0..<effectiveBandwidthsHz.count
    var rowStart = [0]
    var interfererSector: [Int] = []
    var interfererPower: [Double] = []
    rowStart.reserveCapacity(demandPoints.count + 1)
    for (index, point) in demandPoints.enumerated() {
      let values = [
        point.demandBitsPerSecond, point.noiseMilliwatts, point.residualInterferenceMilliwatts, point.activeUsers,
      ]
      guard sectors.contains(point.sector), point.signalMilliwatts > 0, point.noiseMilliwatts > 0,
        values.allSatisfy({ $0 >= 0 && $0.isFinite }), point.signalMilliwatts.isFinite
      else {
        throw LoadCouplingError(
          description: "demand point \(index): needs a known sector, positive signal and noise, "
            + "and finite non-negative demand, residual interference and users")
      }
      for interferer in point.interferers {
        guard sectors.contains(interferer.sector), interferer.sector != point.sector,
          interferer.powerMilliwatts >= 0, interferer.powerMilliwatts.isFinite
        else {
          throw LoadCouplingError(
            description: "demand point \(index): interferer \(interferer.sector) must be another known sector "
              + "with finite non-negative power")
        }
        interfererSector.append(interferer.sector)
        interfererPower.append(interferer.powerMilliwatts)
      }
      rowStart.append(interfererSector.count)
    }
    self.effectiveBandwidthsHz = effectiveBandwidthsHz
    pointSector = demandPoints.map(\.sector)
    pointDemand = demandPoints.map(\.demandBitsPerSecond)
    pointSignal = demandPoints.map(\.signalMilliwatts)
    pointFixedInterference = demandPoints.map { $0.noiseMilliwatts + $0.residualInterferenceMilliwatts }
    pointUsers = demandPoints.map(\.activeUsers)
    self.rowStart = rowStart
    self.interfererSector = interfererSector
    self.interfererPower = interfererPower
  }

  /// The least fixed point of the load map, with per-sector and per-point results.
  public func solve(options: Options = .init()) -> LoadCouplingSolution {
    precondition(
      options.tolerance >= 0 && options.tolerance.isFinite && options.maximumIterations >= 1,
      "LoadCouplingProblem.solve: tolerance must be finite and non-negative, maximumIterations at least 1")
    let sectorCount = effectiveBandwidthsHz.count
    let pointCount = pointSector.count
    let floorDB = max(options.minimumSINRDB, options.shannon.minimumSINRDB)
    let floorRatio = pow(10, floorDB / 10)
    var inService = [Bool](repeating: false, count: pointCount)
    for k in 0..<pointCount { inService[k] = pointSignal[k] / pointFixedInterference[k] >= floorRatio }

    var load = [Double](repeating: 0, count: sectorCount)
    var next = [Double](repeating: 0, count: sectorCount)
    var iterations = 0
    var converged = false
    while iterations < options.maximumIterations && !converged {
      iterations += 1
      requiredShares(loads: load, into: &next, inService: inService, floorRatio: floorRatio, options: options)
      converged = true
      for i in 0..<sectorCount {
        next[i] = min(1, next[i])
        if abs(next[i] - load[i]) > options.tolerance * next[i] { converged = false }
      }
      swap(&load, &next)
    }

    // Evaluate at the final loads: unclamped ratios, SINRs, rates.
    var ratio = [Double](repeating: 0, count: sectorCount)
    requiredShares(loads: load, into: &ratio, inService: inService, floorRatio: floorRatio, options: options)
    var users = [Double](repeating: 0, count: sectorCount)
    var outOfService = [Double](repeating: 0, count: sectorCount)
    for k in 0..<pointCount {
      if inService[k] { users[pointSector[k]] += pointUsers[k] } else { outOfService[pointSector[k]] += pointUsers[k] }
    }
    var sinrDB = [Double](repeating: 0, count: pointCount)
    var served = [Bool](repeating: false, count: pointCount)
    var rateMbps = [Double](repeating: 0, count: pointCount)
    for k in 0..<pointCount {
      let sinr = pointSignal[k] / interference(point: k, loads: load)
      sinrDB[k] = 10 * log10(sinr)
      served[k] = inService[k] && sinr >= floorRatio
      if served[k] {
        let sector = pointSector[k]
        rateMbps[k] = UserRate.sharedRateMbps(
          spectralEfficiency: efficiency(sinr: sinr, floorRatio: floorRatio, shannon: options.shannon),
          effectiveBandwidthHz: effectiveBandwidthsHz[sector], activeUsers: users[sector])
      }
    }
    let sectors = (0..<sectorCount).map { i in
      LoadCouplingSolution.Sector(
        load: load[i], demandToCapacityRatio: ratio[i], activeUsers: users[i], outOfServiceUsers: outOfService[i])
    }
    return LoadCouplingSolution(
      sectors: sectors, demandPointSINRDB: sinrDB, demandPointIsServed: served, demandPointUserRateMbps: rateMbps,
      iterations: iterations, converged: converged)
  }

  /// Interference plus noise at point k under `loads`, mW, summed in input order.
  @inline(__always) private func interference(point k: Int, loads: [Double]) -> Double {
    var total = pointFixedInterference[k]
    for entry in rowStart[k]..<rowStart[k + 1] { total += loads[interfererSector[entry]] * interfererPower[entry] }
    return total
  }

  /// Attenuated Shannon on max(SINR, floor): α·log2(1 + γ) capped at Thr_max (TR 36.942 A.1),
  /// equal to `Throughput.spectralEfficiency` at and above the floor.
  @inline(__always) private func efficiency(
    sinr: Double, floorRatio: Double, shannon: Throughput.ShannonParameters
  ) -> Double {
    min(shannon.alpha * log2(1 + max(sinr, floorRatio)), shannon.maximumEfficiency)
  }

  /// Σ_{k∈i} d_k / (B_i · SE_k) for every sector, unclamped, written into `shares`.
  private func requiredShares(
    loads: [Double], into shares: inout [Double], inService: [Bool], floorRatio: Double, options: Options
  ) {
    for i in shares.indices { shares[i] = 0 }
    for k in pointSector.indices where inService[k] && pointDemand[k] > 0 {
      let sinr = pointSignal[k] / interference(point: k, loads: loads)
      shares[pointSector[k]] +=
        pointDemand[k] / efficiency(sinr: sinr, floorRatio: floorRatio, shannon: options.shannon)
    }
    for i in shares.indices { shares[i] /= effectiveBandwidthsHz[i] }
  }
}

/// The load fixed point of a `LoadCouplingProblem`.
public struct LoadCouplingSolution: Sendable, Hashable {
  /// One sector at the fixed point.
  public struct Sector: Sendable, Hashable {
    /// Share of resources in use, 0…1.
    public let load: Double
    /// Demand ÷ capacity before the 100 % cap: Σ d_k / (B · SE_k) at the fixed point.
    public let demandToCapacityRatio: Double
    /// Active users at demand points in service (SINR at or above the floor with no load);
    /// they share the sector's resources.
    public let activeUsers: Double
    /// Active users at demand points below the SINR floor even with no load anywhere.
    public let outOfServiceUsers: Double

    /// No headroom: demand needs all the sector's resources or more (ratio ≥ 1).
    public var isOverloaded: Bool { demandToCapacityRatio >= 1 }
    /// Share of the demand the sector carries: min(1, 1 / ratio).
    public var servedDemandShare: Double { demandToCapacityRatio > 1 ? 1 / demandToCapacityRatio : 1 }
  }

  public let sectors: [Sector]
  /// SINR of each demand point at the fixed point, dB.
  public let demandPointSINRDB: [Double]
  /// Whether each demand point has service at the fixed point (SINR ≥ floor).
  public let demandPointIsServed: [Bool]
  /// Rate of one active user at each demand point, Mbit/s: SE × B / sector's active users
  /// (`UserRate.sharedRateMbps`), 0 without service.
  public let demandPointUserRateMbps: [Double]
  public let iterations: Int
  /// False when `maximumIterations` was reached first.
  public let converged: Bool
}
