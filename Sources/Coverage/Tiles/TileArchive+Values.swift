import Geo
import Radio
import Scenario

/// The pieces of a coverage result as tile archives hold them (`TileArchive`).
extension BinaryWriter {
  mutating func grid(_ grid: CoverageGrid) {
    double(grid.originX)
    double(grid.originY)
    double(grid.resolutionM)
    int(grid.columns)
    int(grid.rows)
  }

  mutating func histogram(_ histogram: ParcelHistogram) {
    int(histogram.binCount)
    numbers(histogram.counts)
  }

  /// Keyed shapes (an RSRP bin, a sector, a parcel and its area): rings as x, y pairs.
  mutating func shapes(_ shapes: [(key: Int, shape: MultiPolygon)]) {
    int(shapes.count)
    for (key, shape) in shapes {
      int(key)
      int(shape.polygons.count)
      for polygon in shape.polygons {
        ring(polygon.exterior)
        int(polygon.holes.count)
        for hole in polygon.holes { ring(hole) }
      }
    }
  }

  private mutating func ring(_ ring: LinearRing) {
    numbers(ring.coordinates.flatMap { [$0.x, $0.y] })
  }

  mutating func propagation(_ propagation: Propagation) {
    string(propagation.model.rawValue)
    string(propagation.environment.rawValue)
    string(propagation.lineOfSight.rawValue)
    bool(propagation.shadowSigmaDB != nil)
    double(propagation.shadowSigmaDB ?? 0)
    double(propagation.clutterLossDB)
  }

  mutating func cellMap(_ map: CellMap) {
    grid(map.grid)
    numbers(map.parcelIndex)
    numbers(map.propagationClass)
    int(map.propagations.count)
    for propagation in map.propagations { self.propagation(propagation) }
    for perCarrier in [map.coveredByCarrier, map.coveredOutdoorByCarrier] {
      int(perCarrier.count)
      for cells in perCarrier { numbers(cells) }
    }
    int(map.indoorClassByCarrier.count)
    for cells in map.indoorClassByCarrier { numbers(cells) }
    bool(map.groundM != nil)
    numbers(map.groundM ?? [])
  }
}

extension BinaryReader {
  mutating func grid() throws -> CoverageGrid {
    let (x, y, resolution) = (try double(), try double(), try double())
    let (columns, rows) = (try int(), try int())
    guard x.isFinite, y.isFinite, resolution > 0, resolution.isFinite, columns > 0, rows > 0,
      !columns.multipliedReportingOverflow(by: rows).overflow
    else { throw failure("a grid") }
    return CoverageGrid(originX: x, originY: y, resolutionM: resolution, columns: columns, rows: rows)
  }

  /// A histogram of `parcels` parcels in `binCount` bins (what the scenario's settings give).
  mutating func histogram(parcels: Int, binCount expected: Int) throws -> ParcelHistogram {
    let binCount = try int()
    let counts: [Int] = try numbers()
    guard binCount == expected, let histogram = ParcelHistogram(binCount: binCount, counts: counts),
      counts.count == parcels * binCount, counts.allSatisfy({ $0 >= 0 })
    else { throw failure("a histogram of \(parcels) parcels in \(expected) bins") }
    return histogram
  }

  /// Keyed shapes whose keys lie in `keys`.
  mutating func shapes(keys: Range<Int>) throws -> [(key: Int, shape: MultiPolygon)] {
    try list { reader in
      let key = try reader.int()
      guard keys.contains(key) else {
        throw reader.failure("a key in \(keys.lowerBound)..<\(keys.upperBound), found \(key)")
      }
      let polygons = try reader.list { reader in
        let exterior = try reader.ring()
        return Polygon(exterior: exterior, holes: try reader.list { try $0.ring() })
      }
      return (key, MultiPolygon(polygons))
    }
  }

  fileprivate mutating func ring() throws -> LinearRing {
    let values = try doubles()
    guard values.count % 2 == 0 else { throw failure("x, y pairs") }
    let coordinates = stride(from: 0, to: values.count, by: 2).map { Coordinate(x: values[$0], y: values[$0 + 1]) }
    do { return try LinearRing(coordinates) } catch { throw failure("a closed ring (\(error))") }
  }

  mutating func propagation() throws -> Propagation {
    let modelName = try string()
    let environmentName = try string()
    let sightName = try string()
    guard let model = PathLossModel(rawValue: modelName), let environment = Environment(rawValue: environmentName),
      let sight = LineOfSight(rawValue: sightName)
    else { throw failure("a propagation class, found \(modelName)/\(environmentName)/\(sightName)") }
    let hasSigma = try bool()
    let sigma = try double()
    return Propagation(
      model: model, environment: environment, lineOfSight: sight, shadowSigmaDB: hasSigma ? sigma : nil,
      clutterLossDB: try double())
  }

  /// The cell map of `grid`, with `parcels` parcels, `carriers` carriers and indoor classes
  /// below `classCount`.
  mutating func cellMap(grid expected: CoverageGrid, parcels: Int, carriers: Int, classCount: Int) throws -> CellMap {
    let grid = try grid()
    guard grid == expected else { throw failure("the zone group's grid") }
    let parcelIndex: [Int32] = try numbers()
    let propagationClass: [UInt8] = try numbers()
    let propagations = try list { try $0.propagation() }
    var perCarrier: [[[UInt8]]] = []
    for _ in 0..<2 { perCarrier.append(try list { try $0.numbers() }) }
    let indoorClass: [[UInt16]] = try list { try $0.numbers() }
    let hasGround = try bool()
    let ground = try floats()
    let cells = grid.cellCount
    guard parcelIndex.count == cells, propagationClass.count == cells,
      parcelIndex.allSatisfy({ $0 >= -1 && Int($0) < parcels }),
      propagationClass.allSatisfy({ Int($0) < propagations.count }),
      perCarrier.allSatisfy({ $0.count == carriers && $0.allSatisfy { $0.count == cells } }),
      indoorClass.count == carriers,
      indoorClass.allSatisfy({ $0.count == cells && $0.allSatisfy { Int($0) < classCount } }),
      ground.count == (hasGround ? cells : 0)
    else { throw failure("a cell map of \(cells) cells, \(parcels) parcels and \(carriers) carriers") }
    return CellMap(
      grid: grid, parcelIndex: parcelIndex, propagationClass: propagationClass, propagations: propagations,
      coveredByCarrier: perCarrier[0], coveredOutdoorByCarrier: perCarrier[1], indoorClassByCarrier: indoorClass,
      groundM: hasGround ? ground : nil)
  }
}
