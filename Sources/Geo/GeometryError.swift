/// Errors raised by the Geo layer; each has a message a planner can read.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
  case tooFewCoordinates(expected: Int, got: Int)
  case ringNotClosed
  case nonFiniteCoordinate
  /// GEOS refused or failed an operation; the text is GEOS's own.
  case geos(operation: String, message: String)
  /// A WKT, WKB or GeoJSON text could not be read.
  case unreadable(format: String, message: String)

  public var description: String {
    switch self {
    case .tooFewCoordinates(let expected, let got):
      return "expected at least \(expected) coordinates, got \(got)"
    case .ringNotClosed: return "ring is not closed (first and last coordinates differ)"
    case .nonFiniteCoordinate: return "coordinate is not a finite number"
    case .geos(let operation, let message): return "GEOS \(operation) failed: \(message)"
    case .unreadable(let format, let message): return "cannot read \(format): \(message)"
    }
  }
}
