import Foundation
import Radio

/// A column's array factor below its peak, tabulated every 0.05° of depression from −90°
/// to 90° for the inner loop: 10 log10 N − AF(δ), dB (≥ 0; AF ≤ 10 log10 N for weights of
/// norm 1, Cauchy–Schwarz), capped at 60 dB so nulls stay finite. Linear interpolation
/// between nodes (`SlopeTable`).
enum ArrayFactorTable {
  static let stepDeg: Float = 0.05
  static let nodes = 3601

  /// The table of a single element: no array factor.
  static let flat = SlopeTable(nodes: [Float](repeating: 0, count: nodes + 1))

  static func losses(_ column: ColumnArray) -> SlopeTable {
    let peak = 10 * log10(Double(column.elementCount))
    var table = (0..<nodes).map { node -> Float in
      let depression = -90 + Double(node) * Double(stepDeg)
      return Float(min(max(peak - column.arrayFactorDB(depressionDeg: depression), 0), 60))
    }
    table.append(table[nodes - 1])  // a guard node for interpolation at +90°
    return SlopeTable(nodes: table)
  }

  /// The loss at `depressionDeg`, clamped to ±90°.
  @_transparent static func lossDB(_ pairs: UnsafePointer<Float>, depressionDeg: Float) -> Float {
    let position = FastMath.lower(FastMath.higher((depressionDeg + 90) / stepDeg, 0), Float(nodes - 1))
    let node = FastMath.floor(position)
    return SlopeTable.value(pairs, index: node.integer, fraction: position - node.float)
  }
}
