/// Cell counts per parcel and bin (RSRP bins, SINR bins or service classes).
public struct ParcelHistogram: Sendable, Hashable {
  /// Bins per parcel; the last bin is "below the lowest threshold" (or "no class").
  public let binCount: Int
  /// Counts, parcel-major: `counts[parcel * binCount + bin]`.
  public private(set) var counts: [Int]

  public init(parcels: Int, binCount: Int) {
    self.binCount = binCount
    counts = [Int](repeating: 0, count: parcels * binCount)
  }

  /// Counts read back (a tile's result): `counts.count` must be a multiple of `binCount`.
  init?(binCount: Int, counts: [Int]) {
    guard binCount > 0, counts.count % binCount == 0 else { return nil }
    self.binCount = binCount
    self.counts = counts
  }

  @inline(__always) mutating func add(parcel: Int, bin: Int) { counts[parcel * binCount + bin] += 1 }

  public func count(parcel: Int, bin: Int) -> Int { counts[parcel * binCount + bin] }

  /// Cells of `parcel` in `bin` or a better one (bins are ordered best first).
  public func cumulative(parcel: Int, throughBin bin: Int) -> Int {
    (0...bin).reduce(0) { $0 + count(parcel: parcel, bin: $1) }
  }
}

extension ParcelHistogram {
  /// Adds `other`'s counts (a worker's partial counts of the same parcels and bins).
  mutating func add(_ other: ParcelHistogram) {
    precondition(other.binCount == binCount && other.counts.count == counts.count, "histograms of different shapes")
    for index in counts.indices { counts[index] += other.counts[index] }
  }

  /// Copies every parcel of `other` to the parcel `mapping[parcel]` of this histogram.
  mutating func copy(_ other: ParcelHistogram, mapping: [Int]) {
    precondition(other.binCount == binCount, "histograms of different bins")
    for (local, global) in mapping.enumerated() {
      for bin in 0..<binCount { counts[global * binCount + bin] = other.count(parcel: local, bin: bin) }
    }
  }
}

/// Index of the first threshold `value` reaches in a list ordered strongest first;
/// `thresholds.count` when it reaches none.
@inline(__always) func binIndex(_ value: Double, thresholds: [Double]) -> Int {
  var index = 0
  while index < thresholds.count, value < thresholds[index] { index += 1 }
  return index
}
