import Foundation
import Testing

/// `indoor-nodes.csv` of the Dinh Vu run against `parcel-coverage.csv` and the link budget
/// worked by hand.
enum IndoorNodeChecks {
  static func rows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return (lines[0], Array(lines.dropFirst()))
  }

  static func check(_ directory: URL) throws {
    let nodes = try rows(directory.appendingPathComponent("indoor-nodes.csv"))
    let coverage = try rows(directory.appendingPathComponent("parcel-coverage.csv"))
    let column = { (name: String) in nodes.header.firstIndex(of: name)! }
    let coverageColumn = { (name: String) in coverage.header.firstIndex(of: name)! }
    // One definition of meeting the target: the same verdict per carrier and parcel.
    var verdict: [String: String] = [:]
    for row in coverage.rows {
      verdict[row[coverageColumn("carrier")] + "/" + row[coverageColumn("parcel")]] =
        row[coverageColumn("meets_target")]
    }
    // Viettel's LTE 1800 (1,815 MHz, 20 MHz: 1,200 subcarriers) in an InF-SH hall, node 8 m,
    // UE 1.5 m, target −105 dBm at 90 %: allowed PL = 24 − 10·log10(1200) + 2 + 105 −
    // 5.9 × 1.28155 = 92.6470 dB; NLOS 32.4 + 23·log10(d) + 20·log10(1.815) → d_3D =
    // 10^((92.6470 − 32.4 − 5.1782)/23) = 247.95 m; r = √(d² − 6.5²).
    let allowed = 24 - 10 * log10(1200.0) + 2 + 105 - 5.9 * 1.2815515655446004
    let d3D = pow(10, (allowed - 32.4 - 20 * log10(1.815)) / 23)
    let radius = (d3D * d3D - 6.5 * 6.5).squareRoot()
    var handWorked = 0
    for row in nodes.rows {
      #expect(row.count == nodes.header.count)
      let key = row[column("carrier")] + "/" + row[column("parcel")]
      #expect(row[column("meets_target_today")] == verdict[key], "\(key)")
      guard row[column("carrier")] == "viettel", row[column("indoor_model")] == "inf-sh" else { continue }
      #expect(row[column("layer")] == "lte1800", "\(key)")
      #expect(abs(Double(row[column("radius_m")])! - radius) < 0.06, "\(key)")
      let floor = Double(row[column("floor_area_m2")])!
      let expected = max(1, Int((floor / (3 * 3.0.squareRoot() / 2 * radius * radius)).rounded(.up)))
      #expect(Int(row[column("coverage_nodes")]) == expected, "\(key)")
      // Busy hour: workers × Viettel's 63.3/131.9 × 5 % active × 5 Mbit/s each.
      let demand = Double(row[column("workers")])! * 63.3 / 131.9 * 0.05 * 5
      #expect(abs(Double(row[column("busy_hour_demand_mbps")])! - demand) < 0.006, "\(key)")
      // The count: the coverage count where a lone node carries the demand; else enough
      // nodes among six loaded neighbours when that takes seven or more.
      let nodes = Int(row[column("nodes")])!
      let alone = Double(row[column("node_alone_mbps")])!
      let amongSix = Double(row[column("node_among_six_mbps")])!
      #expect(nodes >= expected, "\(key)")
      if expected == 1 && demand <= alone - 0.01 { #expect(nodes == 1, "\(key)") }
      if nodes >= 8 && nodes > expected {
        #expect(demand / Double(nodes) <= amongSix + 0.01 && demand / Double(nodes - 1) > amongSix - 0.01, "\(key)")
      }
      handWorked += 1
    }
    #expect(handWorked > 100)
    // Every building parcel once per carrier.
    #expect(nodes.rows.count % 3 == 0 && !nodes.rows.isEmpty)
  }
}

extension IndoorNodeChecks {
  /// `summary.md`'s indoor-systems table sums `indoor-nodes.csv`: per carrier its rows missing
  /// the target (buildings, workers, nodes, own small cells' cost), and the neutral host over
  /// the buildings where any carrier misses it (its nodes once, its cost = the shares × 3).
  static func checkSummary(_ directory: URL) throws {
    let nodes = try rows(directory.appendingPathComponent("indoor-nodes.csv"))
    let column = { (name: String) in nodes.header.firstIndex(of: name)! }
    let summary = try String(contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)
    let table = summary.components(separatedBy: "## Indoor systems")[1].split(separator: "\n").filter {
      $0.hasPrefix("| ") && !$0.hasPrefix("| Carrier") && !$0.hasPrefix("| ---")
    }.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    #expect(table.count == 4)
    var anyMissing: [String: (workers: Double, nodes: Int, share: Double)] = [:]
    for (position, carrier) in ["viettel", "vnpt", "mobifone"].enumerated() {
      let missing = nodes.rows.filter { $0[column("carrier")] == carrier && $0[column("meets_target_today")] == "no" }
      for row in missing {
        anyMissing[row[column("parcel")]] = (
          Double(row[column("workers")])!, Int(row[column("neutral_host_nodes")])!,
          Double(row[column("neutral_host_share_npv_vnd")])!
        )
      }
      let expected = [
        carrier, "\(missing.count)", String(Int(missing.reduce(0) { $0 + Double($1[column("workers")])! }.rounded())),
        "\(missing.reduce(0) { $0 + Int($1[column("nodes")])! })",
      ]
      #expect(Array(table[position].prefix(4)) == expected)
      let npv = missing.reduce(0) { $0 + Double($1[column("small_cells_npv_vnd")])! } / 1e9
      #expect(abs(Double(table[position][4])! - npv) < 0.006, "\(carrier)")
    }
    let host = table[3]
    #expect(host[1] == "\(anyMissing.count)")
    #expect(host[2] == String(Int(anyMissing.values.reduce(0) { $0 + $1.workers }.rounded())))
    #expect(host[3] == "\(anyMissing.values.reduce(0) { $0 + $1.nodes })")
    #expect(abs(Double(host[4])! - anyMissing.values.reduce(0) { $0 + 3 * $1.share } / 1e9) < 0.006)
  }
}
