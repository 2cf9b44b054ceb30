import Foundation
import Geo

/// One row of an operator's cell export, read through the mapping: each value is named in
/// messages by the export's own column and the line.
struct ExportRow {
  let table: CSVTable
  let row: CSVTable.Row
  let file: String
  let mapping: SiteExportMapping
  let decimalComma: Bool
  let diagnostics: Diagnostics

  func report(_ message: String) { diagnostics.report(file, .line(row.line), message) }

  /// The raw text of a Cosite field's column; nil when unmapped or empty.
  func text(_ field: String) -> String? {
    guard let column = mapping.columns[field], let index = table.column(column), index < row.fields.count else {
      return nil
    }
    let value = row.fields[index]
    return value.isEmpty ? nil : value
  }

  private func column(_ field: String) -> String { "column \(Excerpt.quoted(mapping.columnNames[field] ?? field))" }

  /// A coded field: the column's value through `values`, else the default, else `fallback`.
  func code(_ field: String, fallback: String? = nil) -> String? {
    if let raw = text(field) {
      guard let codes = mapping.values[field] else { return raw }
      if let value = codes[raw] { return value }
      report(
        "\(column(field)): \(Excerpt.quoted(raw)) is not in values.\(field) (\(codes.keys.sorted().map { Excerpt.quoted($0) }.joined(separator: ", ")))"
      )
      return nil
    }
    if let value = mapping.defaults[field] ?? fallback { return value }
    let hint = SiteExportMapping.defaultable.contains(field) ? " (or defaults.\(field) in the mapping)" : ""
    report("\(column(field)) is empty: expected a value\(hint)")
    return nil
  }

  /// A number in `range`, with the export's decimal mark.
  func number(_ field: String, _ expected: String, _ range: ClosedRange<Double>, required: Bool = true) -> Double? {
    guard let raw = text(field) else {
      if required { report("\(column(field)) is empty: expected \(expected)") }
      return nil
    }
    let normal = decimalComma ? raw.replacingOccurrences(of: ",", with: ".") : raw
    guard let value = Double(normal), value.isFinite, range.contains(value) else {
      report(
        "\(column(field)): expected \(expected) (\(JSONWriter.number(range.lowerBound)) to \(JSONWriter.number(range.upperBound))), got \(Excerpt.quoted(raw))"
          + (!decimalComma && raw.contains(",") ? " — a decimal comma? ('decimal: \",\"' in the mapping)" : ""))
      return nil
    }
    return value
  }

  /// The row's structure and sector, or nil after reporting what is wrong.
  func parse(toLonLat: CoordinateTransform?) -> (structure: SiteExport.StructureRow, sector: SiteExport.SectorRow)? {
    let structureID = text("structure")
    let sectorID = text("sector")
    if structureID == nil { report("\(column("structure")) is empty: expected the structure (site) id") }
    if sectorID == nil { report("\(column("sector")) is empty: expected the cell (sector) id") }
    let carrier = code("carrier", fallback: mapping.carrier)
    let layer = code("layer")
    let position = self.position(toLonLat)
    let azimuth = number("azimuth_deg", "an azimuth in degrees", 0...360)
    let height = number("height_m", "an antenna height in m", 1...300)
    let power = powerDBm()
    // The sites file's range is in dBi (−10…40); a gain in dBd is checked against it less 2.15.
    let dBd = mapping.gainUnit == .dBd ? SiteExport.dipoleGainDBi : 0
    let gain = number(
      "antenna_gain", "an antenna gain in \(mapping.gainUnit.rawValue)", (-10 - dBd)...(40 - dBd), required: false
    ).map { $0 + dBd }
    let mechanical = number("mechanical_tilt_deg", "a tilt in degrees", -30...45, required: false)
    let electrical = number("electrical_tilt_deg", "a tilt in degrees", -30...45, required: false)
    let feeder =
      number("feeder_loss_db", "a loss in dB", 0...20, required: false)
      ?? mapping.defaults["feeder_loss_db"].flatMap(Double.init)
    let structureHeight = number("structure_height_m", "a structure height in m", 1...300, required: false)
    let kind = code("structure_kind", fallback: "tower")
    if let kind, !["tower", "rooftop", "pole"].contains(kind) {
      report(
        "structure kind \(Excerpt.quoted(kind)): expected tower, rooftop or pole (map the export's codes in values.structure_kind)"
      )
      return nil
    }
    let owner = code("owner", fallback: carrier)
    var freeSlots = mapping.defaults["free_slots"].flatMap(Int.init) ?? 0
    if let slots = number("free_slots", "a whole count of free antenna positions", 0...50, required: false) {
      if slots == slots.rounded() {
        freeSlots = Int(slots)
      } else {
        report(
          "\(column("free_slots")): expected a whole count of free antenna positions, got \(JSONWriter.number(slots))")
      }
    }
    let buildingHeight = number("building_height_m", "a building height in m", 1...300, required: false)
    let rent = number("rent_vnd_month", "a monthly rent in VND", 0...1e12, required: false)
    if let height, let structureHeight, height > structureHeight + 1e-9 {
      report(
        "the antenna at \(JSONWriter.number(height)) m is above its structure's \(JSONWriter.number(structureHeight)) m"
      )
      return nil
    }
    guard let structureID, let sectorID, let carrier, let layer, let position, let azimuth, let height, let power,
      let kind, let owner
    else { return nil }
    return (
      SiteExport.StructureRow(
        id: structureID, name: text("structure_name"), kind: kind, lon: position.x, lat: position.y,
        heightM: structureHeight ?? height, owner: owner, freeSlots: freeSlots, buildingHeightM: buildingHeight,
        rentVNDPerMonth: rent, line: row.line),
      SiteExport.SectorRow(
        id: sectorID, carrier: carrier, layer: layer, structure: structureID, azimuthDeg: azimuth, heightM: height,
        powerDBm: power, mechanicalTiltDeg: mechanical, electricalTiltDeg: electrical, antennaGainDBi: gain,
        feederLossDB: feeder, line: row.line)
    )
  }

  /// Transmit power in dBm: as given, or from watts (10 log10(P / 1 mW)).
  private func powerDBm() -> Double? {
    switch mapping.powerUnit {
    case .dBm: return number("power", "a transmit power in dBm", 0...70)
    case .watts: return number("power", "a transmit power in W", 0.001...10_000).map { 10 * log10($0 * 1000) }
    }
  }

  /// WGS 84 lon, lat: from degree or DMS columns, or from easting/northing in the mapping's CRS.
  private func position(_ toLonLat: CoordinateTransform?) -> Coordinate? {
    if let toLonLat {
      guard let easting = number("easting", "an easting in m", -1e7...1e7),
        let northing = number("northing", "a northing in m", -1e7...2e7)
      else { return nil }
      do { return try toLonLat.forward(Coordinate(x: easting, y: northing)) } catch {
        report("easting/northing: \(error)")
        return nil
      }
    }
    var values: [Double] = []
    for (field, axis) in [("lon", AngleText.Axis.longitude), ("lat", .latitude)] {
      guard let raw = text(field) else {
        report("\(column(field)) is empty: expected \(axis == .latitude ? "a latitude" : "a longitude")")
        continue
      }
      switch AngleText.degrees(raw, axis: axis, decimalComma: decimalComma) {
      case .success(let degrees): values.append(degrees)
      case .failure(let error): report("\(column(field)): \(error.message(axis)), got \(Excerpt.quoted(raw))")
      }
    }
    return values.count == 2 ? Coordinate(lon: values[0], lat: values[1]) : nil
  }

  /// Whether `structure` (this row's) agrees with the one first read for its id.
  func agrees(_ structure: SiteExport.StructureRow, with known: SiteExport.StructureRow) -> Bool {
    // Equirectangular distance: exact enough over metres (Snyder 1987, §12).
    let metresPerDegree = 111_320.0
    let dx = (structure.lon - known.lon) * metresPerDegree * cos(known.lat * .pi / 180)
    let dy = (structure.lat - known.lat) * metresPerDegree
    let apartM = (dx * dx + dy * dy).squareRoot()
    var problems: [String] = []
    if apartM > SiteExport.samePlaceM {
      problems.append("is \(JSONWriter.number(apartM.rounded())) m from where line \(known.line) puts it")
    }
    if structure.kind != known.kind { problems.append("is a \(structure.kind), a \(known.kind) on line \(known.line)") }
    if structure.owner != known.owner {
      problems.append("is owned by \(structure.owner), by \(known.owner) on line \(known.line)")
    }
    if structure.freeSlots != known.freeSlots {
      problems.append("has \(structure.freeSlots) free slots, \(known.freeSlots) on line \(known.line)")
    }
    if structure.buildingHeightM != known.buildingHeightM || structure.rentVNDPerMonth != known.rentVNDPerMonth {
      problems.append("has another building height or rent than on line \(known.line)")
    }
    for problem in problems { report("structure \(Excerpt.quoted(structure.id)) \(problem)") }
    return problems.isEmpty
  }
}
