import Coverage
import Geo

/// `distributions-<carrier>-<layer>.csv` and the `distributions` of `summary.json`: the
/// drop mode's percentiles 1–99 of coupling gain, RSRP, SINR and SIR.
enum DistributionsTable {
  static let header = "percentile,coupling_gain_db,rsrp_dbm,sinr_db,sir_db"

  static func csv(_ layer: LayerDistributions) -> String {
    var lines = [header]
    for index in layer.couplingGainDB.indices {
      let values = [layer.couplingGainDB[index], layer.rsrpDBm[index], layer.sinrDB[index], layer.sirDB[index]]
      lines.append("\(index + 1)," + values.map(text).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func json(_ layers: [LayerDistributions], users: Int, seed: UInt64) -> JSONValue {
    .object([
      ("users_per_layer", .number(Double(users))), ("seed", .number(Double(seed))),
      ("percentiles", .string("1-99")),
      (
        "layers",
        .array(
          layers.map { layer in
            .object([
              ("carrier", .string(layer.carrierID)), ("layer", .string(layer.layerID)),
              ("users", .number(Double(layer.users))), ("indoor_users", .number(Double(layer.indoorUsers))),
              ("coupling_gain_db", series(layer.couplingGainDB)), ("rsrp_dbm", series(layer.rsrpDBm)),
              ("sinr_db", series(layer.sinrDB)), ("sir_db", series(layer.sirDB)),
            ])
          })
      ),
    ])
  }

  private static func series(_ values: [Double]) -> JSONValue {
    .array(values.map { $0.isFinite ? .number(($0 * 100).rounded() / 100) : .null })
  }

  /// Two decimals; empty where no sector reached the user (−∞) or nothing interferes (+∞).
  private static func text(_ value: Double) -> String {
    value.isFinite ? JSONWriter.fixed(value, decimals: 2) : ""
  }
}
