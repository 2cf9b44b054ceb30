import Scenario

/// A coverage run that cannot proceed; nothing is written.
public enum CoverageError: PlannerError, Hashable, Sendable {
  case terrainDoesNotCover(file: String, missingCells: Int, cells: Int)

  public var description: String {
    switch self {
    case .terrainDoesNotCover(let file, let missing, let cells):
      return
        "\(file): the terrain does not cover the coverage grid (\(missing) of \(cells) cell centres fall outside it or on voids); expected a DEM covering the zones plus the grid margin"
    }
  }
}
