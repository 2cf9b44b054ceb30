import Foundation
import Geo

/// Checks of the projected model that catch inputs in the wrong CRS or units: errors where a
/// run would be meaningless, warnings where the input is merely unusual.
extension LoadSession {
  /// Widest extent the inputs may span: 3,000 km (Vietnam is ~1,650 km north to south); wider
  /// means a file in the wrong CRS, which no run could use.
  static let maximumExtentM = 3_000_000.0

  /// Parcels must keep an area and the inputs a plausible extent after projection.
  func checkProjectedGeometry(_ zones: [Zone]) {
    for (zoneIndex, (zone, records)) in zip(zones, parcelsByZone).enumerated() {
      let file = document.zones.first { $0.id == zone.id }.map { shown($0.parcels) } ?? ""
      let declared = parcelCRSByZone[zoneIndex].map { "\($0)" } ?? "WGS84 lon, lat"
      for (parcel, record) in zip(zone.parcels, records) {
        let finite = parcel.outline.polygons.allSatisfy {
          $0.rings.allSatisfy { $0.coordinates.allSatisfy(\.isFinite) }
        }
        guard finite, parcel.areaM2 >= 1 else {
          diagnostics.report(
            file, .feature(index: record.index, id: record.id),
            "area \(finite ? JSONWriter.fixed(parcel.areaM2, decimals: 4) : "undefined") m² after projection: expected a parcel of at least 1 m²; is the file's CRS (\(declared)) right?"
          )
          continue
        }
      }
    }
    guard let box = zones.flatMap(\.parcels).compactMap(\.outline.bounds).reduce(nil, MultiPolygon.union) else {
      return
    }
    let spanM = max(box.max.x - box.min.x, box.max.y - box.min.y)
    if !(spanM <= Self.maximumExtentM) {
      diagnostics.report(
        scenarioFile, .line(1),
        "the parcels span \(JSONWriter.fixed(spanM / 1000, decimals: 0)) km: expected at most \(Int(Self.maximumExtentM / 1000)) km; is a parcels file in another CRS than it declares?"
      )
    }
  }

  /// Warnings for plausible mistakes: overlapping parcels, structures far from every zone
  /// (more than three in a file as one line), zones far from their published area.
  func warnAboutPlausibility(_ zones: [Zone], structures: [Structure]) {
    warnAboutOverlaps(zones)
    let boxes = zones.compactMap { zone in zone.parcels.compactMap(\.outline.bounds).reduce(nil, MultiPolygon.union) }
    let reachM = document.coverage.maxRadiusM
    for (structure, record) in zip(structures, self.structures.filter { !$0.isPlanned }) {
      let distances = boxes.map { Self.distance(from: structure.position, to: $0) }
      guard let nearest = distances.min(), nearest > reachM else { continue }
      // Folded beyond three per file: a national network has tens of thousands far from
      // every park.
      diagnostics.reportFollowOnWarning(
        record.file, record.place, kind: "far-structure",
        "structure \(Excerpt.quoted(structure.id)) is \(JSONWriter.fixed(nearest / 1000, decimals: 1)) km from the nearest zone, beyond 'coverage.max_radius_m' (\(JSONWriter.number(reachM)) m): it cannot serve any parcel; is its position (or the file's CRS) right?"
      )
    }
    diagnostics.foldFollowOnWarnings()
    for (zone, spec) in zip(zones, document.zones) {
      guard let published = zone.publishedAreaHa, published > 0 else { continue }
      let areaHa = (zone.outline?.area ?? zone.parcels.reduce(0) { $0 + $1.areaM2 }) / 10_000
      let ratio = areaHa / published
      guard ratio < 0.5 || ratio > 2 else { continue }
      diagnostics.warn(
        scenarioFile, .line(spec.line),
        "zone \(Excerpt.quoted(zone.id)) measures \(JSONWriter.fixed(areaHa, decimals: 1)) ha (\(zone.outline == nil ? "its parcels" : "its outline")), against a published \(JSONWriter.number(published)) ha: is a file's CRS or the published figure right?"
      )
    }
  }

  /// Pairs of parcels (in any zone) that share more than 1 m² and 1 % of the smaller one:
  /// their people would be counted twice. More than three pairs in a file become one line.
  private func warnAboutOverlaps(_ zones: [Zone]) {
    struct Entry {
      let parcel: Parcel
      let record: ParcelRecord
      let file: String
      let box: (min: Coordinate, max: Coordinate)
    }
    var entries: [Entry] = []
    for (zoneIndex, zone) in zones.enumerated() {
      let file = shown(document.zones[zoneIndex].parcels)
      for (parcel, record) in zip(zone.parcels, parcelsByZone[zoneIndex]) {
        guard let box = parcel.outline.bounds else { continue }
        entries.append(Entry(parcel: parcel, record: record, file: file, box: box))
      }
    }
    entries.sort { $0.box.min.x < $1.box.min.x }
    var overlaps: [(Entry, Entry, Double)] = []
    for (index, first) in entries.enumerated() {
      for second in entries[(index + 1)...] {
        guard second.box.min.x < first.box.max.x else { break }
        guard second.box.min.y < first.box.max.y, first.box.min.y < second.box.max.y else { continue }
        guard
          let shared = try? engine.intersection(
            .multiPolygon(first.parcel.outline), .multiPolygon(second.parcel.outline)
          ).area,
          shared > max(1, 0.01 * min(first.parcel.areaM2, second.parcel.areaM2))
        else { continue }
        overlaps.append((first, second, shared))
      }
    }
    for (first, second, shared) in overlaps.sorted(by: {
      ($0.0.file, $0.0.record.index) < ($1.0.file, $1.0.record.index)
    }) {
      diagnostics.reportFollowOnWarning(
        first.file, .feature(index: first.record.index, id: first.record.id), kind: "overlap",
        "parcel overlaps parcel \(Excerpt.quoted(second.record.id)) (\(second.file)) by \(JSONWriter.number(shared.rounded())) m²: their people and area would be counted twice"
      )
    }
    diagnostics.foldFollowOnWarnings()
  }

  /// Distance from a point to a box (0 inside it), m.
  static func distance(from point: Coordinate, to box: (min: Coordinate, max: Coordinate)) -> Double {
    let dx = max(box.min.x - point.x, 0, point.x - box.max.x)
    let dy = max(box.min.y - point.y, 0, point.y - box.max.y)
    return (dx * dx + dy * dy).squareRoot()
  }
}

extension Coordinate {
  var isFinite: Bool { x.isFinite && y.isFinite }
}
