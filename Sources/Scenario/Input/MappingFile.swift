import Foundation
import Yams

/// What the mapping files of `cosite import sites` and `cosite calibrate` share: the YAML
/// read with its issues, and the `separator` and `decimal` keys.
enum MappingFile {
  /// The mapping at `path` (shown as `file`) as a map with `keys`; nil after reporting why.
  static func root(path: String, file: String, keys: [String], diagnostics: Diagnostics) -> YAMLMap? {
    let text: String
    switch InputFile.text(path) {
    case .success(let read): text = read
    case .failure(let problem):
      diagnostics.report(file, problem.line.map(IssueLocation.line) ?? .file, problem.about("the mapping file"))
      return nil
    }
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: text) else {
        diagnostics.report(file, .file, "empty mapping: expected a YAML mapping with 'columns' (README)")
        return nil
      }
      root = composed
    } catch let error as YamlError {
      diagnostics.report(file, LoadSession.location(of: error), LoadSession.problem(of: error))
      return nil
    } catch {
      diagnostics.report(file, .file, "the YAML reader failed")
      return nil
    }
    return YAMLMap(root, file: file, path: "", diagnostics: diagnostics, allowed: keys)
  }

  /// `separator` (one of `,` `;` `|` or `\t`) and `decimal` (`,` or `.`); nil where not given.
  static func separatorAndDecimal(_ map: YAMLMap) -> (separator: Unicode.Scalar?, decimalComma: Bool?) {
    var result: (separator: Unicode.Scalar?, decimalComma: Bool?) = (nil, nil)
    if let separator = map.string("separator", expected: "one of , ; | or \\t") {
      let scalar: Unicode.Scalar? = separator == "\\t" ? "\t" : separator.unicodeScalars.first
      if separator.unicodeScalars.count == 1 || separator == "\\t", let scalar, [",", ";", "\t", "|"].contains(scalar) {
        result.separator = scalar
      } else {
        map.diagnostics.report(map.file, .line(map.line(of: "separator")), "'separator': expected one of , ; | or \\t")
      }
    }
    if let decimal = map.string("decimal", expected: "\",\" or \".\"") {
      switch decimal {
      case ",": result.decimalComma = true
      case ".": result.decimalComma = false
      default: map.diagnostics.report(map.file, .line(map.line(of: "decimal")), "'decimal': expected \",\" or \".\"")
      }
    }
    return result
  }
}
