import Testing

@testable import Geo

/// Reference values from the checked notes (shared/notes/geos-proj-from-swift.md) and
/// from PROJ's own `cs2cs` on Debian 12 (PROJ 9.1.1), which uses the same EPSG database.
@Suite struct ProjectionTests {
  @Test func haiPhongToUTM48NMatchesReferenceWithinOneMillimetre() throws {
    let transform = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 32648))
    let metres = try transform.forward(Coordinate(lon: 106.78, lat: 20.85))
    #expect(abs(metres.x - 685_199.875) < 0.001)
    #expect(abs(metres.y - 2_306_571.017) < 0.001)
  }

  @Test func inverseReturnsTheStartingPoint() throws {
    let transform = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 32648))
    let start = Coordinate(lon: 106.758, lat: 20.837)
    let back = try transform.inverse(try transform.forward(start))
    #expect(abs(back.x - start.x) < 1e-9)
    #expect(abs(back.y - start.y) < 1e-9)
  }

  @Test func arrayTransformEqualsPointTransform() throws {
    let transform = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 32648))
    let points = (0..<50).map { Coordinate(lon: 106.5 + Double($0) * 0.01, lat: 20.8 + Double($0) * 0.005) }
    let bulk = try transform.forward(points)
    for (point, projected) in zip(points, bulk) {
      #expect(try transform.forward(point) == projected)
    }
  }

  @Test func vn2000ZonesAreKnownAndProjectedInMetres() throws {
    for code in [3405, 3406, 9210, 5897] {
      let description = try CRS(epsg: code).describe()
      #expect(description.isProjected, "EPSG:\(code)")
      #expect(description.unitIsMetre, "EPSG:\(code)")
    }
    #expect(try CRS(epsg: 9210).describe().name.contains("VN-2000"))
    #expect(try CRS.wgs84.describe().isProjected == false)
  }

  /// VN-2000 / UTM 48N (EPSG:3405) and WGS 84 / UTM 48N share the projection; they differ
  /// only by the datum shift "VN-2000 to WGS 84 (2)", a few hundred metres at most, and
  /// the normalised order is easting first (the Vietnamese survey convention is x = north).
  @Test func vn2000ToWGS84IsEastingFirstAndCloseToUTM() throws {
    let fromVN = try CoordinateTransform(from: CRS(epsg: 3405), to: .wgs84)
    let lonLat = try fromVN.forward(Coordinate(x: 685_000, y: 2_306_500))
    #expect(abs(lonLat.x - 106.78) < 0.01)
    #expect(abs(lonLat.y - 20.85) < 0.01)
  }

  @Test func unknownEPSGIsTypedErrorWithPROJMessage() {
    #expect {
      _ = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 999_999))
    } throws: { error in
      guard case ProjectionError.unknownCRS(let crs, let message)? = error as? ProjectionError else {
        return false
      }
      return crs.epsg == 999_999 && !message.isEmpty
    }
  }

  @Test func parsesEPSGCodesAndRejectsOtherText() throws {
    #expect(try CRS(parsing: "EPSG:9210").epsg == 9210)
    // GeoJSON 2008's named CRS (OGC URNs, with or without a version; CRS84 is WGS 84 lon, lat).
    #expect(CRS(geoJSONName: "urn:ogc:def:crs:EPSG::9210") == CRS(epsg: 9210))
    #expect(CRS(geoJSONName: "urn:ogc:def:crs:EPSG:6.6:32648") == CRS(epsg: 32648))
    #expect(CRS(geoJSONName: "EPSG:3405") == CRS(epsg: 3405))
    #expect(CRS(geoJSONName: "urn:ogc:def:crs:OGC:1.3:CRS84") == .wgs84)
    for bad in ["WGS84", "EPSG:abc", "urn:ogc:def:crs:ESRI::102100", "urn:ogc:def:crs:EPSG::0", "{}"] {
      #expect(CRS(geoJSONName: bad) == nil, "\(bad)")
    }
    #expect(try CRS(parsing: " epsg:32648 ").epsg == 32648)
    for bad in ["9210", "EPSG:", "EPSG:abc", "ESRI:102100", "EPSG:-5"] {
      #expect(throws: ProjectionError.malformedCRS(bad)) { try CRS(parsing: bad) }
    }
  }

  /// Zone n spans [-180 + 6(n-1), -180 + 6n) degrees of longitude.
  @Test func utmZoneOfAPointFollowsTheSixDegreeGrid() {
    #expect(CRS.utmZone(containing: Coordinate(lon: 106.78, lat: 20.85)).epsg == 32648)
    #expect(CRS.utmZone(containing: Coordinate(lon: 108.0, lat: 21.0)).epsg == 32649)
    #expect(CRS.utmZone(containing: Coordinate(lon: 107.99, lat: 21.0)).epsg == 32648)
    #expect(CRS.utmZone(containing: Coordinate(lon: -0.1, lat: -33.9)).epsg == 32730)
    #expect(CRS.utmZone(containing: Coordinate(lon: 180, lat: 10)).epsg == 32660)
  }
}
