/// Text made safe for XML 1.0 content and attribute values.
enum XMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the control characters XML 1.0 forbids
  /// even as references (all below U+0020 but tab, line feed and carriage return).
  static func escaped(_ text: String) -> String {
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
