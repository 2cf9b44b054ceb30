import Coverage
import Foundation
import Planning
import Scenario

/// `report.html`: one self-contained page a zone board opens from disk with no network —
/// Leaflet, its style and the map data inlined, a map of the vector layers on a plain
/// background, the summary tables and, for plans, the ranked list, the option table and the
/// coverage-vs-cost curve as inline SVG.
///
/// Nothing is fetched: no tiles, no external script, style or image (the page's
/// Content-Security-Policy allows inline script and style and `data:` images only), and
/// every text from the inputs is escaped. The bytes depend only on the inputs and Leaflet.
public enum ReportPage {
  /// The page's title once its map has drawn (a headless browser reads it).
  public static let drawnTitle = "Cosite report — drawn"
  public static let fileName = "report.html"

  /// `cosite run`'s page; `files` are the run's other outputs (their GeoJSON is reused),
  /// `maps` its maps (`MapCatalog.runLayers`).
  static func run(
    scenario: ScenarioModel, coverage: CoverageResult, files: OutputSet, maps: [MapLayer], headline: [String],
    leaflet: LeafletAssets
  ) throws -> [UInt8] {
    let map = try ReportMap(scenario: scenario, coverage: coverage, files: files, maps: maps)
    return document(
      title: "Coverage — \(scenario.name)", headline: headline, map: map,
      legend: MapLegend.html(coverage.settings, plan: false),
      sections: [CoverageTables.html(coverage, scenario: scenario)], leaflet: leaflet)
  }

  /// `cosite recommend`'s page.
  static func recommendation(
    _ plan: PlanTables.Plan, outcomes: (today: OptionOutcome, plan: OptionOutcome), scenario: ScenarioModel,
    coverage: CoverageResult, files: OutputSet, maps: [MapLayer], headline: [String], leaflet: LeafletAssets
  ) throws -> [UInt8] {
    var map = try ReportMap(scenario: scenario, coverage: coverage, files: files, maps: maps)
    map.addPlan(plan.result, scenario: scenario, files: files, prefix: "", visible: true)
    return document(
      title: "Recommended stations — \(scenario.name)", headline: headline, map: map,
      legend: MapLegend.html(coverage.settings, plan: true),
      sections: [
        PlanTables.recommendation(plan, scenario: scenario, outcomes: outcomes),
        CoverageTables.html(coverage, scenario: scenario),
      ], leaflet: leaflet)
  }

  /// `cosite compare`'s page: `entries` start with today's network; `plans` are the
  /// options' results with their ranked rows.
  static func comparison(
    _ entries: [ComparisonReport.Entry], plans: [PlanTables.Plan], scenario: ScenarioModel,
    coverage: CoverageResult, files: OutputSet, maps: [MapLayer], basis: String, headline: [String],
    leaflet: LeafletAssets
  ) throws -> [UInt8] {
    var map = try ReportMap(scenario: scenario, coverage: coverage, files: files, maps: maps)
    for (index, plan) in plans.enumerated() {
      map.addPlan(
        plan.result, scenario: scenario, files: files, prefix: "\(plan.result.option.name)-", visible: index == 0)
    }
    return document(
      title: "Sharing options compared — \(scenario.name)", headline: headline, map: map,
      legend: MapLegend.html(coverage.settings, plan: true),
      sections: [
        PlanTables.comparison(entries, plans: plans, scenario: scenario, basis: basis),
        CoverageTables.html(coverage, scenario: scenario),
      ], leaflet: leaflet)
  }

  /// `RunHeadline`'s lines: indented ones (the figures per carrier) as a list under the line
  /// before them.
  static func headlineHTML(_ headline: [String]) -> [String] {
    var lines: [String] = []
    var items: [String] = []
    func flush() {
      guard !items.isEmpty else { return }
      lines.append("<ul>" + items.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>")
      items = []
    }
    for line in headline {
      if line.hasPrefix(" ") {
        items.append(line.trimmingCharacters(in: .whitespaces))
      } else {
        flush()
        lines.append("<p>\(HTMLText.escaped(line))</p>")
      }
    }
    flush()
    return lines
  }

  /// Only inline script and style, and `data:` images: the browser itself refuses any fetch.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

  /// The page's bytes: its lines, each ending in a line feed, the map data spliced in whole.
  static func document(
    title: String, headline: [String], map: ReportMap, legend: String, sections: [String], leaflet: LeafletAssets
  ) -> [UInt8] {
    var head = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(HTMLText.escaped("Cosite report — " + title))</title>",
      "<style>", leaflet.inlineStyle, "</style>", "<style>", ReportStyle.css, "</style>", "</head>", "<body>",
      "<header>", "<h1>\(HTMLText.escaped(title))</h1>",
    ]
    head += headlineHTML(headline)
    head += [
      "</header>", "<main>", "<div id=\"map-panel\"><div id=\"map\"></div>", legend, "</div>",
      "<noscript><p>The map needs JavaScript; the tables below do not.</p></noscript>",
    ]
    head += sections
    head += [
      "</main>",
      "<footer>Written by Cosite. The map is drawn offline with Leaflet (BSD-2-Clause; © 2010–2019 Vladimir Agafonkin, © 2010–2011 CloudMade) from Debian's libjs-leaflet, inlined in this file; there is no base map. Outlines and figures: the run's GeoJSON and CSV outputs.</footer>",
      "<script>", leaflet.inlineScript, "</script>",
      "<script type=\"application/json\" id=\"cosite-map-data\">",
    ]
    let tail = ["</script>", "<script>", ReportScript.code, "</script>", "</body>", "</html>"]
    var bytes: [UInt8] = []
    for line in head {
      bytes.append(contentsOf: line.utf8)
      bytes.append(UInt8(ascii: "\n"))
    }
    map.appendJSON(drawnTitle: drawnTitle, to: &bytes)
    bytes.append(UInt8(ascii: "\n"))
    for line in tail {
      bytes.append(contentsOf: line.utf8)
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }
}
