import Foundation
import Scenario

/// The `distance_m,height_m` CSV of `cosite pathloss --profile`, checked row by row.
extension ProfileLoss {
  enum Table {
    /// Distances (first 0, strictly increasing) and ground heights, both ends included.
    struct Profile {
      let distancesM: [Double]
      let terrainM: [Double]
    }

    /// Parses `text`; throws a `ScenarioError` listing every bad row with its line.
    static func parse(_ text: String, file: String) throws -> Profile {
      let table = try CSVTable.parse(text, file: file)
      let columns = ProfileLoss.columns
      try table.requireExactHeader(columns, file: file)
      var issues: [ScenarioIssue] = []
      var distances: [Double] = []
      var heights: [Double] = []
      // Each row's distance is checked against the row above it, even when that row has another fault.
      var previousM: Double?
      for (index, row) in table.rows.enumerated() {
        do {
          let (distance, height) = try point(row, table: table, first: index == 0, previousM: previousM)
          distances.append(distance)
          heights.append(height)
        } catch let message as RowError {
          issues.append(ScenarioIssue(file: file, location: .line(row.line), message: message.text))
        }
        let distanceColumn = table.column("distance_m") ?? 0
        if distanceColumn < row.fields.count, let distance = Double(row.fields[distanceColumn]), distance.isFinite {
          previousM = distance
        }
      }
      if issues.isEmpty, distances.count < 2 {
        issues.append(
          ScenarioIssue(
            file: file, location: .file,
            message: "expected at least two rows: the base station (distance_m 0) and the UE"))
      }
      guard issues.isEmpty else { throw ScenarioError(issues: issues) }
      return Profile(distancesM: distances, terrainM: heights)
    }

    struct RowError: Error {
      let text: String
    }

    private static func point(
      _ row: CSVTable.Row, table: CSVTable, first: Bool, previousM: Double?
    ) throws -> (Double, Double) {
      guard row.fields.count == table.header.count else {
        throw RowError(text: "expected \(table.header.count) fields, got \(row.fields.count)")
      }
      func number(_ name: String) throws -> Double {
        let text = row.fields[table.column(name) ?? 0]
        guard let value = Double(text), value.isFinite else {
          throw RowError(text: "column '\(name)': expected a number, got '\(text)'")
        }
        return value
      }
      let distance = try number("distance_m")
      if first {
        guard distance == 0 else {
          throw RowError(
            text: "column 'distance_m': the first row is the base station, expected 0, got \(distance.shortText)")
        }
      } else if let previousM {
        guard distance > previousM else {
          throw RowError(
            text:
              "column 'distance_m': expected more than the previous row's \(previousM.shortText), got \(distance.shortText)"
          )
        }
      }
      return (distance, try number("height_m"))
    }
  }
}

extension Double {
  /// Shortest text that reads back as the same number ("30", "12.5").
  fileprivate var shortText: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
