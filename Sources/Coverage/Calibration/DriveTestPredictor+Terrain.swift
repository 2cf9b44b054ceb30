import Foundation
import Radio
import Scenario

/// The field engine's terrain terms at a drive test's positions.
///
/// Over a DEM the run adds to each cell's distance loss the diffraction of the ground between
/// the sector and the cell, and its antenna sees the cell at the cell's ground height
/// (`FieldEngine.sweepTerrain`). A position takes both terms of its cell, computed as the run
/// computes them: with delta-Bullington the loss of the radial sample nearest to the cell's
/// centre in the site's `RadialLossTable` (the same radials, spacing and ground as the run's;
/// a sample's loss depends only on the ground along its radial), with Deygout the loss on the
/// cell centre's own profile. So a tuning fitted here is fitted over the diffraction the run
/// will add, and the run reproduces the predictions (tested cell by cell).
struct TerrainTerms: Sendable {
  /// Diffraction loss over the terrain, dB.
  var lossDB: Double
  /// The cell's ground above the site's, m.
  var groundOffsetM: Double

  static let flat = TerrainTerms(lossDB: 0, groundOffsetM: 0)
}

extension DriveTestPredictor {
  /// The terrain terms from `sector` toward each of `points` (flat where the scenario has no
  /// terrain, or a point is outside every grid).
  func terrain(sector: Int, points: [(x: Double, y: Double)], threads: Int) -> [TerrainTerms] {
    terrain([(sector, points)], threads: threads)[0]
  }

  /// The terrain terms of each request's sector toward its points. Sectors on one structure at
  /// one height and frequency share their tables, as the run's do (`RadialSite`): one per grid
  /// the points fall in, built on `threads` workers and dropped after.
  func terrain(_ requests: [(sector: Int, points: [(x: Double, y: Double)])], threads: Int) -> [[TerrainTerms]] {
    var terms = requests.map { [TerrainTerms](repeating: .flat, count: $0.points.count) }
    guard scenario.terrain != nil else { return terms }
    struct Site: Hashable {
      let structureID: String
      let heightM: Double
      let frequencyMHz: Double
    }
    var order: [Site] = []
    var bySite: [Site: [Int]] = [:]
    for (index, request) in requests.enumerated() {
      let sector = scenario.sectors[request.sector]
      guard
        let frequency = scenario.carriers.first(where: { $0.id == sector.carrierID })?.layer(sector.layerID)?
          .frequencyMHz
      else { continue }
      let site = Site(structureID: sector.structureID, heightM: sector.heightM, frequencyMHz: frequency)
      if bySite[site] == nil { order.append(site) }
      bySite[site, default: []].append(index)
    }
    for site in order {
      let members = bySite[site] ?? []
      guard let first = members.first, let position = positions[requests[first].sector] else { continue }
      // Every point of the site's requests, by the grid it falls in.
      var byPart: [Int: [(request: Int, index: Int, cell: Int)]] = [:]
      for request in members {
        for (index, point) in requests[request].points.enumerated() {
          guard let (part, cell) = locate(x: point.x, y: point.y) else { continue }
          byPart[part, default: []].append((request, index, cell))
        }
      }
      for partIndex in byPart.keys.sorted() {
        guard let ground = parts[partIndex].groundM, let points = byPart[partIndex] else { continue }
        let values = Self.terms(
          cells: points.map(\.cell), ground: ground, grid: parts[partIndex].grid, site: position,
          antennaHeightM: site.heightM, frequencyMHz: site.frequencyMHz, settings: scenario.coverage, threads: threads)
        for (point, value) in zip(points, values) { terms[point.request][point.index] = value }
      }
    }
    return terms
  }

  /// The terms toward `cells` of `grid` from a site at `site` (scenario CRS).
  private static func terms(
    cells: [Int], ground: [Float], grid: CoverageGrid, site: (x: Double, y: Double), antennaHeightM: Double,
    frequencyMHz: Double, settings: CoverageSettings, threads: Int
  ) -> [TerrainTerms] {
    // The site relative to the grid's origin, as `SectorKernel` has it.
    let x = site.x - grid.originX
    let y = site.y - grid.originY
    func centreOffset(_ cell: Int) -> (dx: Double, dy: Double) {
      let row = cell / grid.columns
      let column = cell % grid.columns
      return ((Double(column) + 0.5) * grid.resolutionM - x, (Double(row) + 0.5) * grid.resolutionM - y)
    }
    return ground.withUnsafeBufferPointer { heights in
      switch settings.diffraction {
      case .deltaBullington:
        let table = RadialLossTable.build(
          ground: heights, grid: grid, x: x, y: y, reachM: settings.maxRadiusM, arcReachM: settings.maxRadiusM,
          antennaHeightM: antennaHeightM, ueHeightM: settings.ueHeightM, frequencyMHz: frequencyMHz,
          kFactor: settings.kFactor, threads: threads)
        return cells.map { cell in
          let offset = centreOffset(cell)
          return TerrainTerms(
            lossDB: Double(table.lossDB[table.sampleIndex(dx: offset.dx, dy: offset.dy)]),
            groundOffsetM: Double(heights[cell] - table.siteGroundM))
        }
      case .deygout:
        let profiles = TerrainProfiles(
          ground: heights, grid: grid, frequencyMHz: frequencyMHz, kFactor: settings.kFactor)
        return cells.map { cell in
          let offset = centreOffset(cell)
          // The engine's east offset is a Float (`FieldEngine.sweepTerrain`).
          let extra = profiles.extra(
            x: x, y: y, antennaHeightM: antennaHeightM, ueHeightM: settings.ueHeightM,
            dx: Double(Float(offset.dx)), dy: offset.dy, cell: cell)
          return TerrainTerms(lossDB: Double(extra.lossDB), groundOffsetM: Double(extra.heightOffsetM))
        }
      }
    }
  }
}
