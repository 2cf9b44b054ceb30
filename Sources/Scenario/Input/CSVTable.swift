import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with a header row.
public struct CSVTable: Sendable {
  public struct Row: Sendable {
    /// Line (1-based) where the record starts; the header is line 1.
    public let line: Int
    public let fields: [String]
  }

  /// Column names, lower-cased.
  public let header: [String]
  public let rows: [Row]

  /// Parses `text`, throwing a `ScenarioError` that names `file` and the line of a
  /// malformed record.
  public static func parse(_ text: String, file: String) throws -> CSVTable {
    let diagnostics = Diagnostics()
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics)
    guard diagnostics.isEmpty else { throw ScenarioError(issues: diagnostics.issues) }
    return table
  }

  /// Parses `text` as written: header names keep their case and unquoted fields their
  /// spaces (for reading Cosite's own outputs back, `cosite db export`).
  public static func parseVerbatim(_ text: String, file: String) throws -> CSVTable {
    let diagnostics = Diagnostics()
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics, verbatim: true)
    guard diagnostics.isEmpty else { throw ScenarioError(issues: diagnostics.issues) }
    return table
  }

  /// Throws a `ScenarioError` at line 1 unless the header holds exactly `columns`, in any order.
  public func requireExactHeader(_ columns: [String], file: String) throws {
    let missing = columns.filter { column($0) == nil }
    guard !missing.isEmpty || header.count != columns.count else { return }
    let detail = missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))"
    throw ScenarioError(issues: [
      ScenarioIssue(
        file: file, location: .line(1), message: "expected the header \(columns.joined(separator: ","))\(detail)")
    ])
  }

  /// Line (1-based) where each record of `text` starts → the record's 0-based index (the
  /// header not counted): a quoted field may span lines, so record k is not line k + 2.
  static func recordOrdinals(_ text: String) -> [Int: Int] {
    let table = CSVTable(text: text, file: "", diagnostics: Diagnostics())
    return Dictionary(table.rows.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// A field as CSV text, quoted when it holds a comma, quote or line break.
  public static func field(_ value: String) -> String {
    guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    // Scalar by scalar: a quote followed by a combining mark is one Character, which a
    // Character-level replacement would not double.
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      quoted.append(scalar)
      if scalar == "\"" { quoted.append(scalar) }
    }
    quoted.append("\"")
    return String(quoted)
  }

  /// Parses `text` with fields separated by `separator` (`,` by RFC 4180; `;`, tab or `|` in
  /// exports from spreadsheets set to a decimal comma); a malformed record is reported with
  /// its line and skipped.
  ///
  /// Byte by byte over the UTF-8: every character with a meaning here (quote, separator, CR,
  /// LF, NUL) is ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so this
  /// reads exactly what a scalar-by-scalar reading would (`CSVTableTests` checks it against
  /// one on random text), at a fraction of the cost: a national scenario's CSVs are ~10⁶ rows.
  init(
    text: String, file: String, diagnostics: Diagnostics, separator: Unicode.Scalar = ",", verbatim: Bool = false
  ) {
    precondition(separator.isASCII, "separators are ASCII (, ; tab |)")
    var contiguous = text
    contiguous.makeContiguousUTF8()
    let parsed = contiguous.utf8.withContiguousStorageIfAvailable {
      Self.records($0, file: file, diagnostics: diagnostics, separator: UInt8(separator.value), verbatim: verbatim)
    }
    let records = parsed ?? []
    header = records.first?.fields.map { verbatim ? $0 : $0.lowercased() } ?? []
    rows = Array(records.dropFirst())
  }

  private static func records(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: Diagnostics, separator: UInt8, verbatim: Bool
  ) -> [Row] {
    let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    var records: [Row] = []
    var field: [UInt8] = []
    var fields: [String] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldWasQuoted = false
    var lineWithNUL = 0
    var index = 0
    // Byte order mark (U+FEFF).
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    func finishField() {
      let text = String(decoding: field, as: UTF8.self)
      fields.append(fieldWasQuoted || verbatim ? text : trimmed(text))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    func endRecord() {
      finishField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
      fields = []
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0, lineWithNUL != line {
        // A NUL byte is never text a planner typed: a binary file or a broken export.
        lineWithNUL = line
        diagnostics.report(file, .line(line), "NUL byte (U+0000) in a field: expected text")
      }
      if inQuotes {
        if byte == quote {
          if index < bytes.count, bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == newline { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case quote
      where verbatim
        ? field.isEmpty : String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty:
        inQuotes = true
        fieldWasQuoted = true
        field.removeAll(keepingCapacity: true)
      case separator:
        finishField()
      case carriageReturn where index < bytes.count && bytes[index] == newline:
        continue
      case newline, carriageReturn:
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(byte)
      }
    }
    if inQuotes { diagnostics.report(file, .line(recordLine), "unterminated quoted field") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }

  /// `field` without the white space at its ends (CharacterSet.whitespaces: general category
  /// Zs and the tab). Foundation's trimming is called only where a field starts or ends with
  /// white space: it costs microseconds per field, and drive-test logs have millions of fields.
  private static func trimmed(_ field: String) -> String {
    guard let first = field.unicodeScalars.first, let last = field.unicodeScalars.last,
      isWhitespace(first) || isWhitespace(last)
    else { return field }
    return field.trimmingCharacters(in: .whitespaces)
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    // In ASCII only the space is Zs.
    scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
  }

  /// The separator of `text`'s header line: whichever of `,`, `;`, tab and `|` occurs most
  /// often outside quotes (`,` on a tie or when none does).
  static func detectSeparator(_ text: String) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [:]
    var inQuotes = false
    for scalar in text.unicodeScalars {
      if scalar == "\"" { inQuotes.toggle() }
      if scalar == "\n" || scalar == "\r", !inQuotes { break }
      if !inQuotes, [",", ";", "\t", "|"].contains(scalar) { counts[scalar, default: 0] += 1 }
    }
    // A fixed order, so that a tie never depends on Dictionary's per-process hashing.
    var best: Unicode.Scalar = ","
    for candidate in [";", "\t", "|"] as [Unicode.Scalar] where counts[candidate, default: 0] > counts[best, default: 0]
    {
      best = candidate
    }
    return best
  }

  /// Index of a column by header name.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
