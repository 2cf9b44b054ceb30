/// The reduced field of one carrier layer: per cell, the best server and the total power
/// received from all of the layer's sectors (outdoors, before building loss).
public struct LayerField: Sendable {
  /// Best RSRP, dBm; −∞ where no sector reaches.
  public var bestDBm: [Float]
  /// Index (into the scenario's sectors) of the best server; −1 where none reaches.
  public var server: [Int32]
  /// Sum of all sectors' received power per resource element, mW.
  public var totalMilliwatts: [Float]
  /// Sector–cell evaluations made.
  public var evaluations: Int

  public init(cellCount: Int) {
    bestDBm = [Float](repeating: -.infinity, count: cellCount)
    server = [Int32](repeating: -1, count: cellCount)
    totalMilliwatts = [Float](repeating: 0, count: cellCount)
    evaluations = 0
  }

  /// Arrays of `cellCount` cells whose values the caller sets, every cell, before reading
  /// any: the field engine sets each tile's cells on the worker that computes the tile, so
  /// the kernel's zeroing of fresh pages is spread over the workers too.
  init(unsetCellCount cellCount: Int) {
    bestDBm = [Float](unsafeUninitializedCapacity: cellCount) { _, count in count = cellCount }
    server = [Int32](unsafeUninitializedCapacity: cellCount) { _, count in count = cellCount }
    totalMilliwatts = [Float](unsafeUninitializedCapacity: cellCount) { _, count in count = cellCount }
    evaluations = 0
  }
}
