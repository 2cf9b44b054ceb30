import Geo

/// A shared KML `<Style>`: an area colour (fill and outline) or a point icon.
///
/// Point icons are Google Earth's standard paddles, referenced by their address
/// (`http://maps.google.com/mapfiles/kml/paddle/…`), as Google Earth's own icon palette
/// writes them; the KMZ carries no image files.
enum KMLStyle: Hashable {
  case area(fill: RGBColour, fillOpacity: Double, stroke: RGBColour, strokeOpacity: Double, strokeWidth: Double)
  case icon(String)

  /// The paddle glyph a point layer uses: structures a dot, sites blank, stations stars.
  enum Glyph: String {
    case circle, blank, stars
  }

  /// The style of a feature of `layer` drawn with `look`.
  init(_ look: FeatureLook, layer: MapLayer) {
    switch look {
    case .area(let fill, let fillOpacity, let stroke, let strokeOpacity, let strokeWidth):
      self = .area(
        fill: fill, fillOpacity: fillOpacity, stroke: stroke, strokeOpacity: strokeOpacity, strokeWidth: strokeWidth)
    case .point(let marker):
      let glyph: Glyph = layer.kind == .stations ? .stars : layer.kind == .sites ? .blank : .circle
      self = .icon("\(Self.paddle(nearest: marker))-\(glyph.rawValue)")
    }
  }

  /// A readable, unique id: `area-7f50981a-ff333333-0.5`, `icon-red-circle`.
  var id: String {
    switch self {
    case .area(let fill, let fillOpacity, let stroke, let strokeOpacity, let strokeWidth):
      return "area-\(fill.kml(opacity: fillOpacity))-\(stroke.kml(opacity: strokeOpacity))-"
        + JSONWriter.number(strokeWidth)
    case .icon(let paddle): return "icon-\(paddle)"
    }
  }

  /// The `<Style>` element (OGC 12-007r2 §12.3: LineStyle, then PolyStyle; IconStyle).
  var element: String {
    switch self {
    case .area(let fill, let fillOpacity, let stroke, let strokeOpacity, let strokeWidth):
      let hasOutline = strokeWidth > 0 && strokeOpacity > 0
      return "<Style id=\"\(id)\"><LineStyle><color>\(stroke.kml(opacity: strokeOpacity))</color>"
        + "<width>\(JSONWriter.number(strokeWidth))</width></LineStyle>"
        + "<PolyStyle><color>\(fill.kml(opacity: fillOpacity))</color><fill>\(fillOpacity > 0 ? 1 : 0)</fill>"
        + "<outline>\(hasOutline ? 1 : 0)</outline></PolyStyle></Style>"
    case .icon(let paddle):
      return "<Style id=\"\(id)\"><IconStyle><scale>1</scale><Icon><href>\(Self.paddleBase)\(paddle).png</href>"
        + "</Icon><hotSpot x=\"0.5\" y=\"0\" xunits=\"fraction\" yunits=\"fraction\"/></IconStyle></Style>"
    }
  }

  static let paddleBase = "http://maps.google.com/mapfiles/kml/paddle/"

  /// Google Earth's paddle colours (their names in the icon addresses) and their sRGB.
  static let paddles: [(name: String, colour: RGBColour)] = [
    ("red", RGBColour(red: 0xe6, green: 0x32, blue: 0x32)), ("orange", RGBColour(red: 0xff, green: 0x8c, blue: 0x1a)),
    ("ylw", RGBColour(red: 0xf5, green: 0xe6, blue: 0x3c)), ("grn", RGBColour(red: 0x3c, green: 0xb4, blue: 0x4b)),
    ("ltblu", RGBColour(red: 0x78, green: 0xc8, blue: 0xf0)), ("blu", RGBColour(red: 0x3c, green: 0x64, blue: 0xf0)),
    ("purple", RGBColour(red: 0x96, green: 0x50, blue: 0xdc)), ("pink", RGBColour(red: 0xff, green: 0x8c, blue: 0xc8)),
  ]

  /// The paddle closest in sRGB to a marker colour; greys (channels within 40) are white.
  static func paddle(nearest colour: RGBColour) -> String {
    let channels = [Int(colour.red), Int(colour.green), Int(colour.blue)]
    guard let high = channels.max(), let low = channels.min(), high - low > 40 else { return "wht" }
    func distance(_ other: RGBColour) -> Int {
      let others = [Int(other.red), Int(other.green), Int(other.blue)]
      return zip(channels, others).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    return paddles.min { distance($0.colour) < distance($1.colour) }?.name ?? "wht"
  }
}
