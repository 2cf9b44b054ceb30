import Foundation
import Geo
import Radio

/// Collects where a run used each model outside the range it was published for, and says so
/// in one line per model (the terminal, `summary.md` and `summary.json` print the same).
struct ValidityLedger: Sendable {
  private struct Use: Sendable {
    var flags: ValidityFlags = []
    var frequenciesMHz: ClosedRange<Double>?
    var bsHeightsM: ClosedRange<Double>?
    var ueHeightsM: ClosedRange<Double>?
    var distancesM: ClosedRange<Double>?
    var tables = 0
  }

  private var uses: [PathLossModel: Use] = [:]

  /// Records one loss table: the inputs it was flagged for and the values it used.
  mutating func record(
    _ model: PathLossModel, flags: ValidityFlags, frequencyMHz: Double, bsHeightM: Double, ueHeightM: Double,
    distancesM: ClosedRange<Double>
  ) {
    guard !flags.isEmpty else { return }
    var use = uses[model] ?? Use()
    use.flags.formUnion(flags)
    use.tables += 1
    if flags.contains(.frequency) { use.frequenciesMHz = Self.widen(use.frequenciesMHz, frequencyMHz...frequencyMHz) }
    if flags.contains(.bsHeight) { use.bsHeightsM = Self.widen(use.bsHeightsM, bsHeightM...bsHeightM) }
    if flags.contains(.ueHeight) { use.ueHeightsM = Self.widen(use.ueHeightsM, ueHeightM...ueHeightM) }
    if flags.contains(.distance) { use.distancesM = Self.widen(use.distancesM, distancesM) }
    uses[model] = use
  }

  mutating func merge(_ other: ValidityLedger) {
    for (model, use) in other.uses {
      var mine = uses[model] ?? Use()
      mine.flags.formUnion(use.flags)
      mine.tables += use.tables
      mine.frequenciesMHz = Self.widen(mine.frequenciesMHz, use.frequenciesMHz)
      mine.bsHeightsM = Self.widen(mine.bsHeightsM, use.bsHeightsM)
      mine.ueHeightsM = Self.widen(mine.ueHeightsM, use.ueHeightsM)
      mine.distancesM = Self.widen(mine.distancesM, use.distancesM)
      uses[model] = mine
    }
  }

  /// One line per model, sorted by model name.
  var lines: [String] {
    uses.sorted { $0.key.rawValue < $1.key.rawValue }.map { model, use in
      var used: [String] = []
      if let range = use.frequenciesMHz { used.append("frequency \(Self.span(range, unit: "MHz"))") }
      if let range = use.bsHeightsM { used.append("BS height \(Self.span(range, unit: "m"))") }
      if let range = use.ueHeightsM { used.append("UE height \(Self.span(range, unit: "m"))") }
      if let range = use.distancesM {
        used.append("ground distances \(Self.span(range.lowerBound / 1000...range.upperBound / 1000, unit: "km"))")
      }
      let tables = "\(use.tables) sector loss table\(use.tables == 1 ? "" : "s")"
      return
        "\(model.rawValue) is valid for \(model.validityRange); used at \(used.joined(separator: ", ")) (\(tables))"
    }
  }

  private static func widen(_ range: ClosedRange<Double>?, _ other: ClosedRange<Double>?) -> ClosedRange<Double>? {
    guard let range else { return other }
    guard let other else { return range }
    return min(range.lowerBound, other.lowerBound)...max(range.upperBound, other.upperBound)
  }

  private static func span(_ range: ClosedRange<Double>, unit: String) -> String {
    func text(_ value: Double) -> String { JSONWriter.number((value * 100).rounded() / 100) }
    return range.lowerBound == range.upperBound
      ? "\(text(range.lowerBound)) \(unit)" : "\(text(range.lowerBound))–\(text(range.upperBound)) \(unit)"
  }
}

extension ValidityLedger {
  /// The ledger in a tile's archive: per model its flags, ranges and table count.
  func write(to writer: inout BinaryWriter) {
    writer.int(uses.count)
    for (model, use) in uses.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      writer.string(model.rawValue)
      writer.int(Int(use.flags.rawValue))
      for range in [use.frequenciesMHz, use.bsHeightsM, use.ueHeightsM, use.distancesM] {
        writer.bool(range != nil)
        writer.double(range?.lowerBound ?? 0)
        writer.double(range?.upperBound ?? 0)
      }
      writer.int(use.tables)
    }
  }

  init(from reader: inout BinaryReader) throws {
    self.init()
    for _ in 0..<(try reader.elementCount()) {
      let name = try reader.string()
      guard let model = PathLossModel(rawValue: name) else { throw reader.failure("a path-loss model, found \(name)") }
      let flags = try reader.int()
      guard let raw = UInt8(exactly: flags) else { throw reader.failure("validity flags") }
      var use = Use(flags: ValidityFlags(rawValue: raw))
      var ranges: [ClosedRange<Double>?] = []
      for _ in 0..<4 {
        let (present, low, high) = (try reader.bool(), try reader.double(), try reader.double())
        guard !present || low <= high else { throw reader.failure("a range") }
        ranges.append(present ? low...high : nil)
      }
      (use.frequenciesMHz, use.bsHeightsM, use.ueHeightsM, use.distancesM) = (
        ranges[0], ranges[1], ranges[2], ranges[3]
      )
      use.tables = try reader.int()
      uses[model] = use
    }
  }
}
