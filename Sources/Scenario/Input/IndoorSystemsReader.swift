/// Reads the `indoor_systems` section (`IndoorSystemSettings`).
enum IndoorSystemsReader {
  static let keys = [
    "node_power_dbm", "node_antenna_gain_dbi", "node_cable_loss_db", "small_cell_vnd", "small_cell_vnd_per_year",
    "node_draw_kw", "das_antenna_power_dbm", "das_antenna_vnd", "das_cabling_vnd_per_m2",
    "das_source_vnd",
  ]

  /// Reads the `indoor_systems` section.
  static func read(_ map: YAMLMap) -> IndoorSystemSettings {
    var settings = IndoorSystemSettings()
    settings.nodePowerDBm =
      map.number("node_power_dbm", expected: "a node's power in dBm", range: -10...46) ?? settings.nodePowerDBm
    settings.nodeAntennaGainDBi =
      map.number("node_antenna_gain_dbi", expected: "an antenna gain in dBi", range: -10...20)
      ?? settings.nodeAntennaGainDBi
    settings.nodeCableLossDB =
      map.number("node_cable_loss_db", expected: "a cable loss in dB", range: 0...30) ?? settings.nodeCableLossDB
    settings.smallCellVND =
      map.number("small_cell_vnd", expected: "a small cell's installed cost in VND", range: 0...1e12)
      ?? settings.smallCellVND
    settings.smallCellVNDPerYear =
      map.number("small_cell_vnd_per_year", expected: "a small cell's yearly cost in VND", range: 0...1e12)
      ?? settings.smallCellVNDPerYear
    settings.nodeDrawKW =
      map.number("node_draw_kw", expected: "a node's power draw in kW", range: 0...10) ?? settings.nodeDrawKW
    settings.dasAntennaPowerDBm =
      map.number("das_antenna_power_dbm", expected: "a DAS antenna's power per carrier in dBm", range: -10...46)
      ?? settings.dasAntennaPowerDBm
    settings.dasAntennaVND =
      map.number("das_antenna_vnd", expected: "a DAS antenna's installed cost in VND", range: 0...1e12)
      ?? settings.dasAntennaVND
    settings.dasCablingVNDPerM2 =
      map.number("das_cabling_vnd_per_m2", expected: "a DAS's cabling cost per m² of floor in VND", range: 0...1e9)
      ?? settings.dasCablingVNDPerM2
    settings.dasSourceVND =
      map.number("das_source_vnd", expected: "a DAS signal source's cost in VND", range: 0...1e12)
      ?? settings.dasSourceVND
    return settings
  }
}
