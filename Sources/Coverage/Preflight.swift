import Foundation
import Geo
import Scenario

/// What `cosite run` would refuse, found before any computation, so that `validate` reports it
/// too: grids over the cell budget, and terrain that does not cover a grid.
public enum Preflight {
  /// Working memory of a run per grid cell, bytes: the parcel raster (index, class), the ground,
  /// one layer's field and reduction (best and second power, interference, server, classes) and
  /// each carrier's coverage flags, and the maps. Measured: 507 MB peak for 10⁷ cells (Dinh Vu
  /// at 3 m), ~51 B per cell; 64 B leaves room for more layers.
  public static let bytesPerCell = 64

  /// One grid of the run, with its estimated cells and memory.
  public struct GridEstimate: Sendable {
    public let zoneIDs: [String]
    public let grid: CoverageGrid
    public var cells: Int { grid.cellCount }
    public var bytes: Int { cells.multipliedReportingOverflow(by: bytesPerCell).partialValue }
  }

  /// The grids a run would use (one per group of nearby zones).
  public static func grids(_ scenario: ScenarioModel, clustering: Bool = true) -> [GridEstimate] {
    let clusters = clustering ? ZoneClusters.of(scenario) : []
    guard clusters.count > 1 else {
      guard let grid = CoverageRun.gridCovering(scenario) else { return [] }
      return [GridEstimate(zoneIDs: scenario.zones.map(\.id), grid: grid)]
    }
    return clusters.map { cluster in
      GridEstimate(zoneIDs: cluster.zoneIndices.map { scenario.zones[$0].id }, grid: cluster.grid)
    }
  }

  /// Every problem a run would meet, as scenario issues (the grid's on the `grid` line of the
  /// scenario, the terrain's on the DEM file). `threads` sample the terrain under each grid (as
  /// the run does; the issues do not depend on them).
  public static func issues(_ scenario: ScenarioModel, clustering: Bool = true, threads: Int = 1) -> [ScenarioIssue] {
    let budget = scenario.grid.cellBudget
    var issues: [ScenarioIssue] = []
    for estimate in grids(scenario, clustering: clustering) {
      guard estimate.cells <= budget else {
        issues.append(
          ScenarioIssue(
            file: scenario.sourcePath, location: .line(scenario.grid.line),
            message:
              "'grid': zones \(estimate.zoneIDs.joined(separator: ", ")) need \(estimate.grid.columns) × \(estimate.grid.rows) = \(estimate.cells) cells at \(JSONWriter.number(scenario.grid.resolutionM)) m (about \(gigabytes(estimate.bytes)) GB), above the cell budget of \(budget): expected a coarser 'grid.resolution_m' or a smaller 'grid.margin_m', or a larger 'grid.max_cells' (or --max-cells) for a deliberate big run"
          ))
        continue
      }
      if let dem = scenario.terrain {
        do {
          _ = try GroundRaster(
            dem: dem, grid: estimate.grid, crs: scenario.crs, demName: dem.sourceName, threads: threads)
        } catch CoverageError.terrainDoesNotCover(_, let missing, let cells) {
          issues.append(
            ScenarioIssue(
              file: dem.sourceName, location: .file,
              message:
                "the terrain does not cover the grid of zones \(estimate.zoneIDs.joined(separator: ", ")) (\(missing) of \(cells) cell centres fall outside it or on voids): expected a DEM covering the zones plus 'grid.margin_m'"
            ))
        } catch {
          issues.append(ScenarioIssue(file: dem.sourceName, location: .file, message: "\(error)"))
        }
      }
      if let cover = scenario.landCover {
        let outside = LandCoverClasses.borderCellsOutside(cover, grid: estimate.grid, crs: scenario.crs)
        if outside.count > 0 {
          issues.append(
            ScenarioIssue(
              file: cover.sourceName, location: .file,
              message:
                "the land cover does not cover the grid of zones \(estimate.zoneIDs.joined(separator: ", ")) (\(outside.count) of \(outside.of) cell centres on the grid's border fall outside it): expected a raster covering the zones plus 'grid.margin_m' (in the CRS it declares, or 'crs:' for it)"
            ))
        }
      }
    }
    return issues
  }

  /// Throws every issue at once; returns quietly when the run can go ahead.
  public static func check(_ scenario: ScenarioModel, clustering: Bool = true, threads: Int = 1) throws {
    let found = issues(scenario, clustering: clustering, threads: threads)
    guard found.isEmpty else { throw ScenarioError(issues: found) }
  }

  static func gigabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e9) }
}
