import Geo

/// The same style as `QGISStyle` as an OGC Styled Layer Descriptor 1.1 (OGC 05-078r4 with
/// Symbology Encoding 1.1, OGC 05-077r4): one `se:Rule` per look, filtered by its attributes.
enum SLDStyle {
  static func sld(_ rules: [StyleRule], layerName: String) -> String {
    let name = XMLText.escaped(layerName)
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\""
        + " xmlns:se=\"http://www.opengis.net/se\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1.0\""
        + " xsi:schemaLocation=\"http://www.opengis.net/sld"
        + " http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">",
      "  <NamedLayer>",
      "    <se:Name>\(name)</se:Name>",
      "    <UserStyle>",
      "      <se:Name>\(name)</se:Name>",
      "      <se:FeatureTypeStyle>",
    ]
    for (index, rule) in rules.enumerated() {
      lines.append("        <se:Rule>")
      lines.append("          <se:Name>rule \(index + 1)</se:Name>")
      lines.append("          <se:Description>")
      lines.append("            <se:Title>\(XMLText.escaped(rule.label))</se:Title>")
      lines.append("          </se:Description>")
      lines += filter(rule.conditions).map { "          " + $0 }
      lines += symbolizer(rule.look).map { "          " + $0 }
      lines.append("        </se:Rule>")
    }
    lines += ["      </se:FeatureTypeStyle>", "    </UserStyle>", "  </NamedLayer>", "</StyledLayerDescriptor>"]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func filter(_ conditions: [StyleRule.Condition]) -> [String] {
    guard !conditions.isEmpty else { return [] }
    var tests: [String] = conditions.map { condition in
      let property = "<ogc:PropertyName>\(XMLText.escaped(condition.field))</ogc:PropertyName>"
      let literal: String
      switch condition.value {
      case .null: return "<ogc:PropertyIsNull>\(property)</ogc:PropertyIsNull>"
      case .bool(let flag): literal = flag ? "1" : "0"
      default: literal = AttributeTable.text(condition.value) ?? ""
      }
      return "<ogc:PropertyIsEqualTo>\(property)<ogc:Literal>\(XMLText.escaped(literal))</ogc:Literal>"
        + "</ogc:PropertyIsEqualTo>"
    }
    if tests.count > 1 { tests = ["<ogc:And>"] + tests.map { "  " + $0 } + ["</ogc:And>"] }
    return ["<ogc:Filter>"] + tests.map { "  " + $0 } + ["</ogc:Filter>"]
  }

  private static func symbolizer(_ look: FeatureLook) -> [String] {
    func parameter(_ name: String, _ value: String) -> String {
      "<se:SvgParameter name=\"\(name)\">\(value)</se:SvgParameter>"
    }
    switch look {
    case .area(let fill, let fillOpacity, let stroke, let strokeOpacity, let strokeWidth):
      var lines = ["<se:PolygonSymbolizer>"]
      if fillOpacity > 0 {
        lines += [
          "  <se:Fill>", "    " + parameter("fill", fill.hex),
          "    " + parameter("fill-opacity", JSONWriter.number(fillOpacity)), "  </se:Fill>",
        ]
      }
      if strokeWidth > 0 && strokeOpacity > 0 {
        lines += [
          "  <se:Stroke>", "    " + parameter("stroke", stroke.hex),
          "    " + parameter("stroke-opacity", JSONWriter.number(strokeOpacity)),
          "    " + parameter("stroke-width", JSONWriter.number(strokeWidth)), "  </se:Stroke>",
        ]
      }
      return lines + ["</se:PolygonSymbolizer>"]
    case .point(let marker):
      return [
        "<se:PointSymbolizer>", "  <se:Graphic>", "    <se:Mark>",
        "      <se:WellKnownName>circle</se:WellKnownName>",
        "      <se:Fill>", "        " + parameter("fill", marker.hex), "      </se:Fill>",
        "      <se:Stroke>", "        " + parameter("stroke", "#232323"),
        "        " + parameter("stroke-width", "1"), "      </se:Stroke>",
        "    </se:Mark>", "    <se:Size>11</se:Size>", "  </se:Graphic>", "</se:PointSymbolizer>",
      ]
    }
  }
}
