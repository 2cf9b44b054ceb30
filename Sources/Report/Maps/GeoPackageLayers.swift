import Foundation
import Geo
import GeoIO

/// `cosite.gpkg`: every map of a run or plan as one GeoPackage table (WGS 84, EPSG:4326),
/// each with its QGIS style (QML and SLD) as the default in `layer_styles`, so QGIS opens
/// the layers coloured as the GeoJSON's simplestyle properties.
///
/// Attributes follow `AttributeTable` (short lists flattened with a count, long ones in a
/// `ChildTable`) under the short names of `FieldNames` (at most 10 characters, so a Shapefile
/// export keeps them whole).
public enum GeoPackageLayers {
  /// The GeoPackage's bytes, identical for identical layers (GeoIO writes no time stamps).
  public static func data(_ layers: [MapLayer]) throws -> Data {
    let tables = self.tables(layers)
    return try GeoIO.geoPackage(tables.map(\.layer), styles: tables.map(\.style))
  }

  /// Each map as a table and its style (a map's child table right after it), table names made
  /// unique in order.
  static func tables(_ layers: [MapLayer]) -> [(layer: VectorLayer, style: LayerStyle)] {
    let entries = layers.flatMap { map -> [(map: MapLayer, childLists: Set<String>)] in
      guard let child = map.childTable else { return [(map, [])] }
      let items = MapLayer(
        kind: map.kind, fileName: child.table, title: "\(map.title): \(child.lists[0].parent)", folders: map.folders,
        visible: false, features: child.features(of: map.features), childTable: nil)
      return [(map, Set(child.lists.map(\.parent))), (items, [])]
    }
    var taken: Set<String> = []
    return entries.map { map, childLists in
      var name = map.table
      var suffix = 2
      while taken.contains(name) {
        name = "\(map.table)_\(suffix)"
        suffix += 1
      }
      taken.insert(name)
      let table = AttributeTable(map.features, childLists: childLists)
      let features = zip(map.features, table.rows).map { feature, values in
        VectorFeature(geometry: tableGeometry(feature.geometry), values: values)
      }
      let layer = VectorLayer(
        name: name, geometryKind: map.isPoints ? .point : .multiPolygon, crs: .wgs84, fields: table.fields,
        features: features)
      let rules = StyleRule.rules(for: map, table: table)
      let style = LayerStyle(
        layerName: name, styleName: name, qml: QGISStyle.qml(rules, isPoints: map.isPoints),
        sld: SLDStyle.sld(rules, layerName: name), description: "\(map.title): Cosite's colours", useAsDefault: true)
      return (layer, style)
    }
  }

  /// One geometry type per table: a lone polygon is written as a multipolygon of one.
  private static func tableGeometry(_ geometry: Geometry) -> Geometry {
    if case .polygon(let polygon) = geometry { return .multiPolygon(MultiPolygon([polygon])) }
    return geometry
  }
}
