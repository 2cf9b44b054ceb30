import Foundation
import Geo
import GeoIO

/// A parcels or outline file as features, whatever its format: GeoJSON by Cosite's own reader
/// (which keeps the line of a syntax error), anything else — GeoPackage, Shapefile,
/// FlatGeobuf, GML, KML — through GDAL (`GeoIO.readFeatures`). Either way the features carry
/// their index in the file (errors name it), `fields:` renames the file's fields to Cosite's
/// property names, and the CRS is resolved by `FileCRS`.
enum VectorInput {
  /// Read by Cosite's own GeoJSON reader: `.geojson` and `.json`.
  static func isGeoJSON(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".geojson") || lower.hasSuffix(".json")
  }

  /// The features with `fields` applied: each mapped field appears under Cosite's name (in
  /// the mapping's order, first), and a property of the file already called by one of the
  /// mapped names is dropped, so the mapping decides. A mapped field the feature lacks is
  /// simply absent (the reader then says the property is missing).
  static func renamed(_ features: [GeoJSONFeature], _ fields: [(cosite: String, file: String)]) -> [GeoJSONFeature] {
    guard !fields.isEmpty else { return features }
    let mapped = Set(fields.map(\.cosite))
    return features.map { feature in
      let named = fields.compactMap { field in feature.property(field.file).map { (field.cosite, $0) } }
      let rest = feature.properties.filter { !mapped.contains($0.0) }
      return GeoJSONFeature(index: feature.index, geometry: feature.geometry, properties: named + rest)
    }
  }
}

extension LoadSession {
  /// The features of `reference` (shown to the planner as `name`) and the CRS they are in;
  /// nil when the file cannot be read (the issue is reported).
  func readFeatures(_ reference: FileReference, name: String) -> (features: [GeoJSONFeature], crs: CRS?)? {
    if PostGISSource.isSource(reference.path) {
      guard let table = reference.layer else {
        diagnostics.report(scenarioFile, .line(reference.line), PostGISSource.needsLayer)
        return nil
      }
      InputFile.record?.addUnrecorded()
      do {
        let read = try GeoIO.readFeatures(atPath: PostGISSource.gdalName(reference.path), layer: table)
        let crs = FileCRS.resolve(
          epsg: read.epsg, name: read.crsName, declared: reference.crs, file: name, diagnostics: diagnostics)
        return (mapped(read.features, reference, name: name), crs)
      } catch {
        diagnostics.report(name, .file, "\(error)")
        return nil
      }
    }
    if reference.layer != nil, VectorInput.isGeoJSON(reference.path) {
      diagnostics.report(
        scenarioFile, .line(reference.line), "'layer' is for files of several layers (GeoPackage): a GeoJSON has one")
    }
    let features: [GeoJSONFeature]
    let crs: CRS?
    if VectorInput.isGeoJSON(reference.path) {
      guard let text = readText(reference.path, shownAs: name, line: reference.line) else { return nil }
      do {
        let document = try GeoJSON.document(in: text)
        features = document.features
        crs = FileCRS.resolve(member: document.crsName, declared: reference.crs, file: name, diagnostics: diagnostics)
      } catch {
        let (location, message) = IssueLocation.ofJSONError(error)
        diagnostics.report(name, location, message)
        return nil
      }
    } else {
      if let problem = InputFile.check(reference.path) {
        diagnostics.report(scenarioFile, .line(reference.line), problem.about(name))
        return nil
      }
      InputFile.record?.addUnrecorded()
      do {
        let read = try GeoIO.readFeatures(atPath: reference.path, layer: reference.layer)
        features = read.features
        crs = FileCRS.resolve(
          epsg: read.epsg, name: read.crsName, declared: reference.crs, file: name, diagnostics: diagnostics)
      } catch {
        diagnostics.report(
          name, .file, "\(error) (expected a vector file GDAL reads: GeoPackage, Shapefile, FlatGeobuf…)")
        return nil
      }
    }
    return (mapped(features, reference, name: name), crs)
  }

  /// `features` with the reference's `fields:` applied; a mapped field no feature has is reported.
  private func mapped(_ features: [GeoJSONFeature], _ reference: FileReference, name: String) -> [GeoJSONFeature] {
    let fileFields = Set(features.flatMap { $0.properties.map(\.0) })
    for field in reference.fields where !features.isEmpty && !fileFields.contains(field.file) {
      diagnostics.report(
        name, .file,
        "no feature has the field \(Excerpt.quoted(field.file)) that 'fields' maps to '\(field.cosite)' (fields: \(fileFields.sorted().map { Excerpt.quoted($0) }.joined(separator: ", ")))"
      )
    }
    return VectorInput.renamed(features, reference.fields)
  }

  /// The structures of a structures (or new builds) file: a CSV, or point features of any
  /// vector file (attributes as the CSV's columns, mapped by `fields:`; the point is the
  /// position, in the file's CRS). Features go through the CSV reader, so every check is the
  /// same; its issues are reported on the feature.
  func readStructures(_ reference: FileReference) -> [StructureRecord] {
    let name = shown(reference)
    let lower = reference.path.lowercased()
    guard
      PostGISSource.isSource(reference.path) || VectorInput.isGeoJSON(reference.path)
        || !(lower.hasSuffix(".csv") || lower.hasSuffix(".txt"))
    else {
      guard let text = readText(reference.path, shownAs: name, line: reference.line) else { return [] }
      return StructuresFile.read(text: text, file: name, crs: reference.crs, diagnostics: diagnostics)
    }
    guard let (features, crs) = readFeatures(reference, name: name) else { return [] }
    let lonLat = crs == nil || crs == .wgs84
    let columns = StructuresFile.attributeNames + (lonLat ? ["lon", "lat"] : ["easting", "northing"])
    var lines = [columns.joined(separator: ",")]
    var kept: [GeoJSONFeature] = []
    for feature in features {
      guard case .success(.point(let point)) = feature.geometry else {
        let problem: String
        switch feature.geometry {
        case .failure(let error): problem = "\(error)"
        case .success: problem = "expected a Point (the structure's position)"
        }
        diagnostics.report(
          name, .feature(index: feature.index, id: feature.property("id")?.stringValue), "geometry: \(problem)")
        continue
      }
      let values = StructuresFile.attributeNames.map { column -> String in
        switch feature.property(column) {
        case .string(let text): return text
        case .number(let number): return JSONWriter.number(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
      }
      lines.append(
        (values + [JSONWriter.number(point.x), JSONWriter.number(point.y)]).map(CSVTable.field).joined(separator: ","))
      kept.append(feature)
    }
    // Line n of the table is the feature kept (n − 1)th: its issues go back to that feature.
    let table = Diagnostics()
    let records = StructuresFile.read(
      text: lines.joined(separator: "\n") + "\n", file: name, crs: crs, diagnostics: table)
    func place(_ line: Int) -> IssueLocation {
      guard line >= 2, line - 2 < kept.count else { return .file }
      let feature = kept[line - 2]
      return .feature(index: feature.index, id: feature.property("id")?.stringValue)
    }
    for issue in table.issues {
      if case .line(let line) = issue.location {
        diagnostics.report(name, place(line), issue.message)
      } else {
        diagnostics.report(name, issue.location, issue.message)
      }
    }
    return records.map { record in
      var located = record
      located.location = place(record.line)
      return located
    }
  }
}
