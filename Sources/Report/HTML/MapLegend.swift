import Coverage
import Scenario

/// The key beside the report's map: RSRP bands (the colours of `coverage-*.geojson`), the
/// parcels' target colours, structures by kind and, for plans, the recommended stations.
enum MapLegend {
  /// The page script's parcel colours (`ReportScript`), by status.
  static let parcelColours = [
    ("meets the target", "#1a9850"), ("misses the target", "#d73027"), ("no figures (smaller than a cell)", "#bdbdbd"),
  ]

  static func html(_ settings: CoverageSettings, plan: Bool) -> String {
    let bins = settings.rsrpBinsDBm
    let labels = BinLabels.legend(bins, unit: "dBm")
    var lines = ["<div id=\"legend\">", "<h4>RSRP outdoors</h4>"]
    lines += bins.indices.map { swatch(CoverageMaps.signalColour($0, of: bins.count), labels[$0]) }
    lines.append("<h4>Parcels (per carrier)</h4>")
    lines += parcelColours.map { swatch($0.1, $0.0) }
    lines.append("<h4>Structures</h4>")
    lines += StructureKind.allCases.map { kind in
      dot(InputLayers.structureColours[kind] ?? "#7f7f7f", kind.rawValue)
    }
    if plan {
      lines.append("<h4>Recommended stations</h4>")
      lines += [
        dot("#d73027", "new build"), dot("#1a9850", "co-locate"), dot("#4575b4", "indoor system"),
        swatch("#1a9850", "newly covered"), swatch("#4575b4", "building with an indoor system"),
      ]
    }
    lines.append("</div>")
    return lines.joined(separator: "\n")
  }

  static func swatch(_ colour: String, _ label: String) -> String {
    "<div><span class=\"swatch\" style=\"background:\(HTMLText.escaped(colour))\"></span>\(HTMLText.escaped(label))</div>"
  }

  static func dot(_ colour: String, _ label: String) -> String {
    "<div><span class=\"dot\" style=\"background:\(HTMLText.escaped(colour))\"></span>\(HTMLText.escaped(label))</div>"
  }
}
