import Foundation
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
    var output: [UInt8] = []
    appendScriptSafeJSON(Array(json.utf8), to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// `scriptSafeJSON` on bytes, appended to `output`; the runs between the characters it
  /// escapes are copied whole (the map data runs to megabytes). U+2028 and U+2029 (E2 80
  /// A8/A9) are escaped too, for script parsers older than ES2019; pieces of one JSON text may
  /// be passed one after another when they are cut between characters.
  static func appendScriptSafeJSON(_ json: some ContiguousBytes, to output: inout [UInt8]) {
    json.withUnsafeBytes { bytes in
      var start = 0
      var index = 0
      while index < bytes.count {
        // Eight bytes at a time while none of them needs a look.
        if index + 8 <= bytes.count,
          !mayNeedEscape(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        {
          index += 8
          continue
        }
        let byte = bytes[index]
        let escape: String
        var length = 1
        switch byte {
        case UInt8(ascii: "<"): escape = "\\u003c"
        case UInt8(ascii: ">"): escape = "\\u003e"
        case UInt8(ascii: "&"): escape = "\\u0026"
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9:
          escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          length = 3
        default:
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        output.append(contentsOf: escape.utf8)
        index += length
        start = index
      }
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
  }

  /// Whether any of the eight bytes of `word` is `<`, `>`, `&` or 0xE2: byte b of `word ^
  /// (c × 0x0101…01)` is zero exactly where b = c, and `(v − 0x01…01) & ~v & 0x80…80` is nonzero
  /// exactly when some byte of v is zero (Anderson, "Bit Twiddling Hacks", "Determine if a word
  /// has a zero byte").
  @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
    @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool {
      (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
    }
    return hasZeroByte(word ^ 0x3C3C_3C3C_3C3C_3C3C) || hasZeroByte(word ^ 0x3E3E_3E3E_3E3E_3E3E)
      || hasZeroByte(word ^ 0x2626_2626_2626_2626) || hasZeroByte(word ^ 0xE2E2_E2E2_E2E2_E2E2)
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
