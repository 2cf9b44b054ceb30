import Foundation
import Geo

/// The coverage-vs-cost curve as inline SVG: per plan, the cumulative lifetime cost and the
/// cumulative covered weight after each station in rank order, from (0, 0) — the points of
/// `recommendations.json`'s `curve`, which each circle carries in `data-` attributes in the
/// same number format.
enum CostCurveSVG {
  struct Series {
    let name: String
    let colour: String
    /// (lifetime VND, covered weight), starting at (0, 0).
    let points: [(vnd: Double, weight: Double)]
  }

  /// A plan's curve: (0, 0) then each row's cumulative figures.
  static func series(_ name: String, colour: String, rows: [RecommendationReport.Row]) -> Series {
    Series(
      name: name, colour: colour,
      points: [(0, 0)] + rows.map { ($0.cumulativeLifetimeVND, $0.cumulativeWeight) })
  }

  static let width = 720.0
  static let height = 360.0
  static let margin = (left: 78.0, right: 24.0, top: 16.0, bottom: 52.0)

  static func svg(_ series: [Series], unit: String) -> String {
    let maxVND = series.flatMap(\.points).map(\.vnd).max() ?? 0
    let maxWeight = series.flatMap(\.points).map(\.weight).max() ?? 0
    let xAxis = Axis(maximum: maxVND / 1e9)
    let yAxis = Axis(maximum: maxWeight)
    let plot = (width: width - margin.left - margin.right, height: height - margin.top - margin.bottom)
    func x(_ vnd: Double) -> Double { margin.left + vnd / 1e9 / xAxis.top * plot.width }
    func y(_ weight: Double) -> Double { margin.top + plot.height - weight / yAxis.top * plot.height }
    func f(_ value: Double) -> String { JSONWriter.fixed(value, decimals: 1) }
    let bottom = margin.top + plot.height
    var lines = [
      "<svg class=\"curve\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"Coverage against cost\">",
      "<rect x=\"\(f(margin.left))\" y=\"\(f(margin.top))\" width=\"\(f(plot.width))\" height=\"\(f(plot.height))\" fill=\"#fafafa\" stroke=\"#999999\"/>",
    ]
    for tick in xAxis.ticks {
      let position = margin.left + tick / xAxis.top * plot.width
      lines.append(
        "<line x1=\"\(f(position))\" y1=\"\(f(margin.top))\" x2=\"\(f(position))\" y2=\"\(f(bottom))\" stroke=\"#e0e0e0\"/>"
      )
      lines.append(
        "<text x=\"\(f(position))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\">\(xAxis.label(tick))</text>")
    }
    for tick in yAxis.ticks {
      let position = y(tick)
      lines.append(
        "<line x1=\"\(f(margin.left))\" y1=\"\(f(position))\" x2=\"\(f(margin.left + plot.width))\" y2=\"\(f(position))\" stroke=\"#e0e0e0\"/>"
      )
      lines.append(
        "<text x=\"\(f(margin.left - 6))\" y=\"\(f(position + 4))\" text-anchor=\"end\">\(yAxis.label(tick))</text>"
      )
    }
    lines.append(
      "<text x=\"\(f(margin.left + plot.width / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\">Cumulative lifetime cost, bn VND (stations in rank order)</text>"
    )
    lines.append(
      "<text transform=\"translate(16 \(f(margin.top + plot.height / 2))) rotate(-90)\" text-anchor=\"middle\">Covered, \(HTMLText.escaped(unit)) (cumulative)</text>"
    )
    for (index, line) in series.enumerated() {
      let colour = HTMLText.escaped(line.colour)
      let points = line.points.map { "\(f(x($0.vnd))),\(f(y($0.weight)))" }.joined(separator: " ")
      lines.append(
        "<g class=\"series\" data-name=\"\(HTMLText.escaped(line.name))\">"
          + "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
      for (rank, point) in line.points.enumerated() {
        let vnd = JSONWriter.text(number(point.vnd, decimals: 0))
        let weight = JSONWriter.text(number(point.weight, decimals: 3))
        let label =
          rank == 0
          ? "\(line.name): no station"
          : "\(line.name), station \(rank): \(JSONWriter.fixed(point.vnd / 1e9, decimals: 2)) bn VND, \(JSONWriter.fixed(point.weight, decimals: 1)) \(unit)"
        lines.append(
          "<circle cx=\"\(f(x(point.vnd)))\" cy=\"\(f(y(point.weight)))\" r=\"3.5\" fill=\"\(colour)\" data-lifetime-vnd=\"\(vnd)\" data-covered-weight=\"\(weight)\"><title>\(HTMLText.escaped(label))</title></circle>"
        )
      }
      lines.append("</g>")
      if series.count > 1 {
        let legendY = margin.top + 16 + Double(index) * 16
        lines.append(
          "<rect x=\"\(f(margin.left + 10))\" y=\"\(f(legendY - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            + "<text x=\"\(f(margin.left + 26))\" y=\"\(f(legendY))\">\(HTMLText.escaped(line.name))</text>")
      }
    }
    lines.append("</svg>")
    return lines.joined(separator: "\n")
  }

  /// A linear axis from 0 with 1-2-5 steps, about five ticks.
  struct Axis {
    let step: Double
    let top: Double

    init(maximum: Double) {
      guard maximum > 0, maximum.isFinite else {
        step = 1
        top = 1
        return
      }
      let raw = maximum / 5
      let decade = pow(10, (log10(raw)).rounded(.down))
      let step = [1.0, 2, 5, 10].map { $0 * decade }.first { $0 >= raw } ?? 10 * decade
      self.step = step
      top = (maximum / step).rounded(.up) * step
    }

    var ticks: [Double] {
      let count = Int((top / step).rounded())
      return (0...count).map { Double($0) * step }
    }

    /// A tick's value with as many decimals as the step needs.
    func label(_ tick: Double) -> String {
      JSONWriter.fixed(tick, decimals: max(0, -Int(log10(step).rounded(.down))))
    }
  }
}
