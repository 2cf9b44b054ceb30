import Geo

/// A terrain elevation raster (DEM): heights above mean sea level on a regular grid.
///
/// Row 0 is the northern row (as in both `.asc` and `.hgt` files); `originX`, `originY` are
/// the centre of the north-west cell, in `crs` units (degrees for geographic CRSs).
public struct ElevationModel: Sendable, Hashable {
  public let crs: CRS
  public let columns: Int
  public let rows: Int
  public let originX: Double
  public let originY: Double
  public let cellSizeX: Double
  public let cellSizeY: Double
  /// Heights in metres, row-major from the north; NaN where the file has no data.
  public let heightsM: [Float]
  /// The file it was read from, as the planner named it (for messages).
  public var sourceName = "the terrain file"

  public init(
    crs: CRS, columns: Int, rows: Int, originX: Double, originY: Double, cellSizeX: Double, cellSizeY: Double,
    heightsM: [Float]
  ) {
    precondition(heightsM.count == columns * rows, "heights must fill the grid")
    self.crs = crs
    self.columns = columns
    self.rows = rows
    self.originX = originX
    self.originY = originY
    self.cellSizeX = cellSizeX
    self.cellSizeY = cellSizeY
    self.heightsM = heightsM
  }

  /// Bilinear height at `point` (in `crs`); nil outside the raster or next to missing data.
  public func heightM(at point: Coordinate) -> Double? {
    let column = (point.x - originX) / cellSizeX
    let row = (originY - point.y) / cellSizeY
    guard column >= 0, row >= 0, column <= Double(columns - 1), row <= Double(rows - 1) else { return nil }
    let c0 = min(Int(column), max(columns - 2, 0))
    let r0 = min(Int(row), max(rows - 2, 0))
    let c1 = min(c0 + 1, columns - 1)
    let r1 = min(r0 + 1, rows - 1)
    let fx = column - Double(c0)
    let fy = row - Double(r0)
    // Samples of zero weight are left out, so a void next to an exact hit does not spoil it.
    // (Called once per grid cell: no temporary arrays.)
    func term(_ row: Int, _ column: Int, _ weight: Double) -> Double {
      weight > 0 ? weight * Double(heightsM[row * columns + column]) : 0
    }
    let value =
      term(r0, c0, (1 - fx) * (1 - fy)) + term(r0, c1, fx * (1 - fy)) + term(r1, c0, (1 - fx) * fy)
      + term(r1, c1, fx * fy)
    return value.isNaN ? nil : value
  }
}
