import Foundation
import Geo

/// Reads a drive-test log's rows into samples: positions projected, cells found, values
/// checked; every bad row reported by its line.
struct DriveTestRows {
  let mapping: DriveTestMapping
  let scenario: ScenarioModel
  let file: String
  let diagnostics: Diagnostics

  /// Sector indices by id, and by (carrier, PCI, channel) for logs that name cells so.
  private let sectorByID: [String: Int]
  private let sectorsByCell: [CellKey: [Int]]
  private let structurePosition: [String: Coordinate]

  private struct CellKey: Hashable {
    let carrier: String
    let pci: Int
    let channel: Int
  }

  init(mapping: DriveTestMapping, scenario: ScenarioModel, file: String, diagnostics: Diagnostics) {
    self.mapping = mapping
    self.scenario = scenario
    self.file = file
    self.diagnostics = diagnostics
    var byID: [String: Int] = [:]
    var byCell: [CellKey: [Int]] = [:]
    for (index, sector) in scenario.sectors.enumerated() {
      if byID[sector.id] == nil { byID[sector.id] = index }
      if let pci = sector.pci, let channel = sector.channel {
        byCell[CellKey(carrier: sector.carrierID, pci: pci, channel: channel), default: []].append(index)
      }
    }
    sectorByID = byID
    sectorsByCell = byCell
    structurePosition = Dictionary(
      scenario.structures.map { ($0.id, $0.position) }, uniquingKeysWith: { first, _ in first })
  }

  func read(_ text: String) -> [DriveTestSample] {
    let separator = mapping.separator ?? CSVTable.detectSeparator(text)
    let decimalComma = mapping.decimalComma ?? (separator != ",")
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics, separator: separator)
    guard let columns = checkHeader(table) else { return [] }
    let transform: CoordinateTransform
    do {
      let lonLat = columns["lon"] != nil && columns["lat"] != nil
      let source = mapping.crs ?? (lonLat ? CRS.wgs84 : scenario.crs)
      transform = try CoordinateTransform(from: source, to: scenario.crs)
    } catch {
      diagnostics.report(file, .file, "the positions' CRS: \(error)")
      return []
    }
    var samples: [DriveTestSample] = []
    var badRows = 0
    for row in table.rows {
      guard badRows < DriveTest.maximumReportedRows else {
        diagnostics.report(
          file, .line(row.line), "stopped reading after \(badRows) rows with problems: is the mapping right?")
        break
      }
      let before = diagnostics.issues.count
      let values = RowValues(
        row: row, columns: columns, decimalComma: decimalComma, file: file, diagnostics: diagnostics,
        header: table.header)
      if let sample = sample(values, transform: transform) { samples.append(sample) }
      if diagnostics.issues.count > before { badRows += 1 }
    }
    if samples.isEmpty, diagnostics.issues.isEmpty {
      diagnostics.report(file, .file, "no samples: expected a header and one row per measurement")
    }
    return samples
  }

  /// Field → column index; nil after reporting missing columns.
  private func checkHeader(_ table: CSVTable) -> [String: Int]? {
    guard !table.header.isEmpty else {
      diagnostics.report(file, .file, "empty file: expected a header row and one row per measurement")
      return nil
    }
    var columns: [String: Int] = [:]
    var missing: [String] = []
    for (field, name) in mapping.columns.sorted(by: { $0.key < $1.key }) {
      if table.header.filter({ $0 == name }).count > 1 {
        diagnostics.report(file, .line(1), "column '\(name)' (for '\(field)') appears twice in the header")
        return nil
      }
      if let index = table.column(name) {
        columns[field] = index
      } else if mapping.fromFile {
        missing.append("'\(name)' (mapped to '\(field)')")
      }
    }
    let header = table.header.map { Excerpt.quoted($0) }.joined(separator: ", ")
    if !missing.isEmpty {
      diagnostics.report(file, .line(1), "no column \(missing.joined(separator: ", ")): the header has \(header)")
      return nil
    }
    var lacks: [String] = []
    if columns["rsrp_dbm"] == nil { lacks.append("rsrp_dbm") }
    if !(columns["lon"] != nil && columns["lat"] != nil) && !(columns["x"] != nil && columns["y"] != nil) {
      lacks.append("lon and lat (or x and y)")
    }
    if columns["sector"] == nil && !(columns["pci"] != nil && columns["channel"] != nil) {
      lacks.append("sector (or pci and channel)")
    }
    // The mapping's own carrier and layer are checked once, against each other too.
    let carriers = scenario.carriers.filter { mapping.carrier == nil || $0.id == mapping.carrier }
    if columns["carrier"] == nil, let carrier = mapping.carrier, carriers.isEmpty {
      diagnostics.report(
        mapping.file ?? file, mapping.carrierLine.map(IssueLocation.line) ?? .file,
        "'carrier': \(Excerpt.quoted(carrier)) is not in the scenario (it has \(scenario.carriers.map(\.id).joined(separator: ", ")))"
      )
      return nil
    }
    if columns["layer"] == nil, let layer = mapping.layer,
      !carriers.contains(where: { $0.layers.contains { $0.id == layer } })
    {
      diagnostics.report(
        mapping.file ?? file, mapping.layerLine.map(IssueLocation.line) ?? .file,
        "'layer': \(Excerpt.quoted(layer)) is not a layer of \(mapping.carrier.map { "carrier \(Excerpt.quoted($0))" } ?? "any carrier")"
      )
      return nil
    }
    guard lacks.isEmpty else {
      diagnostics.report(
        file, .line(1),
        "header lacks column \(lacks.joined(separator: "; ")): it has \(header) (a log with other names needs --mapping)"
      )
      return nil
    }
    return columns
  }

  private func sample(_ values: RowValues, transform: CoordinateTransform) -> DriveTestSample? {
    guard values.fieldCountMatches else { return nil }
    let rsrp = values.number("rsrp_dbm", "an RSRP in dBm", DriveTest.reportableRSRPDBm)
    _ = values.number("speed_kmh", "a speed in km/h", 0...400, required: false)
    let position = values.position(transform: transform)
    let carrier = values.text("carrier") ?? mapping.carrier
    let layer = values.text("layer") ?? mapping.layer
    guard let position, let sectorIndex = sector(values, carrier: carrier, layer: layer, near: position),
      let rsrp
    else { return nil }
    return DriveTestSample(line: values.line, x: position.x, y: position.y, sectorIndex: sectorIndex, rsrpDBm: rsrp)
  }

  /// The sector the row measured: by id, or by PCI and channel (the nearest where a PCI is
  /// reused); its carrier and layer must be the row's.
  private func sector(_ values: RowValues, carrier: String?, layer: String?, near position: Coordinate) -> Int? {
    var found: Int?
    if values.has("sector") {
      guard let id = values.text("sector") else {
        values.report("column \(values.label("sector")) is empty: expected a sector id")
        return nil
      }
      guard let index = sectorByID[id] else {
        values.report("unknown cell: no sector \(Excerpt.quoted(id)) in the scenario's sites")
        return nil
      }
      found = index
    } else {
      let pci = values.integer("pci", "a physical cell id", 0...1007)
      let channel = values.integer("channel", "an EARFCN or NR-ARFCN", 0...3_279_165)
      guard let pci, let channel else { return nil }
      guard let carrier else {
        values.report("a cell named by PCI and channel needs its carrier ('carrier' column or mapping)")
        return nil
      }
      let candidates = sectorsByCell[CellKey(carrier: carrier, pci: pci, channel: channel)] ?? []
      func distance(_ index: Int) -> Double {
        guard let site = structurePosition[scenario.sectors[index].structureID] else { return .infinity }
        return hypot(site.x - position.x, site.y - position.y)
      }
      // Operators reuse PCIs: the measured cell is the nearest one with that PCI (ties: the first).
      found = candidates.min { distance($0) < distance($1) }
      if found == nil {
        values.report(
          "unknown cell: no sector of carrier \(Excerpt.quoted(carrier)) has PCI \(pci) on channel \(channel) (the sites' pci and channel columns)"
        )
        return nil
      }
    }
    guard let index = found else { return nil }
    let sector = scenario.sectors[index]
    if let carrier, carrier != sector.carrierID {
      values.report(
        "sector \(Excerpt.quoted(sector.id)) belongs to carrier \(Excerpt.quoted(sector.carrierID)), not \(Excerpt.quoted(carrier))"
      )
      return nil
    }
    if let layer, layer != sector.layerID {
      values.report(
        "sector \(Excerpt.quoted(sector.id)) is on layer \(Excerpt.quoted(sector.layerID)), not \(Excerpt.quoted(layer))"
      )
      return nil
    }
    return index
  }
}
