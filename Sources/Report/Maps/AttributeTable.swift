import Geo
import GeoIO

/// The GeoJSON properties of a map as flat attribute columns (GeoPackage, Shapefile).
///
/// Types come from the values: a number column is `integer` when every value is whole,
/// `real` otherwise; booleans are integers 0/1; strings and objects are text. A short list (a
/// structure's `tenants`, a site's `layers`) is flattened to text joined with ", " and
/// followed by an integer column counting its items, unless the layer already has that count
/// (`tenant_count`): the map stays one table that a Shapefile export, a QGIS attribute table
/// and a spreadsheet show whole, and the count makes the list filterable. A list that can
/// outgrow a Shapefile's 254-character text field (a site's sector ids) keeps only its count
/// here and its items in a `ChildTable`.
struct AttributeTable {
  /// One column: a property's value, or the number of items of a list property.
  struct Column {
    enum Content {
      case value
      case itemCount
    }

    let property: String
    let content: Content
    let field: VectorField
  }

  let columns: [Column]
  /// Each feature's values, aligned with `columns`.
  let rows: [[FieldValue]]

  /// The columns of `features`; lists named in `childLists` (kept in a `ChildTable`) get
  /// their count only.
  init(_ features: [OutputFeature], childLists: Set<String> = []) {
    var order: [String] = []
    var values: [String: [JSONValue]] = [:]
    for feature in features {
      for (key, value) in feature.properties {
        if values[key] == nil { order.append(key) }
        values[key, default: []].append(value)
      }
    }
    var planned: [(property: String, content: Column.Content, type: VectorField.FieldType)] = []
    for property in order {
      let isChild = childLists.contains(property)
      if !isChild { planned.append((property, .value, Self.fieldType(of: values[property] ?? []))) }
      let isList = values[property]?.contains { $0.arrayValue != nil } ?? false
      if (isList || isChild) && values[FieldNames.countProperty(of: property)] == nil {
        planned.append((property, .itemCount, .integer))
      }
    }
    let names = FieldNames.shortNames(
      planned.map { $0.content == .value ? $0.property : FieldNames.countProperty(of: $0.property) })
    let columns = zip(planned, names).map { plan, name in
      Column(property: plan.property, content: plan.content, field: VectorField(name: name, type: plan.type))
    }
    self.columns = columns
    rows = features.map { feature in
      columns.map { column in
        let value = feature.properties.first { $0.0 == column.property }?.1 ?? .null
        switch column.content {
        case .value: return Self.fieldValue(value, as: column.field.type)
        case .itemCount: return value.arrayValue.map { .integer(Int64($0.count)) } ?? .integer(0)
        }
      }
    }
  }

  var fields: [VectorField] { columns.map(\.field) }

  /// The short field name of a property's value column.
  func fieldName(of property: String) -> String? {
    columns.first { $0.property == property && $0.content == .value }?.field.name
  }

  /// `integer` when every value is a boolean or a whole number (below 2^53, where doubles
  /// are exact), `real` for other numbers, `text` for anything else (or nothing but nulls).
  static func fieldType(of values: [JSONValue]) -> VectorField.FieldType {
    var sawNumber = false
    var allWhole = true
    for value in values {
      switch value {
      case .null: continue
      case .bool: sawNumber = true
      case .number(let number):
        sawNumber = true
        if !(number == number.rounded() && abs(number) < 9_007_199_254_740_992) { allWhole = false }
      case .string, .array, .object: return .text
      }
    }
    return sawNumber ? (allWhole ? .integer : .real) : .text
  }

  static func fieldValue(_ value: JSONValue, as type: VectorField.FieldType) -> FieldValue {
    switch (value, type) {
    case (.null, _): return .null
    case (.bool(let flag), .integer): return .integer(flag ? 1 : 0)
    case (.bool(let flag), .real): return .real(flag ? 1 : 0)
    case (.number(let number), .integer) where number.isFinite: return .integer(Int64(number))
    case (.number(let number), .real) where number.isFinite: return .real(number)
    case (.number, .integer), (.number, .real): return .null
    default: return text(value).map { .text($0) } ?? .null
    }
  }

  /// A value as it reads in a table cell or a balloon: lists joined with ", ", numbers in
  /// their shortest exact form; nil for null.
  static func text(_ value: JSONValue) -> String? {
    switch value {
    case .null: return nil
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number): return JSONWriter.number(number)
    case .string(let string): return string
    case .array(let items): return items.compactMap(text).joined(separator: ", ")
    case .object: return JSONWriter.text(value)
    }
  }
}
