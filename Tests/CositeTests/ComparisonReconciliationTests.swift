import Foundation
import Scenario
import Testing

/// The figures a zone board reads add up: for every sharing option, the carriers' rows sum to
/// the option's total row, and the option's list of stations sums to its money and counts.
@Suite struct ComparisonReconciliationTests {
  @Test func everyOptionsListsAndRowsSumToItsTotal() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run([
      "compare", "scenarios/hai-phong-dinh-vu.yaml", "--budget-vnd", "100000000000", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json")))
    let rows = try #require((json as? [String: Any])?["rows"] as? [[String: Any]])
    func number(_ row: [String: Any], _ key: String) -> Double { (row[key] as? NSNumber)?.doubleValue ?? .nan }
    let everybody = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path
    ).parcels.reduce(0) { $0 + $1.workers }
    for option in ["standalone", "passive", "moran", "mocn", "neutral-host"] {
      let all = try #require(rows.first { $0["option"] as? String == option && $0["carrier"] as? String == "all" })
      let carriers = rows.filter { $0["option"] as? String == option && $0["carrier"] as? String != "all" }
      #expect(carriers.count == 3, "\(option)")
      // People once: every carrier ≤ each carrier ≤ at least one carrier ≤ everybody (the
      // parcels' workers, summed from the scenario).
      let every = number(all, "target_workers")
      let any = number(all, "any_carrier_workers")
      for carrier in carriers {
        let own = number(carrier, "target_workers")
        #expect(every <= own + 1e-9 && own <= any + 1e-9, "\(option): \(every) ≤ \(own) ≤ \(any)")
      }
      #expect(any <= everybody + 1e-9, "\(option)")
      // Busy hour: every carrier at once ≤ each carrier ≤ everybody; under MOCN the carriers
      // share one pooled network, so each carrier's figure is the pooled one.
      let busy = number(all, "busy_hour_top_class_workers")
      #expect(busy.isFinite, "\(option)")
      for carrier in carriers {
        let own = number(carrier, "busy_hour_top_class_workers")
        #expect(busy <= own + 1e-9 && own <= everybody + 1e-9, "\(option): \(busy) ≤ \(own)")
        if option == "mocn" { #expect(abs(own - busy) < 1e-9, "mocn: \(own) vs \(busy)") }
      }
      #expect(number(all, "target_buildings") <= number(all, "target_parcels"), "\(option)")
      // Co-locations: a carrier newly on a standing structure, in the rows and the total alike.
      #expect(carriers.reduce(0) { $0 + number($1, "colocations") } == number(all, "colocations"), "\(option)")
      for key in ["capex_vnd", "opex_vnd_per_year", "npv_cost_vnd", "energy_kwh_per_year"] {
        let sum = carriers.reduce(0) { $0 + number($1, key) }
        #expect(abs(sum - number(all, key)) <= 1 + 1e-9 * abs(sum), "\(option) \(key): \(sum) vs \(number(all, key))")
      }
      // The list: one row per station; its money is the option's, less MOCN's pooling (which
      // is no station); one row per new structure.
      let listText = try String(
        contentsOf: out.appendingPathComponent("\(option)-recommendations.csv"), encoding: .utf8)
      let list = try CSVTable.parse(listText, file: "\(option)-recommendations.csv")
      let lifetime = try #require(list.column("lifetime_vnd"))
      let oneOff = try #require(list.column("one_off_vnd"))
      let kind = try #require(list.column("kind"))
      let listLifetime = list.rows.reduce(0) { $0 + (Double($1.fields[lifetime]) ?? .nan) }
      let listOneOff = list.rows.reduce(0) { $0 + (Double($1.fields[oneOff]) ?? .nan) }
      let recommendations = try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("\(option)-recommendations.json")))
      let pooling = number(try #require(recommendations as? [String: Any]), "mocn_pooling_vnd")
      #expect(option == "mocn" ? pooling > 0 : pooling == 0, "\(option): pooling \(pooling)")
      #expect(abs(listLifetime + pooling - number(all, "npv_cost_vnd")) <= Double(list.rows.count) + 1, "\(option)")
      #expect(abs(listOneOff + pooling - number(all, "capex_vnd")) <= Double(list.rows.count) + 1, "\(option)")
      let newBuildRows = list.rows.filter { $0.fields[kind] == "new build" }.count
      #expect(Double(newBuildRows) == number(all, "new_structures"), "\(option)")
      #expect(Double(list.rows.count) == number(all, "stations"), "\(option)")
      // Indoor systems: one row each, their nodes summing to the table's, in buildings no
      // carrier row claims more of than it has.
      let nodes = try #require(list.column("indoor_nodes"))
      let indoorKinds: Set = ["indoor small cells", "neutral-host small cells", "DAS", "neutral-host DAS"]
      let indoorRows = list.rows.filter { indoorKinds.contains($0.fields[kind]) }
      #expect(Double(indoorRows.count) == number(all, "indoor_systems"), "\(option)")
      #expect(
        indoorRows.reduce(0) { $0 + (Double($1.fields[nodes]) ?? .nan) } == number(all, "indoor_nodes"), "\(option)")
      #expect(list.rows.filter { $0.fields[kind] == "co-locate" }.allSatisfy { $0.fields[nodes] == "0" }, "\(option)")
      for carrier in carriers {
        #expect(number(carrier, "indoor_buildings") <= number(all, "indoor_buildings"), "\(option)")
      }
      #expect(number(all, "indoor_buildings") <= number(all, "indoor_systems"), "\(option)")
      // A building whose indoor systems serve every carrier meets the target for every
      // carrier (its nodes cover every cell of it): its workers are among those meeting it.
      let indoorWorkers = number(all, "indoor_system_workers_every_carrier")
      #expect(indoorWorkers <= number(all, "target_workers") + 1e-9, "\(option): \(indoorWorkers)")
    }
  }
}
