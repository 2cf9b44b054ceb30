import App
import ArgumentParser

/// A VND amount option: `100bn`, `2.5 tỷ`, `100_000_000_000` or plain digits (`MoneyAmount`).
struct MoneyArgument: ExpressibleByArgument {
  let vnd: Double

  init(vnd: Double) {
    self.vnd = vnd
  }

  init?(argument: String) {
    guard let amount = MoneyAmount.parse(argument) else { return nil }
    vnd = amount
  }

  var defaultValueDescription: String { "\(Int(vnd / 1e9))bn" }

  static let help = "VND: 100bn, 2.5tỷ, 500m, 100_000_000_000 or plain digits"
}
