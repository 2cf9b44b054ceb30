import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with a header row.
struct CSVTable {
  struct Row {
    /// Line (1-based) where the record starts; the header is line 1.
    let line: Int
    let fields: [String]
  }

  let header: [String]
  let rows: [Row]

  /// Parses `text`; a malformed record is reported with its line and skipped.
  init(text: String, file: String, diagnostics: Diagnostics) {
    var records: [Row] = []
    var field = ""
    var fields: [String] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldWasQuoted = false
    var iterator = text.unicodeScalars.makeIterator()
    var pending = iterator.next()
    if pending == "\u{FEFF}" { pending = iterator.next() }  // byte order mark
    func endRecord() {
      fields.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
      fields = []
      field = ""
      fieldWasQuoted = false
    }
    while let scalar = pending {
      pending = iterator.next()
      if inQuotes {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = iterator.next()
          } else {
            inQuotes = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
        inQuotes = true
        fieldWasQuoted = true
        field = ""
      case ",":
        fields.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
        field = ""
        fieldWasQuoted = false
      case "\r" where pending == "\n":
        continue
      case "\n", "\r":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
      }
    }
    if inQuotes { diagnostics.report(file, .line(recordLine), "unterminated quoted field") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    header = records.first?.fields.map { $0.lowercased() } ?? []
    rows = Array(records.dropFirst())
  }

  /// Index of a column by header name.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
