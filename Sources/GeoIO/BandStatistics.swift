/// A band's statistics over its valid cells, computed in Swift (not by GDAL) and written as the
/// band's `STATISTICS_*` metadata, the items `GDALRasterBand::GetStatistics` reads back.
struct BandStatistics: Equatable {
  var minimum: Double
  var maximum: Double
  var mean: Double
  /// Population standard deviation, √(Σ(x − mean)² / n): what GDAL's `ComputeStatistics`
  /// reports (it divides by n, not n − 1; gdal_rasterband.cpp).
  var stdDev: Double
  /// Valid cells as a percentage of all cells (GDAL ≥ 3.2 writes `STATISTICS_VALID_PERCENT`).
  var validPercent: Double

  /// The statistics of the valid cells, or nil if there are none. A cell is valid if it is not
  /// the nodata value (Float32 cells compared as Float32, as GDAL does) and not NaN. Two
  /// passes in Double: the mean first, then the squared deviations from it.
  init?(_ values: RasterBand.Values, noData: Double) {
    switch values {
    case .float32(let cells):
      let noDataFloat = Float(noData)
      self.init(cells.lazy.filter { !$0.isNaN && $0 != noDataFloat }.map(Double.init), total: cells.count)
    case .int32(let cells):
      self.init(cells.lazy.map(Double.init).filter { $0 != noData }, total: cells.count)
    }
  }

  private init?<Cells: Collection>(_ valid: Cells, total: Int) where Cells.Element == Double {
    var count = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    for value in valid {
      count += 1
      sum += value
      minimum = min(minimum, value)
      maximum = max(maximum, value)
    }
    guard count > 0 else { return nil }
    let mean = sum / Double(count)
    var squares = 0.0
    for value in valid { squares += (value - mean) * (value - mean) }
    self.minimum = minimum
    self.maximum = maximum
    self.mean = mean
    self.stdDev = (squares / Double(count)).squareRoot()
    self.validPercent = 100 * Double(count) / Double(total)
  }

  /// The metadata items, values in Swift's shortest round-trip form (`CPLAtof` reads them back
  /// to the same Double).
  var metadataItems: [(key: String, value: String)] {
    [
      ("STATISTICS_MAXIMUM", "\(maximum)"), ("STATISTICS_MEAN", "\(mean)"),
      ("STATISTICS_MINIMUM", "\(minimum)"), ("STATISTICS_STDDEV", "\(stdDev)"),
      ("STATISTICS_VALID_PERCENT", "\(validPercent)"),
    ]
  }
}
