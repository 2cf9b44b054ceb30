import Foundation
import Geo

/// Cosite's structures and sites from an operator's cell export (one row per cell), read
/// through a `SiteExportMapping`: rows naming the same structure fold into one structure
/// (they must agree on its position within `samePlaceM`, its kind and owner), each row
/// becomes one sector. Every problem names the export's line and column.
struct SiteExport {
  struct StructureRow: Equatable {
    let id: String
    var name: String?
    let kind: String
    let lon: Double
    let lat: Double
    var heightM: Double
    let owner: String
    let freeSlots: Int
    let buildingHeightM: Double?
    let rentVNDPerMonth: Double?
    /// The export line that introduced it.
    let line: Int
  }

  struct SectorRow: Equatable {
    let id: String
    let carrier: String
    let layer: String
    let structure: String
    let azimuthDeg: Double
    let heightM: Double
    let powerDBm: Double
    let mechanicalTiltDeg: Double?
    let electricalTiltDeg: Double?
    let antennaGainDBi: Double?
    let feederLossDB: Double?
    let line: Int
  }

  var structures: [StructureRow] = []
  var sectors: [SectorRow] = []

  /// Rows of one structure may place it this far apart (m): exports repeat the site's
  /// coordinates on every cell, rounded to ~0.1″ (3 m) at worst.
  static let samePlaceM = 5.0

  /// dBd → dBi: a half-wave dipole's gain, 2.15 dBi (IEEE Std 145-2013, "dBd").
  static let dipoleGainDBi = 2.15

  /// Reads `text` (the export, shown as `file`); nil when any row has a problem (all are
  /// reported).
  static func read(text: String, file: String, mapping: SiteExportMapping, diagnostics: Diagnostics) -> SiteExport? {
    let separator = mapping.separator ?? CSVTable.detectSeparator(text)
    let decimalComma = mapping.decimalComma ?? (separator != ",")
    let before = diagnostics.issues.count
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics, separator: separator)
    let missing = mapping.columns.keys.sorted().filter { table.column(mapping.columns[$0]!) == nil }
    for field in missing {
      diagnostics.report(
        file, .line(1),
        "no column \(Excerpt.quoted(mapping.columnNames[field] ?? field)) (mapped to '\(field)'): the header has \(table.header.map { Excerpt.quoted($0) }.joined(separator: ", "))"
          + (separator == "," && table.header.count == 1
            ? " — is the file separated by another character? ('separator' in the mapping)" : ""))
    }
    guard missing.isEmpty else { return nil }
    let toLonLat: CoordinateTransform?
    do {
      toLonLat = try mapping.crs.map { try CoordinateTransform(from: $0, to: .wgs84) }
    } catch {
      diagnostics.report(file, .file, "the mapping's crs: \(error)")
      return nil
    }
    var export = SiteExport()
    var structureIndex: [String: Int] = [:]
    var sectorLines: [String: Int] = [:]
    for row in table.rows {
      // A separator inside an unquoted value (a decimal comma in a comma-separated file)
      // would shift every later column: such a row is refused, as the scenario's CSVs are.
      guard row.fields.count == table.header.count else {
        diagnostics.report(
          file, .line(row.line),
          "\(row.fields.count) fields, the header has \(table.header.count): expected one value per column (quote values holding the separator)"
        )
        continue
      }
      let reader = ExportRow(
        table: table, row: row, file: file, mapping: mapping, decimalComma: decimalComma, diagnostics: diagnostics)
      guard let parsed = reader.parse(toLonLat: toLonLat) else { continue }
      if let first = sectorLines[parsed.sector.id] {
        reader.report("sector \(Excerpt.quoted(parsed.sector.id)) is also on line \(first): expected one row per cell")
        continue
      }
      sectorLines[parsed.sector.id] = row.line
      if let index = structureIndex[parsed.structure.id] {
        let known = export.structures[index]
        guard reader.agrees(parsed.structure, with: known) else { continue }
        export.structures[index].heightM = max(known.heightM, parsed.structure.heightM)
        if export.structures[index].name == nil { export.structures[index].name = parsed.structure.name }
      } else {
        structureIndex[parsed.structure.id] = export.structures.count
        export.structures.append(parsed.structure)
      }
      export.sectors.append(parsed.sector)
    }
    if table.rows.isEmpty { diagnostics.report(file, .file, "no rows: expected one row per cell under the header") }
    return diagnostics.issues.count == before ? export : nil
  }

  /// Cosite's structures CSV (README, *Structures*): WGS 84 lon, lat to 10⁻⁷° (~1 cm), and
  /// the optional columns the export had.
  var structuresCSV: String {
    let optional: [(String, (StructureRow) -> Double?)] = [
      ("building_height_m", \.buildingHeightM), ("rent_vnd_month", \.rentVNDPerMonth),
    ].filter { column in structures.contains { column.1($0) != nil } }
    var lines = [
      (["id", "name", "kind", "lon", "lat", "height_m", "owner", "free_slots"] + optional.map(\.0)).joined(
        separator: ",")
    ]
    for structure in structures {
      let fixed = [
        structure.id, structure.name ?? "", structure.kind, String(format: "%.7f", structure.lon),
        String(format: "%.7f", structure.lat), Self.number(structure.heightM, 3), structure.owner,
        String(structure.freeSlots),
      ]
      let extra = optional.map { column in column.1(structure).map { Self.number($0, 3) } ?? "" }
      lines.append((fixed + extra).map(CSVTable.field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Cosite's sites CSV (README, *Sites*), with the optional columns the export had.
  var sitesCSV: String {
    let optional: [(String, (SectorRow) -> Double?)] = [
      ("mechanical_tilt_deg", \.mechanicalTiltDeg), ("electrical_tilt_deg", \.electricalTiltDeg),
      ("antenna_gain_dbi", \.antennaGainDBi), ("feeder_loss_db", \.feederLossDB),
    ].filter { column in sectors.contains { column.1($0) != nil } }
    var lines = [
      (["id", "carrier", "layer", "structure", "azimuth_deg", "height_m", "power_dbm"] + optional.map(\.0))
        .joined(separator: ",")
    ]
    for sector in sectors {
      let fixed = [
        sector.id, sector.carrier, sector.layer, sector.structure, Self.number(sector.azimuthDeg, 3),
        Self.number(sector.heightM, 3), Self.number(sector.powerDBm, 3),
      ]
      let extra = optional.map { column in column.1(sector).map { Self.number($0, 3) } ?? "" }
      lines.append((fixed + extra).map(CSVTable.field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `value` rounded to `decimals` places, written without trailing zeros.
  static func number(_ value: Double, _ decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    return JSONWriter.number((value * scale).rounded() / scale)
  }
}
