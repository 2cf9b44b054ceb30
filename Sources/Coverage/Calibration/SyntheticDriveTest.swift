import Foundation
import Geo
import Radio
import Scenario

/// A drive test made up from a scenario and a "true" model, to check `cosite calibrate`
/// against known coefficients (and to try the workflow without a carrier's logs).
///
/// The route follows the centre lines of the zones' road parcels. Per position a scanner's
/// rows: the layer's sectors whose median RSRP clears the noise floor by `marginDB`, the
/// `cellsPerPosition` strongest by median — chosen before any fading, so the choice does not
/// bias the fit (a UE's serving-cell log does: it keeps the cell the shadowing favours).
/// Each row's RSRP = EPRE + gain − feeder − (median loss of the cell's class + ΔL_true(d, h) +
/// the true offset of the cell's land-cover class, if any + shadowing of the structure) +
/// Rayleigh fading. The shadowing is Gudmundson's exponential
/// process per structure along the route (`CorrelatedShadowing`), held over each window of
/// 40 λ (the scale separation Lee's local mean assumes); the fading is an independent
/// exponential power per row (Rayleigh amplitude: 10·log10 of an Exp(1) draw).
public enum SyntheticDriveTest {
  public struct Truth: Sendable {
    public let tuning: ModelTuning
    public let sigmaDB: Double
    public let decorrelationM: Double
    /// Loss added in the cells of a land-cover class (by name), dB, on top of `tuning`: the
    /// clutter offset a per-class calibration should find.
    public let landCoverOffsetsDB: [String: Double]

    public init(
      offsetDB: Double, slopeDBPerDecade: Double, sigmaDB: Double, decorrelationM: Double,
      landCoverOffsetsDB: [String: Double] = [:], heightDBPerDecade: Double = 0
    ) {
      tuning = ModelTuning(offsetDB: offsetDB, slopeDBPerDecade: slopeDBPerDecade, heightDBPerDecade: heightDBPerDecade)
      self.sigmaDB = sigmaDB
      self.decorrelationM = decorrelationM
      self.landCoverOffsetsDB = landCoverOffsetsDB
    }
  }

  public struct Options: Sendable {
    public var spacingM = 1.0
    public var cellsPerPosition = 4
    public var marginDB = 20.0
    public var seed: UInt64 = 1
    /// Zones whose roads are driven (ids); empty = all.
    public var zoneIDs: [String] = []
    public init() {}
  }

  public struct Row: Sendable, Hashable {
    public let x: Double
    public let y: Double
    /// Distance driven from the route's start, m.
    public let alongM: Double
    public let sectorIndex: Int
    public let rsrpDBm: Double
  }

  /// The route's legs: each road parcel's centre line (its outline's principal axis through
  /// the centroid, as long as the outline's extent along it), in scenario order.
  public static func roadLegs(_ scenario: ScenarioModel, zoneIDs: [String]) -> [(Coordinate, Coordinate)] {
    scenario.parcels.filter { $0.landUse == .road && (zoneIDs.isEmpty || zoneIDs.contains($0.zoneID)) }.compactMap {
      parcel in
      let points = parcel.outline.polygons.flatMap(\.exterior.coordinates)
      guard points.count >= 3 else { return nil }
      let n = Double(points.count)
      let cx = points.reduce(0) { $0 + $1.x } / n
      let cy = points.reduce(0) { $0 + $1.y } / n
      var sxx = 0.0
      var syy = 0.0
      var sxy = 0.0
      for point in points {
        sxx += (point.x - cx) * (point.x - cx)
        syy += (point.y - cy) * (point.y - cy)
        sxy += (point.x - cx) * (point.y - cy)
      }
      // The major axis of the vertices' scatter matrix.
      let angle = 0.5 * atan2(2 * sxy, sxx - syy)
      let (ux, uy) = (cos(angle), sin(angle))
      let projections = points.map { ($0.x - cx) * ux + ($0.y - cy) * uy }
      guard let low = projections.min(), let high = projections.max(), high - low > 1 else { return nil }
      return (Coordinate(x: cx + low * ux, y: cy + low * uy), Coordinate(x: cx + high * ux, y: cy + high * uy))
    }
  }

  /// The rows of the drive test of `layerID` of `carrierID`. Over terrain each sector's median
  /// holds the diffraction and ground height of the position's cell, as the run has them.
  /// - Throws: the ground raster's error where the DEM does not cover a grid.
  public static func rows(
    _ scenario: ScenarioModel, carrierID: String, layerID: String, truth: Truth, options: Options, threads: Int = 1
  ) throws -> [Row] {
    guard let layer = scenario.carriers.first(where: { $0.id == carrierID })?.layer(layerID),
      let numerology = layer.numerology
    else { return [] }
    let predictor = try DriveTestPredictor(scenario: scenario, threads: threads)
    let sectors = scenario.sectors.indices.filter {
      scenario.sectors[$0].carrierID == carrierID && scenario.sectors[$0].layerID == layerID
    }
    let structureIDs = Array(Set(sectors.map { scenario.sectors[$0].structureID })).sorted()
    let structureOf = Dictionary(uniqueKeysWithValues: structureIDs.enumerated().map { ($1, $0) })
    let floor = LinkBudget.noisePerResourceElementDBm(
      numerology: numerology, noiseFigureDB: scenario.coverage.noiseFigureDB)
    let window = LocalMean.leeWindowM(frequencyMHz: layer.frequencyMHz)
    // The route first: positions on a grid, each with its cell's class (no draws yet).
    var route: [(point: Coordinate, alongM: Double, propagation: Propagation)] = []
    var along = 0.0
    var last: Coordinate?
    for (start, end) in roadLegs(scenario, zoneIDs: options.zoneIDs) {
      let length = hypot(end.x - start.x, end.y - start.y)
      let steps = Int((length / options.spacingM).rounded(.down))
      for step in 0...steps {
        let t = steps == 0 ? 0 : Double(step) * options.spacingM / length
        let point = Coordinate(x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t)
        if let last { along += hypot(point.x - last.x, point.y - last.y) }
        last = point
        guard let cell = predictor.cell(x: point.x, y: point.y) else { continue }
        route.append((point, along, cell.propagation))
      }
    }
    // Each sector's median RSRP at every position (−∞ beyond its reach).
    let points = route.map { (x: $0.point.x, y: $0.point.y) }
    let terrains = predictor.terrain(sectors.map { ($0, points) }, threads: threads)
    let medians = zip(sectors, terrains).map { sector, terrain -> [Double] in
      let model = scenario.sectors[sector]
      return route.indices.map { index in
        let (point, _, propagation) = route[index]
        let distance = predictor.distanceM(sector: sector, x: point.x, y: point.y)
        guard distance <= scenario.coverage.maxRadiusM else { return -.infinity }
        let classOffset = propagation.landCoverClass.flatMap { truth.landCoverOffsetsDB[$0] } ?? 0
        return predictor.radiatedDBm(
          sector: sector, x: point.x, y: point.y, groundOffsetM: terrain[index].groundOffsetM)
          - predictor.medianLossDB(propagation, layer: layer, bsHeightM: model.heightM, distanceM: distance)
          - terrain[index].lossDB - truth.tuning.correctionDB(distance2DM: distance, bsHeightM: model.heightM)
          - classOffset
      }
    }
    var random = DropRandom(seed: options.seed, stream: 0x4452_4956_4554)  // "DRIVET"
    var shadow = structureIDs.map { _ in truth.sigmaDB * random.normal() }
    var shadowWindow = 0
    var rows: [Row] = []
    var candidates: [(sector: Int, meanDBm: Double)] = []
    for (index, position) in route.enumerated() {
      // The shadowing moves on once per window of route (Gudmundson's AR(1) over the windows passed).
      let windowIndex = Int(position.alongM / window)
      if windowIndex != shadowWindow {
        let rho = exp(-Double(windowIndex - shadowWindow) * window / truth.decorrelationM)
        for member in shadow.indices {
          shadow[member] = rho * shadow[member] + truth.sigmaDB * (1 - rho * rho).squareRoot() * random.normal()
        }
        shadowWindow = windowIndex
      }
      candidates.removeAll(keepingCapacity: true)
      for (member, sector) in sectors.enumerated() {
        let median = medians[member][index]
        guard median >= floor + options.marginDB else { continue }
        candidates.append((sector, median))
      }
      candidates.sort { ($0.meanDBm, $1.sector) > ($1.meanDBm, $0.sector) }
      for candidate in candidates.prefix(options.cellsPerPosition) {
        let structure = structureOf[scenario.sectors[candidate.sector].structureID] ?? 0
        let fading = 10 * log10(-log(1 - random.uniform()))
        let rsrp = candidate.meanDBm - shadow[structure] + fading
        guard DriveTest.reportableRSRPDBm.contains(rsrp) else { continue }
        rows.append(
          Row(
            x: position.point.x, y: position.point.y, alongM: position.alongM, sectorIndex: candidate.sector,
            rsrpDBm: rsrp))
      }
    }
    return rows
  }

  /// The rows as a drive test in memory, for `Calibration.run` (row k on line k + 2, the
  /// header being line 1).
  public static func driveTest(_ rows: [Row], file: String) -> DriveTest {
    DriveTest(
      file: file,
      samples: rows.enumerated().map {
        DriveTestSample(line: $0 + 2, x: $1.x, y: $1.y, sectorIndex: $1.sectorIndex, rsrpDBm: $1.rsrpDBm)
      })
  }
}
