import Foundation
import Scenario
import Testing

/// `report.html` (issue 16, item 5) written by `cosite run`, `recommend` and `compare` on
/// Fixtures/report-page: four parcels east of one tower, names full of markup. The page's
/// inlined data and tables are checked against the command's own files (GeoJSON,
/// `parcel-coverage.csv`, `summary.md`, `recommendations.*`, `comparison.*`); headless
/// Chromium then opens it with the network blocked and must see the map drawn.
@Suite struct ReportPageTests {
  static let scenario = "Tests/CositeTests/Fixtures/report-page/scenario.yaml"

  @Test func runPageFetchesNothing() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try CLI.run(["run", Self.scenario, "--out", out.path])
    #expect(run.status == 0, "\(run.standardError)")
    let page = try ReportHTML(out.appendingPathComponent("report.html"))
    // Nothing that loads a resource: no linked style sheet, script, image, frame or import.
    // (Leaflet's own code is left out here: what it builds is checked in the drawn DOM.)
    let lowered = page.withoutLeaflet.lowercased()
    for pattern in ["<link", "<img", "<iframe", "<object", "<embed", "@import", " src=", " href=", "srcset="] {
      #expect(!lowered.contains(pattern), "report.html contains \(pattern)")
    }
    // Every CSS url() is inlined data or a fragment (IE's VML behaviour in leaflet.css).
    for url in page.withoutLeaflet.matches(of: #/url\(([^)]*)\)/#).map({ String($0.1) }) {
      #expect(url.hasPrefix("data:") || url.hasPrefix("#"), "url(\(url.prefix(40)))")
    }
    // Outside Leaflet's own code the only http(s) text is SVG's XML namespace (never fetched).
    let addresses = page.withoutLeaflet.matches(of: #/https?://[^"'\s<)]*/#).map { String($0.0) }
    #expect(Set(addresses).subtracting(["http://www.w3.org/2000/svg"]).isEmpty, "\(addresses)")
    #expect(page.text.contains("content=\"default-src 'none'; script-src 'unsafe-inline'"))
    #expect(!page.ownScript.contains("tileLayer") && !page.ownScript.contains("TileLayer"))
    // The markup in the scenario's names stays text: the only script end tags are the page's.
    #expect(page.text.components(separatedBy: "</script>").count - 1 == 3)
    #expect(page.text.contains("Khu &lt;b&gt;công nghiệp&lt;/b&gt; &amp; &quot;Đình Vũ&quot;"))
  }

  @Test func runPageDataAndTablesAreTheRunsFiles() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try CLI.run(["run", Self.scenario, "--out", out.path])
    #expect(run.status == 0, "\(run.standardError)")
    let page = try ReportHTML(out.appendingPathComponent("report.html"))
    let data = try page.mapData()
    let sources = try #require(data["sources"] as? [String: Any])
    // Every map layer is the very GeoJSON the run wrote.
    let expected = [
      "zones", "parcels", "structures", "coverage-viettel-lte1800", "best-server-viettel-lte1800",
      "coverage-vnpt-lte1800", "best-server-vnpt-lte1800", "gaps-viettel", "gaps-vnpt",
    ]
    #expect(Set(sources.keys) == Set(expected))
    for name in expected {
      let file = try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("\(name).geojson")))
      #expect((file as? NSDictionary)?.isEqual(sources[name]) == true, "\(name)")
    }
    // A switch per carrier (parcels, gaps) and per carrier layer (RSRP bands, best server).
    let overlays = try #require(data["overlays"] as? [[String: Any]]).compactMap { $0["label"] as? String }
    #expect(
      overlays == [
        "Zones", "viettel · parcels meeting the target", "vnpt · parcels meeting the target",
        "viettel lte1800 · RSRP bands", "viettel lte1800 · best server", "vnpt lte1800 · RSRP bands",
        "vnpt lte1800 · best server", "viettel · gaps", "vnpt · gaps", "Structures",
      ])
    // Parcels coloured "meets" are exactly those parcel-coverage.csv says meet the target.
    let csv = try CSVTable.parse(
      String(contentsOf: out.appendingPathComponent("parcel-coverage.csv"), encoding: .utf8), file: "csv")
    let (carrierColumn, parcelColumn, meetsColumn) = (
      try #require(csv.column("carrier")), try #require(csv.column("parcel")), try #require(csv.column("meets_target"))
    )
    var fromCSV: [String: String] = [:]
    for row in csv.rows {
      fromCSV["\(row.fields[carrierColumn])/\(row.fields[parcelColumn])"] = row.fields[meetsColumn]
    }
    let figures = try #require(data["parcels"] as? [String: Any])
    let carriers = try #require(figures["carriers"] as? [String])
    let meets = try #require(figures["meets_target"] as? [[Any]])
    let parcelIDs = try #require((sources["parcels"] as? [String: Any])?["features"] as? [[String: Any]])
      .compactMap { ($0["properties"] as? [String: Any])?["id"] as? String }
    var fromPage: [String: String] = [:]
    for (k, carrier) in carriers.enumerated() {
      for (index, id) in parcelIDs.enumerated() {
        guard let flag = meets[k][index] as? Bool else { continue }
        fromPage["\(carrier)/\(id)"] = flag ? "yes" : "no"
      }
    }
    #expect(fromPage == fromCSV)
    #expect(fromPage.values.filter { $0 == "yes" }.count == 2)  // viettel's P1 and P2; more would be no test
    // Every data row of summary.md's tables is a row of the page's tables.
    let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
    let rows = Set(page.tableRows)
    for row in MarkdownTables.dataRows(summary) { #expect(rows.contains(row), "summary.md row \(row)") }
    // The headline `cosite run` printed heads the page.
    let printed = run.standardOutput.split(separator: "\n").prefix { !$0.hasPrefix("wrote ") }
    #expect(printed.count >= 5)
    for line in printed {
      #expect(page.text.contains(">" + ReportHTML.escaped(line.trimmingCharacters(in: .whitespaces)) + "<"), "\(line)")
    }
  }

  @Test func runPageIsIdenticalForOneAndTwoThreads() throws {
    let one = CLI.temporaryDirectory()
    let two = CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: one)
      try? FileManager.default.removeItem(at: two)
    }
    for (out, threads) in [(one, "1"), (two, "2")] {
      let run = try CLI.run(["run", Self.scenario, "--threads", threads, "--out", out.path])
      #expect(run.status == 0, "\(run.standardError)")
    }
    let first = try Data(contentsOf: one.appendingPathComponent("report.html"))
    #expect(first.count > 100_000)  // Leaflet is inlined
    #expect(first == (try Data(contentsOf: two.appendingPathComponent("report.html"))))
  }

  @Test func recommendPageCarriesTheListsTablesAndCurve() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try CLI.run(["recommend", Self.scenario, "--out", out.path])
    #expect(run.status == 0, "\(run.standardError)")
    let page = try ReportHTML(out.appendingPathComponent("report.html"))
    let json = try Self.object(out.appendingPathComponent("recommendations.json"))
    #expect(page.curves == ["passive": try Self.curve(json)])
    let stations = try #require(json["stations"] as? [[String: Any]])
    #expect(!stations.isEmpty)
    let markdown = try String(contentsOf: out.appendingPathComponent("recommendations.md"), encoding: .utf8)
    let rows = Set(page.tableRows)
    let expected = MarkdownTables.dataRows(markdown)
    #expect(expected.count == stations.count + 2)  // the stations, today and the plan
    for row in expected { #expect(rows.contains(row), "recommendations.md row \(row)") }
    let sources = try #require(try page.mapData()["sources"] as? [String: Any])
    for name in ["recommended-stations", "newly-covered-viettel", "newly-covered-vnpt"] {
      let file = try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("\(name).geojson")))
      #expect((file as? NSDictionary)?.isEqual(sources[name]) == true, "\(name)")
    }
  }

  @Test func comparePageCarriesEveryOptionsTablesAndCurve() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try CLI.run(["compare", Self.scenario, "--out", out.path])
    #expect(run.status == 0, "\(run.standardError)")
    let page = try ReportHTML(out.appendingPathComponent("report.html"))
    let options = ["standalone", "passive", "moran", "mocn", "neutral-host"]
    var curves: [String: [[Double]]] = [:]
    for option in options {
      curves[option] = try Self.curve(Self.object(out.appendingPathComponent("\(option)-recommendations.json")))
    }
    #expect(page.curves == curves)
    let markdown = try String(contentsOf: out.appendingPathComponent("comparison.md"), encoding: .utf8)
    let rows = Set(page.tableRows)
    let expected = MarkdownTables.dataRows(markdown)
    // People, busy hour, options (today first), options × carriers.
    #expect(expected.count == 6 + 6 + 6 + 6 * 2)
    for row in expected { #expect(rows.contains(row), "comparison.md row \(row)") }
    let overlays = try #require(try page.mapData()["overlays"] as? [[String: Any]]).compactMap {
      $0["label"] as? String
    }
    for option in options { #expect(overlays.contains("\(option) · recommended stations")) }
  }

  @Test func missingLeafletStopsTheRunBeforeAnyWork() throws {
    let empty = CLI.temporaryDirectory()
    let out = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    // The scenario does not exist: an error about Leaflet shows it was read first.
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["run", "no-such-scenario.yaml", "--out", out.path]
    process.environment = ProcessInfo.processInfo.environment.merging(["COSITE_LEAFLET_DIR": empty.path]) { $1 }
    let error = Pipe()
    process.standardError = error
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message.contains(empty.appendingPathComponent("leaflet.js").path) && message.contains("libjs-leaflet"))
    #expect(!message.contains("no-such-scenario"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test(.enabled(if: Chromium.path != nil, "chromium is not on PATH (Debian: apt-get install chromium): not drawn"))
  func pagesDrawOfflineInHeadlessChromium() throws {
    let root = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    for command in ["run", "recommend", "compare"] {
      let out = root.appendingPathComponent(command)
      let result = try CLI.run([command, Self.scenario, "--out", out.path])
      #expect(result.status == 0, "\(result.standardError)")
      let page = out.appendingPathComponent("report.html")
      let dom = try Chromium.run(["--dump-dom", page.absoluteString], profile: root)
      let title = dom.firstMatch(of: #/<title>([^<]*)</title>/#).map { String($0.1) }
      #expect(title == "Cosite report — drawn", "\(command): title \(title ?? "none")")
      // Parcels and the zone outline drawn as SVG paths; no image element, no tile.
      let paths = dom.firstMatch(of: #/data-drawn-paths="(\d+)"/#).flatMap { Int($0.1) } ?? 0
      #expect(paths >= 5, "\(command): \(paths) paths")
      #expect(!dom.contains("<img"), "\(command)")
      #expect(dom.contains("<div class=\"leaflet-pane leaflet-tile-pane\"></div>"), "\(command)")
    }
    // The screenshot is not blank. Vector layers are the only large saturated areas: text
    // and tables are grey; the legend's swatches cover about 1,000 px. The four parcels
    // (1.2 km of a 1.7 km row across a 760 px wide map, 300 m deep) cover some 25,000 px at
    // this size (25,946 when written), so a map that drew shows over 10,000 saturated pixels,
    // and the same page without its drawing script (control: the map stays an empty grey
    // box) stays under 5,000.
    let report = root.appendingPathComponent("run/report.html")
    let page = try ReportHTML(report)
    let undrawn = root.appendingPathComponent("run/undrawn.html")
    try page.text.replacingOccurrences(of: page.ownScript, with: "").write(
      to: undrawn, atomically: true, encoding: .utf8)
    let drawn = root.appendingPathComponent("drawn.png")
    let control = root.appendingPathComponent("control.png")
    for (html, png) in [(report, drawn), (undrawn, control)] {
      _ = try Chromium.run(["--screenshot=\(png.path)", "--window-size=1000,760", html.absoluteString], profile: root)
    }
    let shown = try PNGStatistics(drawn)
    let empty = try PNGStatistics(control)
    #expect(shown.width == 1000 && shown.height == 760)
    #expect(shown.distinctColours > 50, "\(shown)")
    #expect(shown.saturatedPixels > 10_000, "\(shown)")
    #expect(empty.saturatedPixels < 5_000, "control \(empty)")
  }

  static func object(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  /// `recommendations.json`'s curve as (lifetime VND, covered weight) pairs.
  static func curve(_ json: [String: Any]) throws -> [[Double]] {
    try #require(json["curve"] as? [[String: Any]]).map { point in
      [
        (point["lifetime_vnd"] as? NSNumber)?.doubleValue ?? .nan,
        (point["covered_weight"] as? NSNumber)?.doubleValue ?? .nan,
      ]
    }
  }
}

/// A written `report.html`, taken apart as a reader (or a test) would.
struct ReportHTML {
  let text: String

  init(_ url: URL) throws { text = try String(contentsOf: url, encoding: .utf8) }

  /// The scripts' texts, in page order: Leaflet, the map data, the page's own script.
  var scripts: [String] {
    text.matches(of: #/<script[^>]*>\n(?<body>(?s:.*?))\n</script>/#).map { String($0.body) }
  }

  var withoutLeaflet: String {
    guard let leaflet = scripts.first else { return text }
    return text.replacingOccurrences(of: leaflet, with: "")
  }

  var ownScript: String { scripts.last ?? "" }

  /// The map's data: the JSON between its `<script>` tags (no `<` can occur inside it).
  func mapData() throws -> [String: Any] {
    let start = try #require(text.range(of: "id=\"cosite-map-data\">\n"))
    let end = try #require(text.range(of: "\n</script>", range: start.upperBound..<text.endIndex))
    let json = Data(text[start.upperBound..<end.lowerBound].utf8)
    return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
  }

  /// Every table row's cells as plain text.
  var tableRows: [[String]] {
    text.matches(of: #/<tr>(?<cells>(?s:.*?))</tr>/#).map { row in
      row.cells.matches(of: #/<t[dh][^>]*>(?<cell>(?s:.*?))</t[dh]>/#).map { Self.unescaped(String($0.cell)) }
    }
  }

  /// The curve's points per series: (lifetime VND, covered weight) from the circles' data.
  var curves: [String: [[Double]]] {
    var curves: [String: [[Double]]] = [:]
    for series in text.matches(of: #/<g class="series" data-name="(?<name>[^"]*)">(?<body>(?s:.*?))</g>/#) {
      curves[Self.unescaped(String(series.name))] = series.body.matches(
        of: #/data-lifetime-vnd="(?<vnd>[^"]*)" data-covered-weight="(?<weight>[^"]*)"/#
      ).map { [Double($0.vnd) ?? .nan, Double($0.weight) ?? .nan] }
    }
    return curves
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  static func unescaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// Data rows of the pipe tables in a Markdown text (header and separator rows left out), with
/// Markdown emphasis removed.
enum MarkdownTables {
  static func dataRows(_ markdown: String) -> [[String]] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var rows: [[String]] = []
    for (index, line) in lines.enumerated() where line.hasPrefix("| ") && !line.hasPrefix("| ---") {
      if index + 1 < lines.count, lines[index + 1].hasPrefix("| ---") { continue }  // a header
      rows.append(
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map {
          $0.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
        })
    }
    return rows
  }
}
