internal import CGDAL
import Foundation
import Geo

/// One layer of a vector file as input features: what `cosite` reads parcels, outlines and
/// structures from when they come as GeoPackage, Shapefile, FlatGeobuf or any other vector
/// format GDAL opens.
public struct VectorFeatures: Sendable {
  /// The layer read.
  public let layerName: String
  /// The EPSG code of the layer's CRS (declared, or identified by GDAL from a Shapefile's
  /// `.prj`); nil when the layer has none or GDAL cannot name one.
  public let epsg: Int?
  /// The layer's CRS as its name says it (for messages), nil without one.
  public let crsName: String?
  /// Features in the layer's order; `index` counts from 0 in that order, properties are the
  /// set fields in field order (integers and reals as numbers, null fields as `.null`, the
  /// rest as text), geometries in the layer's CRS with x = easting or longitude.
  public let features: [GeoJSONFeature]
}

extension GeoIO {
  /// The features of one layer of the vector file at `path` (read-only; a Shapefile with its
  /// `.shx`, `.dbf` and `.prj` beside it). `layer` names it; nil takes the only one, and a
  /// file of several layers is an error listing them.
  ///
  /// Geometries: points, polygons and multipolygons (curved ones linearised by
  /// `OGR_G_GetLinearGeometry`; Z and M dropped); any other type is the feature's
  /// `.failure`, as is a ring that is not closed.
  public static func readFeatures(atPath path: String, layer: String?) throws -> VectorFeatures {
    try GDALRuntime.withErrorLog { log in
      let dataset = try GDALDataset.open(path, flags: GDAL_OF_VECTOR, log: log)
      defer { dataset.close() }
      let handle = dataset.openHandle
      // Tables without geometry (QGIS's layer_styles, attribute tables) are not layers here.
      let names = (0..<GDALDatasetGetLayerCount(handle)).compactMap { index -> String? in
        guard let layer = GDALDatasetGetLayer(handle, index), OGR_L_GetGeomType(layer) != wkbNone else { return nil }
        return String(cString: OGR_L_GetName(layer))
      }
      let chosen: String
      if let layer {
        guard names.contains(layer) else {
          throw GeoIOError("no layer \(quoted(layer)): expected one of \(names.map(quoted).joined(separator: ", "))")
        }
        chosen = layer
      } else {
        guard names.count == 1, let only = names.first else {
          throw GeoIOError(
            names.isEmpty
              ? "no vector layer in the file"
              : "\(names.count) layers (\(names.map(quoted).joined(separator: ", "))): expected 'layer' to name one")
        }
        chosen = only
      }
      guard let layerHandle = GDALDatasetGetLayerByName(handle, chosen) else { throw log.error("GDAL lost \(chosen)") }
      let reference = OGR_L_GetSpatialRef(layerHandle)
      let crsName = reference.flatMap { OSRGetName($0) }.map { String(cString: $0) }
      var features: [GeoJSONFeature] = []
      OGR_L_ResetReading(layerHandle)
      while let feature = OGR_L_GetNextFeature(layerHandle) {
        defer { OGR_F_Destroy(feature) }
        features.append(
          GeoJSONFeature(
            index: features.count, geometry: OGRGeometryReader.geometry(OGR_F_GetGeometryRef(feature)),
            properties: properties(of: feature)))
      }
      try log.throwIfFailed("GDAL could not read layer \(quoted(chosen))")
      return VectorFeatures(
        layerName: chosen, epsg: identifiedEPSG(reference), crsName: crsName, features: features)
    }
  }

  /// A feature's set fields in field order, typed as GeoJSON would carry them.
  private static func properties(of feature: OGRFeatureH) -> [(String, JSONValue)] {
    (0..<OGR_F_GetFieldCount(feature)).compactMap { index -> (String, JSONValue)? in
      guard OGR_F_IsFieldSet(feature, index) != 0, let definition = OGR_F_GetFieldDefnRef(feature, index) else {
        return nil
      }
      let name = String(cString: OGR_Fld_GetNameRef(definition))
      if OGR_F_IsFieldNull(feature, index) != 0 { return (name, .null) }
      switch OGR_Fld_GetType(definition) {
      case OFTInteger, OFTInteger64:
        // Beyond ±2⁵³ a Double would round the id: such values go on as text.
        let value = OGR_F_GetFieldAsInteger64(feature, index)
        return abs(value) <= 1 << 53 ? (name, .number(Double(value))) : (name, .string(String(value)))
      case OFTReal: return (name, .number(OGR_F_GetFieldAsDouble(feature, index)))
      default: return (name, .string(String(cString: OGR_F_GetFieldAsString(feature, index))))
      }
    }
  }

  /// The EPSG code of a layer's or raster's CRS: its own authority code, else the one GDAL
  /// identifies with certainty (`OSRAutoIdentifyEPSG` for the common projections, then
  /// `OSRFindMatches` at 100 % confidence, as a Shapefile `.prj` in ESRI WKT needs).
  static func identifiedEPSG(_ reference: OGRSpatialReferenceH?) -> Int? {
    guard let reference else { return nil }
    if let code = epsgCode(of: reference) { return code }
    guard let copy = OSRClone(reference) else { return nil }
    defer { OSRRelease(copy) }
    if OSRAutoIdentifyEPSG(copy) == OGRERR_NONE, let code = epsgCode(of: copy) { return code }
    var count: Int32 = 0
    var confidences: UnsafeMutablePointer<Int32>?
    guard let matches = OSRFindMatches(reference, nil, &count, &confidences) else { return nil }
    defer {
      OSRFreeSRSArray(matches)
      VSIFree(confidences)
    }
    let certain = (0..<Int(count)).filter { confidences?[$0] == 100 }
    guard certain.count == 1, let match = matches[certain[0]] else { return nil }
    return epsgCode(of: match)
  }

  private static func quoted(_ text: String) -> String { "'\(text)'" }
}
