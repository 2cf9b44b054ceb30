/// A sector as read from its CSV row, with the line for cross-reference errors.
struct SectorRecord {
  /// The file as shown to the planner.
  let file: String
  let line: Int
  let sector: Sector
}

/// Reads a sites CSV: one row per sector.
///
/// Columns: `id, carrier, layer, structure, azimuth_deg, height_m, power_dbm`; optional
/// `mechanical_tilt_deg`, `electrical_tilt_deg` (default 0), `antenna_gain_dbi` (default 17,
/// a typical 65° panel), `antenna_pattern` (an MSI file, relative to this CSV), `feeder_loss_db`
/// (default 0.5).
enum SectorsFile {
  static let required = ["id", "carrier", "layer", "structure", "azimuth_deg", "height_m", "power_dbm"]
  static let optional = [
    "mechanical_tilt_deg", "electrical_tilt_deg", "antenna_gain_dbi", "antenna_pattern", "feeder_loss_db",
  ]

  static func read(
    text: String, file: String, resolve: (String) -> String, diagnostics: Diagnostics
  ) -> [SectorRecord] {
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics)
    guard table.checkHeader(required: required, optional: optional, file: file, diagnostics: diagnostics) else {
      return []
    }
    table.reportDuplicates(in: "id", what: "sector", file: file, diagnostics: diagnostics)
    return table.records(file: file, diagnostics: diagnostics).compactMap { record in
      let id = record.string("id")
      let carrier = record.string("carrier")
      let layer = record.string("layer")
      let structure = record.string("structure")
      let azimuth = record.number("azimuth_deg", expected: "an azimuth in degrees from north", range: 0...360)
      let height = record.number("height_m", expected: "an antenna height above ground in m", range: 1...300)
      let power = record.number("power_dbm", expected: "a total sector power in dBm", range: 0...70)
      let mechanical =
        record.number("mechanical_tilt_deg", expected: "a downtilt in degrees", range: -30...45, required: false) ?? 0
      let electrical =
        record.number("electrical_tilt_deg", expected: "a downtilt in degrees", range: -30...45, required: false) ?? 0
      let gain = record.number("antenna_gain_dbi", expected: "a gain in dBi", range: -10...40, required: false) ?? 17
      let feeder = record.number("feeder_loss_db", expected: "a loss in dB", range: 0...20, required: false) ?? 0.5
      let pattern = record.text("antenna_pattern").map(resolve)
      guard let id, let carrier, let layer, let structure, let azimuth, let height, let power else { return nil }
      let sector = Sector(
        id: id, carrierID: carrier, layerID: layer, structureID: structure,
        azimuthDeg: azimuth.truncatingRemainder(dividingBy: 360),
        mechanicalTiltDeg: mechanical, electricalTiltDeg: electrical, antennaGainDBi: gain,
        antennaPatternPath: pattern, powerDBm: power, heightM: height, feederLossDB: feeder)
      return SectorRecord(file: file, line: record.line, sector: sector)
    }
  }
}
