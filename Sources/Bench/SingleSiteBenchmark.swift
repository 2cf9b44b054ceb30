import Coverage
import Dispatch
import Foundation
import Geo
import Radio
import Scenario

/// One site over a square grid as wide as its reach: the terrain benchmark of issue #17.
///
/// The site stands at the grid's centre with a 30 m antenna on an LTE 1800 MHz carrier (one
/// omnidirectional sector, or three 65° panels at 0°, 120°, 240°); the grid spans ±radius
/// and the floor is low enough that every cell within the radius is evaluated. `hills` puts
/// a seeded synthetic DEM under it (Gaussian hills scaled to a highest point of 300 m);
/// `flat` has no DEM (the flat-earth path).
public enum SingleSiteBenchmark {
  public enum Terrain: String, Sendable, CaseIterable {
    case hills
    case flat
  }

  public struct Result: Sendable {
    public let label: String
    public let cells: Int
    /// Field stage, radial tables included.
    public let fieldSeconds: Double
    /// `CoverageRun.run` from the scenario in memory to the result (ground sampling,
    /// rasterising, field, reduction, maps).
    public let runSeconds: Double
    /// Processor time of the run, all threads (user + system): on a busy machine the wall
    /// times stretch, this much less.
    public let runCPUSeconds: Double
    /// Every stage of the run (field included).
    public let stages: StageTimings
    public let evaluations: Int
    /// Peak resident memory of the process so far, bytes (Linux VmHWM).
    public let peakMemoryBytes: Int

    public var evaluationsPerSecond: Double { Double(evaluations) / fieldSeconds }
  }

  /// The site's coordinates in the scenario's CRS (UTM 48N), a multiple of every resolution used.
  static let site = Coordinate(x: 600_000, y: 2_300_000)

  /// Times `CoverageRun.run` on the single-site scenario.
  public static func run(
    terrain: Terrain, radiusM: Double, resolutionM: Double, diffraction: DiffractionMethod, sectors: Int,
    threads: Int
  ) throws -> Result {
    let scenario = make(
      terrain: terrain, radiusM: radiusM, resolutionM: resolutionM, diffraction: diffraction, sectors: sectors)
    let cpuStart = processorSeconds()
    let start = DispatchTime.now()
    let coverage = try CoverageRun.run(scenario, threads: threads)
    let end = DispatchTime.now()
    let cpu = processorSeconds() - cpuStart
    let sectorText = sectors == 1 ? "omni" : "\(sectors) sectors"
    let method = terrain == .flat ? "flat earth" : diffraction.rawValue
    return Result(
      label:
        "single site \(terrain.rawValue), \(sectorText), radius \(JSONWriter.number(radiusM / 1000)) km at \(JSONWriter.number(resolutionM)) m, \(method)",
      cells: coverage.cellCount, fieldSeconds: coverage.timings.fieldSeconds,
      runSeconds: CoverageBenchmark.seconds(start, end), runCPUSeconds: cpu, stages: coverage.timings,
      evaluations: coverage.evaluations,
      peakMemoryBytes: CoverageBenchmark.peakMemoryBytes())
  }

  /// What the radials cost against every cell's own profile (`TerrainRadialsSurvey`) on the
  /// hills scenario, every `cellStride`-th cell, radials `arcCells` cells apart at the reach.
  public static func radialErrors(
    radiusM: Double, resolutionM: Double, cellStride: Int, arcCells: Double, threads: Int
  ) throws -> TerrainRadialsSurvey.Errors? {
    let scenario = make(
      terrain: .hills, radiusM: radiusM, resolutionM: resolutionM, diffraction: .deltaBullington, sectors: 1)
    return try TerrainRadialsSurvey.errors(scenario, cellStride: cellStride, arcCells: arcCells, threads: threads)
  }

  /// User + system time of the process so far, s.
  static func processorSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }

  /// The scenario: grid ±`radiusM` around the site, parcels over its central half.
  public static func make(
    terrain: Terrain, radiusM: Double, resolutionM: Double, diffraction: DiffractionMethod, sectors: Int
  ) -> ScenarioModel {
    // 20 × 20 parcels over ±radius/2; the margin of radius/2 makes the grid ±radius.
    let parcels = SyntheticScenario.parcelGrid(
      southWest: Coordinate(x: site.x - radiusM / 2, y: site.y - radiusM / 2), blockM: radiusM / 20)
    let mast = Structure(
      id: "mast", kind: .tower, positionLonLat: site, position: site, heightM: 32, owner: "towerco", freeSlots: 1,
      rentVNDPerMonth: 0)
    let layer = RadioLayer(
      id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1800, bandwidthMHz: 20, tddDownlinkShare: 1)
    let omni = MSIPattern(
      name: "omni", frequencyMHz: 1800, peakGainDBi: 11, horizontalDB: .init(repeating: 0, count: 360),
      verticalDB: .init(repeating: 0, count: 360))
    let sectorList = (0..<max(1, sectors)).map { index in
      Sector(
        id: "s\(index)", carrierID: "c", layerID: layer.id, structureID: mast.id,
        azimuthDeg: Double(index) * 360 / Double(max(1, sectors)), mechanicalTiltDeg: sectors == 1 ? 0 : 2,
        electricalTiltDeg: sectors == 1 ? 0 : 4, antennaGainDBi: sectors == 1 ? 11 : 17,
        antennaPatternPath: sectors == 1 ? "omni" : nil, powerDBm: 46, heightM: 30, feederLossDB: 0.5)
    }
    var coverage = CoverageSettings()
    coverage.maxRadiusM = radiusM
    // Low enough that the loss tables reach the radius: every cell within it is evaluated.
    coverage.floorDBm = -250
    coverage.diffraction = diffraction
    let crs = CRS(epsg: 32648)
    return ScenarioModel(
      name: "single site", sourcePath: "", crs: crs, crsName: "WGS 84 / UTM zone 48N", crsIsAutomatic: false,
      grid: GridSpec(resolutionM: resolutionM, marginM: radiusM / 2, maxCells: GridSpec.maximumCells),
      buildingClasses: BuildingClass.defaults,
      zones: [Zone(id: "z", name: "single site", province: nil, publishedAreaHa: nil, parcels: parcels)],
      carriers: [Carrier(id: "c", name: "Carrier", layers: [layer])], structures: [mast], sectors: sectorList,
      costs: CostParameters(), coverage: coverage,
      terrain: terrain == .hills ? hills(crs: crs, radiusM: radiusM, resolutionM: resolutionM) : nil,
      antennaPatterns: ["omni": omni])
  }

  /// Gaussian hills (one per 8 km² on average, σ 300–1,500 m, seeded), summed and scaled to a
  /// highest point of 300 m, on a DEM of the grid's resolution one cell wider than the grid.
  static func hills(crs: CRS, radiusM: Double, resolutionM: Double, seed: UInt64 = 17) -> ElevationModel {
    let side = Int((2 * radiusM / resolutionM).rounded()) + 2
    let west = site.x - radiusM - resolutionM / 2
    let north = site.y + radiusM + resolutionM / 2
    var heights = [Float](repeating: 0, count: side * side)
    var state = seed
    func uniform(_ range: ClosedRange<Double>) -> Double {
      // SplitMix64 (Steele, Lea & Flood 2014).
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return range.lowerBound + (range.upperBound - range.lowerBound) * Double(z >> 11) / Double(1 << 53)
    }
    let sideM = Double(side) * resolutionM
    let count = max(1, Int(sideM * sideM / 8e6))
    for _ in 0..<count {
      let centreX = uniform(0...sideM)
      let centreY = uniform(0...sideM)
      let sigma = uniform(300...1_500)
      let amplitude = uniform(30...300)
      let reach = Int((3.5 * sigma / resolutionM).rounded(.up))
      let column0 = Int(centreX / resolutionM)
      let row0 = Int(centreY / resolutionM)
      for row in max(0, row0 - reach)..<min(side, row0 + reach + 1) {
        let dy = (Double(row) + 0.5) * resolutionM - centreY
        for column in max(0, column0 - reach)..<min(side, column0 + reach + 1) {
          let dx = (Double(column) + 0.5) * resolutionM - centreX
          heights[row * side + column] += Float(amplitude * exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)))
        }
      }
    }
    let highest = heights.max() ?? 1
    let scale = 300 / max(highest, 1)
    for index in heights.indices { heights[index] *= scale }
    var dem = ElevationModel(
      crs: crs, columns: side, rows: side, originX: west, originY: north, cellSizeX: resolutionM,
      cellSizeY: resolutionM, heightsM: heights)
    dem.sourceName = "synthetic hills"
    return dem
  }
}
