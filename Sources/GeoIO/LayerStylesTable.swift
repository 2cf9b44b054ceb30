import Foundation

/// The SQL that stores QGIS styles in a GeoPackage: QGIS's `layer_styles` table (the table
/// QGIS's OGR provider creates when saving a style "in the database", and reads to apply the
/// `useAsDefault` style on loading), registered in `gpkg_contents` as an `attributes` table
/// (OGC 12-128r18 §2.4: non-spatial tables are listed there, so the file stays a valid
/// GeoPackage and GDAL lists it as a layer).
enum LayerStylesTable {
  static let create = """
    CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT, \
    f_table_schema TEXT, f_table_name TEXT, f_geometry_column TEXT, styleName TEXT, styleQML TEXT, \
    styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT, update_time DATETIME)
    """

  /// `last_change` and `update_time` are the fixed timestamp, so the file has no clock time.
  static let register = """
    INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) \
    VALUES ('layer_styles', 'attributes', 'layer_styles', '', '\(GDALRuntime.fixedTimestamp)')
    """

  /// The statements creating, registering and filling the table, one row per style in order.
  static func statements(_ styles: [LayerStyle], geometryColumns: [String: String]) -> [String] {
    [create, register]
      + styles.map { style in
        let values = [
          literal(""), literal(""), literal(style.layerName), literal(geometryColumns[style.layerName] ?? "geom"),
          literal(style.styleName), literal(style.qml), literal(style.sld), style.useAsDefault ? "1" : "0",
          literal(style.description), literal(""), literal(""), literal(GDALRuntime.fixedTimestamp),
        ]
        return """
          INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, \
          styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) \
          VALUES (\(values.joined(separator: ", ")))
          """
      }
  }

  /// An SQL string literal: quotes doubled (SQLite, "SQL As Understood By SQLite": literals);
  /// NUL characters, which would end the C string, dropped.
  static func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\0", with: "") + "'"
  }
}
