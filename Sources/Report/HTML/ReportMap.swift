import Coverage
import Geo
import Planning
import Scenario

/// What the report's map draws: named GeoJSON sources (the very texts the command writes as
/// files), the overlays drawn from them, and each parcel's target figures per carrier.
struct ReportMap {
  /// How the page's script draws an overlay (`ReportScript` knows each name).
  enum Style: String {
    case bands, server, gaps, parcels, zones, structures, stations, newlyCovered = "newly"
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

  private(set) var sources: [(name: String, geoJSON: String)] = []
  private(set) var overlays: [Overlay] = []
  /// Carriers of the coverage result, in its order.
  let carrierIDs: [String]
  /// Per carrier, per parcel (scenario order): the share meeting the target, nil without cells.
  let coveredShares: [[Double?]]
  /// Per carrier, per parcel: meets the target (`!missesTarget`), nil without cells.
  let meetsTarget: [[Bool?]]

  /// The map of today's coverage: zones, parcels (one overlay per carrier, coloured by the
  /// target), structures, and per carrier layer RSRP bands and best server, per carrier gaps.
  /// Texts already in `files` (as `cosite run` writes them) are reused; others are rendered.
  init(scenario: ScenarioModel, coverage: CoverageResult, files: OutputSet) throws {
    carrierIDs = coverage.carriers.map(\.carrierID)
    coveredShares = coverage.carriers.map { carrier in
      coverage.parcels.indices.map { coverage.coveredShare(carrier, parcel: $0) }
    }
    meetsTarget = coverage.carriers.map { carrier in
      coverage.parcels.indices.map { parcel in
        coverage.coveredShare(carrier, parcel: parcel) == nil ? nil : !coverage.missesTarget(carrier, parcel: parcel)
      }
    }
    var converter: LonLatConverter?
    func lonLat() throws -> LonLatConverter {
      if let converter { return converter }
      let made = LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84))
      converter = made
      return made
    }
    func source(_ file: String, _ render: () throws -> String) throws -> String {
      let name = String(file.dropLast(".geojson".count))
      sources.append((name, try files.text(named: file) ?? render()))
      return name
    }
    let zones = try source("zones.geojson") { try InputLayers.zones(scenario) }
    let parcels = try source("parcels.geojson") { InputLayers.parcels(scenario) }
    let structures = try source("structures.geojson") { InputLayers.structures(scenario) }
    overlays.append(Overlay(label: "Zones", style: .zones, sources: [zones], visible: true))
    for (index, carrier) in carrierIDs.enumerated() {
      overlays.append(
        Overlay(
          label: "\(carrier) · parcels meeting the target", style: .parcels, sources: [parcels], visible: index == 0,
          carrier: index))
    }
    for layer in coverage.layers {
      let name = "\(layer.carrierID)-\(layer.layer.id)"
      let bands = try source("coverage-\(name).geojson") {
        try CoverageMaps.coverage(layer, result: coverage, toLonLat: try lonLat())
      }
      let server = try source("best-server-\(name).geojson") {
        try CoverageMaps.bestServer(layer, scenario: scenario, result: coverage, toLonLat: try lonLat())
      }
      let title = "\(layer.carrierID) \(layer.layer.id)"
      overlays.append(Overlay(label: "\(title) · RSRP bands", style: .bands, sources: [bands], visible: false))
      overlays.append(Overlay(label: "\(title) · best server", style: .server, sources: [server], visible: false))
    }
    for carrier in coverage.carriers {
      let gaps = try source("gaps-\(carrier.carrierID).geojson") {
        try CoverageMaps.gaps(carrier, scenario: scenario, result: coverage, toLonLat: try lonLat())
      }
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
      guard let text = files.text(named: file) else { continue }
      sources.append((String(file.dropLast(".geojson".count)), text))
      newly.append(sources[sources.count - 1].name)
    }
    if !newly.isEmpty {
      // Under the points, above the areas.
      let position = overlays.firstIndex { $0.style == .structures } ?? overlays.count
      overlays.insert(
        Overlay(label: "\(title)newly covered", style: .newlyCovered, sources: newly, visible: false), at: position)
    }
    let stationsFile = "\(prefix)recommended-stations.geojson"
    if let text = files.text(named: stationsFile) {
      sources.append((String(stationsFile.dropLast(".geojson".count)), text))
      overlays.append(
        Overlay(
          label: "\(title)recommended stations", style: .stations, sources: [sources[sources.count - 1].name],
          visible: visible))
    }
  }

  /// The map as one JSON text (sources spliced in as written), safe inside `<script>`.
  func json(drawnTitle: String) -> String {
    var text = "{\"drawnTitle\":" + HTMLText.jsonString(drawnTitle) + ",\"sources\":{"
    for (offset, source) in sources.enumerated() {
      text += (offset == 0 ? "\n" : ",\n") + HTMLText.jsonString(source.name) + ":"
      text += source.geoJSON.hasSuffix("\n") ? String(source.geoJSON.dropLast()) : source.geoJSON
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
    text += "\n},\n\"overlays\":" + JSONWriter.text(.array(overlayValues), pretty: true)
    text += ",\n\"parcels\":" + JSONWriter.text(parcels) + "}"
    return HTMLText.scriptSafeJSON(text)
  }
}

extension OutputSet {
  /// The text of the file `name` in the set, nil when there is none.
  func text(named name: String) -> String? {
    files.first { $0.name == name }.map { String(decoding: $0.contents, as: UTF8.self) }
  }
}
