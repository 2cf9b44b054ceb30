import Foundation
import TestSupport
import Testing

@testable import Scenario

/// A change to one file of a `ScenarioFixture`.
enum BadInputEdit: Sendable {
  /// The first occurrence of a text, replaced (the text must be there).
  case replace(String, String)
  case append(String)
  /// The whole file.
  case text(String)
  /// The byte 0xE9 (Latin-1 'é', not UTF-8) inserted after the first occurrence of a text.
  case latin1After(String)
  /// A directory where the file should be.
  case directory
  /// The file as a symbolic link to a link that points back to it.
  case symlinkLoop
}

/// One bad input: the edits of a valid fixture, and where and what the planner must be told.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// The edits in order: the setup (terrain, antenna pattern), then the mutation.
  let edits: [(file: String, edit: BadInputEdit)]
  /// `scenario.yaml:6`, `parcels.geojson: feature index 1` or `dem.asc` (the file as a whole).
  let location: String
  let message: String
  /// How many issues in all, where that is meaningful.
  let count: Int?
  /// Texts of the input that no message may show.
  let absent: [String]

  init(
    _ name: String, _ file: String, _ edit: BadInputEdit, at location: String, _ message: String, count: Int? = nil,
    absent: [String] = [], setup: [(file: String, edit: BadInputEdit)] = []
  ) {
    self.name = name
    self.edits = setup + [(file, edit)]
    self.location = location
    self.message = message
    self.count = count
    self.absent = absent
  }

  var testDescription: String { name }
}

/// Loads a case's fixture and checks what the loader reports: the expected message at its
/// place (`file:line`, `file: feature index N` or the file alone), the count, no long echo of
/// the input, and nothing written.
enum BadInputCorpus {
  static func check(_ bad: BadInputCase) throws {
    let fixture = try fixture(bad)
    defer { try? FileManager.default.removeItem(at: fixture.directory) }
    let before = listing(fixture.directory)
    let issues: [ScenarioIssue]
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("\(bad.name): the scenario was accepted")
      return
    } catch let error as ScenarioError {
      // File names and paths in messages relative to the fixture, as a planner in it reads them.
      let prefix = fixture.directory.standardizedFileURL.path + "/"
      issues = error.issues.map { issue in
        ScenarioIssue(
          file: issue.file.replacingOccurrences(of: prefix, with: ""), location: issue.location,
          message: issue.message.replacingOccurrences(of: prefix, with: ""))
      }
    }
    let found = issues.map(\.description).joined(separator: "\n")
    #expect(
      issues.contains { place($0) == bad.location && $0.message.contains(bad.message) },
      "expected \(bad.location): …\(bad.message)…\nfound:\n\(found)")
    if let count = bad.count { #expect(issues.count == count, "found:\n\(found)") }
    for text in bad.absent {
      #expect(!found.contains(text), "a message shows \(text.prefix(20))…:\n\(found.prefix(2000))")
    }
    for issue in issues {
      #expect(
        issue.message.count <= 600, "a message of \(issue.message.count) characters: \(issue.message.prefix(200))…")
    }
    #expect(listing(fixture.directory) == before, "the load changed the scenario's folder")
  }

  /// A fixture with the case's edits on disk.
  static func fixture(_ bad: BadInputCase) throws -> ScenarioFixture {
    let fixture = try ScenarioFixture()
    var texts: [String: String] = [
      "scenario.yaml": ScenarioFixture.validScenario, "parcels.geojson": ScenarioFixture.validParcels,
      "structures.csv": ScenarioFixture.validStructures, "sites.csv": ScenarioFixture.validSites,
    ]
    var data: [String: Data] = [:]
    var special: [String: BadInputEdit] = [:]
    for (file, edit) in bad.edits {
      let current = texts[file] ?? ""
      switch edit {
      case .replace(let old, let new):
        let range = try #require(current.range(of: old), "\(bad.name): \(file) has no \(old)")
        texts[file] = current.replacingCharacters(in: range, with: new)
        data[file] = Data(texts[file]!.utf8)
      case .append(let text):
        texts[file] = current + text
        data[file] = Data(texts[file]!.utf8)
      case .text(let text):
        texts[file] = text
        data[file] = Data(text.utf8)
      case .latin1After(let text):
        let range = try #require(current.range(of: text), "\(bad.name): \(file) has no \(text)")
        data[file] = Data(current[..<range.upperBound].utf8) + [0xE9] + Data(current[range.upperBound...].utf8)
      case .directory, .symlinkLoop: special[file] = edit
      }
    }
    for (file, bytes) in data { try bytes.write(to: fixture.directory.appendingPathComponent(file)) }
    for (file, edit) in special {
      let url = fixture.directory.appendingPathComponent(file)
      try? FileManager.default.removeItem(at: url)
      if case .directory = edit {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
      } else {
        let other = fixture.directory.appendingPathComponent("loop-\(file)")
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: other.path)
        try FileManager.default.createSymbolicLink(atPath: other.path, withDestinationPath: url.path)
      }
    }
    return fixture
  }

  /// Where an issue is, as the planner reads it.
  static func place(_ issue: ScenarioIssue) -> String {
    switch issue.location {
    case .file: return issue.file
    case .line(let line): return "\(issue.file):\(line)"
    case .feature(let index, _): return "\(issue.file): feature index \(index)"
    case .pixel(let column, let row): return "\(issue.file): pixel (column \(column), row \(row))"
    case .row(let row): return "\(issue.file): row \(row)"
    }
  }

  /// Every file and folder below `directory`, with its size.
  static func listing(_ directory: URL) -> [String] {
    let manager = FileManager.default
    let names = (try? manager.subpathsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().map { name in
      let size = (try? manager.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size]) ?? 0
      return "\(name) \(size)"
    }
  }
}

/// The scenario file itself: YAML syntax, keys, types, ranges, ids that name output files,
/// and the files it references (missing, a directory, a link loop).
@Suite struct BadInputCorpusTests {
  @Test(.timeLimit(.minutes(1)), arguments: cases)
  func rejectsWithTheMessageAtItsPlaceAndWritesNothing(_ bad: BadInputCase) throws {
    try BadInputCorpus.check(bad)
  }

  @Test func corpusHasSixtyOrMoreDistinctCases() {
    let all = Self.cases + BadInputFileCorpusTests.cases
    #expect(all.count >= 60)
    #expect(Set(all.map(\.name)).count == all.count)
  }

  static let zoneLines = "zones:\n  - id: z1\n    parcels: parcels.geojson"
  static let long = String(repeating: "a", count: 65)

  static let cases: [BadInputCase] = [
    BadInputCase(
      "a YAML syntax error names its line", "scenario.yaml", .replace("name: Fixture", "name: Fixture: bad"),
      at: "scenario.yaml:2", "YAML syntax: mapping values are not allowed", count: 1),
    BadInputCase(
      "a repeated key is reported at its second line", "scenario.yaml", .append("\nname: Again"),
      at: "scenario.yaml:16", "'name' is given twice in one mapping (first at line 2)", count: 1),
    BadInputCase(
      "a repeated key in a zone is reported at its second line", "scenario.yaml",
      .replace("    parcels: parcels.geojson", "    parcels: parcels.geojson\n    parcels: other.geojson"),
      at: "scenario.yaml:7", "'parcels' is given twice in one mapping (first at line 6)", count: 1),
    BadInputCase(
      "an unknown key suggests the near one", "scenario.yaml",
      .replace("crs: auto", "crs: auto\nrepair_geometri: true"),
      at: "scenario.yaml:4", "unknown key 'repair_geometri'; did you mean 'repair_geometry'?", count: 1),
    BadInputCase(
      "an unknown key in a zone suggests the near one", "scenario.yaml",
      .replace("    parcels: parcels.geojson", "    parcels: parcels.geojson\n    provnce: Hai Phong"),
      at: "scenario.yaml:7", "unknown key 'zones[0].provnce'; did you mean 'province'?", count: 1),
    BadInputCase(
      "a long unknown key is quoted short", "scenario.yaml", .append("\n\(String(repeating: "k", count: 1000)): 1"),
      at: "scenario.yaml:16",
      "key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…' in the scenario is longer than 64 characters", count: 1),
    BadInputCase(
      "text where a number is expected", "scenario.yaml", .append("\ngrid:\n  resolution_m: ten"),
      at: "scenario.yaml:17", "'grid.resolution_m': expected a cell size in m, got 'ten'", count: 1),
    BadInputCase(
      "a mapping where a list is expected", "scenario.yaml", .replace(zoneLines, "zones: { id: z1, parcels: p.json }"),
      at: "scenario.yaml:4", "'zones': expected a list of zones, got a mapping", count: 1),
    BadInputCase(
      "a word where true or false is expected", "scenario.yaml", .append("\nrepair_geometry: maybe"),
      at: "scenario.yaml:16", "'repair_geometry': expected true or false, got 'maybe'", count: 1),
    BadInputCase(
      "a frequency below FR1 is the one issue, with no follow-on about its layer", "scenario.yaml",
      .replace("frequency_mhz: 1815", "frequency_mhz: 300"),
      at: "scenario.yaml:10",
      "frequency_mhz': expected a downlink centre frequency in MHz between 400 and 7125, got '300'",
      count: 1),
    BadInputCase(
      "an infinite frequency", "scenario.yaml", .replace("frequency_mhz: 1835", "frequency_mhz: .inf"),
      at: "scenario.yaml:13",
      "'carriers[1].layers[0].frequency_mhz': expected a downlink centre frequency in MHz, got '.inf'"),
    BadInputCase(
      "a NaN margin", "scenario.yaml", .append("\ngrid:\n  margin_m: .nan"),
      at: "scenario.yaml:17", "'grid.margin_m': expected a margin in m, got '.nan'", count: 1),
    BadInputCase(
      "a cost of 1e400", "scenario.yaml", .append("\ncosts:\n  new_tower_vnd: 1e400"),
      at: "scenario.yaml:17", "'costs.new_tower_vnd': expected an amount in VND, got '1e400'", count: 1),
    BadInputCase(
      "a negative UE height", "scenario.yaml", .append("\ncoverage:\n  ue_height_m: -1.5"),
      at: "scenario.yaml:17", "'coverage.ue_height_m': expected a UE height in m between 0.5 and 30, got '-1.5'",
      count: 1),
    BadInputCase(
      "a grid budget of 0 cells", "scenario.yaml", .append("\ngrid:\n  max_cells: 0"),
      at: "scenario.yaml:17", "'grid.max_cells': expected a cell budget between 1 and 1000000000, got '0'", count: 1),
    BadInputCase(
      "a carrier id with a slash", "scenario.yaml", .replace("  - id: viettel", "  - id: viettel/x"),
      at: "scenario.yaml:8", "'carriers[0].id': 'viettel/x' cannot name output files: expected at most 64 letters"),
    BadInputCase(
      "a layer id climbing out with ../", "scenario.yaml", .replace("{ id: lte1800", "{ id: ../lte1800"),
      at: "scenario.yaml:10", "'carriers[0].layers[0].id': '../lte1800' cannot name output files"),
    BadInputCase(
      "a carrier id starting with a dot", "scenario.yaml", .replace("  - id: viettel", "  - id: .viettel"),
      at: "scenario.yaml:8", "'carriers[0].id': '.viettel' cannot name output files"),
    BadInputCase(
      "a layer id with a space", "scenario.yaml",
      .replace(
        "{ id: lte1800, technology: LTE, band: B3, frequency_mhz: 1835",
        "{ id: lte 1800, technology: LTE, band: B3, frequency_mhz: 1835"),
      at: "scenario.yaml:13", "'carriers[1].layers[0].id': 'lte 1800' cannot name output files"),
    BadInputCase(
      "a carrier id of 65 characters", "scenario.yaml", .replace("  - id: vnpt", "  - id: \(long)"),
      at: "scenario.yaml:11", "'carriers[1].id': 'aaaa", absent: [long]),
    BadInputCase(
      "a sharing option name of 65 characters", "scenario.yaml",
      .append("\nsharing:\n  options:\n    - { name: \(long), base: passive }"),
      at: "scenario.yaml:18", "'sharing.options[0].name': 'aaaa", count: 1, absent: [long]),
    BadInputCase(
      "format version 2", "scenario.yaml", .replace("cosite: 1", "cosite: 2"),
      at: "scenario.yaml:1", "'cosite': expected format version 1 (the only version this Cosite reads)", count: 1),
    BadInputCase(
      "a format version in words", "scenario.yaml", .replace("cosite: 1", "cosite: one"),
      at: "scenario.yaml:1", "'cosite': expected format version 1 (the only version this Cosite reads)", count: 1),
    BadInputCase(
      "no name", "scenario.yaml", .replace("name: Fixture\n", ""),
      at: "scenario.yaml:1", "'name' is missing: expected a scenario name", count: 1),
    BadInputCase(
      "no zones", "scenario.yaml", .replace(zoneLines + "\n", ""),
      at: "scenario.yaml:1", "'zones' is missing: expected a list of zones", count: 1),
    BadInputCase(
      "an empty list of zones", "scenario.yaml", .replace(zoneLines, "zones: []"),
      at: "scenario.yaml:4", "'zones' is empty: expected at least one zone", count: 1),
    BadInputCase(
      "a zone without parcels", "scenario.yaml", .replace("    parcels: parcels.geojson", "    name: Z"),
      at: "scenario.yaml:5", "'zones[0].parcels' is missing: expected a parcels GeoJSON file", count: 1),
    BadInputCase(
      "a Latin-1 byte names line and byte offset", "scenario.yaml", .latin1After("name: Fix"),
      at: "scenario.yaml:2", "not UTF-8 text: byte 0xE9 at byte offset 19", count: 1),
    BadInputCase(
      "an empty scenario file", "scenario.yaml", .text(""),
      at: "scenario.yaml", "empty scenario: expected a YAML mapping", count: 1),
    BadInputCase(
      "a scenario of comments only", "scenario.yaml", .text("# to do\n"),
      at: "scenario.yaml", "empty scenario: expected a YAML mapping", count: 1),
    BadInputCase(
      "a scenario that is a list", "scenario.yaml", .text("- zones\n- carriers\n"),
      at: "scenario.yaml:1", "the scenario: expected a mapping of keys to values", count: 1),
    BadInputCase(
      "a directory named as the sites file", "sites.csv", .directory,
      at: "scenario.yaml:15", "cannot read sites.csv: is a directory: expected a file", count: 1),
    BadInputCase(
      "a missing structures file", "scenario.yaml", .replace("structures: structures.csv", "structures: towers.csv"),
      at: "scenario.yaml:14", "file not found: towers.csv"),
    BadInputCase(
      "a symbolic-link loop as the parcels file", "parcels.geojson", .symlinkLoop,
      at: "scenario.yaml:6", "cannot read parcels.geojson: too many levels of symbolic links", count: 1),
    BadInputCase(
      "an EPSG code PROJ does not know", "scenario.yaml", .replace("crs: auto", "crs: EPSG:999999"),
      at: "scenario.yaml:3", "'crs': PROJ does not know EPSG:999999", count: 1),
    BadInputCase(
      "a geographic computation CRS", "scenario.yaml", .replace("crs: auto", "crs: EPSG:4326"),
      at: "scenario.yaml:3", "'crs': EPSG:4326 (WGS 84) is not a projected CRS in metres", count: 1),
    BadInputCase(
      "a long text as the CRS is quoted short", "scenario.yaml",
      .replace("crs: auto", "crs: \(String(repeating: "x", count: 5000))"),
      at: "scenario.yaml:3", "is not a CRS: expected 'EPSG:<code>'", count: 1),
    BadInputCase(
      "an unknown CRS for a parcels file", "scenario.yaml",
      .replace("parcels: parcels.geojson", "parcels: { file: parcels.geojson, crs: EPSG:999999 }"),
      at: "scenario.yaml:6", "PROJ does not know EPSG:999999", count: 1),
    BadInputCase(
      "an LTE bandwidth of 33 MHz", "scenario.yaml", .replace("bandwidth_mhz: 20", "bandwidth_mhz: 33"),
      at: "scenario.yaml:10", "'carriers[0].layers[0].bandwidth_mhz': expected a LTE channel bandwidth"),
    BadInputCase(
      "a technology that is not LTE or NR", "scenario.yaml", .replace("technology: LTE", "technology: 5G"),
      at: "scenario.yaml:10", "'carriers[0].layers[0].technology': expected LTE or NR, got '5G'"),
    BadInputCase(
      "a carrier id used twice", "scenario.yaml", .replace("  - id: vnpt", "  - id: viettel"),
      at: "scenario.yaml:11", "carrier id 'viettel' is used twice"),
    BadInputCase(
      "colocation and operations both free", "scenario.yaml",
      .append("\ncosts:\n  colocation_install_vnd: 0\n  operations_vnd_per_site_year: 0"),
      at: "scenario.yaml:17", "'costs': colocation_install_vnd and operations_vnd_per_site_year are both 0", count: 1),
    BadInputCase(
      "a sharing option that makes stations free", "scenario.yaml",
      .append(
        "\nsharing:\n  options:\n    - name: free\n      base: passive\n"
          + "      costs: { colocation_install_vnd: 0, operations_vnd_per_site_year: 0 }"
      ),
      at: "scenario.yaml:20",
      "'sharing.options[0].costs': colocation_install_vnd and operations_vnd_per_site_year are both 0",
      count: 1),
    BadInputCase(
      "an owner policy naming an unknown carrier", "scenario.yaml", .append("\nowner_policy:\n  towerco: [orange]"),
      at: "scenario.yaml:17", "'owner_policy.towerco': unknown carrier 'orange'", count: 1),
    BadInputCase(
      "an owner policy that is neither open nor closed", "scenario.yaml",
      .append("\nowner_policy:\n  towerco: sometimes"),
      at: "scenario.yaml:17", "'owner_policy.towerco': expected open, closed or a list of carrier ids, got 'sometimes'",
      count: 1),
    BadInputCase(
      "a sharing option on an unknown base", "scenario.yaml",
      .append("\nsharing:\n  options:\n    - { name: roam, base: roaming }"),
      at: "scenario.yaml:18",
      "'sharing.options[0].base': expected one of standalone, passive, moran, mocn, neutral-host, got 'roaming'",
      count: 1),
    BadInputCase(
      "a sharing option named as a built-in one", "scenario.yaml",
      .append("\nsharing:\n  options:\n    - { name: moran, base: passive }"),
      at: "scenario.yaml:18", "'sharing.options[0].name': 'moran' is already an option", count: 1),
    BadInputCase(
      "a comparison with both a budget and a target", "scenario.yaml",
      .append("\nsharing:\n  compare: { budget_vnd: 1e9, target_share: 0.9 }"),
      at: "scenario.yaml:17", "'sharing.compare': expected exactly one of budget_vnd or target_share", count: 1),
    BadInputCase(
      "an unknown propagation model", "scenario.yaml", .append("\ncoverage:\n  model: hata"),
      at: "scenario.yaml:17", "'coverage.model': expected a propagation model", count: 1),
    BadInputCase(
      "RSRP bins weakest first", "scenario.yaml", .append("\ncoverage:\n  rsrp_bins_dbm: [-95, -85]"),
      at: "scenario.yaml:17",
      "'coverage.rsrp_bins_dbm': expected a list of numbers between -160 and -20, strongest first",
      count: 1),
    BadInputCase(
      "a zone propagation without a model", "scenario.yaml",
      .replace("    parcels: parcels.geojson", "    parcels: parcels.geojson\n    propagation: { environment: urban }"),
      at: "scenario.yaml:7", "'zones[0].propagation.model' is missing: expected a propagation model", count: 1),
    BadInputCase(
      "a long building class name is quoted short", "scenario.yaml",
      .append("\nbuilding_classes:\n  \(String(repeating: "g", count: 1000)): { o2i: medium }"),
      at: "scenario.yaml:17", "in 'building_classes' is longer than 64 characters", count: 1),
    BadInputCase(
      "a building class with an unknown O2I model", "scenario.yaml",
      .append("\nbuilding_classes:\n  glass: { o2i: medium }"),
      at: "scenario.yaml:17", "'building_classes.glass.o2i': expected none, low-loss or high-loss", count: 1),
  ]
}
