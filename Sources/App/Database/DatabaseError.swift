import GeoIO
import Scenario

/// A problem with `cosite db`: the database, a run id, or a file of the output set.
public struct DatabaseError: PlannerError, Sendable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }

  /// Runs `body`, turning GDAL's errors into messages that name the database.
  static func naming<T>(_ shownDSN: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as GeoIOError {
      throw DatabaseError("PostGIS (\(shownDSN)): \(error)")
    }
  }
}
