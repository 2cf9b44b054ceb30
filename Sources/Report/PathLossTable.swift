import Foundation
import Radio
import Scenario

/// `cosite pathloss --csv`: a table of links in, the same rows with `loss_db` out.
///
/// Input header (exactly these columns, any order):
/// `model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m`; `environment`
/// may be empty (Hata models default to `urban`). The output keeps the input's columns and
/// rows and appends `loss_db` with 3 decimals.
public enum PathLossTable {
  public static let columns = ["model", "environment", "frequency_mhz", "bs_height_m", "ue_height_m", "distance_m"]

  public struct Output: Sendable {
    public let text: String
    /// One line per row computed outside its model's validity range.
    public let warnings: [String]
  }

  /// Computes every row; throws a `ScenarioError` naming each bad row (nothing is returned then).
  public static func process(_ text: String, file: String) throws -> Output {
    let table = try CSVTable.parse(text, file: file)
    var issues: [ScenarioIssue] = []
    try table.requireExactHeader(columns, file: file)
    var lines = [table.header.map(CSVTable.field).joined(separator: ",") + ",loss_db"]
    var warnings: [String] = []
    for row in table.rows {
      do {
        let (model, environment, link) = try query(row, table: table)
        let loss = model.pathLoss(link, environment: environment)
        if !loss.outsideValidity.isEmpty {
          warnings.append(
            "\(file):\(row.line): \(model.name) used outside its validity (\(loss.outsideValidity.names.joined(separator: ", ")))"
          )
        }
        lines.append(row.fields.map(CSVTable.field).joined(separator: ",") + "," + String(format: "%.3f", loss.lossDB))
      } catch let message as RowError {
        issues.append(ScenarioIssue(file: file, location: .line(row.line), message: message.text))
      }
    }
    guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    return Output(text: lines.joined(separator: "\n") + "\n", warnings: warnings)
  }

  struct RowError: Error {
    let text: String
  }

  private static func query(
    _ row: CSVTable.Row, table: CSVTable
  ) throws -> (NamedPathLossModel, Environment, LinkGeometry) {
    guard row.fields.count == table.header.count else {
      throw RowError(text: "expected \(table.header.count) fields, got \(row.fields.count)")
    }
    func field(_ name: String) -> String { row.fields[table.column(name)!] }
    let modelName = field("model")
    guard let model = NamedPathLossModel(name: modelName) else {
      throw RowError(
        text:
          "column 'model': unknown model '\(modelName)' (expected one of: \(NamedPathLossModel.allNames.joined(separator: ", ")))"
      )
    }
    let environmentName = field("environment")
    var environment = Environment.urban
    if !environmentName.isEmpty {
      guard let parsed = Environment(rawValue: environmentName) else {
        throw RowError(
          text:
            "column 'environment': unknown environment '\(environmentName)' (expected one of: \(Environment.allCases.map(\.rawValue).joined(separator: ", ")))"
        )
      }
      environment = parsed
    }
    func positive(_ name: String) throws -> Double {
      guard let value = Double(field(name)), value.isFinite, value > 0 else {
        throw RowError(text: "column '\(name)': expected a positive number, got '\(field(name))'")
      }
      return value
    }
    let link = LinkGeometry(
      frequencyMHz: try positive("frequency_mhz"), bsHeightM: try positive("bs_height_m"),
      ueHeightM: try positive("ue_height_m"), distance2DM: try positive("distance_m"))
    return (model, environment, link)
  }
}
