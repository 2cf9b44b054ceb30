import Foundation
import Testing

/// The "bring your own data" samples (#20, geodata/own-data, made by
/// scripts/geodata/own_data.py) give the figures of the native inputs they describe.
@Suite struct OwnDataTests {
  /// Dinh Vu's parcels and outlines from a GeoPackage (two layers per zone, a zone board's
  /// field names mapped by `fields:`) and Shapefiles (field names cut to ten characters), all
  /// in VN-2000 (EPSG:9210), against the GeoJSON in WGS 84: the per-parcel figures are the
  /// same to the byte, and the run's summary the same apart from the scenario's name and the
  /// last digit of a few percentiles. (The coordinates went WGS 84 → VN-2000 → WGS 84 through
  /// PROJ, which moves them by well under a millimetre: no cell centre changes parcel, but the
  /// drop mode's users are drawn at continuous positions inside the parcels, and a handful of
  /// their percentiles, written to 0.01 dB, round the other way.)
  @Test func dinhVuFromAGeoPackageAndShapefilesInVN2000GivesTheSameFigures() throws {
    let own = CLI.temporaryDirectory()
    let native = CLI.temporaryDirectory()
    defer { for directory in [own, native] { try? FileManager.default.removeItem(at: directory) } }
    for (scenario, directory) in [("hai-phong-dinh-vu-own-data", own), ("hai-phong-dinh-vu", native)] {
      let run = try CLI.run(["run", "scenarios/\(scenario).yaml", "--out", directory.path])
      #expect(run.status == 0, "\(run.standardError)")
    }
    let parcels = "parcel-coverage.csv"
    let a = try Data(contentsOf: own.appendingPathComponent(parcels))
    let b = try Data(contentsOf: native.appendingPathComponent(parcels))
    #expect(a == b, "\(parcels) differs")
    #expect(a.count > 10_000)
    func summary(_ directory: URL) throws -> [String: Any] {
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json")))
          as? [String: Any])
      json["scenario"] = nil
      return json
    }
    var ownSummary = try summary(own)
    var nativeSummary = try summary(native)
    let ownDrops = ownSummary.removeValue(forKey: "distributions")
    let nativeDrops = nativeSummary.removeValue(forKey: "distributions")
    #expect(ownDrops != nil && nativeDrops != nil)
    #expect(NSDictionary(dictionary: ownSummary).isEqual(to: nativeSummary), "summary.json differs")
    var worst = 0.0
    #expect(Self.sameShape(ownDrops ?? 0, nativeDrops ?? 1, worst: &worst), "the drop distributions differ in shape")
    #expect(worst <= 0.0100001, "a drop percentile differs by \(worst) dB")
  }

  /// Whether two JSON values have the same structure, text and counts, with numbers that may
  /// differ (the largest difference goes to `worst`).
  static func sameShape(_ a: Any, _ b: Any, worst: inout Double) -> Bool {
    switch (a, b) {
    case (let a as [String: Any], let b as [String: Any]):
      return a.keys.sorted() == b.keys.sorted() && a.keys.allSatisfy { sameShape(a[$0]!, b[$0]!, worst: &worst) }
    case (let a as [Any], let b as [Any]):
      return a.count == b.count && zip(a, b).allSatisfy { sameShape($0, $1, worst: &worst) }
    case (let a as NSNumber, let b as NSNumber):
      worst = max(worst, abs(a.doubleValue - b.doubleValue))
      return true
    case (let a as String, let b as String):
      return a == b
    default:
      return type(of: a) == type(of: b)
    }
  }
}
