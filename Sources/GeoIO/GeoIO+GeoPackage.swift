internal import CGDAL
import Foundation

extension GeoIO {
  /// A GeoPackage (OGC 12-128r18) with one table per layer and the QGIS styles in a
  /// `layer_styles` table, byte-identical for equal input in any process.
  ///
  /// Written by GDAL's GPKG driver (GDAL docs, drivers/vector/gpkg.html) to a private `/vsimem/`
  /// file (the SQLite journal beside it), whose bytes are returned. Each layer is a table with
  /// an `fid` primary key, a `geom` column in the layer's CRS, its fields named exactly as
  /// given, and an R-tree spatial index. The file carries no clock time: `OGR_CURRENT_DATE`
  /// fixes `gpkg_contents.last_change`, styles get the same fixed `update_time`, and the
  /// R-tree is built on the calling thread (`GDALRuntime.ready`).
  ///
  /// - Throws: `GeoIOError` for repeated layer names, values that do not match their fields,
  ///   geometries that do not match their layer, a style naming no layer, or a GDAL failure.
  public static func geoPackage(_ layers: [VectorLayer], styles: [LayerStyle]) throws -> Data {
    let names = layers.map(\.name)
    guard Set(names).count == names.count, !names.contains("layer_styles") else {
      throw GeoIOError("GeoPackage layer names must be unique and not \"layer_styles\": \(names)")
    }
    for style in styles where !names.contains(style.layerName) {
      throw GeoIOError("style \"\(style.styleName)\" is for layer \"\(style.layerName)\", which is not written")
    }
    return try GDALRuntime.withErrorLog { log in
      try VSIMemDirectory.withDirectory { directory in
        let path = directory.file("layers.gpkg")
        guard let driver = GDALGetDriverByName("GPKG") else { throw log.error("GDAL has no GPKG driver") }
        guard let handle = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
          throw log.error("the GPKG driver could not create a GeoPackage")
        }
        let dataset = GDALDataset(handle)
        defer { dataset.close() }
        var geometryColumns: [String: String] = [:]
        for layer in layers {
          geometryColumns[layer.name] = try write(layer, to: handle, log: log)
        }
        if !styles.isEmpty {
          for statement in LayerStylesTable.statements(styles, geometryColumns: geometryColumns) {
            let result = GDALDatasetExecuteSQL(handle, statement, nil, nil)
            if let result { GDALDatasetReleaseResultSet(handle, result) }
            try log.throwIfFailed("could not write the layer_styles table")
          }
        }
        dataset.close()
        try log.throwIfFailed("the GPKG driver failed while writing the GeoPackage")
        return try directory.read(path)
      }
    }
  }

  /// Creates the layer's table and writes its features in one transaction; returns the
  /// geometry column's name.
  private static func write(_ layer: VectorLayer, to dataset: GDALDatasetH, log: GDALErrorLog) throws -> String {
    let options = ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"]
    let created = try SpatialReference.with(epsg: layer.crs.epsg, log: log) { reference in
      withCStringList(options) { list in
        GDALDatasetCreateLayer(
          dataset, layer.name, reference.handle, OGRGeometryBuilder.layerType(layer.geometryKind), list)
      }
    }
    guard let handle = created else { throw log.error("could not create layer \(layer.name)") }
    for field in layer.fields {
      guard let definition = OGR_Fld_Create(field.name, field.type.ogrType) else {
        throw log.error("could not define field \(field.name)")
      }
      defer { OGR_Fld_Destroy(definition) }
      // bApproxOK = FALSE: the driver must keep the name and type exactly, or fail.
      guard OGR_L_CreateField(handle, definition, 0) == OGRERR_NONE else {
        throw log.error("could not create field \(field.name) in layer \(layer.name)")
      }
    }
    guard GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
      throw log.error("could not start a transaction for layer \(layer.name)")
    }
    let definition = OGR_L_GetLayerDefn(handle)
    for (index, feature) in layer.features.enumerated() {
      guard let made = OGR_F_Create(definition) else { throw log.error("OGR_F_Create failed") }
      defer { OGR_F_Destroy(made) }
      try setValues(feature, of: layer, on: made, featureIndex: index)
      OGR_F_SetGeometryDirectly(made, try OGRGeometryBuilder.make(feature.geometry, kind: layer.geometryKind))
      guard OGR_L_CreateFeature(handle, made) == OGRERR_NONE else {
        throw log.error("could not write feature \(index + 1) of layer \(layer.name)")
      }
    }
    guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
      throw log.error("could not commit layer \(layer.name)")
    }
    return String(cString: OGR_L_GetGeometryColumn(handle))
  }

  /// Sets a feature's attributes; each value must match its field's type (or be null).
  private static func setValues(
    _ feature: VectorFeature, of layer: VectorLayer, on handle: OGRFeatureH, featureIndex: Int
  ) throws {
    guard feature.values.count == layer.fields.count else {
      throw GeoIOError(
        "layer \(layer.name) feature \(featureIndex + 1): \(feature.values.count) values for \(layer.fields.count) fields"
      )
    }
    for (index, (field, value)) in Swift.zip(layer.fields, feature.values).enumerated() {
      let position = Int32(index)
      switch (field.type, value) {
      case (_, .null): OGR_F_SetFieldNull(handle, position)
      case (.integer, .integer(let integer)): OGR_F_SetFieldInteger64(handle, position, integer)
      case (.real, .real(let real)): OGR_F_SetFieldDouble(handle, position, real)
      case (.text, .text(let text)): OGR_F_SetFieldString(handle, position, text)
      default:
        throw GeoIOError("layer \(layer.name) feature \(featureIndex + 1): \(value) does not fit field \(field.name)")
      }
    }
  }
}

extension VectorField.FieldType {
  /// OGR's field type: 64-bit integers, doubles, UTF-8 text.
  var ogrType: OGRFieldType {
    switch self {
    case .integer: return OFTInteger64
    case .real: return OFTReal
    case .text: return OFTString
    }
  }
}
