import Foundation

/// A file name built from planner-given ids: letters, digits, `.`, `_` and `-`, no leading dot.
public enum SafeName {
  public static let rule = "letters, digits, '.', '_' or '-', not starting with '.'"

  public static func isValid(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first != "." else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }
  }
}
