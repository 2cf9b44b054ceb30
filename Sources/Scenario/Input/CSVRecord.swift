/// One CSV row read by column name, reporting each bad field with file, line and column.
struct CSVRecord {
  let table: CSVTable
  let row: CSVTable.Row
  let file: String
  let diagnostics: Diagnostics

  var line: Int { row.line }

  /// The raw text of a column; nil when the column is absent or the field is empty.
  func text(_ column: String) -> String? {
    guard let index = table.column(column), index < row.fields.count else { return nil }
    let value = row.fields[index]
    return value.isEmpty ? nil : value
  }

  func report(_ message: String) {
    diagnostics.report(file, .line(row.line), message)
  }

  func string(_ column: String, required: Bool = true) -> String? {
    guard let value = text(column) else {
      if required { report("column '\(column)' is empty: expected a value") }
      return nil
    }
    return value
  }

  func number(
    _ column: String, expected: String, range: ClosedRange<Double>, required: Bool = true
  ) -> Double? {
    guard let raw = text(column) else {
      if required { report("column '\(column)' is empty: expected \(expected)") }
      return nil
    }
    guard let value = Double(raw), value.isFinite else {
      report("column '\(column)': expected \(expected), got \(Excerpt.quoted(raw))")
      return nil
    }
    guard range.contains(value) else {
      report(
        "column '\(column)': expected \(expected) between \(range.lowerBound) and \(range.upperBound), got \(Excerpt.quoted(raw))"
      )
      return nil
    }
    return value
  }

  func integer(_ column: String, expected: String, range: ClosedRange<Int>, required: Bool = true) -> Int? {
    guard let raw = text(column) else {
      if required { report("column '\(column)' is empty: expected \(expected)") }
      return nil
    }
    guard let value = Int(raw), range.contains(value) else {
      report(
        "column '\(column)': expected \(expected) (\(range.lowerBound)–\(range.upperBound)), got \(Excerpt.quoted(raw))"
      )
      return nil
    }
    return value
  }

  /// A value from a closed list of names.
  func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) -> T?
  where T.RawValue == String {
    guard let raw = string(column) else { return nil }
    guard let value = T(rawValue: raw.lowercased()) ?? T(rawValue: raw) else {
      report(
        "column '\(column)': expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \(Excerpt.quoted(raw))"
      )
      return nil
    }
    return value
  }
}

extension CSVTable {
  /// Checks that the header has every required column and no unknown one.
  func checkHeader(required: [String], optional: [String], file: String, diagnostics: Diagnostics) -> Bool {
    guard !header.isEmpty else {
      diagnostics.report(file, .file, "empty file: expected a header row (\(required.joined(separator: ",")))")
      return false
    }
    guard required.contains(where: { column($0) != nil }) else {
      // Not this kind of CSV at all (or not a CSV): one line, and only a short excerpt of it.
      let first = header.joined(separator: ",")
      // A spreadsheet saved with ';' between fields (the default where ',' is the decimal mark).
      let semicolons =
        header.count == 1 && required.contains { header[0].split(separator: ";").contains(Substring($0)) }
      let hint =
        semicolons
        ? " — the fields seem to be separated by ';': Cosite reads comma-separated files (RFC 4180) with '.' as the decimal mark; save the file with ',' between fields"
        : ""
      diagnostics.report(
        file, .line(1),
        "line 1 is not a header with the columns \(required.joined(separator: ", ")): it starts with \(Excerpt.quoted(first))\(hint)"
      )
      return false
    }
    var ok = true
    for name in required where column(name) == nil {
      diagnostics.report(
        file, .line(1), "header lacks column '\(name)' (required: \(required.joined(separator: ", ")))")
      ok = false
    }
    for name in header where !required.contains(name) && !optional.contains(name) {
      diagnostics.report(
        file, .line(1),
        "unknown column \(Excerpt.quoted(name)) (expected: \((required + optional).joined(separator: ", ")))")
    }
    return ok
  }

  /// Reports every row whose `column` value was already used by an earlier row, bad rows
  /// included, so that a duplicate is found even where the row has other problems.
  func reportDuplicates(in column: String, what: String, file: String, diagnostics: Diagnostics) {
    guard let index = self.column(column) else { return }
    var seen: Set<String> = []
    seen.reserveCapacity(rows.count)
    for row in rows where index < row.fields.count && !row.fields[index].isEmpty {
      if !seen.insert(row.fields[index]).inserted {
        diagnostics.report(file, .line(row.line), "\(what) id \(Excerpt.quoted(row.fields[index])) is used twice")
      }
    }
  }

  func records(file: String, diagnostics: Diagnostics) -> [CSVRecord] {
    rows.compactMap { row in
      guard row.fields.count == header.count else {
        diagnostics.report(
          file, .line(row.line), "expected \(header.count) fields as in the header, got \(row.fields.count)")
        return nil
      }
      return CSVRecord(table: self, row: row, file: file, diagnostics: diagnostics)
    }
  }
}
