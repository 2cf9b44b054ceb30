import Foundation

/// A scenario directory written to a fresh temporary folder (shared by the Scenario tests and
/// the command-line tests), with a valid default for
/// every file, so that each test changes exactly the thing it checks.
public struct ScenarioFixture {
  public let directory: URL

  public static let validParcels = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"P1","land_use":"factory","building_class":"metal-clad","workers":120},"geometry":{"type":"Polygon","coordinates":[[[106.75,20.83],[106.76,20.83],[106.76,20.84],[106.75,20.84],[106.75,20.83]]]}},
    {"type":"Feature","properties":{"id":"P2","land_use":"road","building_class":"outdoor"},"geometry":{"type":"Polygon","coordinates":[[[106.76,20.83],[106.761,20.83],[106.761,20.84],[106.76,20.84],[106.76,20.83]]]}}
    ]}
    """
  public static let validStructures = """
    id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month
    T1,tower,106.755,20.835,40,towerco,2,15000000
    R1,rooftop,106.757,20.836,18,deep-c,1,
    """
  public static let validSites = """
    id,carrier,layer,structure,azimuth_deg,height_m,power_dbm
    S1,viettel,lte1800,T1,0,38,43
    S2,vnpt,lte1800,T1,120,35,43
    """
  public static let validScenario = """
    cosite: 1
    name: Fixture
    crs: auto
    zones:
      - id: z1
        parcels: parcels.geojson
    carriers:
      - id: viettel
        layers:
          - { id: lte1800, technology: LTE, band: B3, frequency_mhz: 1815, bandwidth_mhz: 20 }
      - id: vnpt
        layers:
          - { id: lte1800, technology: LTE, band: B3, frequency_mhz: 1835, bandwidth_mhz: 20 }
    structures: structures.csv
    sites: sites.csv
    """

  /// Writes the files (defaults for those not given) and returns the fixture.
  public init(
    scenario: String = validScenario, parcels: String = validParcels, structures: String = validStructures,
    sites: String = validSites, extra: [String: String] = [:]
  ) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("cosite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let files = [
      "scenario.yaml": scenario, "parcels.geojson": parcels, "structures.csv": structures, "sites.csv": sites,
    ]
    .merging(extra) { _, new in new }
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }

  public var scenarioPath: String { directory.appendingPathComponent("scenario.yaml").path }
}
