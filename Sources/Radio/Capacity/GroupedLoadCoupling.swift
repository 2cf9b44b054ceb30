import Dispatch
import Foundation

/// The load-coupling system of `LoadCouplingProblem` for raster demand: many demand points
/// (cells) share one interferer mix (a group: the cells of one small area served by one
/// sector), so each point stores only its own full-load interference.
///
/// Point k of group g, served by sector s_g, sees γ_k(ρ) = S_k / (I_k · ρ̄_g(ρ) + N), where I_k
/// is the interference from all other sectors at full load and ρ̄_g = Σ_j w_gj ρ_j with the
/// group's weights w_gj ≥ 0, Σ_j w_gj = 1 (each interferer's share of the group's full-load
/// interference). This is `LoadCouplingProblem` with P_jk = I_k · w_gj: exact when every cell
/// of a group has the same interferer mix, an approximation of the spatial detail otherwise.
/// The load of sector i is ρ_i = min(1, Σ_{k∈i} d_k / (B_i · SE(γ_k(ρ)))), d_k = users_k × the
/// demand per user; solved by Jacobi iteration from ρ = 0 to the least fixed point (Siomina &
/// Yuan 2012; see `LoadCouplingProblem`), with the same service floor: points below it at
/// zero load add no load and count as out of service.
///
/// With a fixed load L (`solve(fixedLoad:)`), ρ̄_g = L for every group and one evaluation
/// gives each sector's demand ÷ capacity at that interference.
///
/// Sums run over fixed chunks of points (each chunk summed in point order, the chunks in
/// chunk order), so the result does not depend on the number of threads.
public struct GroupedLoadCoupling: Sendable {
  /// Effective bandwidth per sector, Hz.
  public let effectiveBandwidthsHz: [Double]
  let groupSector: [Int32]
  let groupRowStart: [Int]
  let weightSector: [Int32]
  let weight: [Double]
  let pointGroup: [Int32]
  let pointSignal: [Float]
  let pointInterference: [Float]
  let pointUsers: [Double]
  /// Noise per resource element, mW (one value for the layer).
  public let noiseMilliwatts: Double
  /// Demand of one active user, bit/s.
  public let demandPerUserBitsPerSecond: Double

  static let chunkSize = 16_384

  /// A problem over validated inputs: sector indices within the bandwidths, each group's
  /// weights non-negative, points' groups known and values finite and non-negative.
  public init(
    effectiveBandwidthsHz: [Double], groupSector: [Int32], groupRowStart: [Int], weightSector: [Int32],
    weight: [Double], pointGroup: [Int32], pointSignal: [Float], pointInterference: [Float], pointUsers: [Double],
    noiseMilliwatts: Double, demandPerUserBitsPerSecond: Double
  ) {
    precondition(groupRowStart.count == groupSector.count + 1 && weightSector.count == weight.count)
    precondition(
      pointSignal.count == pointGroup.count && pointInterference.count == pointGroup.count
        && pointUsers.count == pointGroup.count)
    precondition(noiseMilliwatts > 0 && demandPerUserBitsPerSecond >= 0)
    self.effectiveBandwidthsHz = effectiveBandwidthsHz
    self.groupSector = groupSector
    self.groupRowStart = groupRowStart
    self.weightSector = weightSector
    self.weight = weight
    self.pointGroup = pointGroup
    self.pointSignal = pointSignal
    self.pointInterference = pointInterference
    self.pointUsers = pointUsers
    self.noiseMilliwatts = noiseMilliwatts
    self.demandPerUserBitsPerSecond = demandPerUserBitsPerSecond
  }

  /// The least fixed point (or, with `fixedLoad`, the shares at that load).
  public func solve(
    options: LoadCouplingProblem.Options = .init(), fixedLoad: Double? = nil, threads: Int = 1
  ) -> GroupedLoadSolution {
    let sectorCount = effectiveBandwidthsHz.count
    let floorRatio = pow(10, max(options.minimumSINRDB, options.shannon.minimumSINRDB) / 10)
    var load = [Double](repeating: fixedLoad ?? 0, count: sectorCount)
    var groupLoad = [Double](repeating: fixedLoad ?? 0, count: groupSector.count)
    precondition(fixedLoad.map { (0...1).contains($0) } ?? true, "a fixed load is a share 0…1")
    var shares = [Double](repeating: 0, count: sectorCount)
    var iterations = 0
    var converged = fixedLoad != nil
    if fixedLoad == nil {
      while iterations < options.maximumIterations {
        iterations += 1
        requiredShares(groupLoad: groupLoad, floorRatio: floorRatio, options: options, threads: threads, into: &shares)
        var done = true
        for i in 0..<sectorCount {
          let next = min(1, shares[i])
          if abs(next - load[i]) > options.tolerance * next { done = false }
          load[i] = next
        }
        groupLoad = mixedLoads(load)
        if done {
          converged = true
          break
        }
      }
    }
    requiredShares(groupLoad: groupLoad, floorRatio: floorRatio, options: options, threads: threads, into: &shares)
    if fixedLoad != nil { iterations = 1 }
    // Users per sector, in and out of service (serially, in point order).
    var users = [Double](repeating: 0, count: sectorCount)
    var outOfService = [Double](repeating: 0, count: sectorCount)
    for k in pointGroup.indices {
      let sector = Int(groupSector[Int(pointGroup[k])])
      if Double(pointSignal[k]) / noiseMilliwatts >= floorRatio {
        users[sector] += pointUsers[k]
      } else {
        outOfService[sector] += pointUsers[k]
      }
    }
    let sectors = (0..<sectorCount).map {
      LoadCouplingSolution.Sector(
        load: fixedLoad == nil ? load[$0] : min(1, shares[$0]), demandToCapacityRatio: shares[$0],
        activeUsers: users[$0], outOfServiceUsers: outOfService[$0])
    }
    return GroupedLoadSolution(sectors: sectors, groupLoad: groupLoad, iterations: iterations, converged: converged)
  }

  /// ρ̄_g = Σ_j w_gj ρ_j per group; a group without weights (no other sector sampled where it
  /// is) takes the highest load of all, the cautious choice.
  func mixedLoads(_ load: [Double]) -> [Double] {
    let highest = load.max() ?? 0
    return (0..<groupSector.count).map { g in
      guard groupRowStart[g] < groupRowStart[g + 1] else { return highest }
      var mixed = 0.0
      for entry in groupRowStart[g]..<groupRowStart[g + 1] { mixed += weight[entry] * load[Int(weightSector[entry])] }
      return mixed
    }
  }

  /// Σ_{k∈i} d_k / (B_i · SE_k) per sector at the groups' mixed loads.
  private func requiredShares(
    groupLoad: [Double], floorRatio: Double, options: LoadCouplingProblem.Options, threads: Int,
    into shares: inout [Double]
  ) {
    let sectorCount = effectiveBandwidthsHz.count
    let chunks = (pointGroup.count + Self.chunkSize - 1) / Self.chunkSize
    guard chunks > 0 else {
      for i in 0..<sectorCount { shares[i] = 0 }
      return
    }
    var partial = [Double](repeating: 0, count: chunks * sectorCount)
    let noise = noiseMilliwatts
    let shannon = options.shannon
    partial.withUnsafeMutableBufferPointer { buffer in
      let sums = ChunkSums(base: buffer.baseAddress!)
      let workers = max(1, min(threads, chunks))
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for chunk in stride(from: worker, to: chunks, by: workers) {
          let row = sums.base + chunk * sectorCount
          let end = min(pointGroup.count, (chunk + 1) * Self.chunkSize)
          for k in (chunk * Self.chunkSize)..<end {
            let signal = Double(pointSignal[k])
            guard signal / noise >= floorRatio, pointUsers[k] > 0 else { continue }
            let group = Int(pointGroup[k])
            let sinr = signal / (Double(pointInterference[k]) * groupLoad[group] + noise)
            let efficiency = min(shannon.alpha * log2(1 + max(sinr, floorRatio)), shannon.maximumEfficiency)
            row[Int(groupSector[group])] += pointUsers[k] / efficiency
          }
        }
      }
    }
    for i in 0..<sectorCount { shares[i] = 0 }
    for chunk in 0..<chunks {
      for i in 0..<sectorCount { shares[i] += partial[chunk * sectorCount + i] }
    }
    for i in 0..<sectorCount { shares[i] *= demandPerUserBitsPerSecond / effectiveBandwidthsHz[i] }
  }
}

/// Per-chunk sums written by the workers, each chunk's row by one worker only.
private struct ChunkSums: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>
}

/// The fixed point of a `GroupedLoadCoupling`.
public struct GroupedLoadSolution: Sendable, Hashable {
  public let sectors: [LoadCouplingSolution.Sector]
  /// ρ̄_g per group at the fixed point: the load its interference is scaled by.
  public let groupLoad: [Double]
  public let iterations: Int
  public let converged: Bool
}
