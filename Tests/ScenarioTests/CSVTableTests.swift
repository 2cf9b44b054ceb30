import Foundation
import TestSupport
import Testing

@testable import Scenario

@Suite struct CSVTableTests {
  /// RFC 4180 §2: quoted fields may hold commas, doubled quotes and line breaks.
  @Test func readsQuotedFieldsAndTracksRecordLines() {
    let text = "id,name\r\nA,\"Hai Phong, Dinh Vu\"\r\nB,\"say \"\"hi\"\"\"\nC,\"two\nlines\"\nD,x\n"
    let diagnostics = Diagnostics()
    let table = CSVTable(text: text, file: "t.csv", diagnostics: diagnostics)
    #expect(table.header == ["id", "name"])
    #expect(
      table.rows.map(\.fields) == [
        ["A", "Hai Phong, Dinh Vu"], ["B", "say \"hi\""], ["C", "two\nlines"], ["D", "x"],
      ])
    #expect(table.rows.map(\.line) == [2, 3, 4, 6])
    #expect(diagnostics.isEmpty)
  }

  /// The byte-level reader against the scalar-by-scalar one it replaced (below, as it was):
  /// 20,000 random texts over the characters that matter (quotes, every separator, CR, LF,
  /// NUL, spaces, a no-break space, a tab, multi-byte letters, a byte order mark), parsed
  /// plain and verbatim with each separator: the same rows, lines, fields and diagnostics.
  @Test func bytesReadAsTheScalarReaderDid() {
    let alphabet: [String] = [
      "\"", "\"", ",", ";", "\t", "|", "\r", "\n", "\r\n", "\u{0}", " ", "\u{00A0}", "a", "1", "é", "🙂", "\u{FEFF}",
      "x y",
    ]
    var generator = SplitMix(seed: 13)
    for round in 0..<20_000 {
      let length = Int(generator.next() % 24)
      var text = round % 7 == 0 ? "\u{FEFF}" : ""
      for _ in 0..<length { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      for separator in [",", ";", "\t", "|"] as [Unicode.Scalar] {
        for verbatim in [false, true] {
          let diagnostics = Diagnostics()
          let table = CSVTable(
            text: text, file: "t", diagnostics: diagnostics, separator: separator, verbatim: verbatim)
          let expectedDiagnostics = Diagnostics()
          let expected = Self.scalarRecords(
            text, diagnostics: expectedDiagnostics, separator: separator, verbatim: verbatim)
          let header = expected.first?.fields.map { verbatim ? $0 : $0.lowercased() } ?? []
          #expect(table.header == header, "\(text.debugDescription)")
          #expect(table.rows.map(\.fields) == expected.dropFirst().map(\.fields), "\(text.debugDescription)")
          #expect(table.rows.map(\.line) == expected.dropFirst().map(\.line), "\(text.debugDescription)")
          #expect(diagnostics.issues.map(\.description) == expectedDiagnostics.issues.map(\.description))
        }
      }
    }
  }

  /// The reader before it went byte by byte (Cosite 2026-12-02), kept as the reference.
  static func scalarRecords(
    _ text: String, diagnostics: Diagnostics, separator: Unicode.Scalar, verbatim: Bool
  ) -> [CSVTable.Row] {
    let trimmed: (String) -> String = verbatim ? { $0 } : { $0.trimmingCharacters(in: .whitespaces) }
    var records: [CSVTable.Row] = []
    var field = ""
    var fields: [String] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldWasQuoted = false
    var lineWithNUL = 0
    var iterator = text.unicodeScalars.makeIterator()
    var pending = iterator.next()
    if pending == "\u{FEFF}" { pending = iterator.next() }
    func endRecord() {
      fields.append(fieldWasQuoted ? field : trimmed(field))
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVTable.Row(line: recordLine, fields: fields)) }
      fields = []
      field = ""
      fieldWasQuoted = false
    }
    while let scalar = pending {
      pending = iterator.next()
      if scalar == "\u{0}", lineWithNUL != line {
        lineWithNUL = line
        diagnostics.report("t", .line(line), "NUL byte (U+0000) in a field: expected text")
      }
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
      case "\"" where verbatim ? field.isEmpty : field.trimmingCharacters(in: .whitespaces).isEmpty:
        inQuotes = true
        fieldWasQuoted = true
        field = ""
      case separator:
        fields.append(fieldWasQuoted ? field : trimmed(field))
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
    if inQuotes { diagnostics.report("t", .line(recordLine), "unterminated quoted field") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }

  @Test func reportsUnterminatedQuote() {
    let diagnostics = Diagnostics()
    _ = CSVTable(text: "id\n\"open\n", file: "t.csv", diagnostics: diagnostics)
    #expect(diagnostics.issues.map(\.description) == ["t.csv:2: unterminated quoted field"])
  }
}
