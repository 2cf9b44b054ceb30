internal import CGDAL
import Foundation

extension GeoIO {
  /// The layers GDAL reads from vector file bytes: name, feature count, field names, geometry
  /// type, EPSG code, and each feature's attributes as text and geometry as WKT.
  ///
  /// A GeoPackage is opened with the GPKG driver; KML with GDAL's choice of LIBKML or KML; a
  /// KMZ through `/vsizip/` (GDAL docs, "GDAL Virtual File Systems"), its first `.kml` entry
  /// (KMZ's root document, KML 2.2 spec §C).
  public static func readVector(_ data: Data, kind: VectorFileKind) throws -> [VectorLayerDescription] {
    try withVectorDataset(data, kind: kind) { dataset, log in
      (0..<GDALDatasetGetLayerCount(dataset)).compactMap { index in
        GDALDatasetGetLayer(dataset, index).map(describe)
      }
    }
  }

  /// The rows of an SQL statement run by GDAL on vector file bytes (`GDALDatasetExecuteSQL`,
  /// the driver's SQL dialect: SQLite's for a GeoPackage), each column's value as text, null
  /// values absent. An integer primary key GDAL takes as the result's FID is reported under
  /// its column name. The file is opened read-only.
  public static func sqlRows(_ data: Data, kind: VectorFileKind, sql: String) throws -> [[String: String]] {
    try withVectorDataset(data, kind: kind) { dataset, log in
      guard let result = GDALDatasetExecuteSQL(dataset, sql, nil, nil) else {
        try log.throwIfFailed("GDAL could not run \(sql)")
        return []
      }
      defer { GDALDatasetReleaseResultSet(dataset, result) }
      let fidColumn = String(cString: OGR_L_GetFIDColumn(result))
      return features(of: result).map { feature in
        var row = feature.attributes
        if !fidColumn.isEmpty, row[fidColumn] == nil { row[fidColumn] = String(feature.fid) }
        return row
      }
    }
  }

  /// Opens the bytes as a vector dataset of `kind` from a private `/vsimem/` file.
  private static func withVectorDataset<T>(
    _ data: Data, kind: VectorFileKind, _ body: (GDALDatasetH, GDALErrorLog) throws -> T
  ) throws -> T {
    try GDALRuntime.withErrorLog { log in
      try VSIMemDirectory.withDirectory { directory in
        let dataset: GDALDataset
        switch kind {
        case .geoPackage:
          let path = try directory.write(data, to: "data.gpkg")
          dataset = try GDALDataset.open(path, flags: GDAL_OF_VECTOR, log: log, drivers: ["GPKG"])
        case .kml:
          let path = try directory.write(data, to: "data.kml")
          dataset = try GDALDataset.open(path, flags: GDAL_OF_VECTOR, log: log)
        case .kmz:
          let archive = "/vsizip/" + (try directory.write(data, to: "data.kmz"))
          let list = VSIReadDir(archive)
          let entries = stringList(list)
          CSLDestroy(list)
          guard let document = entries.first(where: { $0.lowercased().hasSuffix(".kml") }) else {
            throw GeoIOError("the KMZ has no .kml entry (entries: \(entries))")
          }
          dataset = try GDALDataset.open(archive + "/" + document, flags: GDAL_OF_VECTOR, log: log)
        }
        defer { dataset.close() }
        return try body(dataset.openHandle, log)
      }
    }
  }

  private static func describe(_ layer: OGRLayerH) -> VectorLayerDescription {
    let definition = OGR_L_GetLayerDefn(layer)
    let fieldNames = (0..<OGR_FD_GetFieldCount(definition)).map { index in
      String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, index)))
    }
    let read = features(of: layer)
    return VectorLayerDescription(
      name: String(cString: OGR_L_GetName(layer)), featureCount: Int(OGR_L_GetFeatureCount(layer, 1)),
      fieldNames: fieldNames, geometryType: String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(layer))),
      epsg: epsgCode(of: OGR_L_GetSpatialRef(layer)), features: read.map(\.attributes),
      geometries: read.map(\.wkt))
  }

  /// Every feature of a layer from the start: FID, attributes as text (set, non-null fields),
  /// geometry as WKT (empty without geometry).
  private static func features(of layer: OGRLayerH) -> [(fid: Int64, attributes: [String: String], wkt: String)] {
    OGR_L_ResetReading(layer)
    var read: [(fid: Int64, attributes: [String: String], wkt: String)] = []
    while let feature = OGR_L_GetNextFeature(layer) {
      defer { OGR_F_Destroy(feature) }
      var attributes: [String: String] = [:]
      for index in 0..<OGR_F_GetFieldCount(feature) where OGR_F_IsFieldSetAndNotNull(feature, index) != 0 {
        let name = String(cString: OGR_Fld_GetNameRef(OGR_F_GetFieldDefnRef(feature, index)))
        attributes[name] = String(cString: OGR_F_GetFieldAsString(feature, index))
      }
      var wkt = ""
      if let geometry = OGR_F_GetGeometryRef(feature) {
        var text: UnsafeMutablePointer<CChar>?
        if OGR_G_ExportToWkt(geometry, &text) == OGRERR_NONE, let text {
          wkt = String(cString: text)
          VSIFree(text)
        }
      }
      read.append((OGR_F_GetFID(feature), attributes, wkt))
    }
    return read
  }
}
