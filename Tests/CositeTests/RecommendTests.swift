import Coverage
import Foundation
import Geo
import GeoIO
import Planning
import Scenario
import Testing

/// `cosite recommend` on the Dinh Vu scenario, checked against what the scenario allows.
@Suite struct RecommendTests {
  static let budget = 60e9

  @Test func recommendationRespectsBudgetSlotsAndBound() throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
    let coverage = try CoverageRun.run(scenario, threads: 2)
    var options = Recommender.Options(carriers: Array(scenario.carriers.indices), goal: .budget(Self.budget))
    // The macro plan (IndoorPlanningTests has the indoor systems).
    options.pool.indoorSystems = false
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    #expect(!result.picks.isEmpty)
    #expect(result.cost <= Self.budget)
    // CBC's bound and the plan's value are sums of the same weights in another order.
    #expect(result.bound >= result.value * (1 - 1e-12))
    #expect(result.boundMethod == "cbc" && result.status == "optimal")
    let gains: Double = result.picks.reduce(0) { $0 + $1.gain }
    #expect(abs(gains - result.value) < 1e-6 * result.value)
    // Joint mode: no structure gets more new tenants than it has free slots, and no carrier
    // is put on a structure it is already on.
    let tenants = ScenarioSummary.tenants(of: scenario)
    var added: [String: Int] = [:]
    for pick in result.picks {
      let site = result.pool.sites[pick.offer.siteIndex]
      guard !site.isNew else { continue }
      added[site.structure.id, default: 0] += pick.offer.carriers.count
      #expect(added[site.structure.id]! <= site.structure.freeSlots, "\(site.structure.id)")
      for carrier in pick.offer.carriers {
        #expect(!(tenants[site.structure.id] ?? []).contains(scenario.carriers[carrier].id))
      }
    }
    // Ranked greedily: gain per cost never rises down the list (coverage is submodular).
    let ratios = result.picks.map { $0.gain / $0.offer.cost.lifetimeVND }
    #expect(zip(ratios, ratios.dropFirst()).allSatisfy { $0 >= $1 * (1 - 1e-12) })
    // Lifetime cost by hand for a passive co-location of one carrier: install + 9 sectors
    // of radio (3 layers × 3; 3 × 1 on a pole), then rent, power (1 kW a sector all year)
    // and O&M each year over 15 years at 10 %.
    let factor = (1 - pow(1.1, -15.0)) / 0.1
    for pick in result.picks where !result.pool.sites[pick.offer.siteIndex].isNew {
      let rent = result.pool.sites[pick.offer.siteIndex].structure.rentVNDPerMonth
      let site = result.pool.sites[pick.offer.siteIndex]
      let sectors = Double(result.pool.stations[pick.offer.stations[0]].sectors.count)
      #expect(sectors == (site.structure.kind == .pole ? 3 : 9))
      let oneOff = 150e6 + 350e6 * sectors
      let yearly = rent * 12 + 1.0 * sectors * 8_760 * 2_500 + 40e6
      #expect(abs(pick.offer.cost.lifetimeVND - (oneOff + yearly * factor)) < 1)
    }
  }

  /// The same files with one thread and with several.
  @Test func recommendIsByteIdenticalWhateverTheThreads() throws {
    let first = CLI.temporaryDirectory()
    let second = CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for (out, threads) in [(first, "1"), (second, "3")] {
      let result = try CLI.run([
        "recommend", "scenarios/hai-phong-dinh-vu.yaml", "--budget-vnd", "30000000000", "--out", out.path,
        "--threads", threads,
      ])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("optimal (proven, cbc)"))
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    #expect(
      names == [
        ".cosite-output", "cosite.gpkg", "cosite.kmz", "indoor-coverage.geojson",
        "indoor-node-positions.geojson", "newly-covered-mobifone.geojson", "newly-covered-viettel.geojson",
        "newly-covered-vnpt.geojson",
        "recommendations.csv", "recommendations.json", "recommendations.md", "recommended-indoor-systems.geojson",
        "recommended-stations.geojson", "report.html",
      ])
    for name in names {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between 1 and 3 threads")
    }
    // The indoor systems: a point each among the stations, and their buildings' footprints as
    // a layer of their own in the GeoPackage and the KMZ.
    let footprints = try MapFilesTests.features(first, "recommended-indoor-systems.geojson")
    let points = try MapFilesTests.features(first, "recommended-stations.geojson").filter {
      ($0.property("nodes")?.numberValue ?? 0) > 0
    }
    #expect(!footprints.isEmpty && footprints.count == points.count)
    for (footprint, point) in zip(footprints, points) {
      #expect(footprint.property("candidate")?.stringValue == point.property("candidate")?.stringValue)
      #expect(footprint.property("nodes")?.numberValue == point.property("nodes")?.numberValue)
    }
    let gpkg = try GeoIO.readVector(Data(contentsOf: first.appendingPathComponent("cosite.gpkg")), kind: .geoPackage)
    let table = try #require(gpkg.first { $0.name == "recommended_indoor_systems" })
    #expect(table.featureCount == footprints.count && table.geometryType == "Multi Polygon")
    let kmz = try GeoIO.readVector(Data(contentsOf: first.appendingPathComponent("cosite.kmz")), kind: .kmz)
    let folder = try #require(kmz.first { $0.name == "Recommended indoor systems (passive)" })
    #expect(folder.featureCount == footprints.count)
    try Self.expectIndoorMapsReconcile(first, footprints: footprints, gpkg: gpkg, kmz: kmz)
  }

  /// Each indoor system's maps against its footprint's figures: on one storey ⌈nodes ÷
  /// storeys⌉ node points, every one inside the building's parcel; per carrier the bands add
  /// up to one storey's floor (floor_area_m2 ÷ storeys, to 0.05 %: the plate is found to
  /// 0.01 % of the parcel's share, band areas are rounded to 0.1 m² and the floor to 1 m²) and, since the nodes are
  /// laid out to hold the target over the whole plate, meet it on all of it — but for the
  /// squares on the wall that take the value of their centre outside (≤ 1 %).
  static func expectIndoorMapsReconcile(
    _ directory: URL, footprints: [GeoJSONFeature], gpkg: [VectorLayerDescription], kmz: [VectorLayerDescription]
  ) throws {
    let bands = try MapFilesTests.features(directory, "indoor-coverage.geojson")
    let nodes = try MapFilesTests.features(directory, "indoor-node-positions.geojson")
    for footprint in footprints {
      let candidate = try #require(footprint.property("candidate")?.stringValue)
      let storeys = try #require(footprint.property("storeys")?.numberValue ?? 1)
      let count = try #require(footprint.property("nodes")?.numberValue)
      let outline = try #require(try? footprint.geometry.get())
      let mine = nodes.filter { $0.property("candidate")?.stringValue == candidate }
      #expect(Double(mine.count) == (count / storeys).rounded(.up), "\(candidate)")
      for node in mine {
        guard case .point(let point) = try node.geometry.get() else {
          Issue.record("\(candidate): a node that is not a point")
          continue
        }
        #expect(Self.contains(outline.areal, point), "\(candidate) node outside its building")
      }
      let floorM2 = try #require(footprint.property("floor_area_m2")?.numberValue) / storeys
      let mineBands = bands.filter { $0.property("candidate")?.stringValue == candidate }
      let carriers = Set(mineBands.compactMap { $0.property("carrier")?.stringValue })
      #expect(!carriers.isEmpty)
      for carrier in carriers {
        let own = mineBands.filter { $0.property("carrier")?.stringValue == carrier }
        let total = own.reduce(0) { $0 + ($1.property("area_m2")?.numberValue ?? 0) }
        let meets = own.filter { $0.property("meets_target") == .bool(true) }.reduce(0) {
          $0 + ($1.property("area_m2")?.numberValue ?? 0)
        }
        #expect(abs(total - floorM2) <= 5e-4 * floorM2, "\(candidate) \(carrier): \(total) vs \(floorM2) m²")
        #expect(meets >= 0.99 * total, "\(candidate) \(carrier): \(meets) of \(total) m² meet the target")
      }
    }
    #expect(gpkg.first { $0.name == "indoor_coverage" }?.featureCount == bands.count)
    #expect(gpkg.first { $0.name == "indoor_node_positions" }?.featureCount == nodes.count)
    #expect(kmz.first { $0.name == "Indoor coverage (passive)" }?.featureCount == bands.count)
  }

  /// Even–odd point in polygon over every ring (the test's own, not the planner's).
  static func contains(_ shape: MultiPolygon, _ point: Coordinate) -> Bool {
    var inside = false
    for ring in shape.polygons.flatMap(\.rings) {
      let c = ring.coordinates
      for k in 0..<(c.count - 1) where (c[k].y > point.y) != (c[k + 1].y > point.y) {
        let x = c[k].x + (point.y - c[k].y) * (c[k + 1].x - c[k].x) / (c[k + 1].y - c[k].y)
        if point.x < x { inside.toggle() }
      }
    }
    return inside
  }

  @Test func unknownCarrierIsAnErrorAndWritesNothing() throws {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(["recommend", "scenarios/phu-tho.yaml", "--carrier", "gtel", "--out", out.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("unknown carrier 'gtel' (the scenario has: viettel, vnpt, mobifone)"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// One carrier, a coverage target and a sharing option from the command line; MORAN (a
  /// shared radio) needs a second carrier and says so.
  @Test func oneCarrierReachesATargetUnderPassiveAndMORANNeedsTwo() throws {
    let refused = CLI.temporaryDirectory()
    let moran = try CLI.run([
      "recommend", "scenarios/hai-phong-dinh-vu.yaml", "--carrier", "vnpt", "--target", "10%", "--option", "moran",
      "--out", refused.path,
    ])
    #expect(moran.status == 1)
    #expect(
      moran.standardError.contains(
        "sharing option 'moran' shares radios or indoor nodes between carriers: it needs at least two"))
    #expect(!FileManager.default.fileExists(atPath: refused.path))
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run([
      "recommend", "scenarios/hai-phong-dinh-vu.yaml", "--carrier", "vnpt", "--target", "10%", "--option", "passive",
      "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("reach the target; least possible cost (proven, cbc)"))
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: out.appendingPathComponent("recommendations.json")))
    let root = try #require(json as? [String: Any])
    #expect(root["goal"] as? String == "target" && root["option"] as? String == "passive")
    #expect(root["target_met"] as? Bool == true)
    let carriers = try #require(root["carriers"] as? [[String: Any]])
    #expect(carriers.map { $0["id"] as? String } == ["vnpt"])
    let planned = (carriers[0]["planned_share"] as? NSNumber)?.doubleValue ?? 0
    let today = (carriers[0]["today_share"] as? NSNumber)?.doubleValue ?? 1
    #expect(today < 0.1 && planned >= 0.1 - 1e-4, "today \(today), planned \(planned)")
    let stations = try #require(root["stations"] as? [[String: Any]])
    #expect(!stations.isEmpty && stations.allSatisfy { $0["carrier"] as? String == "vnpt" })
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("newly-covered-viettel.geojson").path))
  }

  @Test func badPlanArgumentsAreErrorsAndWriteNothing() throws {
    let out = CLI.temporaryDirectory()
    let option = try CLI.run(["recommend", "scenarios/phu-tho.yaml", "--option", "roaming", "--out", out.path])
    #expect(option.status == 1)
    #expect(
      option.standardError.contains(
        "unknown sharing option 'roaming' (expected one of: standalone, passive, moran, mocn, neutral-host)"))
    let both = try CLI.run([
      "compare", "scenarios/phu-tho.yaml", "--budget-vnd", "1e9", "--target", "0.5", "--out", out.path,
    ])
    #expect(both.status != 0 && both.standardError.contains("give --budget-vnd or --target, not both"))
    let share = try CLI.run(["compare", "scenarios/phu-tho.yaml", "--target", "150%", "--out", out.path])
    #expect(share.status != 0 && share.standardError.contains("--target must be a share"))
    let noSolver = try CLI.run([
      "recommend", "scenarios/phu-tho.yaml", "--time-limit-s", "0", "--node-limit", "500", "--out", out.path,
    ])
    #expect(noSolver.status != 0 && noSolver.standardError.contains("--node-limit limits CBC, which --time-limit-s 0"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
