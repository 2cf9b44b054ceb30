import Geo

/// One map of a run or a plan (the features of one GeoJSON file) with what the GeoPackage
/// and the KMZ need to present it: a table name, a title, its place in the KML folders.
public struct MapLayer: Sendable {
  /// What the map shows; decides placemark names and legend labels.
  public enum Kind: Sendable, Hashable {
    case zones, parcels, structures, sites, coverage, bestServer, gaps, stations, indoorSystems, newlyCovered
    case indoorCoverage, indoorNodes
  }

  public let kind: Kind
  /// The GeoJSON file that holds the same features (`coverage-viettel-lte1800.geojson`).
  public let fileName: String
  /// The GeoPackage table: the GeoJSON file's name without `.geojson`, lowercase, with `_`
  /// for every character other than a letter or digit (`coverage_viettel_lte1800`).
  public let table: String
  /// Unique within a document: the KML folder's name and the QGIS style's description.
  public let title: String
  /// The KML folders above this layer's own folder, outermost first.
  public let folders: [String]
  /// Whether Google Earth shows the layer when the file opens (the rest are a tick away).
  public let visible: Bool
  /// The GeoJSON file's features, in its order.
  public let features: [OutputFeature]
  /// Lists the GeoPackage keeps in a child table rather than flattened (see `ChildTable`).
  let childTable: ChildTable?

  public init(
    kind: Kind, fileName: String, title: String, folders: [String], visible: Bool, features: [OutputFeature]
  ) {
    self.init(
      kind: kind, fileName: fileName, title: title, folders: folders, visible: visible, features: features,
      childTable: nil)
  }

  init(
    kind: Kind, fileName: String, title: String, folders: [String], visible: Bool, features: [OutputFeature],
    childTable: ChildTable?
  ) {
    self.kind = kind
    self.fileName = fileName
    self.table = Self.tableName(fileName: fileName)
    self.title = title
    self.folders = folders
    self.visible = visible
    self.features = features
    self.childTable = childTable
  }

  /// `coverage-viettel-lte1800.geojson` → `coverage_viettel_lte1800`.
  public static func tableName(fileName: String) -> String {
    let stem = fileName.hasSuffix(".geojson") ? String(fileName.dropLast(".geojson".count)) : fileName
    return String(
      stem.lowercased().unicodeScalars.map { scalar -> Character in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
      })
  }

  /// Whether the layer holds points (structures, sites, stations) or areas.
  public var isPoints: Bool { [.structures, .sites, .stations, .indoorNodes].contains(kind) }

  /// The property whose values label each colour in a legend (the band of a coverage map).
  var legendProperty: String? {
    switch kind {
    case .coverage, .indoorCoverage: return "bin"
    case .bestServer: return "sector"
    case .parcels: return "land_use"
    case .structures, .stations, .indoorSystems: return "kind"
    case .zones, .sites, .gaps, .newlyCovered, .indoorNodes: return nil
    }
  }

  /// The name a feature goes by in Google Earth's list: its band, sector, parcel or id.
  func placemarkName(_ feature: OutputFeature) -> String {
    func text(_ key: String) -> String? {
      feature.property(key).flatMap(AttributeTable.text).flatMap { $0.isEmpty ? nil : $0 }
    }
    switch kind {
    case .zones, .parcels: return text("name") ?? text("id") ?? ""
    case .structures, .sites: return text("id") ?? ""
    case .coverage: return text("bin") ?? ""
    case .bestServer: return text("sector") ?? ""
    case .gaps: return [text("parcel_name"), text("parcel").map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    case .stations: return "#\(text("rank") ?? "?") \(text("candidate") ?? "")"
    case .indoorSystems:
      let noun = (text("kind") ?? "").hasSuffix("DAS") ? "antennas" : "nodes"
      return "#\(text("rank") ?? "?") \(text("candidate") ?? "") (\(text("nodes") ?? "?") \(noun))"
    case .newlyCovered: return "\(text("carrier") ?? "") \(text("area_ha") ?? "?") ha"
    case .indoorCoverage: return "#\(text("rank") ?? "?") \(text("carrier") ?? "") \(text("bin") ?? "")"
    case .indoorNodes: return "#\(text("rank") ?? "?") node \(text("node") ?? "?")"
    }
  }
}

extension OutputFeature {
  func property(_ key: String) -> JSONValue? {
    properties.first { $0.0 == key }?.1
  }
}
