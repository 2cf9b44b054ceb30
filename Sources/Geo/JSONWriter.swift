import Foundation

/// Writes `JSONValue`s as deterministic text: members in their given order, numbers in
/// the shortest form that reads back to the same double, never in exponent form.
public enum JSONWriter {
  /// Compact text, one value. With `indent`, objects and arrays of objects go on their own lines.
  public static func text(_ value: JSONValue, pretty: Bool = false) -> String {
    var output = ""
    write(value, into: &output, pretty: pretty, level: 0)
    return output
  }

  /// A number as JSON text. Integral values below 2^53 print without a fraction.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    let shortest = "\(value)"
    guard shortest.contains("e") else { return shortest }
    // Tiny or huge magnitudes: fixed notation with enough digits, trailing zeros stripped.
    return stripTrailingZeros(String(format: "%.12f", value))
  }

  /// `value` rounded to `decimals` places and printed without trailing zeros.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    let stripped = stripTrailingZeros(text)
    return stripped == "-0" ? "0" : stripped
  }

  private static func stripTrailingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.last == "0" { trimmed.removeLast() }
    if trimmed.last == "." { trimmed.removeLast() }
    return String(trimmed)
  }

  static func quoted(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  private static func write(_ value: JSONValue, into output: inout String, pretty: Bool, level: Int) {
    let newline = pretty ? "\n" + String(repeating: "  ", count: level + 1) : ""
    let closing = pretty ? "\n" + String(repeating: "  ", count: level) : ""
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let number): output += Self.number(number)
    case .string(let string): output += quoted(string)
    case .array(let values):
      // Arrays of plain values (coordinates) stay on one line even when pretty.
      let breakLines = pretty && values.contains { if case .object = $0 { true } else { false } }
      output += "["
      for (offset, element) in values.enumerated() {
        if offset > 0 { output += "," }
        if breakLines { output += newline }
        write(element, into: &output, pretty: pretty, level: level + 1)
      }
      output += breakLines ? closing + "]" : "]"
    case .object(let members):
      output += "{"
      for (offset, (key, member)) in members.enumerated() {
        if offset > 0 { output += "," }
        output += newline + quoted(key) + (pretty ? ": " : ":")
        write(member, into: &output, pretty: pretty, level: level + 1)
      }
      output += members.isEmpty ? "}" : closing + "}"
    }
  }
}
