/// A value from an input file as a message shows it: quoted, control characters escaped, and
/// cut to a few dozen characters, so that an error never prints back a file that is not the
/// input it should be (an environment file named as a CSV would otherwise show its secrets).
enum Excerpt {
  /// At most `limit` characters of `text` between single quotes, with `…` when cut.
  static func quoted<S: StringProtocol>(_ text: S, limit: Int = 40) -> String {
    var shown = ""
    var count = 0
    for scalar in text.unicodeScalars {
      guard count < limit else {
        shown += "…"
        break
      }
      switch scalar {
      case "\n": shown += "\\n"
      case "\r": shown += "\\r"
      case "\t": shown += "\\t"
      case "'": shown += "\\'"
      case "\\": shown += "\\\\"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
          shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          shown.unicodeScalars.append(scalar)
        }
      }
      count += 1
    }
    return "'\(shown)'"
  }
}
