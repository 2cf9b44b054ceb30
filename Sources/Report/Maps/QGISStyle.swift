import Geo

/// A QGIS 3 layer style (`.qml`, symbology only) drawing a layer as its GeoJSON's
/// simplestyle properties do: one symbol when the layer has one look, otherwise a
/// rule-based renderer with one rule per look (`StyleRule`), labelled for the legend.
///
/// Widths are in pixels, as in simplestyle-spec; an opacity of 0 or a stroke width of 0
/// draws no fill or no outline.
enum QGISStyle {
  static func qml(_ rules: [StyleRule], isPoints: Bool) -> String {
    var lines = [
      "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
      "<qgis version=\"3.28.0-Firenze\" styleCategories=\"Symbology\">",
    ]
    let attributes = "symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\""
    if rules.count == 1 && rules[0].conditions.isEmpty {
      lines.append("  <renderer-v2 type=\"singleSymbol\" \(attributes)>")
    } else {
      lines.append("  <renderer-v2 type=\"RuleRenderer\" \(attributes)>")
      lines.append("    <rules key=\"{cosite-rules}\">")
      for (index, rule) in rules.enumerated() {
        lines.append(
          "      <rule key=\"{cosite-rule-\(index)}\" symbol=\"\(index)\" label=\"\(XMLText.escaped(rule.label))\""
            + " filter=\"\(XMLText.escaped(expression(rule.conditions)))\"/>")
      }
      lines.append("    </rules>")
    }
    lines.append("    <symbols>")
    for (index, rule) in rules.enumerated() {
      lines += symbol(rule.look, name: "\(index)").map { "      " + $0 }
    }
    lines.append("    </symbols>")
    lines.append("  </renderer-v2>")
    lines.append("  <blendMode>0</blendMode>")
    lines.append("  <featureBlendMode>0</featureBlendMode>")
    lines.append("  <layerGeometryType>\(isPoints ? 0 : 2)</layerGeometryType>")
    lines.append("</qgis>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A QGIS expression: `"fill" = '#1a9850' AND "fill_opac" = 0.5`.
  static func expression(_ conditions: [StyleRule.Condition]) -> String {
    conditions.map { condition in
      let field = "\"" + condition.field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      switch condition.value {
      case .null: return field + " IS NULL"
      case .bool(let flag): return field + " = " + (flag ? "1" : "0")
      case .number(let number): return field + " = " + JSONWriter.number(number)
      default:
        let text = AttributeTable.text(condition.value) ?? ""
        return field + " = '" + text.replacingOccurrences(of: "'", with: "''") + "'"
      }
    }.joined(separator: " AND ")
  }

  private static func symbol(_ look: FeatureLook, name: String) -> [String] {
    let options: [(String, String)]
    let type: String
    let layerClass: String
    switch look {
    case .area(let fill, let fillOpacity, let stroke, let strokeOpacity, let strokeWidth):
      type = "fill"
      layerClass = "SimpleFill"
      options = [
        ("border_width_map_unit_scale", "3x:0,0,0,0,0,0"), ("color", fill.qgis(opacity: fillOpacity)),
        ("joinstyle", "bevel"), ("offset", "0,0"), ("offset_map_unit_scale", "3x:0,0,0,0,0,0"),
        ("offset_unit", "MM"), ("outline_color", stroke.qgis(opacity: strokeOpacity)),
        ("outline_style", strokeWidth > 0 && strokeOpacity > 0 ? "solid" : "no"),
        ("outline_width", JSONWriter.number(strokeWidth)), ("outline_width_unit", "Pixel"),
        ("style", fillOpacity > 0 ? "solid" : "no"),
      ]
    case .point(let marker):
      type = "marker"
      layerClass = "SimpleMarker"
      options = [
        ("angle", "0"), ("color", marker.qgis(opacity: 1)), ("horizontal_anchor_point", "1"),
        ("joinstyle", "bevel"), ("name", "circle"), ("offset", "0,0"),
        ("offset_map_unit_scale", "3x:0,0,0,0,0,0"), ("offset_unit", "MM"), ("outline_color", "35,35,35,255"),
        ("outline_style", "solid"), ("outline_width", "0.4"), ("outline_width_map_unit_scale", "3x:0,0,0,0,0,0"),
        ("outline_width_unit", "MM"), ("scale_method", "diameter"), ("size", "3"),
        ("size_map_unit_scale", "3x:0,0,0,0,0,0"), ("size_unit", "MM"), ("vertical_anchor_point", "1"),
      ]
    }
    var lines = [
      "<symbol type=\"\(type)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">",
      "  <data_defined_properties>",
    ]
    lines += emptyProperties.map { "    " + $0 }
    lines.append("  </data_defined_properties>")
    lines.append("  <layer class=\"\(layerClass)\" enabled=\"1\" pass=\"0\" locked=\"0\">")
    lines.append("    <Option type=\"Map\">")
    for (key, value) in options {
      lines.append("      <Option type=\"QString\" name=\"\(key)\" value=\"\(XMLText.escaped(value))\"/>")
    }
    lines.append("    </Option>")
    lines.append("    <data_defined_properties>")
    lines += emptyProperties.map { "      " + $0 }
    lines.append("    </data_defined_properties>")
    lines.append("  </layer>")
    lines.append("</symbol>")
    return lines
  }

  /// An empty data-defined property collection, as QGIS writes one.
  private static let emptyProperties = [
    "<Option type=\"Map\">",
    "  <Option type=\"QString\" name=\"name\" value=\"\"/>",
    "  <Option name=\"properties\"/>",
    "  <Option type=\"QString\" name=\"type\" value=\"collection\"/>",
    "</Option>",
  ]
}
