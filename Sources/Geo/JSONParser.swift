/// A strict RFC 8259 JSON reader that reports the line of the first error.
public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1

  /// Parses `text`; throws `GeometryError.unreadable` naming the line on malformed input.
  public static func parse(_ text: String) throws -> JSONValue {
    var parser = JSONParser(bytes: Array(text.utf8))
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func failure(_ message: String) -> GeometryError {
    .unreadable(format: "JSON", message: "line \(line): \(message)")
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      index += 1
    }
  }

  private mutating func parseValue(depth: Int) throws -> JSONValue {
    guard depth < 512 else { throw failure("nesting deeper than 512 levels") }
    guard index < bytes.count else { throw failure("unexpected end of text") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    default: return .number(try parseNumber())
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count,
      Array(bytes[index..<(index + expected.count)]) == expected
    else { throw failure("expected a JSON value") }
    index += expected.count
    return value
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { throw failure("expected \(what)") }
    index += 1
  }

  private mutating func parseObject(depth: Int) throws -> JSONValue {
    index += 1
    var members: [(String, JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a member name in quotes")
      }
      let key = try parseString()
      try expect(UInt8(ascii: ":"), "':' after a member name")
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end of text in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}' in an object")
      return .object(members)
    }
  }

  private mutating func parseArray(depth: Int) throws -> JSONValue {
    index += 1
    var values: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(values)
    }
    while true {
      skipWhitespace()
      values.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unexpected end of text in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']' in an array")
      return .array(values)
    }
  }

  private mutating func parseString() throws -> String {
    index += 1
    var scalars: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "n"): scalars.append(10)
        case UInt8(ascii: "t"): scalars.append(9)
        case UInt8(ascii: "r"): scalars.append(13)
        case UInt8(ascii: "b"): scalars.append(8)
        case UInt8(ascii: "f"): scalars.append(12)
        case UInt8(ascii: "u"): scalars.append(contentsOf: try parseUnicodeEscape())
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
        default: throw failure("invalid escape in a string")
        }
      case 0..<0x20:
        throw failure("control character inside a string")
      default:
        scalars.append(byte)
      }
    }
    throw failure("unterminated string")
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
    else { throw failure("expected four hex digits after \\u") }
    index += 4
    return value
  }

  private mutating func parseUnicodeEscape() throws -> [UInt8] {
    var value = try parseHex4()
    if (0xD800..<0xDC00).contains(value), index + 1 < bytes.count,
      bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try parseHex4()
      // A high surrogate pairs only with a low one (else `low - 0xDC00` would wrap).
      guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid \\u escape: unpaired surrogate") }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else { throw failure("invalid \\u escape") }
    return Array(String(Character(scalar)).utf8)
  }

  /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; no leading `+`, no
  /// leading zeros (`0105.6`), no bare `.5`, and a value that fits a Double.
  private mutating func parseNumber() throws -> Double {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      return index - first
    }
    func peek(_ ascii: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: ascii) }
    if peek("-") { index += 1 }
    if peek("0") {
      index += 1
      guard digits() == 0 else { throw failure("a number may not start with 0 followed by digits (RFC 8259)") }
    } else {
      guard digits() > 0 else { throw failure("expected a JSON value (a number starts with - or a digit)") }
    }
    if peek(".") {
      index += 1
      guard digits() > 0 else { throw failure("expected digits after the decimal point") }
    }
    if peek("e") || peek("E") {
      index += 1
      if peek("+") || peek("-") { index += 1 }
      guard digits() > 0 else { throw failure("expected digits in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw failure("number \(text.prefix(40)) is out of range") }
    return value
  }
}
