/// Writes `JSONValue`s as deterministic text: members in their given order, numbers in
/// the shortest form that reads back to the same double, never in exponent form.
///
/// The work is done on UTF-8 bytes (`append`); the `String` functions wrap it.
public enum JSONWriter {
  /// Compact text, one value. With `pretty`, objects and arrays of objects go on their own lines.
  public static func text(_ value: JSONValue, pretty: Bool = false) -> String {
    var bytes: [UInt8] = []
    append(value, to: &bytes, pretty: pretty)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A number as JSON text. Integral values below 2^53 print without a fraction.
  public static func number(_ value: Double) -> String {
    var bytes: [UInt8] = []
    DecimalText.appendShortest(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `value` rounded to `decimals` places and printed without trailing zeros.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    var bytes: [UInt8] = []
    DecimalText.appendFixed(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func quoted(_ string: String) -> String {
    var bytes: [UInt8] = []
    appendQuoted(string, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` as JSON text (as `text` returns it) to `bytes`.
  public static func append(_ value: JSONValue, to bytes: inout [UInt8], pretty: Bool = false) {
    write(value, into: &bytes, pretty: pretty, level: 0)
  }

  /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
  /// escaped, everything else as its UTF-8 bytes.
  public static func appendQuoted(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var start = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static func newline(level: Int, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  private static func write(_ value: JSONValue, into bytes: inout [UInt8], pretty: Bool, level: Int) {
    switch value {
    case .null: bytes.append(contentsOf: "null".utf8)
    case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let number): DecimalText.appendShortest(number, to: &bytes)
    case .string(let string): appendQuoted(string, to: &bytes)
    case .array(let values):
      // Arrays of plain values (coordinates) stay on one line even when pretty.
      let breakLines = pretty && values.contains { if case .object = $0 { true } else { false } }
      bytes.append(UInt8(ascii: "["))
      for (offset, element) in values.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        if breakLines { newline(level: level + 1, into: &bytes) }
        write(element, into: &bytes, pretty: pretty, level: level + 1)
      }
      if breakLines { newline(level: level, into: &bytes) }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (offset, (key, member)) in members.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline(level: level + 1, into: &bytes) }
        appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        write(member, into: &bytes, pretty: pretty, level: level + 1)
      }
      if pretty && !members.isEmpty { newline(level: level, into: &bytes) }
      bytes.append(UInt8(ascii: "}"))
    }
  }
}
