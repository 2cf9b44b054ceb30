import Geo
import Radio

/// A terrain raster the scenario names, before it is read.
struct TerrainReference {
  let file: FileReference
}

/// Reads the `coverage` section and zones' `propagation` over `CoverageSettings` defaults.
enum CoverageReader {
  static let keys = [
    "model", "environment", "los", "shadow_sigma_db", "ue_height_m", "floor_dbm", "max_radius_m", "rsrp_bins_dbm",
    "sinr_bins_db", "load",
    "noise_figure_db", "service_classes", "target", "terrain", "diffraction", "drops", "traffic", "service_floor",
    "uplink", "land_cover",
  ]

  static func read(
    _ map: YAMLMap, reader: SpecReader, carrierIDs: [String]
  ) -> (CoverageSettings, TerrainReference?, LandCoverReference?) {
    var settings = CoverageSettings()
    if let propagation = propagation(map, defaultModel: settings.propagation.model) {
      settings.propagation = propagation
    }
    settings.ueHeightM = map.number("ue_height_m", expected: "a UE height in m", range: 0.5...30) ?? settings.ueHeightM
    settings.floorDBm = map.number("floor_dbm", expected: "a power in dBm", range: -200 ... -60) ?? settings.floorDBm
    settings.maxRadiusM =
      map.number("max_radius_m", expected: "a distance in m", range: 100...100_000) ?? settings.maxRadiusM
    settings.rsrpBinsDBm = thresholds(map, "rsrp_bins_dbm", range: -160 ... -20) ?? settings.rsrpBinsDBm
    settings.sinrBinsDB = thresholds(map, "sinr_bins_db", range: -30...60) ?? settings.sinrBinsDB
    if map.string("load", expected: "coupled or an interferer load 0…1") == "coupled" {
      settings.capacity.load = .coupled
    } else if let load = map.number("load", expected: "coupled or an interferer load 0…1", range: 0...1) {
      settings.loadFactor = load
      settings.capacity.load = .fixed
    }
    CapacityReader.read(map, into: &settings.capacity, carrierIDs: carrierIDs)
    settings.noiseFigureDB =
      map.number("noise_figure_db", expected: "a noise figure in dB", range: 0...20) ?? settings.noiseFigureDB
    if let classes = map.map("service_classes", allowed: nil) {
      settings.serviceClasses = CapacityReader.serviceClasses(classes)
      // A place takes the worse of its downlink's and uplink's class: that is the best class
      // both reach only when a better class asks no less of the uplink.
      let bestFirst = settings.serviceClassesBestFirst
      if zip(bestFirst, bestFirst.dropFirst()).contains(where: { $0.minimumUplinkMbps < $1.minimumUplinkMbps }),
        let node = map.node("service_classes")
      {
        map.wrong(
          "service_classes",
          "classes whose uplink minimums fall with their downlink minimums (a better class asks no less up)",
          got: node)
      }
    }
    if let target = map.map("target", allowed: ["rsrp_dbm", "indoor", "min_share", "reliability"]) {
      let old = settings.target
      settings.target = CoverageTarget(
        rsrpDBm: target.number("rsrp_dbm", expected: "an RSRP in dBm", range: -160 ... -20) ?? old.rsrpDBm,
        indoor: target.bool("indoor") ?? old.indoor,
        minimumShare: target.number("min_share", expected: "a share of area 0…1", range: 0...1) ?? old.minimumShare,
        reliability: target.number(
          "reliability", expected: "a location probability (0.9 = 90 %)",
          range: 0.001...0.999) ?? old.reliability)
    }
    if let drops = map.map(
      "drops", allowed: ["users", "seed", "indoor_share", "low_loss_share", "floors", "min_distance_m"])
    {
      settings.drops = readDrops(drops)
    }
    settings.diffraction = diffraction(map) ?? settings.diffraction
    var terrain: TerrainReference?
    if let spec = map.map("terrain", allowed: ["dem", "crs", "k_factor"]) {
      settings.kFactor =
        spec.number("k_factor", expected: "an effective Earth radius factor", range: 0.1...100) ?? 4 / 3
      if let file = reader.fileReference("dem", withCRS: false, in: spec) {
        var crs: CRS?
        if let text = spec.string("crs", expected: "'EPSG:<code>'") {
          do { crs = try CRS(parsing: text) } catch {
            map.diagnostics.report(map.file, .line(spec.line(of: "crs")), "'\(spec.path).crs': \(error)")
          }
        }
        terrain = TerrainReference(file: FileReference(path: file.path, line: file.line, crs: crs))
      } else if spec.node("dem") == nil {
        spec.missing("dem", "a DEM file (.asc or SRTM .hgt)")
      }
    }
    let landCover = map.map("land_cover", allowed: LandCoverReader.keys).flatMap {
      LandCoverReader.read($0, reader: reader, base: settings.propagation)
    }
    return (settings, terrain, landCover)
  }

  /// The `diffraction` key: one of `DiffractionMethod`'s names, or nil (reported) otherwise.
  static func diffraction(_ map: YAMLMap) -> DiffractionMethod? {
    let methods = DiffractionMethod.allCases.map(\.rawValue).joined(separator: ", ")
    let expected = "a diffraction method (\(methods))"
    guard let text = map.string("diffraction", expected: expected) else { return nil }
    guard let method = DiffractionMethod(rawValue: text) else {
      if let node = map.node("diffraction") { map.wrong("diffraction", expected, got: node) }
      return nil
    }
    return method
  }

  /// `model`, `environment`, `los` and `shadow_sigma_db` keys of `map`, or nil when it names
  /// no model. With a `defaultModel` (the coverage section's), `los` and `shadow_sigma_db`
  /// may refine it without naming it.
  static func propagation(_ map: YAMLMap, defaultModel: PathLossModel? = nil) -> Propagation? {
    let models = PathLossModel.allCases.map(\.rawValue).joined(separator: ", ")
    let modelText = map.string("model", expected: "a propagation model (\(models))")
    let named = modelText.flatMap(PathLossModel.init(rawValue:))
    if modelText != nil, named == nil, let node = map.node("model") {
      map.wrong("model", "a propagation model (\(models))", got: node)
    }
    let environments = Environment.allCases.map(\.rawValue).joined(separator: ", ")
    let environmentText = map.string("environment", expected: "a clutter environment (\(environments))")
    let environment = environmentText.flatMap(Environment.init(rawValue:))
    if environmentText != nil, environment == nil, let node = map.node("environment") {
      map.wrong("environment", "a clutter environment (\(environments))", got: node)
    }
    let states = LineOfSight.allCases.map(\.rawValue).joined(separator: ", ")
    let losText = map.string("los", expected: "a line-of-sight state (\(states))")
    let lineOfSight = losText.flatMap(LineOfSight.init(rawValue:))
    if losText != nil, lineOfSight == nil, let node = map.node("los") {
      map.wrong("los", "a line-of-sight state (\(states))", got: node)
    }
    let sigma = map.number("shadow_sigma_db", expected: "a shadow-fading standard deviation in dB", range: 0...30)
    let clutter = map.number("clutter_loss_db", expected: "a clutter loss in dB", range: 0...60)
    let refinesDefault = modelText == nil && (lineOfSight != nil || sigma != nil || clutter != nil)
    guard let model = named ?? (refinesDefault ? defaultModel : nil) else {
      if lineOfSight != nil || sigma != nil, map.node("model") == nil {
        map.missing("model", "a propagation model (los and shadow_sigma_db belong to one)")
      }
      return nil
    }
    if let lineOfSight, lineOfSight != .nlos, model.lineOfSightVariant == nil {
      map.diagnostics.report(
        map.file, .line(map.line(of: "los")),
        "'\(YAMLMap.join(map.path, "los"))': \(model.rawValue) has no line-of-sight state: expected nlos, or a TR 38.901 model for \(lineOfSight.rawValue)"
      )
      return nil
    }
    return Propagation(
      model: model, environment: environment ?? .urban, lineOfSight: lineOfSight, shadowSigmaDB: sigma,
      clutterLossDB: clutter ?? 0)
  }

  /// The `drops` section over `DropSettings` defaults.
  static func readDrops(_ map: YAMLMap) -> DropSettings {
    var drops = DropSettings()
    drops.users = map.integer("users", expected: "a number of users", range: 0...10_000_000) ?? drops.users
    drops.seed = map.integer("seed", expected: "a seed", range: 0...Int.max).map(UInt64.init) ?? drops.seed
    drops.indoorShare = map.number("indoor_share", expected: "a share of users 0…1", range: 0...1)
    drops.lowLossShare =
      map.number("low_loss_share", expected: "a share of indoor users 0…1", range: 0...1) ?? drops.lowLossShare
    drops.minDistanceM =
      map.number("min_distance_m", expected: "a distance in m", range: 0...10_000) ?? drops.minDistanceM
    if let nodes = map.sequence("floors", expected: "[fewest, most] floors of a building") {
      let values = nodes.compactMap { node -> Int? in
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), (1...200).contains(value) else {
          return nil
        }
        return value
      }
      if values.count == 2, values.count == nodes.count, values[0] <= values[1] {
        drops.floors = values[0]...values[1]
      } else if let node = map.node("floors") {
        map.wrong("floors", "[fewest, most] floors of a building, whole numbers 1–200", got: node)
      }
    }
    return drops
  }

  /// A strictly decreasing list of thresholds.
  private static func thresholds(_ map: YAMLMap, _ key: String, range: ClosedRange<Double>) -> [Double]? {
    guard let nodes = map.sequence(key, expected: "a list of thresholds, strongest first") else { return nil }
    let values = nodes.compactMap { node -> Double? in
      guard case .scalar(let scalar) = node, let value = Double(scalar.string), range.contains(value) else {
        return nil
      }
      return value
    }
    guard values.count == nodes.count, !values.isEmpty, zip(values, values.dropFirst()).allSatisfy({ $0 > $1 })
    else {
      let expected = "a list of numbers between \(Int(range.lowerBound)) and \(Int(range.upperBound)), strongest first"
      if let node = map.node(key) { map.wrong(key, expected, got: node) }
      return nil
    }
    return values
  }
}
