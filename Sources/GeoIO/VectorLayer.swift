public import Geo

/// One vector layer as plain values: what `GeoIO.geoPackage` writes as one table.
public struct VectorLayer: Sendable {
  /// The geometry type of every feature in the layer.
  public enum GeometryKind: Sendable, Hashable {
    case point, lineString, multiPolygon
  }

  public var name: String
  public var geometryKind: GeometryKind
  public var crs: CRS
  public var fields: [VectorField]
  /// Each feature's `values` are aligned with `fields`.
  public var features: [VectorFeature]

  public init(
    name: String, geometryKind: GeometryKind, crs: CRS, fields: [VectorField], features: [VectorFeature]
  ) {
    self.name = name
    self.geometryKind = geometryKind
    self.crs = crs
    self.fields = fields
    self.features = features
  }
}

/// An attribute column of a `VectorLayer`.
public struct VectorField: Sendable, Hashable {
  /// The column's type (OGR's OFTInteger64, OFTReal, OFTString).
  public enum FieldType: Sendable, Hashable {
    case integer, real, text
  }

  /// Written exactly as given (callers keep names ≤ 10 characters for Shapefile-minded readers).
  public var name: String
  public var type: FieldType

  public init(name: String, type: FieldType) {
    self.name = name
    self.type = type
  }
}

/// One attribute value.
public enum FieldValue: Sendable, Hashable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null
}

/// One feature: a geometry and its attribute values, aligned with the layer's fields.
public struct VectorFeature: Sendable {
  public var geometry: Geometry
  public var values: [FieldValue]

  public init(geometry: Geometry, values: [FieldValue]) {
    self.geometry = geometry
    self.values = values
  }
}

/// A QGIS style for one layer, stored in the GeoPackage's `layer_styles` table.
public struct LayerStyle: Sendable {
  public var layerName: String
  public var styleName: String
  /// QGIS's own style XML (`.qml`).
  public var qml: String
  /// OGC Styled Layer Descriptor XML.
  public var sld: String
  public var description: String
  public var useAsDefault: Bool

  public init(
    layerName: String, styleName: String, qml: String, sld: String, description: String, useAsDefault: Bool
  ) {
    self.layerName = layerName
    self.styleName = styleName
    self.qml = qml
    self.sld = sld
    self.description = description
    self.useAsDefault = useAsDefault
  }
}

/// The vector containers `GeoIO` reads back.
public enum VectorFileKind: Sendable, Hashable {
  case geoPackage, kmz, kml
}
