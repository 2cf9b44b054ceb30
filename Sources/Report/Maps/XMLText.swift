/// Text made safe for XML 1.0 content and attribute values.
enum XMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the control characters XML 1.0 forbids
  /// even as references (all below U+0020 but tab, line feed and carriage return).
  static func escaped(_ text: String) -> String {
    // Most texts (ids, figures, labels) need nothing: returned as they are. 0xEF leads
    // U+FFFE and U+FFFF (and other characters, which the slow path keeps).
    let plain = text.utf8.allSatisfy { byte in
      byte >= 0x20 && byte != 0xEF && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
        && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
    }
    if plain { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
