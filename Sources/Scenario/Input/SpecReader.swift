import Foundation
import Geo
import Radio
import Yams

/// Reads the list sections of a scenario (zones, carriers) and file references.
struct SpecReader {
  let map: YAMLMap
  let directory: String

  var diagnostics: Diagnostics { map.diagnostics }

  /// `key: path` or `key: {file: path, crs: EPSG:n}`; the path is resolved against the scenario.
  /// `fields` lists the property names a vector file's `fields:` may map (`file`, `crs`,
  /// `layer`, `fields` then allowed); nil for a file that is not a vector input.
  func fileReference(
    _ key: String, withCRS: Bool, in parent: YAMLMap? = nil, fields: [String]? = nil, mapping: Bool = false
  ) -> FileReference? {
    let parent = parent ?? map
    guard let node = parent.node(key) else { return nil }
    let line = parent.line(of: key)
    if case .scalar(let scalar) = node {
      return FileReference(path: resolve(scalar.string), line: line, crs: nil)
    }
    let allowed =
      (withCRS ? ["file", "crs"] : ["file"]) + (fields == nil ? [] : ["layer", "fields"])
      + (mapping ? ["mapping", "layer"] : [])
    guard let spec = parent.map(key, allowed: allowed) else { return nil }
    guard let file = spec.string("file", required: true, expected: "a path relative to the scenario file") else {
      return nil
    }
    var crs: CRS?
    if let text = spec.string("crs", expected: "'EPSG:<code>'") {
      do { crs = try CRS(parsing: text) } catch {
        diagnostics.report(map.file, .line(spec.line(of: "crs")), "'\(spec.path).crs': \(error)")
      }
    }
    var reference = FileReference(path: resolve(file), line: spec.line(of: "file"), crs: crs)
    if mapping {
      reference.mapping = spec.string("mapping", expected: "a mapping file (cosite import sites)").map(resolve)
      reference.layer = spec.string("layer", expected: "the table of a PostGIS source")
    }
    if let names = fields {
      reference.layer = spec.string("layer", expected: "the name of a layer in the file")
      if let mapping = spec.map("fields", allowed: names, expected: "a mapping of Cosite's names to the file's fields")
      {
        reference.fields = mapping.keys.compactMap { name in
          mapping.string(name, required: true, expected: "the name of a field in the file").map { (name, $0) }
        }
      }
    }
    return reference
  }

  /// `key: reference` or `key: [reference, …]`, each reference as `fileReference` reads it
  /// (a list lets a scenario combine, say, each province's structures and sites).
  func fileReferences(_ key: String, withCRS: Bool, mapping: Bool = false, fields: [String]? = nil) -> [FileReference] {
    guard let node = map.node(key) else { return [] }
    guard case .sequence(let items) = node else {
      return fileReference(key, withCRS: withCRS, fields: fields, mapping: mapping).map { [$0] } ?? []
    }
    if items.isEmpty {
      diagnostics.report(map.file, .line(map.line(of: key)), "'\(key)' is empty: expected a file or a list of files")
    }
    return items.enumerated().compactMap { index, item in
      let path = "\(key)[\(index)]"
      if case .scalar(let scalar) = item {
        return FileReference(path: resolve(scalar.string), line: item.mark?.line ?? map.line(of: key), crs: nil)
      }
      // A one-entry mapping under a synthetic key reuses the single-reference reader.
      guard
        let wrapper = YAMLMap(
          .mapping(Node.Mapping([(Node(path), item)])), file: map.file, path: "", diagnostics: diagnostics,
          allowed: nil)
      else { return nil }
      return fileReference(path, withCRS: withCRS, in: wrapper, fields: fields, mapping: mapping)
    }
  }

  func resolve(_ path: String) -> String {
    if PostGISSource.isSource(path) { return path }
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
    return url.standardizedFileURL.path
  }

  func zones() -> [ZoneSpec] {
    guard let nodes = map.sequence("zones", required: true, expected: "a list of zones") else { return [] }
    if nodes.isEmpty {
      diagnostics.report(map.file, .line(map.line(of: "zones")), "'zones' is empty: expected at least one zone")
    }
    return nodes.enumerated().compactMap { index, node in
      let allowed = ["id", "name", "province", "published_area_ha", "parcels", "outline", "propagation"]
      guard
        let zone = YAMLMap(node, file: map.file, path: "zones[\(index)]", diagnostics: diagnostics, allowed: allowed)
      else { return nil }
      let id = zone.string("id", required: true, expected: "a zone id")
      let name = zone.string("name") ?? id
      let area = zone.number("published_area_ha", expected: "an area in ha", range: 0...1_000_000)
      let parcels = fileReference("parcels", withCRS: true, in: zone, fields: ParcelsFile.propertyNames)
      let outline = fileReference("outline", withCRS: true, in: zone, fields: ["id"])
      let propagation = zone.map(
        "propagation", allowed: ["model", "environment", "los", "shadow_sigma_db", "clutter_loss_db"]
      ).flatMap {
        spec in
        let propagation = CoverageReader.propagation(spec)
        if propagation == nil, spec.node("model") == nil { spec.missing("model", "a propagation model") }
        return propagation
      }
      if parcels == nil, zone.node("parcels") == nil { zone.missing("parcels", "a parcels GeoJSON file") }
      guard let id, let name, let parcels else { return nil }
      return ZoneSpec(
        id: id, line: zone.line, name: name, province: zone.string("province"), publishedAreaHa: area,
        parcels: parcels, outline: outline, propagation: propagation)
    }
  }

  func carriers() -> [CarrierSpec] {
    guard let nodes = map.sequence("carriers", required: true, expected: "a list of carriers") else { return [] }
    return nodes.enumerated().compactMap { index, node in
      guard
        let spec = YAMLMap(
          node, file: map.file, path: "carriers[\(index)]", diagnostics: diagnostics, allowed: ["id", "name", "layers"])
      else { return nil }
      let id = spec.fileNameID("id", expected: "a carrier id")
      let layerNodes = spec.sequence("layers", required: true, expected: "a list of radio layers") ?? []
      var layers: [RadioLayer] = []
      var lines: [Int] = []
      var invalid: Set<String> = []
      for (layerIndex, layerNode) in layerNodes.enumerated() {
        let path = "\(spec.path).layers[\(layerIndex)]"
        guard
          let layer = YAMLMap(
            layerNode, file: map.file, path: path, diagnostics: diagnostics, allowed: LayerReader.keys),
          let radio = LayerReader.read(layer)
        else {
          if let id = layerNode["id"]?.scalar?.string { invalid.insert(id) }
          continue
        }
        layers.append(radio)
        lines.append(layer.line)
      }
      guard let id else { return nil }
      return CarrierSpec(
        line: spec.line, carrier: Carrier(id: id, name: spec.string("name") ?? id, layers: layers), layerLines: lines,
        invalidLayerIDs: invalid)
    }
  }
}

/// Reads one radio layer and checks it against 3GPP channel bandwidths.
enum LayerReader {
  static let keys = [
    "id", "technology", "band", "frequency_mhz", "bandwidth_mhz", "tdd_downlink_share", "tdd_uplink_share",
    "ue_power_class",
  ]

  static func read(_ layer: YAMLMap) -> RadioLayer? {
    let id = layer.fileNameID("id", expected: "a layer id")
    let technologyText = layer.string("technology", required: true, expected: "LTE or NR")
    let technology = technologyText.flatMap { Technology(rawValue: $0.uppercased()) }
    if technologyText != nil, technology == nil, let node = layer.node("technology") {
      layer.wrong("technology", "LTE or NR", got: node)
    }
    let band = layer.string("band", required: true, expected: "a 3GPP band name such as B3 or n78")
    // FR1 spans 410–7125 MHz (TS 38.104 §5.1); the planner's models are used from 400 MHz.
    let frequency = layer.number(
      "frequency_mhz", expected: "a downlink centre frequency in MHz", range: 400...7125, required: true)
    let bandwidth = layer.number(
      "bandwidth_mhz", expected: "a channel bandwidth in MHz", range: 1...400, required: true)
    let share = layer.number("tdd_downlink_share", expected: "a downlink time share", range: 0.05...1) ?? 1
    let uplinkShare = layer.number("tdd_uplink_share", expected: "an uplink time share", range: 0.05...1)
    let classes = UEPowerClass.allCases.map(\.rawValue).joined(separator: " or ")
    let powerText = layer.string("ue_power_class", expected: "a UE power class (\(classes))")
    let powerClass = powerText.flatMap { UEPowerClass(rawValue: $0.uppercased()) }
    if powerText != nil, powerClass == nil, let node = layer.node("ue_power_class") {
      layer.wrong("ue_power_class", "a UE power class (\(classes))", got: node)
    }
    if let uplinkShare, share + uplinkShare > 1.000_001, let node = layer.node("tdd_uplink_share") {
      layer.wrong("tdd_uplink_share", "an uplink time share at most 1 − tdd_downlink_share", got: node)
    }
    // Without an uplink share a TDD layer takes DDDSU's (`RadioLayer`): the two must fit.
    let defaultUplink = TDDPattern.dddsu.uplinkShare
    if uplinkShare == nil, share < 1, share + defaultUplink > 1.000_001, let node = layer.node("tdd_downlink_share") {
      layer.wrong(
        "tdd_downlink_share",
        "a downlink time share at most \(JSONWriter.fixed(1 - defaultUplink, decimals: 3)) beside the default uplink share \(JSONWriter.fixed(defaultUplink, decimals: 3)) (DDDSU), or tdd_uplink_share given",
        got: node)
    }
    guard let id, let technology, let band, let frequency, let bandwidth else { return nil }
    // Channel bandwidths of TS 36.101 Table 5.6-1 (LTE) and TS 38.101-1 Table 5.3.2-1
    // (NR FR1 at 30 kHz, the SCS of the TDD mid-band layers), as Radio's numerology holds them.
    let allowed =
      technology == .lte
      ? CarrierNumerology.lteBandwidthsMHz : CarrierNumerology.nrBandwidthsMHz(subcarrierSpacingKHz: 30)
    if !allowed.contains(bandwidth), let node = layer.node("bandwidth_mhz") {
      let list = allowed.map { JSONWriter.number($0) }.joined(separator: ", ")
      layer.wrong("bandwidth_mhz", "a \(technology.rawValue) channel bandwidth (\(list) MHz)", got: node)
      return nil
    }
    return RadioLayer(
      id: id, technology: technology, band: band, frequencyMHz: frequency, bandwidthMHz: bandwidth,
      tddDownlinkShare: share, tddUplinkShare: uplinkShare, uePowerClass: powerClass)
  }
}

/// Reads the `costs` section over the defaults of `CostParameters`.
enum CostsReader {
  static let keys = [
    "currency", "new_tower_vnd", "new_rooftop_vnd", "new_pole_vnd", "colocation_install_vnd",
    "radio_equipment_per_sector_vnd",
    "default_rent_vnd_month", "power_per_sector_kw", "electricity_vnd_per_kwh", "operations_vnd_per_site_year",
    "discount_rate", "horizon_years",
  ]

  /// The section's values over `base` (the defaults, or the scenario's costs for a sharing
  /// option's overrides).
  static func read(_ map: YAMLMap, over base: CostParameters = CostParameters()) -> CostParameters {
    var costs = base
    let money = "an amount in VND"
    costs.currency = map.string("currency") ?? costs.currency
    costs.newTowerVND = map.number("new_tower_vnd", expected: money, range: 0...1e13) ?? costs.newTowerVND
    costs.newRooftopVND = map.number("new_rooftop_vnd", expected: money, range: 0...1e13) ?? costs.newRooftopVND
    costs.newPoleVND = map.number("new_pole_vnd", expected: money, range: 0...1e13) ?? costs.newPoleVND
    costs.colocationInstallVND =
      map.number("colocation_install_vnd", expected: money, range: 0...1e13) ?? costs.colocationInstallVND
    costs.radioEquipmentPerSectorVND =
      map.number("radio_equipment_per_sector_vnd", expected: money, range: 0...1e13) ?? costs.radioEquipmentPerSectorVND
    costs.defaultRentVNDPerMonth =
      map.number("default_rent_vnd_month", expected: money, range: 0...1e12) ?? costs.defaultRentVNDPerMonth
    costs.powerPerSectorKW =
      map.number("power_per_sector_kw", expected: "a power in kW", range: 0...100) ?? costs.powerPerSectorKW
    costs.electricityVNDPerKWh =
      map.number("electricity_vnd_per_kwh", expected: money, range: 0...1e6) ?? costs.electricityVNDPerKWh
    costs.operationsVNDPerSiteYear =
      map.number("operations_vnd_per_site_year", expected: money, range: 0...1e12) ?? costs.operationsVNDPerSiteYear
    costs.discountRate =
      map.number("discount_rate", expected: "a yearly rate such as 0.1", range: 0...1) ?? costs.discountRate
    costs.horizonYears =
      map.integer("horizon_years", expected: "a number of years", range: 1...50) ?? costs.horizonYears
    if costs.colocationInstallVND == 0 && costs.operationsVNDPerSiteYear == 0 {
      // With both 0, a co-location on a rent-free structure joining a shared radio costs
      // nothing, and the planner's budget and least-cost modes need every station to cost
      // something (their ratios of coverage to cost).
      map.diagnostics.report(
        map.file, .line(map.line),
        "'\(map.path)': colocation_install_vnd and operations_vnd_per_site_year are both 0, so a station could cost nothing: expected at least one of them above 0"
      )
    }
    return costs
  }
}
