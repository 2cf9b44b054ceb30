import Coverage
import Geo
import Scenario

/// Column and legend names of bins, from thresholds ordered strongest first.
enum BinLabels {
  /// Machine names: `ge_-85`, `-95_-85`, …, `lt_-115` (with `prefix_`).
  static func keys(_ thresholds: [Double], prefix: String) -> [String] {
    let n = thresholds.map(JSONWriter.number)
    var keys = ["\(prefix)_ge_\(n[0])"]
    for index in 1..<max(n.count, 1) where index < n.count { keys.append("\(prefix)_\(n[index])_\(n[index - 1])") }
    keys.append("\(prefix)_lt_\(n[n.count - 1])")
    return keys
  }

  /// Readable names: `≥ −85`, `−95…−85`, `< −115`.
  static func legend(_ thresholds: [Double], unit: String) -> [String] {
    let n = thresholds.map(CoverageMaps.format)
    var labels = ["≥ \(n[0]) \(unit)"]
    for index in 1..<max(n.count, 1) where index < n.count { labels.append("\(n[index])…\(n[index - 1]) \(unit)") }
    labels.append("< \(n[n.count - 1]) \(unit)")
    return labels
  }

  static func serviceKeys(_ settings: CoverageSettings) -> [String] {
    settings.serviceClassesBestFirst.map { "service_\($0.name)" } + ["service_none"]
  }
}
