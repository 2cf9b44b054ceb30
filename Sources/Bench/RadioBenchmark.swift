import Dispatch
import Foundation
import Radio

/// Path loss + antenna gain evaluations per second, on one core and on all cores.
///
/// Each evaluation is what the coverage engine does per sector and cell: bearing and
/// elevation to the cell, the antenna's frame (mechanical tilt), the 3GPP sector pattern,
/// and a TR 38.901 UMa NLOS path loss.
public enum RadioBenchmark {
  public struct Result: Sendable {
    public let evaluations: Int
    public let singleCoreSeconds: Double
    public let allCoresSeconds: Double
    public let cores: Int
    /// Sum of all gains − losses, printed so the work cannot be optimised away.
    public let checksum: Double

    public var singleCorePerSecond: Double { Double(evaluations) / singleCoreSeconds }
    public var allCoresPerSecond: Double { Double(evaluations) / allCoresSeconds }
  }

  /// Runs `evaluations` evaluations once on one thread and once split over all cores.
  public static func run(evaluations: Int = 4_000_000) -> Result {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let start = DispatchTime.now()
    let single = chunk(0..<evaluations)
    let middle = DispatchTime.now()
    let parts = cores * 4
    let sums = DisjointSlots(count: parts)
    defer { sums.deallocate() }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let lower = evaluations * part / parts
      let upper = evaluations * (part + 1) / parts
      sums.buffer[part] = chunk(lower..<upper)
    }
    let end = DispatchTime.now()
    return Result(
      evaluations: evaluations, singleCoreSeconds: seconds(start, middle), allCoresSeconds: seconds(middle, end),
      cores: cores, checksum: single + sums.buffer.reduce(0, +))
  }

  /// Evaluations for cells on a 1,000-wide 10 m grid around a 30 m sector.
  static func chunk(_ range: Range<Int>) -> Double {
    let antenna = SectorAntenna(peakGainDBi: 17, electricalTiltDeg: 4)
    let orientation = AntennaOrientation(azimuthDeg: 60, mechanicalTiltDeg: 2)
    var sum = 0.0
    for index in range {
      let east = Double(index % 1000 - 500) * 10 + 5
      let north = Double((index / 1000) % 1000 - 500) * 10 + 5
      let direction = bearingAndElevationDeg(eastM: east, northM: north, fromHeightM: 30, toHeightM: 1.5)
      let gain = antenna.gainDBi(
        orientation.angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg))
      let link = LinkGeometry(
        frequencyMHz: 1815, bsHeightM: 30, ueHeightM: 1.5, distance2DM: (east * east + north * north).squareRoot())
      sum += gain - TR38901.uma(link, lineOfSight: false).lossDB
    }
    return sum
  }

  private static func seconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
    Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}

/// One slot per parallel task; each task writes only its own slot.
struct DisjointSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: 0)
  }

  func deallocate() { buffer.deallocate() }
}
