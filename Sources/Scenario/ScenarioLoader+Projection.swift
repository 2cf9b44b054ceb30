import Foundation
import Geo

extension LoadSession {
  /// Chooses the metric CRS and projects every geometry once; nil with issues on failure.
  func project() -> ScenarioModel? {
    let issuesBefore = diagnostics.issues.count
    // Transforms are costly to create (~19 ms): one per CRS pair and load.
    var transforms: [[Int]: CoordinateTransform] = [:]
    func transform(from source: CRS, to target: CRS) throws -> CoordinateTransform {
      if let cached = transforms[[source.epsg, target.epsg]] { return cached }
      let created = try CoordinateTransform(from: source, to: target)
      transforms[[source.epsg, target.epsg]] = created
      return created
    }

    // 1. Everything to WGS84 lon, lat (the files may be in VN-2000 or UTM).
    var lonLatByZone: [[MultiPolygon]] = []
    for (zoneIndex, (zone, parcels)) in zip(document.zones, parcelsByZone).enumerated() {
      let file = shown(zone.parcels)
      lonLatByZone.append(
        parcels.map { parcel in
          guard let crs = parcelCRSByZone[zoneIndex], crs != .wgs84 else { return parcel.outline }
          do {
            let toLonLat = try transform(from: crs, to: .wgs84)
            return try parcel.outline.map { try toLonLat.forward($0) }
          } catch {
            diagnostics.report(file, .feature(index: parcel.index, id: parcel.id), "\(error)")
            return parcel.outline
          }
        })
    }
    let structureLonLat: [Coordinate] = structures.map { record in
      guard !record.isLonLat else { return record.sourcePosition }
      guard let crs = record.crs else {
        diagnostics.report(
          record.file, record.place,
          "position given as x/y or easting/northing, but the scenario names no 'crs' for this structures file")
        return record.sourcePosition
      }
      do {
        return try transform(from: crs, to: .wgs84).forward(record.sourcePosition)
      } catch {
        diagnostics.report(record.file, record.place, "\(error)")
        return record.sourcePosition
      }
    }
    let outlineLonLat: [MultiPolygon?] = zip(document.zones, outlineByZone).enumerated().map { zoneIndex, pair in
      let (zone, outline) = pair
      guard let outline, let reference = zone.outline, let crs = outlineCRSByZone[zoneIndex], crs != .wgs84 else {
        return outline
      }
      do {
        let toLonLat = try transform(from: crs, to: .wgs84)
        return try outline.map { try toLonLat.forward($0) }
      } catch {
        diagnostics.report(shown(reference), .file, "\(error)")
        return outline
      }
    }
    guard diagnostics.issues.count == issuesBefore else { return nil }

    // 2. The computation CRS: as given, or the UTM zone of the centre of the inputs.
    let allPoints = lonLatByZone.flatMap { $0 }.compactMap(\.bounds).flatMap { [$0.min, $0.max] } + structureLonLat
    let centre = Self.centre(of: allPoints)
    let crs = document.crs ?? CRS.utmZone(containing: centre)
    let toMetric: CoordinateTransform
    let crsName: String
    do {
      toMetric = try transform(from: .wgs84, to: crs)
      crsName = try crs.describe().name
    } catch {
      diagnostics.report(scenarioFile, .line(document.crsLine), "'crs': \(error)")
      return nil
    }

    // 3. Project parcels and structures; build the model.
    var zones: [Zone] = []
    for (zoneIndex, zone) in document.zones.enumerated() {
      let file = shown(zone.parcels)
      var parcels: [Parcel] = []
      for (record, lonLat) in zip(parcelsByZone[zoneIndex], lonLatByZone[zoneIndex]) {
        do {
          let metric = try lonLat.map { try toMetric.forward($0) }
          parcels.append(
            Parcel(
              id: record.id, name: record.name, zoneID: zone.id, landUse: record.landUse,
              buildingClass: record.buildingClass, workers: record.workers, demand: record.demand ?? record.workers,
              outlineLonLat: lonLat, outline: metric))
        } catch {
          diagnostics.report(file, .feature(index: record.index, id: record.id), "\(error)")
        }
      }
      let outline = projectOutline(zoneIndex, lonLat: outlineLonLat[zoneIndex], parcels: parcels) {
        try $0.map { try toMetric.forward($0) }
      }
      zones.append(
        Zone(
          id: zone.id, name: zone.name, province: zone.province, publishedAreaHa: zone.publishedAreaHa,
          parcels: parcels, outlineLonLat: outlineLonLat[zoneIndex], outline: outline,
          propagation: zone.propagation))
    }
    var projectedStructures: [Structure] = []
    var plannedSites: [Structure] = []
    for (record, lonLat) in zip(structures, structureLonLat) {
      do {
        let structure = Structure(
          id: record.id, kind: record.kind, positionLonLat: lonLat, position: try toMetric.forward(lonLat),
          heightM: record.heightM, owner: record.owner, freeSlots: record.freeSlots,
          rentVNDPerMonth: record.rentVNDPerMonth ?? document.costs.defaultRentVNDPerMonth,
          buildingHeightM: record.buildingHeightM, mountWindowM: record.mountWindowM,
          maxAddedSectors: record.maxAddedSectors)
        if record.isPlanned { plannedSites.append(structure) } else { projectedStructures.append(structure) }
      } catch {
        diagnostics.report(record.file, record.place, "\(error)")
      }
    }
    checkProjectedGeometry(zones)
    guard diagnostics.isEmpty else { return nil }
    warnAboutPlausibility(zones, structures: projectedStructures)
    var model = ScenarioModel(
      name: document.name, sourcePath: scenarioPath, crs: crs, crsName: crsName, crsIsAutomatic: document.crs == nil,
      grid: document.grid, buildingClasses: document.buildingClasses, zones: zones,
      carriers: document.carriers.map(\.carrier), structures: projectedStructures, sectors: sectors.map(\.sector),
      costs: document.costs, coverage: document.coverage, terrain: terrain, antennaPatterns: antennaPatterns,
      plannedSites: plannedSites, ownerPolicy: document.ownerPolicy, sharing: document.sharing)
    model.warnings = ScenarioIssue.ordered(diagnostics.warnings)
    model.siting = document.siting
    model.indoorSystems = document.indoorSystems
    model.landCover = landCover
    if let landCover {
      let toCover = landCover.crs == .wgs84 ? nil : try? CoordinateTransform(from: .wgs84, to: landCover.crs)
      model.landCoverOfParcels = model.parcels.map { parcel in
        landCover.majorityClass(of: parcel.outlineLonLat) { point in
          landCover.crs == .wgs84 ? point : try? toCover?.forward(point)
        }
      }
    }
    return model
  }

  /// Centre of the bounding box of `points` (0, 0 when there are none).
  static func centre(of points: [Coordinate]) -> Coordinate {
    guard let first = points.first else { return Coordinate(x: 0, y: 0) }
    var low = first
    var high = first
    for point in points {
      low = Coordinate(x: min(low.x, point.x), y: min(low.y, point.y))
      high = Coordinate(x: max(high.x, point.x), y: max(high.y, point.y))
    }
    return Coordinate(x: (low.x + high.x) / 2, y: (low.y + high.y) / 2)
  }
}
