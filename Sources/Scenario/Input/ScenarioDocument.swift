import Geo
import Radio
import Yams

/// A file the scenario refers to, with where the reference stands.
struct FileReference {
  /// Absolute, standardised path.
  let path: String
  /// Line of the reference in the scenario file.
  let line: Int
  /// CRS of coordinates in the file; nil = WGS84 lon, lat.
  let crs: CRS?
  /// The layer of a multi-layer vector file (GeoPackage) to read; nil = its only layer.
  var layer: String? = nil
  /// Cosite's property names → the file's field names (`fields:`), for files whose
  /// attributes have other names.
  var fields: [(cosite: String, file: String)] = []
  /// A sites file that is an operator's cell export: the mapping file that reads it
  /// (`SiteExportMapping`); it then gives the structures too.
  var mapping: String? = nil
}

struct ZoneSpec {
  let id: String
  let line: Int
  let name: String
  let province: String?
  let publishedAreaHa: Double?
  let parcels: FileReference
  /// The zone's boundary (a Polygon/MultiPolygon GeoJSON); nil = the union of its parcels.
  let outline: FileReference?
  /// The zone's own propagation model; nil = the scenario's.
  let propagation: Propagation?
}

struct CarrierSpec {
  let line: Int
  let carrier: Carrier
  /// Line of each layer, by layer index.
  let layerLines: [Int]
  /// Ids of layers given but not valid (reported where they stand): sectors naming them are
  /// not reported again.
  var invalidLayerIDs: Set<String> = []
}

/// The scenario YAML as read, before referenced files are opened.
struct ScenarioDocument {
  var name = ""
  /// nil means `auto`.
  var crs: CRS?
  var crsLine = 1
  var grid = GridSpec(resolutionM: 10, marginM: 500)
  var repairGeometry = false
  var buildingClasses = BuildingClass.defaults
  var zones: [ZoneSpec] = []
  var carriers: [CarrierSpec] = []
  var structures: [FileReference] = []
  var sites: [FileReference] = []
  var newBuilds: [FileReference] = []
  var ownerPolicy: [String: OwnerPolicy] = [:]
  /// Line of the `owner_policy` section.
  var ownerPolicyLine = 1
  var sharing = SharingSettings()
  var siting = SitingSettings()
  var indoorSystems = IndoorSystemSettings()
  var costs = CostParameters()
  var coverage = CoverageSettings()
  var terrain: TerrainReference?
  var landCover: LandCoverReference?

  static let rootKeys = [
    "cosite", "name", "description", "crs", "grid", "repair_geometry", "building_classes", "zones", "carriers",
    "structures", "sites", "new_builds", "owner_policy", "sharing", "siting", "costs", "coverage", "indoor_systems",
    "calibration",
  ]

  /// An empty document with every default, for before the file is read.
  init() {}

  /// Reads the root mapping; every problem goes to `diagnostics`.
  init(root: Node, file: String, directory: String, diagnostics: Diagnostics) {
    guard let map = YAMLMap(root, file: file, path: "", diagnostics: diagnostics, allowed: Self.rootKeys) else {
      return
    }
    if let node = map.node("cosite"), node.scalar?.string != "1" {
      map.wrong("cosite", "format version 1 (the only version this Cosite reads)", got: node)
    }
    name = map.string("name", required: true, expected: "a scenario name") ?? ""
    readCRS(map)
    if let grid = map.map("grid", allowed: ["resolution_m", "margin_m", "max_cells"]) {
      self.grid = GridSpec(
        resolutionM: grid.number("resolution_m", expected: "a cell size in m", range: 1...1000) ?? 10,
        marginM: grid.number("margin_m", expected: "a margin in m", range: 0...50_000) ?? 500,
        maxCells: grid.integer("max_cells", expected: "a cell budget", range: 1...GridSpec.maximumCells))
      self.grid.line = grid.line
    }
    repairGeometry = map.bool("repair_geometry") ?? false
    readBuildingClasses(map)
    let reader = SpecReader(map: map, directory: directory)
    zones = reader.zones()
    carriers = reader.carriers()
    let calibratedClasses = CalibrationReader.apply(map, to: &carriers)
    structures = reader.fileReferences("structures", withCRS: true, fields: StructuresFile.attributeNames)
    sites = reader.fileReferences("sites", withCRS: false, mapping: true)
    newBuilds = reader.fileReferences("new_builds", withCRS: true, fields: StructuresFile.attributeNames)
    if let costs = map.map("costs", allowed: CostsReader.keys) { self.costs = CostsReader.read(costs) }
    if let policy = map.map("owner_policy", allowed: nil) {
      ownerPolicy = SharingReader.ownerPolicy(policy)
      ownerPolicyLine = policy.line
    }
    if let sharing = map.map("sharing", allowed: SharingReader.keys) {
      self.sharing = SharingReader.read(sharing, costs: costs)
    }
    if let siting = map.map("siting", allowed: SitingReader.keys) { self.siting = SitingReader.read(siting) }
    if let indoor = map.map("indoor_systems", allowed: IndoorSystemsReader.keys) {
      indoorSystems = IndoorSystemsReader.read(indoor)
    }
    if let coverage = map.map("coverage", allowed: CoverageReader.keys) {
      // Every id the carriers list gives, valid carrier or not (so a broken one is not
      // reported again through the shares that name it).
      let carrierIDs = map.node("carriers")?.sequence?.compactMap { $0.mapping?["id"]?.string } ?? []
      (self.coverage, terrain, landCover) = CoverageReader.read(coverage, reader: reader, carrierIDs: carrierIDs)
    }
    var classes = landCover?.classes
    CalibrationReader.markClasses(calibratedClasses, in: &classes, map: map)
    if let classes, let reference = landCover { landCover = LandCoverReference(file: reference.file, classes: classes) }
    let tunings = carriers.flatMap {
      $0.carrier.layers.flatMap { [$0.tuning].compactMap { $0 } + $0.landCoverTunings.values }
    }
    if terrain != nil, tunings.contains(where: { !$0.fittedOverTerrain }) {
      map.diagnostics.warn(
        file, .line(map.line(of: "calibration")),
        "'calibration' with 'coverage.terrain': a tuning fitted without terrain (no 'terrain: true') holds the drive's average diffraction, which the terrain now adds again"
      )
    }
    if terrain == nil, tunings.contains(where: \.fittedOverTerrain) {
      map.diagnostics.warn(
        file, .line(map.line(of: "calibration")),
        "'calibration': a tuning fitted over terrain ('terrain: true') without 'coverage.terrain' lacks the diffraction it was fitted beside"
      )
    }
  }

  private mutating func readCRS(_ map: YAMLMap) {
    crsLine = map.line(of: "crs")
    guard let text = map.string("crs", expected: "'auto' or 'EPSG:<code>'"), text.lowercased() != "auto" else {
      return
    }
    do {
      crs = try CRS(parsing: text)
    } catch {
      map.diagnostics.report(map.file, .line(crsLine), "'crs': \(error)")
    }
  }

  private mutating func readBuildingClasses(_ map: YAMLMap) {
    // Building classes are named by the planner: any key is a class name.
    guard let classes = map.map("building_classes", allowed: nil) else { return }
    for name in classes.keys {
      guard let spec = classes.map(name, allowed: ["o2i", "extra_loss_db", "o2i_sigma_db", "indoor"]) else { continue }
      let modelName = spec.string("o2i", required: true, expected: "none, low-loss or high-loss")
      let model = modelName.flatMap(O2IModel.init(rawValue:))
      if modelName != nil, model == nil {
        map.diagnostics.report(
          map.file, .line(spec.line(of: "o2i")), "'\(spec.path).o2i': expected none, low-loss or high-loss")
      }
      let extra = spec.number("extra_loss_db", expected: "an extra loss in dB", range: 0...60) ?? 0
      let sigma = spec.number("o2i_sigma_db", expected: "a standard deviation of the indoor loss in dB", range: 0...30)
      let indoor = Self.indoorEnvironment(spec)
      guard let model else { continue }
      buildingClasses.removeAll { $0.name == name }
      buildingClasses.append(
        BuildingClass(name: name, o2i: model, extraLossDB: extra, o2iSigmaDB: sigma, indoor: indoor))
    }
  }

  /// A building class's `indoor: { model, clutter_density, clutter_size_m, clutter_height_m,
  /// node_height_m, floor_share, floors }`; nil when absent or wrong (reported).
  private static func indoorEnvironment(_ spec: YAMLMap) -> IndoorEnvironment? {
    let keys = [
      "model", "clutter_density", "clutter_size_m", "clutter_height_m", "node_height_m", "floor_share", "floors",
    ]
    guard let indoor = spec.map("indoor", allowed: keys) else { return nil }
    let names = IndoorScenario.allCases.map(\.rawValue).joined(separator: ", ")
    let modelName = indoor.string("model", required: true, expected: names)
    let scenario = modelName.flatMap(IndoorScenario.init(rawValue:))
    if modelName != nil, scenario == nil {
      spec.diagnostics.report(spec.file, .line(indoor.line(of: "model")), "'\(indoor.path).model': expected \(names)")
    }
    let density = indoor.number("clutter_density", expected: "a share of the floor, 0–0.99", range: 0...0.99)
    let size = indoor.number("clutter_size_m", expected: "a clutter size in m", range: 0.1...100)
    let height = indoor.number("clutter_height_m", expected: "a clutter height in m", range: 0...50)
    let node = indoor.number("node_height_m", expected: "a node height in m", range: 0.5...50)
    let floor = indoor.number("floor_share", expected: "the share of the parcel the floor covers", range: 0.01...1)
    let floors = indoor.integer("floors", expected: "the storeys the indoor system serves", range: 1...100)
    guard let scenario else { return nil }
    let standard = IndoorEnvironment(scenario: scenario)
    let environment = IndoorEnvironment(
      scenario: scenario,
      clutter: FactoryClutter(
        density: density ?? standard.clutter.density, sizeM: size ?? standard.clutter.sizeM,
        heightM: height ?? standard.clutter.heightM), nodeHeightM: node, floorShare: floor, floors: floors ?? 1)
    if let problem = environment.problem {
      spec.diagnostics.report(spec.file, .line(spec.line(of: "indoor")), "'\(indoor.path)': \(problem)")
      return nil
    }
    return environment
  }
}
