import Coverage
import Geo
import Scenario

/// `parcel-coverage.csv` and `.json`: per carrier, layer, parcel and place (outdoor or
/// indoor), the share of the parcel's area in each RSRP bin, SINR bin and service class
/// (per-user busy-hour rates, both directions), the share where the layer's uplink gives a
/// worse class than its downlink, and whether the parcel meets the coverage target.
enum ParcelCoverageTable {
  /// The CSV's bytes: a header, then one line per carrier layer, parcel and place.
  static func csv(_ result: CoverageResult, scenario: ScenarioModel) -> [UInt8] {
    let settings = result.settings
    var header = [
      "carrier", "layer", "zone", "parcel", "land_use", "building_class", "where", "area_ha", "workers", "demand",
    ]
    header += BinLabels.keys(settings.rsrpBinsDBm, prefix: "rsrp") + BinLabels.keys(settings.sinrBinsDB, prefix: "sinr")
    header += BinLabels.serviceKeys(settings) + ["uplink_limited_share", "covered_share", "meets_target"]
    var bytes = Array(header.joined(separator: ",").utf8)
    bytes.append(UInt8(ascii: "\n"))
    for layer in result.layers {
      guard let carrier = result.carriers.first(where: { $0.carrierID == layer.carrierID }) else { continue }
      for (parcelIndex, parcel) in result.parcels.enumerated() {
        for indoor in [false, true] {
          guard let rsrp = result.shares(indoor ? layer.rsrpIndoor : layer.rsrpOutdoor, parcel: parcelIndex),
            let sinr = result.shares(indoor ? layer.sinrIndoor : layer.sinrOutdoor, parcel: parcelIndex),
            let service = result.shares(indoor ? carrier.serviceIndoor : carrier.serviceOutdoor, parcel: parcelIndex),
            let limited = result.shares(
              indoor ? layer.uplinkLimitedIndoor : layer.uplinkLimitedOutdoor, parcel: parcelIndex),
            let covered = result.coveredShare(carrier, parcel: parcelIndex)
          else { continue }
          for text in [
            layer.carrierID, layer.layer.id, parcel.zoneID, parcel.id, parcel.landUse.rawValue, parcel.buildingClass,
            indoor ? "indoor" : "outdoor",
          ] {
            CSVField.append(text, to: &bytes)
            bytes.append(UInt8(ascii: ","))
          }
          // Numbers need no quoting: digits, a sign and a point at most.
          DecimalText.appendFixed(
            Double(result.parcelCells[parcelIndex]) * result.cellAreaM2 / 1e4, decimals: 2, to: &bytes)
          for value in [parcel.workers, parcel.demand] {
            bytes.append(UInt8(ascii: ","))
            DecimalText.appendShortest(value, to: &bytes)
          }
          for share in [rsrp, sinr, service, [limited[0], covered]].joined() {
            bytes.append(UInt8(ascii: ","))
            DecimalText.appendFixed(share, decimals: 4, to: &bytes)
          }
          bytes.append(contentsOf: (result.missesTarget(carrier, parcel: parcelIndex) ? ",no\n" : ",yes\n").utf8)
        }
      }
    }
    return bytes
  }

  /// The JSON's bytes: per carrier, zone and parcel, the shares and the target.
  static func json(_ result: CoverageResult, scenario: ScenarioModel) -> [UInt8] {
    let settings = result.settings
    func shares(_ values: [Double]?) -> JSONValue { .array((values ?? []).map { number($0, decimals: 4) }) }
    let carriers: [JSONValue] = result.carriers.map { carrier in
      let layers = result.layers.filter { $0.carrierID == carrier.carrierID }
      let zones: [JSONValue] = scenario.zones.enumerated().map { zoneIndex, zone in
        let covered = result.coveredShare(carrier, zone: zoneIndex)
        let parcelIndices = result.parcels(inZone: zoneIndex)
        let parcels: [JSONValue] = parcelIndices.map { index in
          var entries: [(String, JSONValue)] = [
            ("parcel", .string(result.parcels[index].id)),
            ("area_ha", number(Double(result.parcelCells[index]) * result.cellAreaM2 / 1e4, decimals: 2)),
            ("covered_share", result.coveredShare(carrier, parcel: index).map { number($0, decimals: 4) } ?? .null),
            ("meets_target", .bool(!result.missesTarget(carrier, parcel: index))),
            ("service_outdoor", shares(result.shares(carrier.serviceOutdoor, parcel: index))),
            ("service_indoor", shares(result.shares(carrier.serviceIndoor, parcel: index))),
          ]
          for layer in layers {
            entries.append(
              (
                layer.layer.id,
                .object([
                  ("rsrp_outdoor", shares(result.shares(layer.rsrpOutdoor, parcel: index))),
                  ("rsrp_indoor", shares(result.shares(layer.rsrpIndoor, parcel: index))),
                  ("sinr_outdoor", shares(result.shares(layer.sinrOutdoor, parcel: index))),
                  ("sinr_indoor", shares(result.shares(layer.sinrIndoor, parcel: index))),
                  (
                    "uplink_limited_outdoor",
                    result.shares(layer.uplinkLimitedOutdoor, parcel: index).map { number($0[0], decimals: 4) } ?? .null
                  ),
                  (
                    "uplink_limited_indoor",
                    result.shares(layer.uplinkLimitedIndoor, parcel: index).map { number($0[0], decimals: 4) } ?? .null
                  ),
                ])
              ))
          }
          return .object(entries)
        }
        func weighted(_ histogram: ParcelHistogram) -> JSONValue {
          let zoneShares = result.shares(histogram, zone: zoneIndex)
          return .object([
            ("area", shares(zoneShares.area)), ("workers", shares(zoneShares.workers)),
            ("demand", shares(zoneShares.demand)),
          ])
        }
        let layerTotals: [(String, JSONValue)] = layers.map { layer in
          (
            layer.layer.id,
            .object([
              ("rsrp_outdoor", weighted(layer.rsrpOutdoor)), ("rsrp_indoor", weighted(layer.rsrpIndoor)),
              ("sinr_outdoor", weighted(layer.sinrOutdoor)), ("sinr_indoor", weighted(layer.sinrIndoor)),
              ("uplink_limited_outdoor", weighted(layer.uplinkLimitedOutdoor)),
              ("uplink_limited_indoor", weighted(layer.uplinkLimitedIndoor)),
            ])
          )
        }
        return .object([
          ("zone", .string(zone.id)), ("name", .string(zone.name)),
          ("service_outdoor", weighted(carrier.serviceOutdoor)), ("service_indoor", weighted(carrier.serviceIndoor)),
          ("layers", .object(layerTotals)),
          ("covered_share_area", number(covered.area, decimals: 4)),
          ("covered_share_workers", number(covered.workers, decimals: 4)),
          ("covered_share_demand", number(covered.demand, decimals: 4)),
          (
            "parcels_missing_target",
            .number(Double(parcelIndices.filter { result.missesTarget(carrier, parcel: $0) }.count))
          ),
          ("parcels", .array(parcels)),
        ])
      }
      return .object([("carrier", .string(carrier.carrierID)), ("zones", .array(zones))])
    }
    let document: JSONValue = .object([
      ("scenario", .string(scenario.name)),
      ("cell_size_m", .number(result.resolutionM)),
      (
        "target",
        .object([
          ("rsrp_dbm", .number(settings.target.rsrpDBm)), ("indoor", .bool(settings.target.indoor)),
          ("min_share", .number(settings.target.minimumShare)),
        ])
      ),
      ("rsrp_bins", .array(BinLabels.keys(settings.rsrpBinsDBm, prefix: "rsrp").map { .string($0) })),
      ("sinr_bins", .array(BinLabels.keys(settings.sinrBinsDB, prefix: "sinr").map { .string($0) })),
      ("service_classes", .array(BinLabels.serviceKeys(settings).map { .string($0) })),
      ("carriers", .array(carriers)),
    ])
    var bytes: [UInt8] = []
    JSONWriter.append(document, to: &bytes, pretty: true)
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }
}

/// RFC 4180 quoting of one CSV field.
public enum CSVField {
  public static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = []
    append(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text`, in double quotes (its quotes doubled) when it holds a comma, a quote, a
  /// line feed or a carriage return (a reader ends a record at either).
  static func append(_ text: String, to bytes: inout [UInt8]) {
    let utf8 = text.utf8
    guard
      utf8.contains(where: {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
      })
    else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      bytes.append(byte)
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
