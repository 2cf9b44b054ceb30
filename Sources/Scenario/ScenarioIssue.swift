import Geo

/// Where in the inputs a problem is.
public enum IssueLocation: Hashable, Sendable {
  /// The file as a whole (missing, unreadable).
  case file
  /// A line (1-based) of a text file: YAML scenario or CSV table.
  case line(Int)
  /// A feature of a GeoJSON file (0-based index as in the `features` array), with its id if known.
  case feature(index: Int, id: String?)
  /// A cell of a raster (0-based column from the west, row from the north).
  case pixel(column: Int, row: Int)
  /// A row (1-based) of a database table, in the order Cosite reads it (`PostGISSource`).
  case row(Int)
}

extension IssueLocation {
  /// The line of a `.line` location.
  var lineNumber: Int? {
    if case .line(let line) = self { return line }
    return nil
  }

  /// "line 12" or "feature 3", for lists of places.
  var shortText: String {
    switch self {
    case .file: return "the file"
    case .line(let line): return "line \(line)"
    case .feature(let index, _): return "feature \(index)"
    case .pixel(let column, let row): return "pixel (column \(column), row \(row))"
    case .row(let row): return "row \(row)"
    }
  }

  /// Whole-file issues first, then by line or feature index.
  var sortKey: Int {
    switch self {
    case .file: return -1
    case .line(let line): return line
    case .feature(let index, _): return index
    case .pixel(let column, let row): return row << 32 | column  // columns < 2³², rows < 2³¹
    case .row(let row): return row
    }
  }
}

/// One problem found in a scenario or a file it references.
public struct ScenarioIssue: Hashable, Sendable, CustomStringConvertible {
  /// The file, as the scenario names it (relative paths stay relative, for readable messages).
  public let file: String
  public let location: IssueLocation
  /// What is wrong and what was expected.
  public let message: String

  public init(file: String, location: IssueLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  public var description: String {
    switch location {
    case .file: return "\(file): \(message)"
    case .line(let line): return "\(file):\(line): \(message)"
    case .feature(let index, let id):
      let named = id.map { " (id \(Excerpt.quoted($0)))" } ?? ""
      return "\(file): feature index \(index)\(named): \(message)"
    case .pixel(let column, let row): return "\(file): pixel (column \(column), row \(row)): \(message)"
    case .row(let row): return "\(file): row \(row): \(message)"
    }
  }
}

/// An error the command line prints as it is (a planner's wording, no stack trace) before
/// exiting with status 1. Every error a job throws for bad input or a bad `--out` conforms.
public protocol PlannerError: Error, CustomStringConvertible {}

extension ProjectionError: PlannerError {}

/// Every problem found while loading a scenario; nothing is computed when this is thrown.
public struct ScenarioError: PlannerError, Sendable {
  public let issues: [ScenarioIssue]

  public init(issues: [ScenarioIssue]) {
    self.issues = ScenarioIssue.ordered(issues)
  }

  public var description: String {
    let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
    return "found \(count):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
  }
}

/// Collects issues while the loader keeps going, so that all are reported at once.
final class Diagnostics {
  private(set) var issues: [ScenarioIssue] = []
  /// Plausible mistakes that do not stop a run (printed by `validate` and `run`).
  private(set) var warnings: [ScenarioIssue] = []

  func report(_ file: String, _ location: IssueLocation, _ message: String) {
    issues.append(ScenarioIssue(file: file, location: location, message: message))
  }

  func warn(_ file: String, _ location: IssueLocation, _ message: String) {
    warnings.append(ScenarioIssue(file: file, location: location, message: message))
  }

  /// Takes over `other`'s issues and warnings, each moved by `relocate` (a line of a table
  /// read as text → its row, say).
  func forward(_ other: Diagnostics, relocate: (IssueLocation) -> IssueLocation) {
    for issue in other.issues { report(issue.file, relocate(issue.location), issue.message) }
    for warning in other.warnings { warn(warning.file, relocate(warning.location), warning.message) }
  }

  /// Issues of one kind that may follow from a single cause (55 sectors naming structures of a
  /// file that failed to load); `foldFollowOns` turns more than three of a kind into one line.
  private var followOns: [(key: String, issue: ScenarioIssue)] = []
  private var followOnWarnings: [(key: String, issue: ScenarioIssue)] = []

  func reportFollowOn(_ file: String, _ location: IssueLocation, kind: String, _ message: String) {
    followOns.append((file + "\u{0}" + kind, ScenarioIssue(file: file, location: location, message: message)))
  }

  func reportFollowOnWarning(_ file: String, _ location: IssueLocation, kind: String, _ message: String) {
    followOnWarnings.append((file + "\u{0}" + kind, ScenarioIssue(file: file, location: location, message: message)))
  }

  /// Reports the follow-on issues: up to three of a kind (per file) as they are, more as the
  /// first one plus how many more there are and where.
  func foldFollowOns() {
    issues += Self.folded(followOns)
    followOns = []
  }

  func foldFollowOnWarnings() {
    warnings += Self.folded(followOnWarnings)
    followOnWarnings = []
  }

  private static func folded(_ entries: [(key: String, issue: ScenarioIssue)]) -> [ScenarioIssue] {
    var order: [String] = []
    var groups: [String: [ScenarioIssue]] = [:]
    for (key, issue) in entries {
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(issue)
    }
    var issues: [ScenarioIssue] = []
    for key in order {
      guard let group = groups[key], let first = group.first else { continue }
      guard group.count > 3 else {
        issues += group
        continue
      }
      let places = group.dropFirst().prefix(5).map(\.location.shortText).joined(separator: ", ")
      let more = group.count > 6 ? ", …" : ""
      issues.append(
        ScenarioIssue(
          file: first.file, location: first.location,
          message: "\(first.message); and \(group.count - 1) more like it (\(places)\(more))"))
    }
    return issues
  }

  var isEmpty: Bool { issues.isEmpty }
}

extension ScenarioIssue {
  /// Keeps files in the order they were first met; within a file, sorts by line or feature.
  public static func ordered(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
    var fileOrder: [String: Int] = [:]
    for issue in issues where fileOrder[issue.file] == nil { fileOrder[issue.file] = fileOrder.count }
    return issues.enumerated().sorted { a, b in
      let keyA = (fileOrder[a.element.file, default: 0], a.element.location.sortKey, a.offset)
      let keyB = (fileOrder[b.element.file, default: 0], b.element.location.sortKey, b.offset)
      return keyA < keyB
    }.map(\.element)
  }
}

extension IssueLocation {
  /// Where a GeoJSON file's syntax error stands: the JSON reader names the line at the start
  /// of its message ("line 12: …"), which becomes the issue's line.
  public static func ofJSONError(_ error: Error) -> (location: IssueLocation, message: String) {
    guard case GeometryError.unreadable(let format, let message) = error, message.hasPrefix("line ") else {
      return (.file, "\(error)")
    }
    let digits = message.dropFirst(5).prefix { $0.isNumber }
    guard let line = Int(digits), message.dropFirst(5 + digits.count).hasPrefix(": ") else {
      return (.file, "\(error)")
    }
    return (.line(line), "cannot read \(format): " + message.dropFirst(5 + digits.count + 2))
  }
}
