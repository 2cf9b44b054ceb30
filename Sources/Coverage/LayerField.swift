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
}
