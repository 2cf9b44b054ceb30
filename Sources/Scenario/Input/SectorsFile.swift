import Foundation
import Geo

/// A sector as read from its CSV row, with the line for cross-reference errors.
struct SectorRecord {
  /// The file as shown to the planner.
  let file: String
  /// Where the sector's row is: a line of a CSV, a row of a database table.
  let location: IssueLocation
  let sector: Sector
}

/// Reads a sites CSV: one row per sector.
///
/// Columns: `id, carrier, layer, structure, azimuth_deg, height_m, power_dbm`; optional
/// `mechanical_tilt_deg`, `electrical_tilt_deg` (default 0), `antenna_gain_dbi` (default 17,
/// a typical 65° panel), `antenna_pattern` (an MSI file, relative to this CSV), `feeder_loss_db`
/// (default 0.5), `antenna` (`parametric`, `3gpp-element` or `3gpp-column`; default
/// parametric) with `array_elements` and `element_spacing_wl` for a column; `pci` and `channel`
/// (EARFCN or NR-ARFCN), which name the cell in a drive test.
enum SectorsFile {
  /// Below 1 W (30 dBm) a macro sector's power most likely was given in watts.
  static let wattsLikeBelowDBm = 30.0

  static let required = ["id", "carrier", "layer", "structure", "azimuth_deg", "height_m", "power_dbm"]
  static let optional = [
    "mechanical_tilt_deg", "electrical_tilt_deg", "antenna_gain_dbi", "antenna_pattern", "feeder_loss_db",
    "antenna", "array_elements", "element_spacing_wl", "pci", "channel",
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
      if let power, power < wattsLikeBelowDBm {
        // 20 W given as 20 would be read as 0.1 W: a macro sector radiates 10–80 W (40–49 dBm).
        diagnostics.warn(
          file, .line(record.line),
          "column 'power_dbm': \(JSONWriter.number(power)) dBm is \(JSONWriter.fixed(pow(10, power / 10) / 1000, decimals: 3)) W, below 1 W"
            + (power > 0
              ? "; if this is \(JSONWriter.number(power)) W, give \(JSONWriter.fixed(10 * log10(power * 1000), decimals: 1)) dBm"
              : "")
        )
      }
      let mechanical =
        record.number("mechanical_tilt_deg", expected: "a downtilt in degrees", range: -30...45, required: false) ?? 0
      let electrical =
        record.number("electrical_tilt_deg", expected: "a downtilt in degrees", range: -30...45, required: false) ?? 0
      let gain = record.number("antenna_gain_dbi", expected: "a gain in dBi", range: -10...40, required: false) ?? 17
      let feeder = record.number("feeder_loss_db", expected: "a loss in dB", range: 0...20, required: false) ?? 0.5
      let pattern = record.text("antenna_pattern").map(resolve)
      let antennaType = antenna(record, pattern: pattern, file: file, diagnostics: diagnostics)
      // TS 36.211 §6.11: 504 LTE PCIs; TS 38.211 §7.4.2.1: 1008 NR PCIs. Channel numbers:
      // EARFCN 0–262143 (TS 36.101 §5.7.3), NR-ARFCN 0–3279165 (TS 38.104 §5.4.2.1).
      let pci = record.integer("pci", expected: "a physical cell id", range: 0...1007, required: false)
      let channel = record.integer("channel", expected: "an EARFCN or NR-ARFCN", range: 0...3_279_165, required: false)
      guard let id, let carrier, let layer, let structure, let azimuth, let height, let power, let antennaType
      else { return nil }
      var sector = Sector(
        id: id, carrierID: carrier, layerID: layer, structureID: structure,
        azimuthDeg: azimuth.truncatingRemainder(dividingBy: 360),
        mechanicalTiltDeg: mechanical, electricalTiltDeg: electrical, antennaGainDBi: gain,
        antennaPatternPath: pattern, powerDBm: power, heightM: height, feederLossDB: feeder,
        antennaType: antennaType)
      sector.pci = pci
      sector.channel = channel
      return SectorRecord(file: file, location: .line(record.line), sector: sector)
    }
  }

  /// The `antenna` column and a column's size; nil after reporting a problem.
  private static func antenna(
    _ record: CSVRecord, pattern: String?, file: String, diagnostics: Diagnostics
  ) -> AntennaType? {
    let name = record.text("antenna") ?? "parametric"
    let elements = record.number(
      "array_elements", expected: "a whole number of elements from 1 to 64", range: 1...64, required: false)
    let spacing = record.number(
      "element_spacing_wl", expected: "an element spacing in wavelengths", range: 0.1...4, required: false)
    if let elements, elements.rounded() != elements {
      diagnostics.report(file, .line(record.line), "column 'array_elements': expected a whole number, got \(elements)")
      return nil
    }
    switch name {
    case "parametric", "3gpp-element":
      if elements != nil || spacing != nil {
        diagnostics.report(
          file, .line(record.line),
          "columns 'array_elements' and 'element_spacing_wl' belong to antenna '3gpp-column', not \(Excerpt.quoted(name))"
        )
        return nil
      }
      if name == "3gpp-element" {
        guard pattern == nil else { return conflict(record, file: file, diagnostics: diagnostics) }
        return .element
      }
      return .parametric
    case "3gpp-column":
      guard pattern == nil else { return conflict(record, file: file, diagnostics: diagnostics) }
      return .column(
        elements: Int(elements ?? Double(AntennaType.defaultColumnElements)),
        spacingWavelengths: spacing ?? AntennaType.defaultColumnSpacingWavelengths)
    default:
      diagnostics.report(
        file, .line(record.line),
        "column 'antenna': expected one of \(AntennaType.names.joined(separator: ", ")), got \(Excerpt.quoted(name))")
      return nil
    }
  }

  private static func conflict(_ record: CSVRecord, file: String, diagnostics: Diagnostics) -> AntennaType? {
    diagnostics.report(
      file, .line(record.line), "columns 'antenna' and 'antenna_pattern': give a pattern file or a 3GPP model, not both"
    )
    return nil
  }
}
