import Radio
import Yams

/// Reads the scenario's `calibration` section — the fragment `cosite calibrate` writes — and
/// puts each entry's tuning on its carrier's layer.
///
/// ```yaml
/// calibration:
///   - { carrier: viettel, layer: lte1800, offset_db: 4.21, slope_db_per_decade: 2.95, sigma_db: 6.93,
///       from_m: 100, to_m: 2400 }
///   - { carrier: viettel, layer: lte1800, land_cover: tree cover, offset_db: 9.80, slope_db_per_decade: 2.95 }
/// ```
///
/// `terrain: true` marks a tuning fitted over the terrain's diffraction (`cosite calibrate` on
/// a scenario with a DEM writes it).
///
/// An entry with `land_cover` tunes that land-cover class only (by its name in
/// `coverage.land_cover`); the layer's entry holds for every other cell.
enum CalibrationReader {
  static let keys = [
    "carrier", "layer", "land_cover", "offset_db", "slope_db_per_decade", "sigma_db", "from_m", "to_m", "terrain",
    "height_db_per_decade", "from_height_m", "to_height_m",
  ]

  /// A land-cover class an entry names (checked against the land cover once it is read).
  struct ClassReference {
    let name: String
    let line: Int
    let path: String
  }

  /// The layers of `carriers` with their tuning set; every problem goes to the map's
  /// diagnostics. Returns the land-cover classes the entries name.
  @discardableResult
  static func apply(_ map: YAMLMap, to carriers: inout [CarrierSpec]) -> [ClassReference] {
    guard let nodes = map.sequence("calibration", expected: "a list of tuned layers") else { return [] }
    var tuned: Set<[String]> = []
    var classes: [ClassReference] = []
    for (index, node) in nodes.enumerated() {
      guard
        let entry = YAMLMap(
          node, file: map.file, path: "calibration[\(index)]", diagnostics: map.diagnostics, allowed: keys)
      else { continue }
      let carrierID = entry.string("carrier", required: true, expected: "a carrier id")
      let layerID = entry.string("layer", required: true, expected: "a layer id of the carrier")
      let landCover = entry.string("land_cover", expected: "a land-cover class name of coverage.land_cover")
      // The bounds only catch mistakes (a sign or a unit), at twice what published tunings of
      // empirical models reach (about ±20 dB and ±20 dB/decade).
      let offset = entry.number("offset_db", expected: "a loss offset in dB", range: -40...40, required: true)
      let slope =
        entry.number(
          "slope_db_per_decade", expected: "a slope correction in dB per decade", range: -40...40) ?? 0
      let sigma = entry.number("sigma_db", expected: "a shadow-fading σ in dB", range: 0...20)
      let from = entry.number("from_m", expected: "the nearest distance the fit spanned, m", range: 1...100_000)
      let to = entry.number("to_m", expected: "the farthest distance the fit spanned, m", range: 1...100_000)
      let overTerrain = entry.bool("terrain") ?? false
      let height =
        entry.number(
          "height_db_per_decade", expected: "a correction per decade of antenna height in dB", range: -40...40) ?? 0
      let lowest = entry.number("from_height_m", expected: "the lowest antenna height fitted, m", range: 1...500)
      let highest = entry.number("to_height_m", expected: "the highest antenna height fitted, m", range: 1...500)
      if let lowest, let highest, lowest > highest {
        entry.diagnostics.report(
          entry.file, .line(entry.line(of: "to_height_m")),
          "'\(entry.path).to_height_m': expected at least from_height_m (\(lowest))")
        continue
      }
      if let from, let to, from > to {
        entry.diagnostics.report(
          entry.file, .line(entry.line(of: "to_m")), "'\(entry.path).to_m': expected at least from_m (\(from))")
        continue
      }
      guard let carrierID, let layerID, let offset else { continue }
      guard let carrierIndex = carriers.firstIndex(where: { $0.carrier.id == carrierID }) else {
        let known = carriers.map(\.carrier.id).joined(separator: ", ")
        entry.diagnostics.report(
          entry.file, .line(entry.line(of: "carrier")),
          "'\(entry.path).carrier': unknown carrier \(Excerpt.quoted(carrierID)) (expected one of: \(known))")
        continue
      }
      let carrier = carriers[carrierIndex].carrier
      guard let layerIndex = carrier.layers.firstIndex(where: { $0.id == layerID }) else {
        let known = carrier.layers.map(\.id).joined(separator: ", ")
        entry.diagnostics.report(
          entry.file, .line(entry.line(of: "layer")),
          "'\(entry.path).layer': carrier \(Excerpt.quoted(carrierID)) has no layer \(Excerpt.quoted(layerID)) (expected one of: \(known))"
        )
        continue
      }
      guard tuned.insert([carrierID, layerID, landCover ?? ""]).inserted else {
        let what = landCover.map { " on land cover \(Excerpt.quoted($0))" } ?? ""
        entry.diagnostics.report(
          entry.file, .line(entry.line),
          "'\(entry.path)': layer \(Excerpt.quoted(layerID)) of \(Excerpt.quoted(carrierID))\(what) is tuned twice")
        continue
      }
      var layers = carrier.layers
      let tuning = ModelTuning(
        offsetDB: offset, slopeDBPerDecade: slope, sigmaDB: sigma,
        distanceRangeM: (from ?? 1)...(to ?? .greatestFiniteMagnitude), fittedOverTerrain: overTerrain,
        heightDBPerDecade: height,
        heightRangeM: lowest == nil && highest == nil ? nil : (lowest ?? 1)...(highest ?? .greatestFiniteMagnitude))
      if let landCover {
        layers[layerIndex].landCoverTunings[landCover] = tuning
        classes.append(ClassReference(name: landCover, line: entry.line(of: "land_cover"), path: entry.path))
      } else {
        layers[layerIndex].tuning = tuning
      }
      carriers[carrierIndex] = CarrierSpec(
        line: carriers[carrierIndex].line, carrier: Carrier(id: carrier.id, name: carrier.name, layers: layers),
        layerLines: carriers[carrierIndex].layerLines, invalidLayerIDs: carriers[carrierIndex].invalidLayerIDs)
    }
    return classes
  }

  /// Checks the classes the entries name against the scenario's land cover (`classes`: nil
  /// when it has none) and marks each named class, so its cells take the class's tuning.
  static func markClasses(
    _ references: [ClassReference], in classes: inout [Int32: LandCoverClass]?, map: YAMLMap
  ) {
    guard !references.isEmpty else { return }
    guard var table = classes else {
      for reference in references {
        map.diagnostics.report(
          map.file, .line(reference.line),
          "'\(reference.path).land_cover': the scenario has no coverage.land_cover: expected an entry without land_cover"
        )
      }
      return
    }
    let known = Set(table.values.map(\.name))
    for reference in references where !known.contains(reference.name) {
      map.diagnostics.report(
        map.file, .line(reference.line),
        "'\(reference.path).land_cover': no land-cover class \(Excerpt.quoted(reference.name)) (expected one of: \(known.sorted().joined(separator: ", ")))"
      )
    }
    table.markCalibrated(Set(references.map(\.name)))
    classes = table
  }
}
