import Radio
import Yams

/// Reads the scenario's `calibration` section — the fragment `cosite calibrate` writes — and
/// puts each entry's tuning on its carrier's layer.
///
/// ```yaml
/// calibration:
///   - { carrier: viettel, layer: lte1800, offset_db: 4.21, slope_db_per_decade: 2.95, sigma_db: 6.93,
///       from_m: 100, to_m: 2400 }
/// ```
enum CalibrationReader {
  static let keys = ["carrier", "layer", "offset_db", "slope_db_per_decade", "sigma_db", "from_m", "to_m"]

  /// The layers of `carriers` with their tuning set; every problem goes to the map's diagnostics.
  static func apply(_ map: YAMLMap, to carriers: inout [CarrierSpec]) {
    guard let nodes = map.sequence("calibration", expected: "a list of tuned layers") else { return }
    var tuned: Set<[String]> = []
    for (index, node) in nodes.enumerated() {
      guard
        let entry = YAMLMap(
          node, file: map.file, path: "calibration[\(index)]", diagnostics: map.diagnostics, allowed: keys)
      else { continue }
      let carrierID = entry.string("carrier", required: true, expected: "a carrier id")
      let layerID = entry.string("layer", required: true, expected: "a layer id of the carrier")
      // The bounds only catch mistakes (a sign or a unit), at twice what published tunings of
      // empirical models reach (about ±20 dB and ±20 dB/decade).
      let offset = entry.number("offset_db", expected: "a loss offset in dB", range: -40...40, required: true)
      let slope =
        entry.number(
          "slope_db_per_decade", expected: "a slope correction in dB per decade", range: -40...40) ?? 0
      let sigma = entry.number("sigma_db", expected: "a shadow-fading σ in dB", range: 0...20)
      let from = entry.number("from_m", expected: "the nearest distance the fit spanned, m", range: 1...100_000)
      let to = entry.number("to_m", expected: "the farthest distance the fit spanned, m", range: 1...100_000)
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
      guard tuned.insert([carrierID, layerID]).inserted else {
        entry.diagnostics.report(
          entry.file, .line(entry.line),
          "'\(entry.path)': layer \(Excerpt.quoted(layerID)) of \(Excerpt.quoted(carrierID)) is tuned twice")
        continue
      }
      var layers = carrier.layers
      layers[layerIndex].tuning = ModelTuning(
        offsetDB: offset, slopeDBPerDecade: slope, sigmaDB: sigma,
        distanceRangeM: (from ?? 1)...(to ?? .greatestFiniteMagnitude))
      carriers[carrierIndex] = CarrierSpec(
        line: carriers[carrierIndex].line, carrier: Carrier(id: carrier.id, name: carrier.name, layers: layers),
        layerLines: carriers[carrierIndex].layerLines, invalidLayerIDs: carriers[carrierIndex].invalidLayerIDs)
    }
  }
}
