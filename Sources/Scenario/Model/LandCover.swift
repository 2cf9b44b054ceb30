import Geo
import Radio

/// A land-cover raster and what each of its classes means for propagation: each grid cell
/// takes the class of the raster cell its centre falls in (nearest: classes are not
/// interpolated), and the class's propagation — a model, and a clutter loss at the cell —
/// replaces the scenario's outside zones that name their own (README, *Land cover*).
public struct LandCover: Sendable {
  public let crs: CRS
  public let columns: Int
  public let rows: Int
  /// Centre of the north-west cell, in `crs` units.
  public let originX: Double
  public let originY: Double
  public let cellSizeX: Double
  public let cellSizeY: Double
  /// Class code per cell, row-major from the north; −1 where the raster has no data.
  public let codes: [Int32]
  /// Each code's class; codes not listed keep the scenario's propagation.
  public let classes: [Int32: LandCoverClass]
  /// The file, as the planner named it (for messages).
  public var sourceName = "the land-cover raster"

  public init(
    crs: CRS, columns: Int, rows: Int, originX: Double, originY: Double, cellSizeX: Double, cellSizeY: Double,
    codes: [Int32], classes: [Int32: LandCoverClass]
  ) {
    precondition(codes.count == columns * rows, "codes must fill the grid")
    self.crs = crs
    self.columns = columns
    self.rows = rows
    self.originX = originX
    self.originY = originY
    self.cellSizeX = cellSizeX
    self.cellSizeY = cellSizeY
    self.codes = codes
    self.classes = classes
  }

  /// Whether `point` (in `crs`) lies within the raster's extent.
  public func contains(_ point: Coordinate) -> Bool {
    let column = ((point.x - originX) / cellSizeX + 0.5).rounded(.down)
    let row = ((originY - point.y) / cellSizeY + 0.5).rounded(.down)
    return column >= 0 && row >= 0 && column < Double(columns) && row < Double(rows)
  }

  /// The code of the raster cell containing `point` (in `crs`); nil outside the raster or
  /// on a nodata cell.
  public func code(at point: Coordinate) -> Int32? {
    guard contains(point) else { return nil }
    let column = Int(((point.x - originX) / cellSizeX + 0.5).rounded(.down))
    let row = Int(((originY - point.y) / cellSizeY + 0.5).rounded(.down))
    let code = codes[row * columns + column]
    return code < 0 ? nil : code
  }
}

extension LandCover {
  /// The class of most of a parcel: the codes under a lattice of up to 16 × 16 points over
  /// its bounding box (those inside it, even–odd over all rings; its box centre when none
  /// is), the most frequent one (the lowest code on a tie); nil when no point falls on a
  /// classed cell. `toCover` maps WGS 84 lon, lat into the raster's CRS. One definition of a
  /// parcel's class for its indoor spread, the busy hour's candidates and the drop mode.
  public func majorityClass(of outlineLonLat: MultiPolygon, toCover: (Coordinate) -> Coordinate?) -> LandCoverClass? {
    guard let bounds = outlineLonLat.bounds else { return nil }
    let rings = outlineLonLat.polygons.flatMap(\.rings)
    func inside(_ point: Coordinate) -> Bool {
      var crossings = 0
      for ring in rings {
        for (a, b) in zip(ring.coordinates, ring.coordinates.dropFirst())
        where (a.y > point.y) != (b.y > point.y) && point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) {
          crossings += 1
        }
      }
      return crossings % 2 == 1
    }
    let steps = 16
    var points: [Coordinate] = []
    for i in 0..<steps {
      for j in 0..<steps {
        let point = Coordinate(
          x: bounds.min.x + (Double(i) + 0.5) / Double(steps) * (bounds.max.x - bounds.min.x),
          y: bounds.min.y + (Double(j) + 0.5) / Double(steps) * (bounds.max.y - bounds.min.y))
        if inside(point) { points.append(point) }
      }
    }
    if points.isEmpty {
      points = [Coordinate(x: (bounds.min.x + bounds.max.x) / 2, y: (bounds.min.y + bounds.max.y) / 2)]
    }
    var tally: [Int32: Int] = [:]
    for point in points {
      if let projected = toCover(point), let code = code(at: projected), classes[code] != nil {
        tally[code, default: 0] += 1
      }
    }
    let most = tally.values.max()
    return tally.keys.sorted().first { tally[$0] == most }.flatMap { classes[$0] }
  }
}

/// One land-cover class: its name and the propagation cells of it take.
public struct LandCoverClass: Sendable, Hashable {
  public let name: String
  public let propagation: Propagation

  public init(name: String, propagation: Propagation) {
    self.name = name
    self.propagation = propagation
  }

  /// ESA WorldCover v200 (Zanaga et al. 2022, *ESA WorldCover 10 m 2021 v200*, product user
  /// manual Table 1): its eleven codes, each with the Erceg/SUI terrain category closest to
  /// its description (Erceg et al., IEEE JSAC 17(7) 1999: A hilly with moderate-to-heavy tree
  /// density, C flat with light tree density) — tree cover and mangroves A; open land and
  /// water C — and built-up land keeping the scenario's own model (terrain B by default, the
  /// parks' flat ground cluttered by halls). No clutter loss: the empirical models hold their
  /// environment's. Assumptions a planner should tune (`classes:` in the scenario).
  public static func worldCover(default base: Propagation) -> [Int32: LandCoverClass] {
    func with(_ model: PathLossModel?) -> Propagation {
      guard let model else { return base }
      return Propagation(
        model: model, environment: base.environment, lineOfSight: nil, shadowSigmaDB: nil,
        clutterLossDB: base.clutterLossDB)
    }
    let table: [(Int32, String, PathLossModel?)] = [
      (10, "tree cover", .ercegA), (20, "shrubland", .ercegC), (30, "grassland", .ercegC),
      (40, "cropland", .ercegC), (50, "built-up", nil), (60, "bare / sparse vegetation", .ercegC),
      (70, "snow and ice", .ercegC), (80, "permanent water bodies", .ercegC), (90, "herbaceous wetland", .ercegC),
      (95, "mangroves", .ercegA), (100, "moss and lichen", .ercegC),
    ]
    return Dictionary(uniqueKeysWithValues: table.map { ($0.0, LandCoverClass(name: $0.1, propagation: with($0.2))) })
  }
}
