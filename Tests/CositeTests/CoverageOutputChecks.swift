import Foundation
import Geo
import Testing

/// Consistency of `cosite run`'s coverage outputs with one another.
enum CoverageOutputChecks {
  static func check(_ directory: URL) throws {
    let csv = try String(contentsOf: directory.appendingPathComponent("parcel-coverage.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = rows[0]
    let column = { (name: String) in header.firstIndex(of: name)! }
    let rsrpColumns = header.indices.filter { header[$0].hasPrefix("rsrp_") }
    let sinrColumns = header.indices.filter { header[$0].hasPrefix("sinr_") }
    #expect(rsrpColumns.count == 5 && sinrColumns.count == 4)
    var missing: [String: Set<String>] = [:]
    var outdoorStrongest: [String: Double] = [:]
    for row in rows.dropFirst() {
      #expect(row.count == header.count)
      // Bins partition each parcel: shares add up to 1 (to the 4 decimals written).
      for columns in [rsrpColumns, sinrColumns] {
        let sum = columns.map { Double(row[$0])! }.reduce(0, +)
        #expect(abs(sum - 1) < 0.0006, "\(row[column("parcel")]): \(sum)")
      }
      // Indoors is never better than outdoors: the share in the strongest bin cannot grow.
      let key = [row[column("carrier")], row[column("layer")], row[column("parcel")]].joined(separator: "/")
      let strongest = Double(row[rsrpColumns[0]])!
      if row[column("where")] == "outdoor" {
        outdoorStrongest[key] = strongest
      } else {
        #expect(strongest <= outdoorStrongest[key]!, "\(key)")
      }
      let meets = row[column("meets_target")] == "yes"
      let covered = Double(row[column("covered_share")])!
      #expect(meets == (covered >= 0.95), "\(row[column("parcel")])")
      if !meets { missing[row[column("carrier")], default: []].insert(row[column("parcel")]) }
    }
    // The gap maps hold exactly the parcels that miss the target.
    for carrier in ["viettel", "vnpt", "mobifone"] {
      let text = try String(contentsOf: directory.appendingPathComponent("gaps-\(carrier).geojson"), encoding: .utf8)
      let parcels = try GeoJSON.features(in: text).compactMap { $0.property("parcel") }.compactMap { value -> String? in
        if case .string(let id) = value { return id }
        return nil
      }
      #expect(Set(parcels) == missing[carrier] ?? [], "\(carrier)")
      #expect(!parcels.isEmpty, "the sample has gaps for \(carrier)")
    }
  }
}
