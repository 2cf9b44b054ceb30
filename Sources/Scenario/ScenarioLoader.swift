import Foundation
import Geo
import Radio
import Yams

/// Reads a scenario file and everything it references, validates all of it, and projects
/// it into one metric CRS.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(path: "scenarios/hai-phong-dinh-vu.yaml")
/// ```
/// - Throws: `ScenarioError` listing every problem found (file, line or feature, what was
///   expected). Nothing is computed or written by the caller in that case.
public enum ScenarioLoader {
  public static func load(path: String) throws -> ScenarioModel {
    let session = LoadSession(scenarioPath: path)
    let record = InputRecord()
    var model = try InputFile.$record.withValue(record) { try session.load() }
    model.inputDigest = record.value
    return model
  }
}

/// The state of one load: the diagnostics and everything read so far.
final class LoadSession {
  let scenarioPath: String
  let scenarioFile: String
  let directory: String
  let diagnostics = Diagnostics()
  let engine = GeometryEngine()
  var document = ScenarioDocument()
  var parcelsByZone: [[ParcelRecord]] = []
  /// Each zone's outline as read (file CRS), nil when the zone names none.
  var outlineByZone: [MultiPolygon?] = []
  /// The CRS each zone's parcels and outline files are in (the scenario's, else the file's
  /// `crs` member; nil = WGS 84).
  var parcelCRSByZone: [CRS?] = []
  var outlineCRSByZone: [CRS?] = []
  var structures: [StructureRecord] = []
  var sectors: [SectorRecord] = []
  var antennaPatterns: [String: MSIPattern] = [:]
  var terrain: ElevationModel?
  var landCover: LandCover?
  /// Whether reading the structures files reported problems (sectors' unknown structures follow).
  var structureFilesHaveProblems = false

  init(scenarioPath: String) {
    self.scenarioPath = scenarioPath
    let absolute = URL(fileURLWithPath: scenarioPath).standardizedFileURL
    scenarioFile = scenarioPath
    directory = absolute.deletingLastPathComponent().path
  }

  func load() throws -> ScenarioModel {
    guard
      let text = readText(URL(fileURLWithPath: scenarioPath).standardizedFileURL.path, shownAs: scenarioFile, line: nil)
    else { throw ScenarioError(issues: diagnostics.issues) }
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: text) else {
        diagnostics.report(scenarioFile, .file, "empty scenario: expected a YAML mapping (see README)")
        throw ScenarioError(issues: diagnostics.issues)
      }
      root = composed
    } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
      for key in keys {
        let line = Self.repeatLine(of: key, in: text, after: context.mark) ?? context.mark.line
        diagnostics.report(
          scenarioFile, .line(line),
          "\(Excerpt.quoted(key)) is given twice in one mapping (first at line \(context.mark.line)): expected each key once"
        )
      }
      throw ScenarioError(issues: diagnostics.issues)
    } catch let error as YamlError {
      diagnostics.report(scenarioFile, Self.location(of: error), "YAML syntax: \(Self.problem(of: error))")
      throw ScenarioError(issues: diagnostics.issues)
    }
    document = ScenarioDocument(root: root, file: scenarioFile, directory: directory, diagnostics: diagnostics)
    readReferencedFiles()
    let beforeCRSs = diagnostics.issues.count
    checkCRSs()
    let crsIsSound = diagnostics.issues.count == beforeCRSs
    checkGeometry()
    checkReferences()
    // Projection finds parcels outside their zone's outline and files in another CRS than
    // declared: it runs even when other problems were found, so that one pass lists them all
    // (not when a CRS itself is wrong: every coordinate would fail with it).
    let model = crsIsSound ? project() : nil
    guard diagnostics.isEmpty, let model else { throw ScenarioError(issues: diagnostics.issues) }
    return model
  }

  /// A referenced file (or PostGIS table) as the planner should see it.
  func shown(_ reference: FileReference) -> String {
    PostGISSource.isSource(reference.path)
      ? PostGISSource.shown(reference.path, table: reference.layer) : shown(reference.path)
  }

  /// The path of a referenced file as the planner should see it: relative to the working
  /// directory when below it.
  func shown(_ absolute: String) -> String {
    if PostGISSource.isSource(absolute) { return PostGISSource.shown(absolute, table: nil) }
    let current = FileManager.default.currentDirectoryPath
    let prefix = current.hasSuffix("/") ? current : current + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }

  /// The text of a file, or nil with an issue: at the scenario line that references it when
  /// the file cannot be opened, in the file itself when its bytes are not UTF-8.
  func readText(_ path: String, shownAs name: String, line: Int?) -> String? {
    switch InputFile.text(path) {
    case .success(let text): return text
    case .failure(let problem):
      if let badLine = problem.line {
        diagnostics.report(name, .line(badLine), problem.message)
      } else {
        report(missing: problem.about(name), line: line, name: name)
      }
      return nil
    }
  }

  private func report(missing message: String, line: Int?, name: String) {
    if let line {
      diagnostics.report(scenarioFile, .line(line), message)
    } else {
      diagnostics.report(name, .file, message)
    }
  }

  private func readReferencedFiles() {
    parcelCRSByZone = document.zones.map(\.parcels.crs)
    parcelsByZone = document.zones.enumerated().map { zoneIndex, zone in
      let name = shown(zone.parcels)
      guard let read = readFeatures(zone.parcels, name: name) else { return [] }
      parcelCRSByZone[zoneIndex] = read.crs
      return ParcelsFile.read(features: read.features, crs: read.crs, file: name, diagnostics: diagnostics)
    }
    let issuesBeforeStructures = diagnostics.issues.count
    for reference in document.structures { structures += readStructures(reference) }
    for reference in document.newBuilds {
      structures += readStructures(reference).map {
        var planned = $0
        planned.isPlanned = true
        return planned
      }
    }
    // An operator's export read through its mapping gives structures and sites at once.
    // (`SiteImport.read` ran the converted rows through these readers already; later checks —
    // ids repeated across files, unknown carriers — name the export's own line.)
    var importedSites: [String: SiteImport.Imported] = [:]
    func key(_ reference: FileReference) -> String { reference.path + "\u{0}" + (reference.layer ?? "") }
    for reference in document.sites {
      if PostGISSource.isSource(reference.path), reference.layer == nil {
        diagnostics.report(scenarioFile, .line(reference.line), PostGISSource.needsLayer)
        continue
      }
      if !PostGISSource.isSource(reference.path), reference.layer != nil {
        diagnostics.report(
          scenarioFile, .line(reference.line),
          "'layer' names the table of a PostGIS source (file: \"PG:…\"): a sites file has none")
      }
      guard let mappingPath = reference.mapping else { continue }
      let name = shown(reference)
      guard
        let imported = SiteImport.read(
          reference.path, table: reference.layer, mappingPath: mappingPath, shown: shown, file: name,
          diagnostics: diagnostics)
      else { continue }
      let export = imported.export
      // Record k of the converted table is the k-th structure (a name may span lines).
      let ordinals = CSVTable.recordOrdinals(export.structuresCSV)
      func place(_ line: Int) -> IssueLocation {
        ordinals[line].map { imported.locate(export.structures[$0].line) } ?? .file
      }
      // (SiteImport.read reported the converted rows' issues already; their warnings go to
      // the export's own line or row here.)
      let converted = Diagnostics()
      structures += StructuresFile.read(text: export.structuresCSV, file: name, crs: nil, diagnostics: converted)
        .map { record in
          var located = record
          located.location = place(record.line)
          return located
        }
      diagnostics.forward(converted) { $0.lineNumber.map(place) ?? $0 }
      importedSites[key(reference)] = imported
    }
    structureFilesHaveProblems = diagnostics.issues.count > issuesBeforeStructures
    for reference in document.sites {
      let name = shown(reference)
      if reference.mapping != nil {
        if let imported = importedSites[key(reference)] {
          let export = imported.export
          let ordinals = CSVTable.recordOrdinals(export.sitesCSV)
          func place(_ line: Int) -> IssueLocation {
            ordinals[line].map { imported.locate(export.sectors[$0].line) } ?? .file
          }
          let converted = Diagnostics()
          sectors += SectorsFile.read(text: export.sitesCSV, file: name, resolve: { $0 }, diagnostics: converted)
            .map { record in
              SectorRecord(file: name, location: record.location.lineNumber.map(place) ?? .file, sector: record.sector)
            }
          diagnostics.forward(converted) { $0.lineNumber.map(place) ?? $0 }
        }
        continue
      }
      if PostGISSource.isSource(reference.path) {
        if let table = reference.layer { sectors += readSectorsTable(reference.path, table: table, name: name) }
        continue
      }
      let base = URL(fileURLWithPath: reference.path).deletingLastPathComponent()
      if let text = readText(reference.path, shownAs: name, line: reference.line) {
        sectors += SectorsFile.read(
          text: text, file: name,
          resolve: { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL.path },
          diagnostics: diagnostics)
      }
    }
    readOutlines()
    readAntennaPatterns()
    if let reference = document.landCover {
      let name = shown(reference.file.path)
      if let problem = InputFile.check(reference.file.path) {
        diagnostics.report(scenarioFile, .line(reference.file.line), problem.about(name))
      } else {
        landCover = LandCoverReader.load(reference, name: name, diagnostics: diagnostics)
      }
    }
    if let reference = document.terrain?.file {
      let name = shown(reference)
      if InputFile.check(reference.path)?.isMissing == true {
        diagnostics.report(scenarioFile, .line(reference.line), "file not found: \(name)")
      } else {
        terrain = DEMFile.read(path: reference.path, name: name, crs: reference.crs, diagnostics: diagnostics)
        terrain?.sourceName = name
      }
    }
  }

  /// Parses every distinct MSI file the sectors name, once.
  private func readAntennaPatterns() {
    for path in Set(sectors.compactMap(\.sector.antennaPatternPath)).sorted()
    where FileManager.default.fileExists(atPath: path) {
      let name = shown(path)
      guard let text = readText(path, shownAs: name, line: nil) else { continue }
      do {
        antennaPatterns[path] = try MSIPattern(text: text)
      } catch let error as MSIError {
        diagnostics.report(name, .line(error.line), error.message)
      } catch {
        diagnostics.report(name, .file, "\(error)")
      }
    }
  }

  /// The line where `key` appears again at the column of its first appearance (`mark`), for a
  /// duplicate key; nil when it cannot be found (a flow mapping on one line, say).
  static func repeatLine(of key: String, in text: String, after mark: Mark) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line < lines.count else { return nil }
    let indent = max(mark.column - 1, 0)
    for number in (mark.line + 1)...lines.count {
      let line = lines[number - 1]
      let leading = line.prefix { $0 == " " || $0 == "-" }
      guard leading.count == indent else { continue }
      let rest = line.dropFirst(indent)
      let unquoted = rest.hasPrefix("\"") || rest.hasPrefix("'") ? rest.dropFirst() : rest
      if unquoted.hasPrefix(key),
        unquoted.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\"" || $0 == "'" }).first == ":"
      {
        return number
      }
    }
    return nil
  }

  static func location(of error: YamlError) -> IssueLocation {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return .line(mark.line)
    default:
      return .file
    }
  }

  static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
    case .reader(let problem, let offset, _, _):
      return problem + (offset.map { " at byte offset \($0)" } ?? "")
    default:
      // Other cases' descriptions quote the whole document: never print them.
      return "the YAML reader failed"
    }
  }
}
