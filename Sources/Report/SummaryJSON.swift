import Coverage
import Geo
import Scenario

/// `summary.json`: the scenario's counts, areas and CRS, for scripts and dashboards.
/// Holds no time stamp and no absolute path, so reruns are byte-identical anywhere.
public enum SummaryJSON {
  /// - Parameter coverage: a run's result: adds the coverage settings the figures were
  ///   judged by (target, reliability, models) and the models' validity warnings.
  public static func text(
    _ summary: ScenarioSummary, coverage: CoverageResult? = nil, distributions: [LayerDistributions] = []
  ) -> String {
    let zones: [JSONValue] = summary.zones.map { zone in
      .object([
        ("id", .string(zone.id)), ("name", .string(zone.name)), ("parcels", .number(Double(zone.parcels))),
        ("area_ha", number(zone.areaHa, decimals: 2)),
        ("published_area_ha", zone.publishedAreaHa.map { .number($0) } ?? .null),
      ])
    }
    let carriers: [JSONValue] = summary.carriers.map { carrier in
      .object([
        ("id", .string(carrier.id)), ("name", .string(carrier.name)),
        (
          "layers",
          .array(
            carrier.layers.map { layer in
              .object(
                [
                  ("id", .string(layer.id)), ("technology", .string(layer.technology.rawValue)),
                  ("band", .string(layer.band)), ("frequency_mhz", .number(layer.frequencyMHz)),
                  ("bandwidth_mhz", .number(layer.bandwidthMHz)),
                  ("tdd_downlink_share", .number(layer.tddDownlinkShare)),
                ] + (layer.tuning.map { [("calibration", CoverageBasis.tuningJSON($0))] } ?? [])
                  + (layer.landCoverTunings.isEmpty
                    ? []
                    : [
                      (
                        "land_cover_calibration",
                        .object(
                          layer.landCoverTunings.keys.sorted().map {
                            ($0, CoverageBasis.tuningJSON(layer.landCoverTunings[$0]!))
                          })
                      )
                    ]))
            })
        ),
      ])
    }
    let value: JSONValue = .object(
      [
        ("scenario", .string(summary.name)),
        (
          "crs",
          .object([
            ("code", .string(summary.crs.identifier)), ("name", .string(summary.crsName)),
            ("automatic", .bool(summary.crsIsAutomatic)),
          ])
        ),
        ("zones", .array(zones)),
        ("parcels", .number(Double(summary.parcelCount))),
        ("parcel_area_ha", number(summary.parcelAreaHa, decimals: 2)),
        ("workers", .number(summary.workers)),
        ("carriers", .array(carriers)),
        (
          "structures",
          .object(
            [("total", .number(Double(summary.structureCount)))]
              + summary.structuresByKind.map { ($0.0.rawValue, .number(Double($0.1))) }
              + [
                ("rooftop_non_bulky", .number(Double(summary.nonBulkyRooftopCount))),
                ("rooftop_needing_permit", .number(Double(summary.permitRooftopCount))),
              ])
        ),
        ("sites", .number(Double(summary.siteCount))),
        ("sectors", .number(Double(summary.sectorCount))),
        ("shared_structures", .number(Double(summary.sharedStructureCount))),
        ("passive_sharing_rate", number(summary.passiveSharingRate, decimals: 4)),
      ] + (coverage.map { [("coverage", CoverageBasis.json($0))] } ?? [])
        + (coverage.map { result in
          distributions.isEmpty
            ? []
            : [
              (
                "distributions",
                DistributionsTable.json(
                  distributions, users: result.settings.drops.users, seed: result.settings.drops.seed)
              )
            ]
        } ?? []))
    return JSONWriter.text(value, pretty: true) + "\n"
  }
}
