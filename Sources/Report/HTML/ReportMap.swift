import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// What the report's map draws: named GeoJSON sources (the very texts the command writes as
/// files), the overlays drawn from them, and each parcel's target figures per carrier.
struct ReportMap {
  /// How the page's script draws an overlay (`ReportScript` knows each name).
  enum Style: String {
    case bands, server, gaps, parcels, zones, structures, stations, newlyCovered = "newly", indoorSystems = "indoor"
    case indoorBands = "indoor-bands", indoorNodes = "indoor-nodes"
  }

  struct Overlay {
    let label: String
    let style: Style
    let sources: [String]
    /// Shown when the page opens.
    let visible: Bool
    /// For `parcels`: the carrier (index into `carrierIDs`) whose target colours them.
    var carrier: Int? = nil
  }

  /// The GeoJSON texts by name (the file name without `.geojson`), as the files hold them.
  private(set) var sources: [(name: String, geoJSON: Data)] = []
  private(set) var overlays: [Overlay] = []
  /// Carriers of the coverage result, in its order.
  let carrierIDs: [String]
  /// Per carrier, per parcel (scenario order): the share meeting the target, nil without cells.
  let coveredShares: [[Double?]]
  /// Per carrier, per parcel: meets the target (`!missesTarget`), nil without cells.
  let meetsTarget: [[Bool?]]

  /// The map of today's coverage: zones, parcels (one overlay per carrier, coloured by the
  /// target), structures, and per carrier layer RSRP bands and best server, per carrier gaps.
  /// Texts already in `files` (as `cosite run` writes them) are reused; others are rendered
  /// from `maps` (`MapCatalog.runLayers`), which hold every one.
  init(scenario: ScenarioModel, coverage: CoverageResult, files: OutputSet, maps: [MapLayer]) throws {
    carrierIDs = coverage.carriers.map(\.carrierID)
    coveredShares = coverage.carriers.map { carrier in
      coverage.parcels.indices.map { coverage.coveredShare(carrier, parcel: $0) }
    }
    meetsTarget = coverage.carriers.map { carrier in
      coverage.parcels.indices.map { parcel in
        coverage.coveredShare(carrier, parcel: parcel) == nil ? nil : !coverage.missesTarget(carrier, parcel: parcel)
      }
    }
    func source(_ file: String) throws -> String {
      let name = String(file.dropLast(".geojson".count))
      if let contents = files.contents(named: file) {
        sources.append((name, contents))
      } else if let map = maps.first(where: { $0.fileName == file }) {
        sources.append((name, Data(GeoJSON.featureCollectionBytes(map.features))))
      } else {
        throw OutputError(path: ReportPage.fileName, reason: "no map \(file) to draw")
      }
      return name
    }
    let zones = try source("zones.geojson")
    let parcels = try source("parcels.geojson")
    let structures = try source("structures.geojson")
    overlays.append(Overlay(label: "Zones", style: .zones, sources: [zones], visible: true))
    for (index, carrier) in carrierIDs.enumerated() {
      overlays.append(
        Overlay(
          label: "\(carrier) · parcels meeting the target", style: .parcels, sources: [parcels], visible: index == 0,
          carrier: index))
    }
    for layer in coverage.layers {
      let name = "\(layer.carrierID)-\(layer.layer.id)"
      let bands = try source("coverage-\(name).geojson")
      let server = try source("best-server-\(name).geojson")
      let title = "\(layer.carrierID) \(layer.layer.id)"
      overlays.append(Overlay(label: "\(title) · RSRP bands", style: .bands, sources: [bands], visible: false))
      overlays.append(Overlay(label: "\(title) · best server", style: .server, sources: [server], visible: false))
    }
    for carrier in coverage.carriers {
      let gaps = try source("gaps-\(carrier.carrierID).geojson")
      overlays.append(
        Overlay(label: "\(carrier.carrierID) · gaps", style: .gaps, sources: [gaps], visible: false))
    }
    overlays.append(Overlay(label: "Structures", style: .structures, sources: [structures], visible: true))
  }

  /// Adds a plan's stations and newly covered areas, from the files `PlanOutputs` wrote with
  /// `prefix` (empty for `recommend`, `<option>-` for each option of `compare`).
  mutating func addPlan(
    _ result: Recommender.Result, scenario: ScenarioModel, files: OutputSet, prefix: String, visible: Bool
  ) {
    let title = prefix.isEmpty ? "" : "\(result.option.name) · "
    var newly: [String] = []
    for carrier in result.carriers {
      let file = "\(prefix)newly-covered-\(scenario.carriers[carrier].id).geojson"
      guard let contents = files.contents(named: file) else { continue }
      sources.append((String(file.dropLast(".geojson".count)), contents))
      newly.append(sources[sources.count - 1].name)
    }
    if !newly.isEmpty {
      // Under the points, above the areas.
      let position = overlays.firstIndex { $0.style == .structures } ?? overlays.count
      overlays.insert(
        Overlay(label: "\(title)newly covered", style: .newlyCovered, sources: newly, visible: false), at: position)
    }
    let indoorFile = "\(prefix)recommended-indoor-systems.geojson"
    if let contents = files.contents(named: indoorFile) {
      sources.append((String(indoorFile.dropLast(".geojson".count)), contents))
      let position = overlays.firstIndex { $0.style == .structures } ?? overlays.count
      overlays.insert(
        Overlay(
          label: "\(title)recommended indoor systems", style: .indoorSystems,
          sources: [sources[sources.count - 1].name], visible: visible), at: position)
    }
    // Each building's bands under its nodes, above the footprints; off at first.
    for (file, label, style) in [
      ("indoor-coverage", "indoor coverage", Style.indoorBands),
      ("indoor-node-positions", "indoor nodes", .indoorNodes),
    ] {
      guard let contents = files.contents(named: "\(prefix)\(file).geojson") else { continue }
      sources.append(("\(prefix)\(file)", contents))
      let position = overlays.firstIndex { $0.style == .structures } ?? overlays.count
      overlays.insert(
        Overlay(label: "\(title)\(label)", style: style, sources: ["\(prefix)\(file)"], visible: false),
        at: style == .indoorNodes ? overlays.count : position)
    }
    let stationsFile = "\(prefix)recommended-stations.geojson"
    if let contents = files.contents(named: stationsFile) {
      sources.append((String(stationsFile.dropLast(".geojson".count)), contents))
      overlays.append(
        Overlay(
          label: "\(title)recommended stations", style: .stations, sources: [sources[sources.count - 1].name],
          visible: visible))
    }
  }

  /// The map as one JSON text (sources spliced in as written), made safe inside `<script>`
  /// (`HTMLText.appendScriptSafeJSON`) and appended to `bytes`.
  func appendJSON(drawnTitle: String, to bytes: inout [UInt8]) {
    var head: [UInt8] = []
    head.append(contentsOf: #"{"drawnTitle":"#.utf8)
    JSONWriter.appendQuoted(drawnTitle, to: &head)
    head.append(contentsOf: #","sources":{"#.utf8)
    HTMLText.appendScriptSafeJSON(head, to: &bytes)
    for (offset, source) in sources.enumerated() {
      var key = Array((offset == 0 ? "\n" : ",\n").utf8)
      JSONWriter.appendQuoted(source.name, to: &key)
      key.append(UInt8(ascii: ":"))
      HTMLText.appendScriptSafeJSON(key, to: &bytes)
      let text = source.geoJSON.last == UInt8(ascii: "\n") ? source.geoJSON.dropLast() : source.geoJSON[...]
      HTMLText.appendScriptSafeJSON(text, to: &bytes)
    }
    let overlayValues: [JSONValue] = overlays.map { overlay in
      var members: [(String, JSONValue)] = [
        ("label", .string(overlay.label)), ("style", .string(overlay.style.rawValue)),
        ("sources", .array(overlay.sources.map { .string($0) })), ("visible", .bool(overlay.visible)),
      ]
      if let carrier = overlay.carrier { members.append(("carrier", .number(Double(carrier)))) }
      return .object(members)
    }
    let parcels: JSONValue = .object([
      ("carriers", .array(carrierIDs.map { .string($0) })),
      ("covered_share", .array(coveredShares.map { .array($0.map { $0.map { number($0, decimals: 4) } ?? .null }) })),
      ("meets_target", .array(meetsTarget.map { .array($0.map { $0.map { .bool($0) } ?? .null }) })),
    ])
    var tail = Array("\n},\n\"overlays\":".utf8)
    JSONWriter.append(.array(overlayValues), to: &tail, pretty: true)
    tail.append(contentsOf: ",\n\"parcels\":".utf8)
    JSONWriter.append(parcels, to: &tail)
    tail.append(UInt8(ascii: "}"))
    HTMLText.appendScriptSafeJSON(tail, to: &bytes)
  }
}

extension OutputSet {
  /// The bytes of the file `name` in the set, nil when there is none.
  func contents(named name: String) -> Data? {
    files.first { $0.name == name }?.contents
  }
}
