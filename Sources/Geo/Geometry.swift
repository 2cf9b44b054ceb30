/// A closed ring of coordinates: first and last coordinates are equal, at least four of them.
public struct LinearRing: Hashable, Sendable {
  public let coordinates: [Coordinate]

  /// Creates a ring, validating closure and size.
  /// - Throws: `GeometryError.tooFewCoordinates` or `.ringNotClosed`.
  public init(_ coordinates: [Coordinate]) throws {
    guard coordinates.count >= 4 else {
      throw GeometryError.tooFewCoordinates(expected: 4, got: coordinates.count)
    }
    guard coordinates.first == coordinates.last else { throw GeometryError.ringNotClosed }
    guard coordinates.allSatisfy(\.isFinite) else { throw GeometryError.nonFiniteCoordinate }
    self.coordinates = coordinates
  }

  /// Wraps coordinates already known to form a closed ring (from GEOS or a transform of one).
  init(unchecked coordinates: [Coordinate]) {
    self.coordinates = coordinates
  }

  /// A ring with the same points in reverse order.
  public var reversed: LinearRing { LinearRing(unchecked: coordinates.reversed()) }

  /// The ring with each coordinate mapped; closure is kept.
  public func map(_ transform: (Coordinate) throws -> Coordinate) rethrows -> LinearRing {
    LinearRing(unchecked: try coordinates.map(transform))
  }
}

/// A polygon: one exterior shell and any number of holes.
public struct Polygon: Hashable, Sendable {
  public let exterior: LinearRing
  public let holes: [LinearRing]

  public init(exterior: LinearRing, holes: [LinearRing] = []) {
    self.exterior = exterior
    self.holes = holes
  }

  public var rings: [LinearRing] { [exterior] + holes }

  public func map(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Polygon {
    Polygon(exterior: try exterior.map(transform), holes: try holes.map { try $0.map(transform) })
  }
}

/// Any number of polygons, treated as one areal geometry.
public struct MultiPolygon: Hashable, Sendable {
  public let polygons: [Polygon]

  public init(_ polygons: [Polygon]) {
    self.polygons = polygons
  }

  public var isEmpty: Bool { polygons.isEmpty }

  public func map(_ transform: (Coordinate) throws -> Coordinate) rethrows -> MultiPolygon {
    MultiPolygon(try polygons.map { try $0.map(transform) })
  }
}

/// A line through two or more coordinates.
public struct LineString: Hashable, Sendable {
  public let coordinates: [Coordinate]

  public init(_ coordinates: [Coordinate]) throws {
    guard coordinates.count >= 2 else {
      throw GeometryError.tooFewCoordinates(expected: 2, got: coordinates.count)
    }
    self.coordinates = coordinates
  }

  init(unchecked coordinates: [Coordinate]) {
    self.coordinates = coordinates
  }
}

/// The geometry kinds Cosite reads and writes.
public enum Geometry: Hashable, Sendable {
  case point(Coordinate)
  case lineString(LineString)
  case polygon(Polygon)
  case multiPolygon(MultiPolygon)

  /// The areal part of the geometry as a multipolygon (empty for points and lines).
  public var areal: MultiPolygon {
    switch self {
    case .polygon(let polygon): return MultiPolygon([polygon])
    case .multiPolygon(let multiPolygon): return multiPolygon
    case .point, .lineString: return MultiPolygon([])
    }
  }
}
