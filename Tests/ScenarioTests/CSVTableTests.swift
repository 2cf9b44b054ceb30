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

  @Test func reportsUnterminatedQuote() {
    let diagnostics = Diagnostics()
    _ = CSVTable(text: "id\n\"open\n", file: "t.csv", diagnostics: diagnostics)
    #expect(diagnostics.issues.map(\.description) == ["t.csv:2: unterminated quoted field"])
  }
}
