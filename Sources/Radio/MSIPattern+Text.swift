import Foundation

extension MSIPattern {
  /// Reads an MSI text. Blocks `HORIZONTAL n` / `VERTICAL n` list `angle attenuation`
  /// pairs; angles must cover 0…359 (any step: values are interpolated to 1°).
  public init(text: String) throws {
    var name = ""
    var frequency: Double?
    var gain: Double?
    var blocks: [String: [(Double, Double)]] = [:]
    var blockLines: [String: Int] = [:]
    var current: (key: String, remaining: Int)?
    for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = offset + 1
      let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
      guard let first = words.first else { continue }
      if let block = current, block.remaining > 0 {
        guard words.count >= 2, let angle = Double(words[0]), let value = Double(words[1]),
          (0...360).contains(angle), (-Self.maximumAttenuationDB...Self.maximumAttenuationDB).contains(value)
        else {
          throw MSIError(
            line: line,
            message:
              "expected 'angle attenuation' in the \(block.key) block (angle 0–360°, attenuation at most \(Int(Self.maximumAttenuationDB)) dB)"
          )
        }
        blocks[block.key, default: []].append((angle, abs(value)))
        current = (block.key, block.remaining - 1)
        continue
      }
      switch first.uppercased() {
      case "NAME": name = words.dropFirst().joined(separator: " ")
      case "FREQUENCY": frequency = words.count > 1 ? Double(words[1]) : nil
      case "GAIN":
        guard words.count > 1, let value = Double(words[1]) else {
          throw MSIError(line: line, message: "expected 'GAIN <value> [dBi|dBd]'")
        }
        let isDBi = words.count > 2 && words[2].lowercased() == "dbi"
        let dBi = isDBi ? value : value + Self.dBdToDBi
        guard Self.gainRangeDBi.contains(dBi) else {
          throw MSIError(
            line: line,
            message:
              "expected 'GAIN <value> [dBi|dBd]' with a peak gain of \(Int(Self.gainRangeDBi.lowerBound)) to \(Int(Self.gainRangeDBi.upperBound)) dBi"
          )
        }
        gain = dBi
      case "HORIZONTAL", "VERTICAL":
        guard words.count > 1, let count = Int(words[1]), count > 1 else {
          throw MSIError(line: line, message: "expected '\(first.uppercased()) <count>'")
        }
        current = (first.uppercased(), count)
        blockLines[first.uppercased()] = line
      default: continue  // MAKE, TILT, COMMENT, H_WIDTH, … carry no pattern data
      }
    }
    guard let gain else { throw MSIError(line: 1, message: "no GAIN line") }
    guard let horizontal = blocks["HORIZONTAL"], let vertical = blocks["VERTICAL"] else {
      throw MSIError(line: 1, message: "expected HORIZONTAL and VERTICAL blocks")
    }
    self.init(
      name: name, frequencyMHz: frequency, peakGainDBi: gain,
      horizontalDB: try Self.resample(horizontal, "HORIZONTAL", line: blockLines["HORIZONTAL"] ?? 1),
      verticalDB: try Self.resample(vertical, "VERTICAL", line: blockLines["VERTICAL"] ?? 1))
  }

  /// Writes the pattern as MSI text, gain in dBi, attenuations with 2 decimals.
  public var text: String {
    var lines = ["NAME \(name)"]
    if let frequencyMHz { lines.append("FREQUENCY \(Self.format(frequencyMHz))") }
    lines.append("GAIN \(Self.format(peakGainDBi)) dBi")
    lines.append("HORIZONTAL 360")
    lines += horizontalDB.enumerated().map { "\($0.offset) \(Self.format($0.element))" }
    lines.append("VERTICAL 360")
    lines += verticalDB.enumerated().map { "\($0.offset) \(Self.format($0.element))" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Peak gains a sector antenna can have: −10 to 40 dBi, as the sites file's `antenna_gain_dbi`.
  static let gainRangeDBi = -10.0...40.0
  /// Largest attenuation listed: 200 dB (real patterns stop near 40–60 dB below the peak).
  static let maximumAttenuationDB = 200.0

  private static func format(_ value: Double) -> String {
    let text = String(format: "%.2f", value)
    return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
  }

  /// 1° table from any sorted set of angles covering the circle.
  private static func resample(_ points: [(Double, Double)], _ block: String, line: Int) throws -> [Double] {
    let sorted = points.map { ($0.0.truncatingRemainder(dividingBy: 360), $0.1) }.sorted { $0.0 < $1.0 }
    guard sorted.count >= 2, sorted.first?.0 == 0 else {
      throw MSIError(line: line, message: "\(block) block must start at angle 0")
    }
    return (0..<360).map { degree in
      let angle = Double(degree)
      guard let upperIndex = sorted.firstIndex(where: { $0.0 >= angle }) else {
        // Between the last listed angle and 360 (= 0).
        let last = sorted[sorted.count - 1]
        let fraction = (angle - last.0) / (360 - last.0)
        return last.1 + (sorted[0].1 - last.1) * fraction
      }
      let upper = sorted[upperIndex]
      guard upper.0 > angle, upperIndex > 0 else { return upper.1 }
      let lower = sorted[upperIndex - 1]
      return lower.1 + (upper.1 - lower.1) * (angle - lower.0) / (upper.0 - lower.0)
    }
  }
}
