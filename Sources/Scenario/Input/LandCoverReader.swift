import Foundation
import Geo
import GeoIO
import Radio

/// A land-cover raster the scenario names, with its class table, before the raster is read.
struct LandCoverReference {
  let file: FileReference
  /// ESA WorldCover's classes with the scenario's `classes:` over them.
  let classes: [Int32: LandCoverClass]
}

/// Reads `coverage.land_cover` and the raster it names.
enum LandCoverReader {
  static let keys = ["raster", "crs", "classes"]
  static let classKeys = ["name", "model", "environment", "los", "shadow_sigma_db", "clutter_loss_db"]

  /// The section, its classes resolved against `base` (the scenario's propagation): a class
  /// that names no model keeps `base`'s, with its own σ or clutter loss if it gives them.
  static func read(_ map: YAMLMap, reader: SpecReader, base: Propagation) -> LandCoverReference? {
    var classes = LandCoverClass.worldCover(default: base)
    if let table = map.map("classes", allowed: nil) {
      // Cells carry their class in a byte, beside the scenario's and zones' own.
      if table.keys.count > 200 {
        map.diagnostics.report(map.file, .line(map.line(of: "classes")), "'classes': expected at most 200 classes")
        return nil
      }
      for key in table.keys {
        guard let code = Int32(key), (0...65_535).contains(code) else {
          map.diagnostics.report(
            map.file, .line(table.line(of: key)),
            "'\(YAMLMap.join(table.path, key))': expected a class code (a whole number 0–65535)")
          continue
        }
        guard let spec = table.map(key, allowed: classKeys) else { continue }
        let name = spec.string("name") ?? classes[code]?.name ?? "class \(code)"
        if let propagation = classPropagation(spec, base: base) {
          classes[code] = LandCoverClass(name: name, propagation: propagation)
        }
      }
    }
    guard let file = reader.fileReference("raster", withCRS: false, in: map) else {
      if map.node("raster") == nil { map.missing("raster", "a land-cover raster (ESA WorldCover classes by default)") }
      return nil
    }
    var crs: CRS?
    if let text = map.string("crs", expected: "'EPSG:<code>'") {
      do { crs = try CRS(parsing: text) } catch {
        map.diagnostics.report(map.file, .line(map.line(of: "crs")), "'\(map.path).crs': \(error)")
      }
    }
    return LandCoverReference(file: FileReference(path: file.path, line: file.line, crs: crs), classes: classes)
  }

  /// A class's propagation: `base` (the scenario's) with the keys the class gives over it —
  /// a new model keeps `base`'s environment and clutter loss but takes its own LOS state and
  /// σ unless given; nil (reported) for a value that is not one.
  static func classPropagation(_ spec: YAMLMap, base: Propagation) -> Propagation? {
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, _ what: String) -> T??
    where T.RawValue == String {
      guard let text = spec.string(key, expected: what) else { return .some(nil) }
      guard let value = T(rawValue: text) else {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        if let node = spec.node(key) { spec.wrong(key, "\(what) (\(names))", got: node) }
        return nil
      }
      return .some(value)
    }
    guard let model = choice("model", PathLossModel.self, "a propagation model"),
      let environment = choice("environment", Environment.self, "a clutter environment"),
      let lineOfSight = choice("los", LineOfSight.self, "a line-of-sight state")
    else { return nil }
    let sigma = spec.number("shadow_sigma_db", expected: "a shadow-fading standard deviation in dB", range: 0...30)
    let clutter = spec.number("clutter_loss_db", expected: "a clutter loss in dB", range: 0...60)
    let chosen = model ?? base.model
    if let lineOfSight, lineOfSight != .nlos, chosen.lineOfSightVariant == nil {
      spec.diagnostics.report(
        spec.file, .line(spec.line(of: "los")),
        "'\(YAMLMap.join(spec.path, "los"))': \(chosen.rawValue) has no line-of-sight state: expected nlos")
      return nil
    }
    let sameModel = chosen == base.model
    return Propagation(
      model: chosen, environment: environment ?? base.environment,
      lineOfSight: lineOfSight ?? (sameModel ? base.lineOfSight : nil),
      shadowSigmaDB: sigma ?? (sameModel ? base.shadowSigmaDB : nil), clutterLossDB: clutter ?? base.clutterLossDB)
  }

  /// The raster at `reference` (shown as `name`) as class codes in its own CRS.
  static func load(_ reference: LandCoverReference, name: String, diagnostics: Diagnostics) -> LandCover? {
    let grid: InputGrid
    do {
      grid = try GeoIO.readGrid(atPath: reference.file.path)
    } catch {
      diagnostics.report(name, .file, "\(error) (expected a land-cover raster GDAL reads: GeoTIFF, VRT…)")
      return nil
    }
    let crs = FileCRS.resolve(
      epsg: grid.epsg, name: grid.crsName, declared: reference.file.crs, file: name, diagnostics: diagnostics,
      requireDeclared: true)
    var codes = [Int32](repeating: -1, count: grid.values.count)
    for (index, value) in grid.values.enumerated() where !value.isNaN {
      guard value == value.rounded(), (0...65_535).contains(value) else {
        diagnostics.report(
          name, .pixel(column: index % grid.columns, row: index / grid.columns),
          "value \(value): expected a class code (a whole number 0–65535) or nodata")
        return nil
      }
      codes[index] = Int32(value)
    }
    var cover = LandCover(
      crs: crs ?? .wgs84, columns: grid.columns, rows: grid.rows, originX: grid.originX, originY: grid.originY,
      cellSizeX: grid.cellSizeX, cellSizeY: grid.cellSizeY, codes: codes, classes: reference.classes)
    cover.sourceName = name
    return cover
  }
}
