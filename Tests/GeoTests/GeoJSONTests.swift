import Testing

@testable import Geo

@Suite struct GeoJSONTests {
  @Test func writesRFC7946WindingAndPrecisionWithoutCRS() throws {
    // Shell given clockwise and hole counter-clockwise: the writer must flip both.
    let shell = rectangle(106.0, 20.0, 106.1, 20.1).exterior.reversed
    let hole = rectangle(106.02, 20.02, 106.03, 20.03).exterior
    let polygon = Polygon(exterior: shell, holes: [hole])
    let text = GeoJSON.featureCollection([
      OutputFeature(geometry: .polygon(polygon), properties: [("id", .string("p1"))]),
      OutputFeature(geometry: .point(Coordinate(lon: 106.123456789, lat: 20.98765432)), properties: []),
    ])
    #expect(!text.contains("\"crs\""))
    let features = try GeoJSON.features(in: text)
    #expect(features.count == 2)
    guard case .success(.polygon(let read)) = features[0].geometry else {
      Issue.record("expected a polygon")
      return
    }
    #expect(read.exterior.isCounterClockwise)
    #expect(!read.holes[0].isCounterClockwise)
    #expect(features[0].property("id") == .string("p1"))
    // 7 decimals, half away from zero: 106.123456789 → 106.1234568; 20.98765432 → 20.9876543.
    #expect(text.contains("[106.1234568,20.9876543]"))
  }

  @Test func keepsBadGeometryPerFeatureWithItsIndex() throws {
    let text = """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
        {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}},
        {"type":"Feature","properties":{"id":"c"},"geometry":{"type":"Circle","coordinates":[0,0]}}
      ]}
      """
    let features = try GeoJSON.features(in: text)
    #expect(features.map(\.index) == [0, 1, 2])
    if case .failure = features[0].geometry { Issue.record("feature 0 is a valid ring") }
    #expect(throws: GeometryError.tooFewCoordinates(expected: 4, got: 3)) { try features[1].geometry.get() }
    #expect(throws: GeometryError.self) { try features[2].geometry.get() }
  }

  @Test func malformedJSONNamesTheLine() {
    #expect(throws: GeometryError.unreadable(format: "JSON", message: "line 3: expected ',' or '}' in an object")) {
      try JSONParser.parse("{\n\"a\": 1\n\"b\": 2}")
    }
  }

  @Test func jsonRoundTripKeepsOrderAndUnicode() throws {
    let value: JSONValue = .object([
      ("z", .number(1)), ("a", .array([.number(0.1), .number(-2.5), .bool(true), .null])),
      ("name", .string("Đình Vũ \"DEEP C\"\n")),
    ])
    let text = JSONWriter.text(value)
    #expect(text == #"{"z":1,"a":[0.1,-2.5,true,null],"name":"Đình Vũ \"DEEP C\"\n"}"#)
    #expect(try JSONParser.parse(text) == value)
  }

  @Test func numbersNeverUseExponents() {
    #expect(JSONWriter.number(1e-7) == "0.0000001")
    #expect(JSONWriter.number(2_306_571) == "2306571")
    #expect(JSONWriter.number(0.25) == "0.25")
    #expect(JSONWriter.fixed(541.04999, decimals: 2) == "541.05")
    #expect(JSONWriter.fixed(-0.0001, decimals: 2) == "0")
  }
}

/// Inputs the fuzzer (Fuzz/, target geojson) found to trap; each must now be an error.
@Suite struct GeoJSONFuzzRegressionTests {
  @Test func highSurrogateFollowedByANonLowEscapeIsAnError() throws {
    // Minimised from Fuzz/artifacts/crashes/geojson: `\ud83d\ud800` trapped on `low - 0xDC00`.
    #expect(throws: GeometryError.unreadable(format: "JSON", message: "line 1: invalid \\u escape: unpaired surrogate"))
    {
      try JSONParser.parse(#"{"s":"\ud83d\ud800"}"#)
    }
    #expect(throws: GeometryError.self) { try JSONParser.parse(#""\ud800\u0041""#) }
    #expect(throws: GeometryError.self) {
      try GeoJSON.features(in: #"{"type":"Feature","properties":{"s":"\udbff\uffff"}}"#)
    }
    // A proper pair still reads.
    #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
  }

  @Test func hugeCoordinatesAreWrittenAsNumbersNotNull() throws {
    // Rounding to 7 decimals multiplied 1e305 by 10^7: infinity, written as null.
    let point = Geometry.point(Coordinate(x: 1e305, y: -1.7976931348623157e308))
    let text = JSONWriter.text(GeoJSON.json(point))
    #expect(!text.contains("null"))
    #expect(try GeoJSON.geometry(from: JSONParser.parse(text)) == point)
    #expect(GeoJSON.rounded(106.123456789) == 106.1234568)
  }
}
