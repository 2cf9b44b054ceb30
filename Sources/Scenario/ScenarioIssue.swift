/// Where in the inputs a problem is.
public enum IssueLocation: Hashable, Sendable {
  /// The file as a whole (missing, unreadable).
  case file
  /// A line (1-based) of a text file: YAML scenario or CSV table.
  case line(Int)
  /// A feature of a GeoJSON file (0-based index as in the `features` array), with its id if known.
  case feature(index: Int, id: String?)
}

extension IssueLocation {
  /// Whole-file issues first, then by line or feature index.
  var sortKey: Int {
    switch self {
    case .file: return -1
    case .line(let line): return line
    case .feature(let index, _): return index
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
      let named = id.map { " (id '\($0)')" } ?? ""
      return "\(file): feature index \(index)\(named): \(message)"
    }
  }
}

/// Every problem found while loading a scenario; nothing is computed when this is thrown.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  public let issues: [ScenarioIssue]

  /// Keeps files in the order they were first met; within a file, sorts by line or feature.
  public init(issues: [ScenarioIssue]) {
    var fileOrder: [String: Int] = [:]
    for issue in issues where fileOrder[issue.file] == nil { fileOrder[issue.file] = fileOrder.count }
    self.issues = issues.enumerated().sorted { a, b in
      let keyA = (fileOrder[a.element.file]!, a.element.location.sortKey, a.offset)
      let keyB = (fileOrder[b.element.file]!, b.element.location.sortKey, b.offset)
      return keyA < keyB
    }.map(\.element)
  }

  public var description: String {
    let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
    return "found \(count):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
  }
}

/// Collects issues while the loader keeps going, so that all are reported at once.
final class Diagnostics {
  private(set) var issues: [ScenarioIssue] = []

  func report(_ file: String, _ location: IssueLocation, _ message: String) {
    issues.append(ScenarioIssue(file: file, location: location, message: message))
  }

  var isEmpty: Bool { issues.isEmpty }
}
