import Foundation
import Geo

extension LoadSession {
  /// Reads each zone's outline file: every Polygon/MultiPolygon feature is a part of the zone.
  func readOutlines() {
    outlineCRSByZone = document.zones.map { $0.outline?.crs }
    outlineByZone = document.zones.enumerated().map { zoneIndex, zone in
      guard let reference = zone.outline else { return nil }
      let name = shown(reference)
      guard let (features, crs) = readFeatures(reference, name: name) else { return nil }
      outlineCRSByZone[zoneIndex] = crs
      if features.isEmpty { diagnostics.report(name, .file, "no features: expected the zone's outline polygon") }
      var polygons: [Polygon] = []
      for feature in features {
        let location = IssueLocation.feature(index: feature.index, id: feature.property("id")?.stringValue)
        switch feature.geometry {
        case .success(.polygon(let polygon)): polygons.append(polygon)
        case .success(.multiPolygon(let parts)): polygons += parts.polygons
        case .success: diagnostics.report(name, location, "geometry: expected a Polygon or MultiPolygon")
        case .failure(let error): diagnostics.report(name, location, "geometry: \(error)")
        }
      }
      let outline = MultiPolygon(polygons)
      do {
        if let reason = try engine.invalidity(of: .multiPolygon(outline)) {
          diagnostics.report(name, .file, "invalid zone outline: \(reason) (parts must not overlap)")
          return nil
        }
      } catch {
        diagnostics.report(name, .file, "geometry: \(error)")
        return nil
      }
      return polygons.isEmpty ? nil : outline
    }
  }

  /// The zone outline in the metric CRS; every parcel must lie inside it (to 1 m² plus a
  /// millionth of its area, for coordinates rounded to ~1 cm), or it is an issue.
  func projectOutline(
    _ zoneIndex: Int, lonLat: MultiPolygon?, parcels: [Parcel], toMetric: (MultiPolygon) throws -> MultiPolygon
  ) -> MultiPolygon? {
    let zone = document.zones[zoneIndex]
    guard let lonLat, let reference = zone.outline else { return nil }
    let outline: MultiPolygon
    do {
      outline = try toMetric(lonLat)
    } catch {
      diagnostics.report(shown(reference), .file, "\(error)")
      return nil
    }
    let parcelsFile = shown(zone.parcels)
    for (parcel, record) in zip(parcels, parcelsByZone[zoneIndex]) {
      do {
        let outsideM2 = try engine.difference(.multiPolygon(parcel.outline), .multiPolygon(outline)).area
        if outsideM2 > 1 + 1e-6 * parcel.areaM2 {
          diagnostics.report(
            parcelsFile, .feature(index: record.index, id: record.id),
            "parcel lies outside the outline of zone '\(zone.id)' (\(shown(reference))) by \(JSONWriter.number((outsideM2).rounded())) m²"
          )
        }
      } catch {
        diagnostics.report(parcelsFile, .feature(index: record.index, id: record.id), "geometry: \(error)")
      }
    }
    return outline
  }
}
