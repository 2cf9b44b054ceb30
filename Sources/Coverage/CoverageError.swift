/// A coverage run that cannot proceed; nothing is written.
public enum CoverageError: Error, Hashable, Sendable, CustomStringConvertible {
  case terrainDoesNotCover(file: String, missingCells: Int, cells: Int)
  case gridTooLarge(cells: Int, limit: Int)

  public var description: String {
    switch self {
    case .terrainDoesNotCover(let file, let missing, let cells):
      return
        "\(file): the terrain does not cover the coverage grid (\(missing) of \(cells) cell centres fall outside it or on voids); expected a DEM covering the zones plus the grid margin"
    case .gridTooLarge(let cells, let limit):
      return
        "the coverage grid would have \(cells) cells (limit \(limit)): expected a coarser 'grid.resolution_m' or a smaller 'grid.margin_m'"
    }
  }
}
