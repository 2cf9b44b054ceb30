import Foundation
import Geo
import GeoIO

/// The SQL type of a stored column, chosen so that the text read back is the text written:
/// CSV fields as `numeric` (PostgreSQL keeps a numeric's digits and scale: `0.250` stays
/// `0.250`) when every value is a plain decimal, else `text`; GeoJSON properties as `double
/// precision` (PostgreSQL ≥ 12 prints the shortest text that reads back as the same double,
/// as Cosite writes them), `text`, `boolean`, or `json` (stored verbatim) for arrays,
/// objects and mixed types.
enum ColumnType: String {
  case numeric
  case text
  case double = "double precision"
  case boolean
  case json

  /// The type of a CSV column holding `values` (empty fields are NULL).
  static func ofCSV(_ values: some Sequence<String>) -> ColumnType {
    values.allSatisfy { $0.isEmpty || isPlainDecimal($0) } ? .numeric : .text
  }

  /// The type of a property holding `values` (nulls aside); nil when every value is null.
  static func ofJSON(_ values: some Sequence<JSONValue>) -> ColumnType? {
    var found: ColumnType?
    for value in values {
      let type: ColumnType
      switch value {
      case .null: continue
      case .number: type = .double
      case .string: type = .text
      case .bool: type = .boolean
      case .array, .object: type = .json
      }
      if let seen = found, seen != type { return .json }
      found = type
    }
    return found
  }

  /// The type holding values of both (a column already in the table, and this file's).
  func widened(with other: ColumnType) -> ColumnType {
    if self == other { return self }
    switch (self, other) {
    case (.numeric, .text), (.text, .numeric): return .text
    default: return .json
    }
  }

  /// The `USING` expression converting `column` from this type to `target`.
  func conversion(of column: String, to target: ColumnType) -> String {
    target == .json ? "to_json(\(column))" : "\(column)::\(target.rawValue)"
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, not a negative zero: the decimals `numeric` prints back
  /// as written (no exponent, no leading zeros or `+`; PostgreSQL has no −0).
  static func isPlainDecimal(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes = bytes.dropFirst() }
    let integer = bytes.prefix { $0 >= 48 && $0 <= 57 }
    guard !integer.isEmpty, integer.count == 1 || integer.first != UInt8(ascii: "0") else { return false }
    var rest = bytes.dropFirst(integer.count)
    var nonZero = integer.contains { $0 != UInt8(ascii: "0") }
    if rest.first == UInt8(ascii: ".") {
      rest = rest.dropFirst()
      let fraction = rest.prefix { $0 >= 48 && $0 <= 57 }
      guard !fraction.isEmpty else { return false }
      nonZero = nonZero || fraction.contains { $0 != UInt8(ascii: "0") }
      rest = rest.dropFirst(fraction.count)
    }
    return rest.isEmpty && (nonZero || !negative)
  }

  /// A CSV field as an SQL value of this type.
  func sqlValue(csv field: String) -> String {
    if field.isEmpty { return "NULL" }
    return self == .numeric ? field : PostGISConnection.literal(field)
  }

  /// A property as an SQL value of this type (nil: the feature lacks it).
  func sqlValue(json value: JSONValue?) -> String {
    guard let value, value != .null else { return "NULL" }
    switch (self, value) {
    case (.double, .number), (.text, .string): break
    case (.boolean, .bool(let flag)): return flag ? "true" : "false"
    default: return PostGISConnection.literal(JSONWriter.text(value)) + "::json"
    }
    if case .string(let text) = value { return PostGISConnection.literal(text) }
    return PostGISConnection.literal(JSONWriter.text(value)) + "::double precision"
  }

  /// A stored value's text (as `::text` prints it) back as the property it was.
  func jsonValue(_ text: String?) throws -> JSONValue {
    guard let text else { return .null }
    switch self {
    case .double:
      guard let number = Double(text) else { throw DatabaseError("'\(text)' in a double precision column") }
      return .number(number)
    case .boolean: return .bool(text == "true")
    case .json: return try JSONParser.parse(text)
    case .numeric, .text: return .string(text)
    }
  }
}
