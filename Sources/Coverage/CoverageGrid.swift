import Geo

/// The raster the coverage engine computes on, in the run's metric CRS.
///
/// Row 0 is the southern row and column 0 the western one; cell (row, column) spans
/// `originX + column·resolutionM … + resolutionM` east and `originY + row·resolutionM …`
/// north. Cells are stored row-major: index = row · columns + column.
public struct CoverageGrid: Hashable, Sendable {
  public let originX: Double
  public let originY: Double
  public let resolutionM: Double
  public let columns: Int
  public let rows: Int

  public init(originX: Double, originY: Double, resolutionM: Double, columns: Int, rows: Int) {
    precondition(resolutionM > 0 && columns > 0 && rows > 0, "a grid needs cells")
    self.originX = originX
    self.originY = originY
    self.resolutionM = resolutionM
    self.columns = columns
    self.rows = rows
  }

  /// The grid covering `bounds` plus `marginM` on every side, its origin snapped to a
  /// multiple of the resolution so that the same inputs always give the same cells.
  public init(covering bounds: (min: Coordinate, max: Coordinate), marginM: Double, resolutionM: Double) {
    let west = ((bounds.min.x - marginM) / resolutionM).rounded(.down) * resolutionM
    let south = ((bounds.min.y - marginM) / resolutionM).rounded(.down) * resolutionM
    let east = ((bounds.max.x + marginM) / resolutionM).rounded(.up) * resolutionM
    let north = ((bounds.max.y + marginM) / resolutionM).rounded(.up) * resolutionM
    self.init(
      originX: west, originY: south, resolutionM: resolutionM,
      columns: max(1, Int(((east - west) / resolutionM).rounded())),
      rows: max(1, Int(((north - south) / resolutionM).rounded())))
  }

  public var cellCount: Int { columns * rows }

  /// Distance from a point to the grid's rectangle, m (0 inside): no cell centre is nearer.
  public func distanceM(to point: Coordinate) -> Double {
    let east = originX + Double(columns) * resolutionM
    let north = originY + Double(rows) * resolutionM
    let dx = max(originX - point.x, 0, point.x - east)
    let dy = max(originY - point.y, 0, point.y - north)
    return (dx * dx + dy * dy).squareRoot()
  }
  public var cellAreaM2: Double { resolutionM * resolutionM }

  /// Centre of a cell in the metric CRS.
  @inlinable public func centre(row: Int, column: Int) -> Coordinate {
    Coordinate(x: originX + (Double(column) + 0.5) * resolutionM, y: originY + (Double(row) + 0.5) * resolutionM)
  }

  /// The cell containing `point`, or nil outside the grid.
  public func cell(containing point: Coordinate) -> (row: Int, column: Int)? {
    let column = Int(((point.x - originX) / resolutionM).rounded(.down))
    let row = Int(((point.y - originY) / resolutionM).rounded(.down))
    guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
    return (row, column)
  }

  /// Grid corner (vertex) coordinates: vertex (row, column) is the south-west corner of that cell.
  @inlinable public func corner(row: Int, column: Int) -> Coordinate {
    Coordinate(x: originX + Double(column) * resolutionM, y: originY + Double(row) * resolutionM)
  }
}
