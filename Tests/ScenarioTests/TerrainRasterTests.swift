import Foundation
import Geo
import GeoIO
import Radio
import TestSupport
import Testing

@testable import Scenario

/// Terrain from any raster GDAL reads (#20): the bundled GLO-30-like sample over Dinh Vu.
@Suite struct TerrainRasterTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../geodata/own-data/dinh-vu-dem-glo30.tif").standardizedFileURL.path

  /// Read in the CRS the GeoTIFF declares (WGS 84), laid out as scripts/geodata/own_data.py
  /// makes it: 106.69–106.84 E × 20.77–20.87 N in 1″ cells (540 × 360, cell centres on whole
  /// arc-seconds, the north-west one at 106.69 E, 20.87 − 1″ N). Heights as the script's
  /// formula gives them: the plain 3 ± 1 m (rounded: 2–4), the north-west hill's top at
  /// 106.705 E, 20.855 N 3 ± 1 + 45 = 47–49 m, the south-east one's 32–34 m; and it covers
  /// every corner of the parks' outlines (106.7127–106.8200 E, 20.7897–20.8475 N).
  @Test func theBundledGLO30SampleIsReadInItsOwnCRS() throws {
    let diagnostics = Diagnostics()
    let dem = try #require(DEMFile.read(path: Self.sample, name: "sample", crs: nil, diagnostics: diagnostics))
    #expect(diagnostics.issues.isEmpty, "\(diagnostics.issues)")
    #expect(dem.crs == .wgs84)
    #expect(dem.columns == 540 && dem.rows == 360)
    let arcSecond = 1.0 / 3600
    #expect(abs(dem.originX - 106.69) < 1e-9 && abs(dem.originY - (20.87 - arcSecond)) < 1e-9)
    #expect(abs(dem.cellSizeX - arcSecond) < 1e-12 && abs(dem.cellSizeY - arcSecond) < 1e-12)
    let plain = try #require(dem.heightM(at: Coordinate(lon: 106.76, lat: 20.82)))
    #expect((2...4).contains(plain), "plain \(plain)")
    let northWest = try #require(dem.heightM(at: Coordinate(lon: 106.705, lat: 20.855)))
    #expect((47...49).contains(northWest), "hill \(northWest)")
    let southEast = try #require(dem.heightM(at: Coordinate(lon: 106.825, lat: 20.785)))
    #expect((32...34).contains(southEast), "hill \(southEast)")
    for lon in [106.7127, 106.8200] {
      for lat in [20.7897, 20.8475] { #expect(dem.heightM(at: Coordinate(lon: lon, lat: lat)) != nil) }
    }
  }

  /// The scenario's `crs` for the file contradicting the raster's own is an error naming it.
  @Test func aContradictingCRSIsAnError() throws {
    let diagnostics = Diagnostics()
    _ = DEMFile.read(path: Self.sample, name: "dem.tif", crs: CRS(epsg: 32648), diagnostics: diagnostics)
    #expect(
      diagnostics.issues.map(\.description).contains {
        $0.hasPrefix("dem.tif: the file's CRS is EPSG:4326, but the scenario reads this file in EPSG:32648")
      }, "\(diagnostics.issues)")
  }
}

/// Land cover from a class raster (#20): the bundled WorldCover-like sample over Dinh Vu.
@Suite struct LandCoverRasterTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../geodata/own-data/dinh-vu-worldcover.tif").standardizedFileURL.path

  static func load(
    _ classes: [Int32: LandCoverClass] = LandCoverClass.worldCover(default: .standard)
  )
    -> (LandCover?, Diagnostics)
  {
    let diagnostics = Diagnostics()
    let reference = LandCoverReference(
      file: FileReference(path: sample, line: 1, crs: nil), classes: classes)
    return (LandCoverReader.load(reference, name: "cover.tif", diagnostics: diagnostics), diagnostics)
  }

  /// Read in its own CRS at WorldCover's 1/12000° with the classes scripts/geodata/own_data.py
  /// paints: built-up (50) in DEEP C I (106.758 E, 20.837 N, inside its outline), tree cover
  /// (10) on the north-west hill (106.705 E, 20.855 N), water (80) south of the shore line at
  /// 106.80 E, 20.76 N — off the raster, so nil — and at 106.83 E, 20.775 N (the shore is at
  /// 20.80 + 0.14 × 0.06 / 0.15 − 0.05 = 20.806 N there), cropland (40) at 106.72 E, 20.85 N.
  @Test func theBundledWorldCoverSampleIsReadInItsOwnCRS() throws {
    let (loaded, diagnostics) = Self.load()
    let cover = try #require(loaded)
    #expect(diagnostics.issues.isEmpty, "\(diagnostics.issues)")
    #expect(cover.crs == .wgs84 && cover.columns == 1800 && cover.rows == 1200)
    #expect(abs(cover.cellSizeX - 1.0 / 12000) < 1e-12)
    #expect(cover.code(at: Coordinate(lon: 106.758, lat: 20.837)) == 50)
    #expect(cover.code(at: Coordinate(lon: 106.705, lat: 20.855)) == 10)
    #expect(cover.code(at: Coordinate(lon: 106.83, lat: 20.775)) == 80)
    #expect(cover.code(at: Coordinate(lon: 106.72, lat: 20.85)) == 40)
    #expect(cover.code(at: Coordinate(lon: 106.80, lat: 20.76)) == nil)
    // The default table: tree cover is Erceg terrain A, open land C, built-up the scenario's.
    #expect(cover.classes[10]?.propagation.model == .ercegA)
    #expect(cover.classes[40]?.propagation.model == .ercegC)
    #expect(cover.classes[50]?.propagation == .standard)
  }
}

/// A land-cover class's propagation is the scenario's with the class's keys over it.
@Suite struct LandCoverClassTests {
  /// Over a suburban Okumura–Hata base with σ 7 dB: a class giving only a clutter loss keeps
  /// the model, environment and σ; one giving only an environment keeps the model and σ; one
  /// naming a new model keeps the environment and clutter loss but takes the model's own σ;
  /// a code the scenario does not list keeps WorldCover's default.
  @Test func classesRefineTheScenarioPropagation() throws {
    let scenario =
      ScenarioFixture.validScenario + """

        coverage:
          model: okumura-hata
          environment: suburban
          shadow_sigma_db: 7
          land_cover:
            raster: cover.tif
            classes:
              50: { clutter_loss_db: 6 }
              40: { environment: urban }
              10: { model: erceg-sui-a }
        """
    let fixture = try ScenarioFixture(scenario: scenario)
    try GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: 2, rows: 2, originX: 106.7, originY: 20.8, resolutionM: 0.1, crs: .wgs84,
        bands: [RasterBand(values: .int32([50, 40, 10, 80]), noData: 255, description: "class")])
    ).write(to: fixture.directory.appendingPathComponent("cover.tif"))
    let classes = try #require(try ScenarioLoader.load(path: fixture.scenarioPath).landCover?.classes)
    let hata = PathLossModel.okumuraHata
    #expect(
      classes[50]?.propagation
        == Propagation(model: hata, environment: .suburban, shadowSigmaDB: 7, clutterLossDB: 6))
    #expect(classes[40]?.propagation == Propagation(model: hata, environment: .urban, shadowSigmaDB: 7))
    #expect(classes[10]?.propagation == Propagation(model: .ercegA, environment: .suburban))
    #expect(classes[80]?.propagation == Propagation(model: .ercegC, environment: .suburban))
  }
}
