import Foundation
import Geo
import GeoIO

/// `cosite.kmz`: the maps of a run or plan as one KML 2.2 document (OGC 12-007r2) for
/// Google Earth, zipped with `doc.kml` as the first entry (as KMZ readers expect).
///
/// Folders: "Inputs" (zones, parcels, structures, sites); per carrier, a folder per radio
/// layer with its RSRP bands (one placemark per band, named by it: "−95 to −85 dBm") and
/// best-server areas (named by sector), and the carrier's gaps; per plan, its recommended
/// stations and newly covered areas. Each distinct look is one shared `<Style>`; colours are
/// the GeoJSON's `fill`/`stroke` with their opacity as KML's alpha. Points are paddle icons
/// with their figures in the balloon. Only the zones, structures, the first layer's bands and
/// the stations show when the file opens.
public enum KMLDocument {
  /// The KMZ's bytes: `doc.kml` alone (icons are Google Earth's own, by address).
  public static func kmz(_ layers: [MapLayer], name: String) throws -> Data {
    try GeoIO.zip([(name: "doc.kml", contents: Data(kml(layers, name: name)))])
  }

  /// The KML text, identical for identical layers.
  public static func text(_ layers: [MapLayer], name: String) -> String {
    String(decoding: kml(layers, name: name), as: UTF8.self)
  }

  /// The KML text as UTF-8 bytes (the placemarks' coordinates run to tens of megabytes).
  static func kml(_ layers: [MapLayer], name: String) -> [UInt8] {
    var styles: [KMLStyle] = []
    var styleIDs: Set<String> = []
    var body: [UInt8] = []
    // Room for the coordinates at once (`lon,lat ` of at most 24 bytes): no regrowth copies.
    let positions = layers.reduce(0) { total, layer in
      total + layer.features.reduce(0) { $0 + $1.geometry.positionCount }
    }
    body.reserveCapacity(positions * 24 + layers.reduce(0) { $0 + $1.features.count } * 1024)
    var labels: [String: KMLPlacemark.Label] = [:]
    func append(_ text: String) { body.append(contentsOf: text.utf8) }
    var openFolders: [String] = []
    for layer in layers {
      let shared = zip(openFolders, layer.folders).prefix { $0 == $1 }.count
      for _ in shared..<openFolders.count { append("</Folder>\n") }
      openFolders.removeLast(openFolders.count - shared)
      for folder in layer.folders.dropFirst(shared) {
        append("<Folder><name>\(XMLText.escaped(folder))</name>\n")
        openFolders.append(folder)
      }
      append("<Folder><name>\(XMLText.escaped(layer.title))</name>")
      if !layer.visible { append("<visibility>0</visibility>") }
      append("\n")
      let styleProperties = layer.isPoints ? FeatureLook.pointProperties : FeatureLook.areaProperties
      for feature in layer.features {
        var values: [String: JSONValue] = [:]
        for key in styleProperties { values[key] = feature.property(key) }
        let style = KMLStyle(FeatureLook(isPoint: layer.isPoints, values: values), layer: layer)
        if styleIDs.insert(style.id).inserted { styles.append(style) }
        KMLPlacemark.append(
          feature, name: layer.placemarkName(feature), styleID: style.id, balloon: layer.isPoints, labels: &labels,
          to: &body)
        append("\n")
      }
      append("</Folder>\n")
    }
    for _ in openFolders { append("</Folder>\n") }
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
    text += "<Document><name>\(XMLText.escaped(name))</name><open>1</open>\n"
    for style in styles { text += style.element + "\n" }
    var bytes = Array(text.utf8)
    bytes.reserveCapacity(bytes.count + body.count + 24)
    bytes.append(contentsOf: body)
    bytes.append(contentsOf: "</Document>\n</kml>\n".utf8)
    return bytes
  }
}
