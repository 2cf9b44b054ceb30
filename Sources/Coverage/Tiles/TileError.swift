import Scenario

/// A tiled run that cannot go on: the file (a plan, a tile's result) and what was wrong
/// with it or what to do.
public struct TileError: PlannerError, Sendable {
  public let file: String
  public let message: String

  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message)" }
}
