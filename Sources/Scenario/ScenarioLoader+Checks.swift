import Foundation
import Geo

extension LoadSession {
  /// Every CRS named must be known to PROJ; the computation CRS must be projected, in metres.
  func checkCRSs() {
    if let crs = document.crs {
      do {
        let description = try crs.describe()
        if !description.isProjected || !description.unitIsMetre {
          diagnostics.report(
            scenarioFile, .line(document.crsLine),
            "'crs': \(crs) (\(description.name)) is not a projected CRS in metres: expected 'auto', a UTM zone such as EPSG:32648, or a VN-2000 zone such as EPSG:9210"
          )
        }
      } catch {
        diagnostics.report(scenarioFile, .line(document.crsLine), "'crs': \(error)")
      }
    }
    let references = document.zones.map(\.parcels) + document.zones.compactMap(\.outline) + document.structures
    for reference in references {
      guard let crs = reference.crs else { continue }
      do { _ = try crs.describe() } catch {
        diagnostics.report(scenarioFile, .line(reference.line), "'crs': \(error)")
      }
    }
  }

  /// Parcel outlines must be valid (OGC rules, as GEOS checks them). With
  /// `repair_geometry: true` an invalid outline is repaired with GEOS MakeValid instead.
  func checkGeometry() {
    for (zoneIndex, zone) in document.zones.enumerated() {
      let file = shown(zone.parcels)
      parcelsByZone[zoneIndex] = parcelsByZone[zoneIndex].compactMap { parcel in
        let location = IssueLocation.feature(index: parcel.index, id: parcel.id)
        do {
          guard let reason = try engine.invalidity(of: .multiPolygon(parcel.outline)) else { return parcel }
          guard document.repairGeometry else {
            diagnostics.report(
              file, location,
              "invalid geometry: \(reason) (fix the outline, or set 'repair_geometry: true' in the scenario)")
            return nil
          }
          let repaired = try engine.makeValid(.multiPolygon(parcel.outline))
          guard !repaired.isEmpty, repaired.area > 0 else {
            diagnostics.report(file, location, "invalid geometry: \(reason); repair leaves no area")
            return nil
          }
          return parcel.replacingOutline(repaired)
        } catch {
          diagnostics.report(file, location, "geometry: \(error)")
          return nil
        }
      }
    }
  }

  /// Ids are unique; every sector's carrier, layer and structure exist; classes are known.
  func checkReferences() {
    duplicates(document.zones.map { ($0.id, $0.line) }) { line in
      self.diagnostics.report(self.scenarioFile, .line(line.1), "zone id \(Excerpt.quoted(line.0)) is used twice")
    }
    duplicates(document.carriers.map { ($0.carrier.id, $0.line) }) { entry in
      self.diagnostics.report(self.scenarioFile, .line(entry.1), "carrier id \(Excerpt.quoted(entry.0)) is used twice")
    }
    for spec in document.carriers {
      let layers = zip(spec.carrier.layers.map(\.id), spec.layerLines).map { ($0, $1) }
      duplicates(layers) { entry in
        self.diagnostics.report(
          self.scenarioFile, .line(entry.1),
          "layer id \(Excerpt.quoted(entry.0)) is used twice in carrier \(Excerpt.quoted(spec.carrier.id))")
      }
    }
    checkParcels()
    diagnostics.foldFollowOns()
    checkAcrossFiles(
      count: structures.count, id: { self.structures[$0].id }, file: { self.structures[$0].file },
      place: { self.structures[$0].place }, what: "structure")
    checkAcrossFiles(
      count: sectors.count, id: { self.sectors[$0].sector.id }, file: { self.sectors[$0].file },
      place: { self.sectors[$0].location }, what: "sector")
    checkSectors()
    checkOwnerPolicy()
  }

  /// Carriers named in `owner_policy` must exist.
  private func checkOwnerPolicy() {
    let known = Set(document.carriers.map(\.carrier.id))
    for (owner, policy) in document.ownerPolicy.sorted(by: { $0.key < $1.key }) {
      guard case .only(let ids) = policy else { continue }
      for id in ids where !known.contains(id) {
        diagnostics.report(
          scenarioFile, .line(document.ownerPolicyLine),
          "'owner_policy.\(owner)': unknown carrier \(Excerpt.quoted(id)) (expected one of: \(known.sorted().joined(separator: ", ")))"
        )
      }
    }
  }

  /// Ids repeated in another file of the same list (repeats inside one file are reported
  /// by the file's reader). Rows by index (a national scenario has ~10⁶ sectors: no copy of
  /// their ids, files and places, and the table sized once).
  private func checkAcrossFiles(
    count: Int, id: (Int) -> String, file: (Int) -> String, place: (Int) -> IssueLocation, what: String
  ) {
    var first: [String: Int] = [:]
    first.reserveCapacity(count)
    for row in 0..<count {
      let key = id(row)
      guard let earlier = first[key] else {
        first[key] = row
        continue
      }
      if file(earlier) != file(row) {
        diagnostics.report(
          file(row), place(row),
          "\(what) id \(Excerpt.quoted(key)) is already used in \(file(earlier)), \(place(earlier).shortText)")
      }
    }
  }

  private func checkParcels() {
    var seen: Set<String> = []
    seen.reserveCapacity(parcelsByZone.reduce(0) { $0 + $1.count })
    let classes = Set(document.buildingClasses.map(\.name))
    for (zone, parcels) in zip(document.zones, parcelsByZone) {
      let file = shown(zone.parcels)
      for parcel in parcels {
        let location = IssueLocation.feature(index: parcel.index, id: parcel.id)
        if !seen.insert(parcel.id).inserted {
          diagnostics.report(file, location, "parcel id \(Excerpt.quoted(parcel.id)) is used twice in the scenario")
        }
        if !classes.contains(parcel.buildingClass) {
          diagnostics.reportFollowOn(
            file, location, kind: "unknown class",
            "property 'building_class': unknown class \(Excerpt.quoted(parcel.buildingClass)) (expected one of: \(classes.sorted().joined(separator: ", ")))"
          )
        }
      }
    }
  }

  private func checkSectors() {
    let structuresByID = Dictionary(structures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let carriers = Dictionary(document.carriers.map { ($0.carrier.id, $0.carrier) }, uniquingKeysWith: { a, _ in a })
    let invalidLayers = Dictionary(
      document.carriers.map { ($0.carrier.id, $0.invalidLayerIDs) }, uniquingKeysWith: { a, b in a.union(b) })
    for record in sectors {
      let sector = record.sector
      func report(_ message: String) { diagnostics.report(record.file, record.location, message) }
      func followOn(_ kind: String, _ message: String) {
        diagnostics.reportFollowOn(record.file, record.location, kind: kind, message)
      }
      if let carrier = carriers[sector.carrierID] {
        if carrier.layer(sector.layerID) == nil, invalidLayers[carrier.id]?.contains(sector.layerID) != true {
          followOn(
            "unknown layer",
            "column 'layer': carrier \(Excerpt.quoted(carrier.id)) has no layer \(Excerpt.quoted(sector.layerID)) (it has: \(carrier.layers.map(\.id).joined(separator: ", ")))"
          )
        }
      } else {
        followOn(
          "unknown carrier",
          "column 'carrier': unknown carrier \(Excerpt.quoted(sector.carrierID)) (expected one of: \(carriers.keys.sorted().joined(separator: ", ")))"
        )
      }
      if let structure = structuresByID[sector.structureID], structure.isPlanned {
        report(
          "column 'structure': \(Excerpt.quoted(sector.structureID)) is a planned new build (\(structure.file)), not a structure that stands"
        )
      } else if let structure = structuresByID[sector.structureID] {
        if sector.heightM > structure.heightM {
          report(
            "column 'height_m': antenna at \(JSONWriter.number(sector.heightM)) m is above the top of structure \(Excerpt.quoted(structure.id)) (\(JSONWriter.number(structure.heightM)) m)"
          )
        }
      } else {
        followOn(
          "unknown structure",
          "column 'structure': unknown structure \(Excerpt.quoted(sector.structureID)) (not in the scenario's structures files"
            + (structureFilesHaveProblems ? ", which have problems listed above)" : ")"))
      }
      if let pattern = sector.antennaPatternPath, !FileManager.default.fileExists(atPath: pattern) {
        followOn("pattern not found", "column 'antenna_pattern': file not found: \(shown(pattern))")
      }
    }
    diagnostics.foldFollowOns()
  }

  /// Calls `report` for every entry whose id was already seen.
  private func duplicates(_ entries: [(String, Int)], report: ((String, Int)) -> Void) {
    var seen: Set<String> = []
    for entry in entries where !seen.insert(entry.0).inserted { report(entry) }
  }
}

extension ParcelRecord {
  func replacingOutline(_ outline: MultiPolygon) -> ParcelRecord {
    ParcelRecord(
      index: index, id: id, name: name, landUse: landUse, buildingClass: buildingClass, workers: workers,
      demand: demand, outline: outline)
  }
}
