import Geo

/// One look of a layer and the attribute test that picks its features: a legend entry
/// (QGIS rule, SLD rule) or a shared KML style.
struct StyleRule {
  /// One test: a field equals a value (`.null`: the field is null).
  struct Condition {
    let field: String
    let value: JSONValue
  }

  /// All must hold; none when the whole layer has one look.
  let conditions: [Condition]
  let look: FeatureLook
  /// The legend text: the values of the layer's legend property drawn with this look.
  let label: String
}

extension StyleRule {
  /// The layer's looks in order of first appearance, one per distinct combination of the
  /// style properties that vary within it (the fill of each RSRP band, the colour of each
  /// structure kind), so each rule selects exactly the features drawn that way.
  static func rules(for layer: MapLayer, table: AttributeTable) -> [StyleRule] {
    let styleProperties = (layer.isPoints ? FeatureLook.pointProperties : FeatureLook.areaProperties)
      .filter { table.fieldName(of: $0) != nil }
    let styleValues = layer.features.map { feature in styleProperties.map { feature.property($0) ?? .null } }
    let varying = styleProperties.indices.filter { index in
      Set(styleValues.map { $0[index] }).count > 1
    }
    var order: [[JSONValue]] = []
    var members: [[JSONValue]: [Int]] = [:]
    for (featureIndex, values) in styleValues.enumerated() {
      let key = varying.map { values[$0] }
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(featureIndex)
    }
    guard !order.isEmpty else {
      return [StyleRule(conditions: [], look: FeatureLook(isPoint: layer.isPoints, values: [:]), label: layer.title)]
    }
    return order.map { key in
      let indices = members[key] ?? []
      let first = indices.first ?? 0
      let values = Dictionary(uniqueKeysWithValues: zip(styleProperties, styleValues[first]))
      let conditions = zip(varying, key).map { index, value in
        Condition(field: table.fieldName(of: styleProperties[index]) ?? styleProperties[index], value: value)
      }
      return StyleRule(
        conditions: conditions, look: FeatureLook(isPoint: layer.isPoints, values: values),
        label: order.count == 1 ? layer.title : legendLabel(layer, features: indices))
    }
  }

  /// Up to four distinct legend values, in order, then "…" and how many there are.
  private static func legendLabel(_ layer: MapLayer, features: [Int]) -> String {
    guard let property = layer.legendProperty else { return layer.title }
    var labels: [String] = []
    for index in features {
      guard let text = layer.features[index].property(property).flatMap(AttributeTable.text),
        !labels.contains(text)
      else { continue }
      labels.append(text)
    }
    guard !labels.isEmpty else { return layer.title }
    guard labels.count > 4 else { return labels.joined(separator: ", ") }
    return labels.prefix(4).joined(separator: ", ") + ", … (\(labels.count))"
  }
}
