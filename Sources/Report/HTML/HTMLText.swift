import Geo

/// Escaping for text placed in an HTML page: element content, attribute values and the
/// inside of `<script>` elements.
enum HTMLText {
  /// `text` safe as element content and as a double- or single-quoted attribute value
  /// (HTML Living Standard §13.1.2.6: `&`, `<`, `>`, `"` and `'` as character references).
  static func escaped(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(character)
      }
    }
    return output
  }

  /// JSON text safe inside a `<script>` element: `<`, `>` and `&` can occur only inside JSON
  /// strings, where `\u003c`, `\u003e` and `\u0026` read back as the same characters, so no
  /// `</script>` or `<!--` can end or bend the element (HTML §4.12.1.3).
  static func scriptSafeJSON(_ json: String) -> String {
    // Byte by byte: the map data runs to megabytes. U+2028 and U+2029 (E2 80 A8/A9) are
    // escaped too, for script parsers older than ES2019.
    let bytes = Array(json.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 64)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "<"): output += Array("\\u003c".utf8)
      case UInt8(ascii: ">"): output += Array("\\u003e".utf8)
      case UInt8(ascii: "&"): output += Array("\\u0026".utf8)
      case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9:
        output += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        index += 2
      default: output.append(byte)
      }
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Script text (a library) safe inside a `<script>` element: every `</script` and `<!--`,
  /// in any case, becomes `<\/script` and `<\!--`. Both can occur only inside strings,
  /// comments or regular expressions, where the backslash reads back as nothing.
  static func scriptSafeCode(_ code: String) -> String {
    guard code.contains("<") else { return code }
    var output = ""
    output.reserveCapacity(code.utf8.count)
    var rest = Substring(code)
    while let open = rest.firstIndex(of: "<") {
      output += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if after.prefix(7).lowercased() == "/script" {
        output += "<\\/"
        rest = after.dropFirst()
      } else if after.hasPrefix("!--") {
        output += "<\\!"
        rest = after.dropFirst()
      } else {
        output += "<"
        rest = after
      }
    }
    output += rest
    return output
  }

  /// A JSON string literal of `text` (quoted and escaped by `JSONWriter`).
  static func jsonString(_ text: String) -> String { JSONWriter.text(.string(text)) }
}
