import App
import Testing

/// Money options as planners type them; each expected value is the amount the words name
/// (bn/tỷ = 10⁹, m/mn/triệu = 10⁶, k = 10³).
@Suite struct MoneyAmountTests {
  @Test(arguments: [
    ("100bn", 100e9), ("100_000_000_000", 100e9), ("100000000000", 100e9), ("1e11", 100e9),
    ("2.5 tỷ", 2.5e9), ("2.5tỷ VND", 2.5e9), ("500m", 500e6), ("500 triệu", 500e6), ("750tr", 750e6),
    ("30 bn vnd", 30e9), ("250k", 250e3), ("0", 0),
  ])
  func readsTheAmount(_ text: String, _ vnd: Double) {
    #expect(MoneyAmount.parse(text) == vnd, "\(text)")
  }

  @Test(arguments: ["", "bn", "-5bn", "1__000", "_100", "100_", "ten", "1e400", "nan", "5 bnx", "5xbn"])
  func refusesWhatIsNotAnAmount(_ text: String) {
    #expect(MoneyAmount.parse(text) == nil, "\(text)")
  }

  /// The CLI takes the same forms: `recommend --budget-vnd 30bn` plans as 30000000000 does.
  @Test func theCommandLineAcceptsTheShortForm() throws {
    let result = try CLI.run(["recommend", "--help"])
    #expect(result.standardOutput.contains("100bn"))
    let bad = try CLI.run(["recommend", "scenarios/phu-tho.yaml", "--budget-vnd", "lots", "--out", "/tmp/x"])
    #expect(bad.status != 0 && bad.standardError.contains("lots"))
  }
}
