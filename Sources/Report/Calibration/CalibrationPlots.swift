import Foundation

/// SVG plots of a model calibration: measured against predicted signal level, and the prediction error against
/// distance, before and after tuning.
///
/// Each plot is a standalone SVG 1.1 document (720 × 480 px) of plain `<rect>`, `<line>`, `<circle>` and `<text>`
/// elements, byte-identical for the same input: every number is formatted here, never through a locale. Non-finite
/// values are skipped; above 20 000 points every k-th point is drawn, k = ⌈n / 20 000⌉, and a note says so, while the
/// axis ranges and the band means use every point.
public enum CalibrationPlots {
  /// One drive-test bin: its distance from the sector and the measured and predicted RSRP.
  public struct Point: Sendable, Equatable {
    /// Distance from the serving sector, m.
    public let distanceM: Double
    /// Measured RSRP, dBm.
    public let measuredDBm: Double
    /// RSRP predicted by the model before tuning, dBm.
    public let predictedBeforeDBm: Double
    /// RSRP predicted by the tuned model, dBm.
    public let predictedAfterDBm: Double

    public init(distanceM: Double, measuredDBm: Double, predictedBeforeDBm: Double, predictedAfterDBm: Double) {
      self.distanceM = distanceM
      self.measuredDBm = measuredDBm
      self.predictedBeforeDBm = predictedBeforeDBm
      self.predictedAfterDBm = predictedAfterDBm
    }
  }

  /// Scatter of predicted (y) against measured (x) RSRP, dBm: before tuning in grey, after in blue, the 1:1 line;
  /// legend; axis ticks every 10 dB.
  ///
  /// Both axes share one range, the data's rounded outward to 10 dB, so the 1:1 line is the plot's diagonal.
  public static func measuredVersusPredicted(_ points: [Point], title: String) -> String {
    var (low, high) = (Double.infinity, -Double.infinity)
    for point in points {
      for tuning in Tuning.allCases {
        guard let pair = tuning.levels(point) else { continue }
        low = min(low, pair.measured, pair.predicted)
        high = max(high, pair.measured, pair.predicted)
      }
    }
    let range = decibelRange(low: low, high: high, fallback: -120 ... -40)
    func place(_ level: Double) -> Double { (level - range.lowerBound) / (range.upperBound - range.lowerBound) }
    func x(_ level: Double) -> Double { Layout.left + place(level) * Layout.plotWidth }
    func y(_ level: Double) -> Double { Layout.bottom - place(level) * Layout.plotHeight }
    let (drawn, note) = thinned(points)
    var lines = frame(
      title: title, note: note,
      x: (label: "Measured RSRP (dBm)", ticks: decibelTicks(range).map { (x($0), decibels($0)) }),
      y: (label: "Predicted RSRP (dBm)", ticks: decibelTicks(range).map { (y($0), decibels($0)) }),
      legend: Tuning.markerKeys + [(.line("#222222", width: 1, dashed: true), "1:1")])
    for tuning in Tuning.allCases {
      let pairs = drawn.compactMap { tuning.levels($0) }
      let inRange = pairs.filter { range.contains($0.measured) && range.contains($0.predicted) }
      lines += markers(tuning, inRange.map { (x($0.measured), y($0.predicted)) })
    }
    let (lowest, highest) = (range.lowerBound, range.upperBound)
    lines.append(line(x(lowest), y(lowest), x(highest), y(highest), "#222222", width: 1, dashed: true))
    return document(lines, empty: low > high)
  }

  /// Prediction error (predicted − measured, dB) against distance (log-scale x axis, ticks at 100 m, 200 m, 500 m,
  /// 1 km, 2 km, 5 km, 10 km … within range), before (grey) and after (blue), a zero line, and the mean error per
  /// distance band (0–0.5, 0.5–1, 1–2, 2–5, ≥5 km) drawn as short horizontal segments for before and after.
  ///
  /// Bins at distances ≤ 0 are left off the log axis but count in the 0–0.5 km band's mean (distance 0 only).
  public static func errorVersusDistance(_ points: [Point], title: String) -> String {
    var (low, high, nearest, farthest) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
    for point in points where point.distanceM.isFinite && point.distanceM >= 0 {
      for tuning in Tuning.allCases {
        guard let error = tuning.error(point) else { continue }
        (low, high) = (min(low, error), max(high, error))
        if point.distanceM > 0 { (nearest, farthest) = (min(nearest, point.distanceM), max(farthest, point.distanceM)) }
      }
    }
    let range = decibelRange(low: min(low, -10), high: max(high, 10), fallback: -10...10)
    let distances = distanceRange(nearest: nearest, farthest: farthest)
    let (axisStart, span) = (distances.lowerBound, range.upperBound - range.lowerBound)
    let decades = log10(distances.upperBound / axisStart)
    func x(_ metres: Double) -> Double { Layout.left + log10(metres / axisStart) / decades * Layout.plotWidth }
    func y(_ error: Double) -> Double { Layout.bottom - (error - range.lowerBound) / span * Layout.plotHeight }
    let (drawn, note) = thinned(points)
    var lines = frame(
      title: title, note: note,
      x: (label: "Distance from the sector (m, log scale)", ticks: distanceTicks(distances).map { (x($0), $1) }),
      y: (label: "Prediction error (dB)", ticks: decibelTicks(range).map { (y($0), decibels($0)) }),
      legend: Tuning.markerKeys + Tuning.allCases.map { (.line($0.meanColour, width: 3, dashed: false), $0.meanLabel) })
    for tuning in Tuning.allCases {
      let positions = drawn.filter { distances.contains($0.distanceM) }.compactMap { point in
        tuning.error(point).flatMap { range.contains($0) ? (x(point.distanceM), y($0)) : nil }
      }
      lines += markers(tuning, positions)
    }
    lines.append(line(Layout.left, y(0), Layout.right, y(0), "#222222", width: 1))
    for tuning in Tuning.allCases {
      for (band, mean) in bandMeans(points, tuning).enumerated() {
        let start = max(bandEdgesM[band], distances.lowerBound)
        let end = min(bandEdgesM[band + 1], distances.upperBound)
        guard let mean, range.contains(mean), start < end else { continue }
        let (x1, x2) = (x(start) + 4, x(end) - 4)
        lines.append(line(x1, y(mean), x2, y(mean), "#ffffff", width: 5))
        lines.append(line(x1, y(mean), x2, y(mean), tuning.meanColour, width: 3))
      }
    }
    return document(lines, empty: nearest > farthest)
  }
}

extension CalibrationPlots {
  /// The model before or after tuning: which prediction, and how it is drawn.
  private enum Tuning: CaseIterable {
    case before, after

    var label: String { self == .before ? "Before tuning" : "After tuning" }
    var meanLabel: String { self == .before ? "Band mean, before" : "Band mean, after" }
    var colour: String { self == .before ? "#7f7f7f" : "#1f77b4" }
    var meanColour: String { self == .before ? "#333333" : "#0b4f8a" }

    /// (measured, predicted), dBm, when both are finite.
    func levels(_ point: Point) -> (measured: Double, predicted: Double)? {
      let predicted = self == .before ? point.predictedBeforeDBm : point.predictedAfterDBm
      return point.measuredDBm.isFinite && predicted.isFinite ? (point.measuredDBm, predicted) : nil
    }

    /// Predicted − measured, dB, when finite.
    func error(_ point: Point) -> Double? {
      guard let pair = levels(point), (pair.predicted - pair.measured).isFinite else { return nil }
      return pair.predicted - pair.measured
    }

    /// Both series' legend entries: a marker in their colour.
    static var markerKeys: [(key: Key, label: String)] { allCases.map { (.marker($0.colour), $0.label) } }
  }

  /// The page: 720 × 480 px, the plot area inside the margins.
  private enum Layout {
    static let (width, height) = (720.0, 480.0)
    static let (left, right, top, bottom) = (72.0, width - 24, 64.0, height - 64)
    static let (plotWidth, plotHeight) = (right - left, bottom - top)
    static let centre = (x: left + plotWidth / 2, y: top + plotHeight / 2)
  }

  /// An axis's label and its ticks as (position in px, text).
  private typealias Axis = (label: String, ticks: [(position: Double, text: String)])

  /// A legend entry's symbol.
  private enum Key {
    case marker(String)
    case line(String, width: Double, dashed: Bool)
  }

  /// The most points drawn per series.
  private static let maximumDrawn = 20_000

  /// Lower edges of the distance bands, m, and +∞ closing the last.
  private static let bandEdgesM: [Double] = [0, 500, 1000, 2000, 5000, .infinity]

  /// 1, 2, 5 × 10ⁿ m from 1 m to 10 000 km: the log axis's possible ends and ticks.
  private static let roundDistancesM: [Double] = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7,
  ]

  /// Every point, or every k-th one above `maximumDrawn` with the note saying so.
  private static func thinned(_ points: [Point]) -> (drawn: [Point], note: String?) {
    guard points.count > maximumDrawn else { return (points, nil) }
    let step = (points.count + maximumDrawn - 1) / maximumDrawn
    let drawn = stride(from: 0, to: points.count, by: step).map { points[$0] }
    return (drawn, "every \(ordinal(step)) of \(grouped(points.count)) bins drawn")
  }

  /// The mean error per distance band over all points, nil for a band without any.
  private static func bandMeans(_ points: [Point], _ tuning: Tuning) -> [Double?] {
    var sums = [Double](repeating: 0, count: bandEdgesM.count - 1)
    var counts = [Int](repeating: 0, count: sums.count)
    for point in points where point.distanceM.isFinite && point.distanceM >= 0 {
      guard let error = tuning.error(point), let band = bandEdgesM.lastIndex(where: { $0 <= point.distanceM }),
        band < sums.count
      else { continue }
      sums[band] += error
      counts[band] += 1
    }
    return zip(sums, counts).map { sum, count in
      let mean = sum / Double(count)
      return count > 0 && mean.isFinite ? mean : nil
    }
  }

  /// low…high rounded outward to 10 dB (widened by 10 dB each side when that leaves no span), within ±1000 dB.
  private static func decibelRange(low: Double, high: Double, fallback: ClosedRange<Double>) -> ClosedRange<Double> {
    guard low <= high else { return fallback }
    var lower = (min(max(low, -1000), 1000) / 10).rounded(.down) * 10
    var upper = (min(max(high, -1000), 1000) / 10).rounded(.up) * 10
    if lower == upper { (lower, upper) = (lower - 10, upper + 10) }
    return lower...upper
  }

  /// Ticks every 10 dB (coarser only past 200 dB of span).
  private static func decibelTicks(_ range: ClosedRange<Double>) -> [Double] {
    let span = range.upperBound - range.lowerBound
    let step = [10.0, 20, 50, 100].first { span / $0 <= 20 } ?? 200
    let first = Int((range.lowerBound / step).rounded(.up))
    let last = Int((range.upperBound / step).rounded(.down))
    return first <= last ? (first...last).map { Double($0) * step } : []
  }

  /// The round distances around nearest…farthest (clamped to 1 m … 10 000 km); 100 m … 10 km without data.
  private static func distanceRange(nearest: Double, farthest: Double) -> ClosedRange<Double> {
    guard nearest <= farthest else { return 100...10_000 }
    let round = roundDistancesM
    var lower = round.last { $0 <= nearest } ?? 1
    var upper = round.first { $0 >= farthest } ?? 1e7
    if lower >= upper { (lower, upper) = (round.last { $0 < lower } ?? lower, round.first { $0 > upper } ?? upper) }
    return lower...upper
  }

  /// The 1-2-5 distances within range (decades only when that would be more than ten), labelled in m or km.
  private static func distanceTicks(_ range: ClosedRange<Double>) -> [(metres: Double, text: String)] {
    var ticks = roundDistancesM.filter { range.contains($0) }
    if ticks.count > 10 { ticks = ticks.filter { [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].contains($0) } }
    return ticks.map { ($0, $0 >= 1000 ? "\(grouped(Int($0 / 1000))) km" : "\(Int($0)) m") }
  }

  /// Background, title, legend row, grid, tick labels, frame, axis labels and note; the data follows.
  private static func frame(
    title: String, note: String?, x: Axis, y: Axis, legend: [(key: Key, label: String)]
  ) -> [String] {
    let (width, height) = (Int(Layout.width), Int(Layout.height))
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(width)\" height=\"\(height)\""
        + " viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#222222\">",
      "<rect x=\"0.0\" y=\"0.0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
      text(Layout.width / 2, 28, escaped(title), anchor: "middle", extra: " font-size=\"16\" font-weight=\"bold\""),
    ]
    var legendX = Layout.left
    for (key, label) in legend {
      switch key {
      case .marker(let colour):
        lines.append("<circle cx=\"\(fixed(legendX + 7))\" cy=\"48.0\" r=\"4.0\" fill=\"\(colour)\"/>")
      case .line(let colour, let width, let dashed):
        lines.append(line(legendX, 48, legendX + 14, 48, colour, width: width, dashed: dashed))
      }
      lines.append(text(legendX + 19, 52, escaped(label), anchor: "start"))
      legendX += 19 + Double(label.count) * 6.8 + 18
    }
    for tick in x.ticks {
      lines.append(line(tick.position, Layout.top, tick.position, Layout.bottom, "#e5e5e5", width: 1))
      lines.append(text(tick.position, Layout.bottom + 17, tick.text, anchor: "middle"))
    }
    for tick in y.ticks {
      lines.append(line(Layout.left, tick.position, Layout.right, tick.position, "#e5e5e5", width: 1))
      lines.append(text(Layout.left - 6, tick.position + 4, tick.text, anchor: "end"))
    }
    lines.append(
      "<rect x=\"\(fixed(Layout.left))\" y=\"\(fixed(Layout.top))\" width=\"\(fixed(Layout.plotWidth))\""
        + " height=\"\(fixed(Layout.plotHeight))\" fill=\"none\" stroke=\"#888888\"/>")
    lines.append(text(Layout.centre.x, Layout.bottom + 38, x.label, anchor: "middle", extra: " font-size=\"13\""))
    lines.append(
      "<text transform=\"translate(20.0 \(fixed(Layout.centre.y))) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">"
        + "\(y.label)</text>")
    if let note {
      lines.append(text(Layout.width - 8, Layout.height - 8, note, anchor: "end", extra: " font-size=\"10\""))
    }
    return lines
  }

  /// The finished document, with a "no samples" box over the middle of an empty plot.
  private static func document(_ lines: [String], empty: Bool) -> String {
    let (x, y) = Layout.centre
    let box = [
      "<rect x=\"\(fixed(x - 50))\" y=\"\(fixed(y - 14))\" width=\"100.0\" height=\"28.0\" fill=\"#ffffff\"/>",
      text(x, y + 5, "no samples", anchor: "middle", extra: " font-size=\"14\""),
    ]
    return (lines + (empty ? box : []) + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  /// One series' markers, in a group that sets their colour and opacity.
  private static func markers(_ tuning: Tuning, _ positions: [(x: Double, y: Double)]) -> [String] {
    ["<g fill=\"\(tuning.colour)\" fill-opacity=\"0.35\">"]
      + positions.map { "<circle cx=\"\(fixed($0.x))\" cy=\"\(fixed($0.y))\" r=\"1.5\"/>" } + ["</g>"]
  }

  private static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ colour: String, width: Double, dashed: Bool = false
  ) -> String {
    "<line x1=\"\(fixed(x1))\" y1=\"\(fixed(y1))\" x2=\"\(fixed(x2))\" y2=\"\(fixed(y2))\" stroke=\"\(colour)\""
      + " stroke-width=\"\(fixed(width))\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
  }

  /// A `<text>` element; `content` must already be XML text.
  private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, extra: String = "") -> String {
    "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" text-anchor=\"\(anchor)\"\(extra)>\(content)</text>"
  }

  /// A tick's level in whole dB ("−0" never occurs: `Int` has no negative zero).
  private static func decibels(_ value: Double) -> String { "\(Int(value.rounded()))" }

  /// `value` to one decimal, rounded half away from zero, without locale or negative zero: -0.04 → "0.0".
  private static func fixed(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return "0.0" }
    let tenths = Int((abs(value) * 10).rounded())
    return "\(value < 0 && tenths != 0 ? "-" : "")\(tenths / 10).\(tenths % 10)"
  }

  /// A non-negative count with its thousands set apart by spaces: 45000 → "45 000".
  private static func grouped(_ count: Int) -> String {
    let digits = Array(String(count.magnitude))
    return digits.enumerated().map { $0 > 0 && (digits.count - $0) % 3 == 0 ? " \($1)" : "\($1)" }.joined()
  }

  /// 2 → "2nd", 3 → "3rd", 11 → "11th", 21 → "21st".
  private static func ordinal(_ number: Int) -> String {
    "\(number)" + ((11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th")
  }

  /// `text` as XML character data or attribute value: &, <, >, " escaped, control characters as spaces.
  private static func escaped(_ text: String) -> String {
    let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"]
    let forbidden = { (scalar: Unicode.Scalar) in scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) }
    return text.map { entities[$0] ?? ($0.unicodeScalars.contains(where: forbidden) ? " " : String($0)) }.joined()
  }
}
