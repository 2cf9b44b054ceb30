import Foundation

/// An amount of money as a planner types it on the command line: plain digits (`100000000000`,
/// `1e11`), digits grouped by `_`, or a number with a scale word — `k` (thousand), `m`, `mn`,
/// `tr` or `triệu` (million), `bn`, `b`, `tỷ` or `ty` (billion, 10⁹: Vietnamese budgets are
/// counted in tỷ đồng) — optionally followed by `VND`.
///
/// ```swift
/// MoneyAmount.parse("100bn")            // 1e11
/// MoneyAmount.parse("100_000_000_000")  // 1e11
/// MoneyAmount.parse("2.5 tỷ VND")       // 2.5e9
/// ```
public enum MoneyAmount {
  /// The scale words, longest first so that `mn` is not read as `m` + `n`.
  static let scales: [(word: String, factor: Double)] = [
    ("triệu", 1e6), ("bn", 1e9), ("mn", 1e6), ("tr", 1e6), ("tỷ", 1e9), ("ty", 1e9), ("k", 1e3), ("m", 1e6),
    ("b", 1e9),
  ]

  /// The amount, or nil when `text` is not one (negative, not finite, or unreadable).
  public static func parse(_ text: String) -> Double? {
    var rest = text.trimmingCharacters(in: .whitespaces).lowercased()
    if rest.hasSuffix("vnd") { rest = String(rest.dropLast(3)).trimmingCharacters(in: .whitespaces) }
    var factor = 1.0
    for scale in scales where rest.hasSuffix(scale.word) {
      let number = rest.dropLast(scale.word.count)
      // A scale word follows digits (or a space after them), never another letter.
      guard let last = number.last, last.isNumber || last == " " || last == "." else { continue }
      rest = String(number).trimmingCharacters(in: .whitespaces)
      factor = scale.factor
      break
    }
    guard isGroupedNumber(rest), let value = Double(rest.replacingOccurrences(of: "_", with: "")) else { return nil }
    let amount = value * factor
    return amount.isFinite && amount >= 0 ? amount : nil
  }

  /// `_` only between digits, so `1__0` or `_1` are refused rather than guessed.
  private static func isGroupedNumber(_ text: String) -> Bool {
    guard !text.isEmpty, !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { return false }
    let characters = Array(text)
    for (index, character) in characters.enumerated() where character == "_" {
      guard characters[index - 1].isNumber, characters[index + 1].isNumber else { return false }
    }
    return true
  }
}
