import Foundation
import Yams

/// A YAML mapping read with its line numbers. Every accessor reports a precise issue
/// (file, line, dotted key path, what was expected) instead of throwing, so that the
/// loader can carry on and report every problem at once.
struct YAMLMap {
  let file: String
  /// Dotted path of this mapping in the document, e.g. `carriers[0].layers[1]`.
  let path: String
  let line: Int
  let diagnostics: Diagnostics
  private let entries: [(key: String, keyLine: Int, value: Node)]

  /// Reads `node` as a mapping whose keys must all be in `allowed` (any key when nil);
  /// nil (with an issue) when it is not a mapping.
  init?(_ node: Node, file: String, path: String, diagnostics: Diagnostics, allowed: [String]?) {
    self.file = file
    self.path = path
    self.diagnostics = diagnostics
    line = node.mark?.line ?? 1
    guard case .mapping(let mapping) = node else {
      diagnostics.report(file, .line(line), "\(Self.describe(path)): expected a mapping of keys to values")
      return nil
    }
    var entries: [(key: String, keyLine: Int, value: Node)] = []
    for (keyNode, value) in mapping {
      let keyLine = keyNode.mark?.line ?? line
      guard case .scalar(let scalar) = keyNode else {
        diagnostics.report(file, .line(keyLine), "\(Self.describe(path)): keys must be plain names")
        continue
      }
      let key = scalar.string
      guard key.count <= 64 else {
        diagnostics.report(
          file, .line(keyLine), "key \(Excerpt.quoted(key)) in \(Self.describe(path)) is longer than 64 characters")
        continue
      }
      if entries.contains(where: { $0.key == key }) {
        diagnostics.report(file, .line(keyLine), "\(Excerpt.quoted(Self.join(path, key))) is given twice")
        continue
      }
      if let allowed, !allowed.contains(key) {
        let suggestion = Self.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
        diagnostics.report(
          file, .line(keyLine),
          "unknown key \(Excerpt.quoted(Self.join(path, key)))\(suggestion) (expected one of: \(allowed.joined(separator: ", ")))"
        )
        continue
      }
      entries.append((key, keyLine, value))
    }
    self.entries = entries
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
  private static func describe(_ path: String) -> String { path.isEmpty ? "the scenario" : "'\(path)'" }

  /// The value node for `key`; nil when absent or null.
  func node(_ key: String) -> Node? {
    guard let entry = entries.first(where: { $0.key == key }) else { return nil }
    if case .scalar(let scalar) = entry.value, Self.isNull(scalar) { return nil }
    return entry.value
  }

  /// The line of `key`'s value (or of the mapping when the key is absent).
  func line(of key: String) -> Int {
    guard let entry = entries.first(where: { $0.key == key }) else { return line }
    return entry.value.mark?.line ?? entry.keyLine
  }

  private static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  func missing(_ key: String, _ expected: String) {
    diagnostics.report(file, .line(line), "'\(Self.join(path, key))' is missing: expected \(expected)")
  }

  func wrong(_ key: String, _ expected: String, got node: Node) {
    let shown: String
    switch node {
    case .scalar(let scalar): shown = "\(Excerpt.quoted(scalar.string))"
    case .mapping: shown = "a mapping"
    case .sequence: shown = "a list"
    case .alias: shown = "an alias"
    }
    diagnostics.report(file, .line(line(of: key)), "'\(Self.join(path, key))': expected \(expected), got \(shown)")
  }

  /// A scalar read as text (numbers are accepted as their text, e.g. ids).
  func string(_ key: String, required: Bool = false, expected: String = "a text") -> String? {
    guard let node = node(key) else {
      if required { missing(key, expected) }
      return nil
    }
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
      wrong(key, expected, got: node)
      return nil
    }
    return scalar.string
  }

  /// An id that becomes part of output file names (carrier, layer, sharing option): a plain
  /// name of at most 64 characters (`SafeName`), so that no output can leave `--out`.
  func fileNameID(_ key: String, expected: String) -> String? {
    guard let text = string(key, required: true, expected: expected) else { return nil }
    guard SafeName.isValid(text), text.count <= 64 else {
      diagnostics.report(
        file, .line(line(of: key)),
        "'\(Self.join(path, key))': \(Excerpt.quoted(text)) cannot name output files: expected at most 64 \(SafeName.rule)"
      )
      return nil
    }
    return text
  }

  /// A finite number within `range`.
  func number(
    _ key: String, expected: String, range: ClosedRange<Double>? = nil, required: Bool = false
  ) -> Double? {
    guard let node = node(key) else {
      if required { missing(key, expected) }
      return nil
    }
    guard case .scalar(let scalar) = node,
      let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")), value.isFinite
    else {
      wrong(key, expected, got: node)
      return nil
    }
    if let range, !range.contains(value) {
      wrong(key, "\(expected) between \(format(range.lowerBound)) and \(format(range.upperBound))", got: node)
      return nil
    }
    return value
  }

  /// A whole number within `range`.
  func integer(_ key: String, expected: String, range: ClosedRange<Int>, required: Bool = false) -> Int? {
    guard let node = node(key) else {
      if required { missing(key, expected) }
      return nil
    }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
    else {
      wrong(key, expected, got: node)
      return nil
    }
    guard range.contains(value) else {
      wrong(key, "\(expected) between \(range.lowerBound) and \(range.upperBound)", got: node)
      return nil
    }
    return value
  }

  func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, let value = ["true": true, "false": false][scalar.string.lowercased()]
    else {
      wrong(key, "true or false", got: node)
      return nil
    }
    return value
  }

  /// A list; a single non-list value is an issue.
  func sequence(_ key: String, required: Bool = false, expected: String) -> [Node]? {
    guard let node = node(key) else {
      if required { missing(key, expected) }
      return nil
    }
    guard case .sequence(let sequence) = node else {
      wrong(key, expected, got: node)
      return nil
    }
    return Array(sequence)
  }

  /// A nested mapping with its own allowed keys.
  func map(_ key: String, allowed: [String]?, required: Bool = false, expected: String = "a mapping") -> YAMLMap? {
    guard let node = node(key) else {
      if required { missing(key, expected) }
      return nil
    }
    return YAMLMap(node, file: file, path: Self.join(path, key), diagnostics: diagnostics, allowed: allowed)
  }

  /// The keys in document order.
  var keys: [String] { entries.map(\.key) }

  private func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// The allowed key nearest to a misspelt one (edit distance ≤ 2), for "did you mean".
  private static func closest(to key: String, in allowed: [String]) -> String? {
    allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
