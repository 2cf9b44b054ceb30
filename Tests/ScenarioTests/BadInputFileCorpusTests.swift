import Foundation
import Testing

@testable import Scenario

/// The files a scenario references: parcels GeoJSON, structures and sites CSV, a terrain DEM
/// and an MSI antenna pattern, each broken in one way.
@Suite struct BadInputFileCorpusTests {
  @Test(.timeLimit(.minutes(1)), arguments: cases)
  func rejectsWithTheMessageAtItsPlaceAndWritesNothing(_ bad: BadInputCase) throws {
    try BadInputCorpus.check(bad)
  }

  static let cases = parcelCases + tableCases + terrainCases + patternCases

  static let p2Ring = "[[[106.76,20.83],[106.761,20.83],[106.761,20.84],[106.76,20.84],[106.76,20.83]]]"
  static let p2Geometry = "{\"type\":\"Polygon\",\"coordinates\":\(p2Ring)}"

  static let parcelCases: [BadInputCase] = [
    BadInputCase(
      "malformed JSON names its line", "parcels.geojson", .replace("\"factory\",", "\"factory\""),
      at: "parcels.geojson:2", "cannot read JSON: expected ',' or '}' in an object", count: 1),
    BadInputCase(
      "a number with a leading zero", "parcels.geojson", .replace("[[[106.75,", "[[[0105.6,"),
      at: "parcels.geojson:2", "a number may not start with 0 followed by digits", count: 1),
    BadInputCase(
      "a number with a plus sign", "parcels.geojson", .replace("[[[106.76,20.83]", "[[[106.76,+21.3]"),
      at: "parcels.geojson:3", "expected a JSON value (a number starts with - or a digit)", count: 1),
    BadInputCase(
      "a number without a leading digit", "parcels.geojson", .replace("\"workers\":120", "\"workers\":.5"),
      at: "parcels.geojson:2", "expected a JSON value (a number starts with - or a digit)", count: 1),
    BadInputCase(
      "a number beyond a Double", "parcels.geojson", .replace("\"workers\":120", "\"workers\":1e999"),
      at: "parcels.geojson:2", "number 1e999 is out of range", count: 1),
    BadInputCase(
      "text after the JSON value", "parcels.geojson", .append("\n}"),
      at: "parcels.geojson:5", "unexpected text after the JSON value", count: 1),
    BadInputCase(
      "a control character in a string", "parcels.geojson", .replace("\"P2\"", "\"P\t2\""),
      at: "parcels.geojson:3", "control character inside a string", count: 1),
    BadInputCase(
      "a Latin-1 byte in the parcels", "parcels.geojson", .latin1After("\"id\":\"P2"),
      at: "parcels.geojson:3", "not UTF-8 text: byte 0xE9 at byte offset 314", count: 1),
    BadInputCase(
      "an id beyond 2^53", "parcels.geojson", .replace("\"id\":\"P1\"", "\"id\":1e20"),
      at: "parcels.geojson: feature index 0", "property 'id': expected a text or a whole number up to 2⁵³", count: 1),
    BadInputCase(
      "a fractional id", "parcels.geojson", .replace("\"id\":\"P2\"", "\"id\":2.5"),
      at: "parcels.geojson: feature index 1", "property 'id': expected a text or a whole number up to 2⁵³", count: 1),
    BadInputCase(
      "a parcel without id", "parcels.geojson", .replace("\"id\":\"P2\",", ""),
      at: "parcels.geojson: feature index 1", "property 'id' is missing: expected a text or whole-number id", count: 1),
    BadInputCase(
      "an unknown land use", "parcels.geojson", .replace("\"road\"", "\"highway\""),
      at: "parcels.geojson: feature index 1", "property 'land_use': expected one of factory, warehouse", count: 1),
    BadInputCase(
      "1e308 workers", "parcels.geojson", .replace("\"workers\":120", "\"workers\":1e308"),
      at: "parcels.geojson: feature index 0", "property 'workers': expected a number from 0 to 1000000", count: 1),
    BadInputCase(
      "negative workers", "parcels.geojson", .replace("\"workers\":120", "\"workers\":-5"),
      at: "parcels.geojson: feature index 0", "property 'workers': expected a number from 0 to 1000000", count: 1),
    BadInputCase(
      "a demand in words", "parcels.geojson", .replace("\"workers\":120", "\"workers\":120,\"demand\":\"lots\""),
      at: "parcels.geojson: feature index 0", "property 'demand': expected a number from 0 to 1000000", count: 1),
    BadInputCase(
      "a ring that is not closed", "parcels.geojson",
      .replace("[106.76,20.84],[106.76,20.83]]]", "[106.76,20.84],[106.7605,20.83]]]"),
      at: "parcels.geojson: feature index 1", "geometry: ring is not closed (first and last coordinates differ)",
      count: 1),
    BadInputCase(
      "a ring of three positions", "parcels.geojson",
      .replace(p2Ring, "[[[106.76,20.83],[106.761,20.83],[106.76,20.83]]]"),
      at: "parcels.geojson: feature index 1", "geometry: expected at least 4 coordinates, got 3", count: 1),
    BadInputCase(
      "a self-intersecting parcel without repair", "parcels.geojson",
      .replace("[106.76,20.83],[106.76,20.84],[106.75,20.84]", "[106.76,20.84],[106.76,20.83],[106.75,20.84]"),
      at: "parcels.geojson: feature index 0",
      "invalid geometry: Self-intersection at (106.755, 20.835) (fix the outline, or set 'repair_geometry: true'",
      count: 1),
    BadInputCase(
      "lat, lon order", "parcels.geojson",
      .replace(p2Ring, "[[[20.83,106.76],[20.83,106.761],[20.84,106.761],[20.84,106.76],[20.83,106.76]]]"),
      at: "parcels.geojson: feature index 1", "coordinates outside lon −180…180, lat −90…90", count: 1),
    BadInputCase(
      "an empty FeatureCollection", "parcels.geojson", .text("{\"type\":\"FeatureCollection\",\"features\":[]}"),
      at: "parcels.geojson", "no features: expected parcel polygons", count: 1),
    BadInputCase(
      "a JSON array instead of GeoJSON", "parcels.geojson", .text("[1, 2, 3]"),
      at: "parcels.geojson", "expected a FeatureCollection or a Feature at the top level", count: 1),
    BadInputCase(
      "a Point parcel", "parcels.geojson",
      .replace(p2Geometry, "{\"type\":\"Point\",\"coordinates\":[106.76,20.83]}"),
      at: "parcels.geojson: feature index 1", "geometry: expected a Polygon or MultiPolygon", count: 1),
    BadInputCase(
      "an unknown geometry type", "parcels.geojson",
      .replace(p2Geometry, "{\"type\":\"Circle\",\"coordinates\":[106.76,20.83]}"),
      at: "parcels.geojson: feature index 1", "unsupported geometry type 'Circle'", count: 1),
    BadInputCase(
      "a long geometry type is quoted short", "parcels.geojson",
      .replace(
        "\"type\":\"Polygon\",\"coordinates\":[[[106.76,",
        "\"type\":\"\(String(repeating: "Q", count: 5000))\",\"coordinates\":[[[106.76,"),
      at: "parcels.geojson: feature index 1", "unsupported geometry type", count: 1),
    BadInputCase(
      "a feature without geometry", "parcels.geojson", .replace(p2Geometry, "null"),
      at: "parcels.geojson: feature index 1", "feature has no geometry", count: 1),
    BadInputCase(
      "an unknown building class", "parcels.geojson", .replace("\"outdoor\"", "\"glasshouse\""),
      at: "parcels.geojson: feature index 1", "property 'building_class': unknown class 'glasshouse'", count: 1),
    BadInputCase(
      "a parcel without building class", "parcels.geojson", .replace(",\"building_class\":\"outdoor\"", ""),
      at: "parcels.geojson: feature index 1", "property 'building_class' is missing", count: 1),
    BadInputCase(
      "a parcel id used twice", "parcels.geojson", .replace("\"P2\"", "\"P1\""),
      at: "parcels.geojson: feature index 1", "parcel id 'P1' is used twice in the scenario", count: 1),
    BadInputCase(
      "lon, lat parcels declared in UTM", "scenario.yaml",
      .replace("parcels: parcels.geojson", "parcels: { file: parcels.geojson, crs: EPSG:32648 }"),
      at: "parcels.geojson: feature index 0",
      "after projection: expected a parcel of at least 1 m²; is the file's CRS (EPSG:32648) right?", count: 2),
  ]

  static let sitesHeader = "id,carrier,layer,structure,azimuth_deg,height_m,power_dbm\n"
  static let manyUnknown = sitesHeader + (1...12).map { "X\($0),viettel,lte1800,T9,0,30,43" }.joined(separator: "\n")

  static let tableCases: [BadInputCase] = [
    BadInputCase(
      "sites without the power column", "sites.csv",
      .text("id,carrier,layer,structure,azimuth_deg,height_m\nS1,viettel,lte1800,T1,0,38\n"),
      at: "sites.csv:1", "header lacks column 'power_dbm' (required: id, carrier, layer, structure", count: 1),
    BadInputCase(
      "a misspelt column", "sites.csv", .replace("azimuth_deg", "azimut_deg"),
      at: "sites.csv:1", "unknown column 'azimut_deg'", count: 2),
    BadInputCase(
      "an environment file as the structures", "structures.csv",
      .text("PATH=/usr/bin\nHOME=/root\nAPI_TOKEN=s3cr3t-value\n"),
      at: "structures.csv:1", "line 1 is not a header with the columns id, kind, height_m, owner, free_slots",
      absent: ["HOME", "/root", "s3cr3t"]),
    BadInputCase(
      "structures saved with semicolons", "structures.csv",
      .text("id;kind;lon;lat;height_m;owner;free_slots\nT1;tower;106,755;20,835;40;towerco;2\n"),
      at: "structures.csv:1",
      "the fields seem to be separated by ';': Cosite reads comma-separated files (RFC 4180) with '.' as the decimal mark"
    ),
    BadInputCase(
      "a NUL byte in a field", "sites.csv", .replace("S1,viettel", "S1\u{0},viettel"),
      at: "sites.csv:2", "NUL byte (U+0000) in a field: expected text", count: 1),
    BadInputCase(
      "an unterminated quote", "sites.csv", .replace("S2,vnpt,lte1800", "S2,vnpt,\"lte1800"),
      at: "sites.csv:3", "unterminated quoted field"),
    BadInputCase(
      "a row with a field too many", "sites.csv", .replace("T1,0,38,43", "T1,0,38,43,17"),
      at: "sites.csv:2", "expected 7 fields as in the header, got 8", count: 1),
    BadInputCase(
      "a row with a field too few", "sites.csv", .replace("T1,120,35,43", "T1,120,35"),
      at: "sites.csv:3", "expected 7 fields as in the header, got 6", count: 1),
    BadInputCase(
      "a word where an azimuth is expected", "sites.csv", .replace("T1,0,38,43", "T1,north,38,43"),
      at: "sites.csv:2", "column 'azimuth_deg': expected an azimuth in degrees from north, got 'north'", count: 1),
    BadInputCase(
      "a power above 70 dBm", "sites.csv", .replace("T1,120,35,43", "T1,120,35,90"),
      at: "sites.csv:3", "column 'power_dbm': expected a total sector power in dBm between 0.0 and 70.0, got '90'",
      count: 1),
    BadInputCase(
      "an infinite power", "sites.csv", .replace("T1,0,38,43", "T1,0,38,inf"),
      at: "sites.csv:2", "column 'power_dbm': expected a total sector power in dBm, got 'inf'", count: 1),
    BadInputCase(
      "an unknown carrier", "sites.csv", .replace("S2,vnpt", "S2,orange"),
      at: "sites.csv:3", "column 'carrier': unknown carrier 'orange' (expected one of: viettel, vnpt)", count: 1),
    BadInputCase(
      "an unknown layer", "sites.csv", .replace("S2,vnpt,lte1800", "S2,vnpt,lte2100"),
      at: "sites.csv:3", "column 'layer': carrier 'vnpt' has no layer 'lte2100' (it has: lte1800)", count: 1),
    BadInputCase(
      "an unknown structure", "sites.csv", .replace("S2,vnpt,lte1800,T1", "S2,vnpt,lte1800,T9"),
      at: "sites.csv:3", "column 'structure': unknown structure 'T9' (not in the scenario's structures files)", count: 1
    ),
    BadInputCase(
      "many sectors on unknown structures fold into one line", "sites.csv", .text(manyUnknown),
      at: "sites.csv:2",
      "unknown structure 'T9' (not in the scenario's structures files); and 11 more like it (line 3,",
      count: 1),
    BadInputCase(
      "an antenna above its structure", "sites.csv", .replace("T1,120,35,43", "T1,120,45,43"),
      at: "sites.csv:3", "column 'height_m': antenna at 45 m is above the top of structure 'T1' (40 m)", count: 1),
    BadInputCase(
      "a sector id used twice", "sites.csv", .replace("S2,vnpt", "S1,vnpt"),
      at: "sites.csv:3", "sector id 'S1' is used twice", count: 1),
    BadInputCase(
      "a Latin-1 byte in the sites", "sites.csv", .latin1After("S2,vnpt"),
      at: "sites.csv:3", "not UTF-8 text: byte 0xE9 at byte offset 95", count: 1),
    BadInputCase(
      "an empty sites file", "sites.csv", .text(""),
      at: "sites.csv", "empty file: expected a header row (id,carrier,layer,structure", count: 1),
    BadInputCase(
      "an unknown structure kind", "structures.csv", .replace("R1,rooftop", "R1,mast"),
      at: "structures.csv:3", "column 'kind': expected one of tower, rooftop, pole, got 'mast'", count: 1),
    BadInputCase(
      "a longitude beyond 180", "structures.csv", .replace("106.757", "206.757"),
      at: "structures.csv:3", "column 'lon': expected a longitude in degrees between -180.0 and 180.0, got '206.757'",
      count: 1),
    BadInputCase(
      "a fractional count of slots", "structures.csv", .replace("deep-c,1,", "deep-c,1.5,"),
      at: "structures.csv:3", "column 'free_slots': expected a count of free antenna slots (0–50), got '1.5'", count: 1),
    BadInputCase(
      "a NaN height", "structures.csv", .replace(",18,deep-c", ",nan,deep-c"),
      at: "structures.csv:3", "column 'height_m': expected a height above ground in m, got 'nan'", count: 1),
    BadInputCase(
      "a negative rent", "structures.csv", .replace("2,15000000", "2,-5"),
      at: "structures.csv:2", "column 'rent_vnd_month': expected a monthly rent in VND between", count: 1),
    BadInputCase(
      "a structure id used twice", "structures.csv", .replace("R1,rooftop", "T1,rooftop"),
      at: "structures.csv:3", "structure id 'T1' is used twice", count: 1),
    BadInputCase(
      "two pairs of position columns", "structures.csv", .replace("rent_vnd_month", "rent_vnd_month,x,y"),
      at: "structures.csv:1", "expected exactly one pair of position columns"),
  ]

  static let terrain: [(file: String, edit: BadInputEdit)] = [
    ("scenario.yaml", .append("\ncoverage:\n  terrain: { dem: dem.asc, crs: EPSG:32648 }")),
    (
      "dem.asc",
      .text(
        "ncols 3\nnrows 2\nxllcorner 684000\nyllcorner 2304000\ncellsize 100\nNODATA_value -9999\n10 11 12\n13 14 15\n")
    ),
  ]
  static let header = "expected a whole number from 2 to 100000"

  static let terrainCases: [BadInputCase] = [
    BadInputCase(
      "a DEM with ncols nan", "dem.asc", .replace("ncols 3", "ncols nan"),
      at: "dem.asc:1", "header 'ncols': expected one number (at most 10⁹ in size)", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with ncols inf", "dem.asc", .replace("ncols 3", "ncols inf"),
      at: "dem.asc:1", "header 'ncols': expected one number (at most 10⁹ in size)", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with ncols 1e30", "dem.asc", .replace("ncols 3", "ncols 1e30"),
      at: "dem.asc:1", "header 'ncols': expected one number (at most 10⁹ in size)", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with ncols 2.5", "dem.asc", .replace("ncols 3", "ncols 2.5"),
      at: "dem.asc:1", header, count: 1, setup: terrain),
    BadInputCase(
      "a DEM whose ncols × nrows is too large", "dem.asc", .replace("ncols 3\nnrows 2", "ncols 100000\nnrows 100000"),
      at: "dem.asc:1", "ncols × nrows = 10000000000 samples, above the limit of 400000000", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with a height missing", "dem.asc", .replace("13 14 15", "13 14"),
      at: "dem.asc", "5 heights: expected ncols × nrows = 6", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with a height in words", "dem.asc", .replace("13 14 15", "13 fourteen 15"),
      at: "dem.asc:8", "'fourteen': expected a height in m (−20,000 to 20,000) or the nodata_value", count: 1,
      setup: terrain),
    BadInputCase(
      "a DEM height of 1e30", "dem.asc", .replace("10 11 12", "10 1e30 12"),
      at: "dem.asc:7", "'1e30': expected a height in m", count: 1, setup: terrain),
    BadInputCase(
      "a DEM with a negative cellsize is reported at that line", "dem.asc",
      .replace("cellsize 100", "cellsize -100"), at: "dem.asc:5", "cell size above 0", count: 1, setup: terrain),
    BadInputCase(
      "a DEM without its corner", "dem.asc", .replace("xllcorner 684000\n", ""),
      at: "dem.asc:1", "header: expected xllcorner/yllcorner (or xllcenter/yllcenter)", count: 1, setup: terrain),
    BadInputCase(
      "a Latin-1 byte in the DEM", "dem.asc", .latin1After("10 11"),
      at: "dem.asc:7", "not UTF-8 text: byte 0xE9 at byte offset 88", count: 1, setup: terrain),
    BadInputCase(
      "a DEM that is a directory", "dem.asc", .directory,
      at: "dem.asc", "is a directory: expected a file", count: 1, setup: terrain),
    BadInputCase(
      "a missing DEM", "scenario.yaml", .append("\ncoverage:\n  terrain: { dem: nowhere.asc }"),
      at: "scenario.yaml:17", "file not found: nowhere.asc", count: 1),
  ]

  static let pattern: [(file: String, edit: BadInputEdit)] = [
    (
      "sites.csv",
      .text(
        "id,carrier,layer,structure,azimuth_deg,height_m,power_dbm,antenna_pattern\n"
          + "S1,viettel,lte1800,T1,0,38,43,pattern.msi\nS2,vnpt,lte1800,T1,120,35,43,\n")
    ),
    (
      "pattern.msi",
      .text("NAME T\nGAIN 15 dBd\nHORIZONTAL 4\n0 0\n90 10\n180 25\n270 10\nVERTICAL 4\n0 0\n90 20\n180 25\n270 20\n")
    ),
  ]

  static let patternCases: [BadInputCase] = [
    BadInputCase(
      "a pattern without GAIN", "pattern.msi", .replace("GAIN 15 dBd", "COMMENT none"),
      at: "pattern.msi:1", "no GAIN line", count: 1, setup: pattern),
    BadInputCase(
      "a pattern GAIN in words", "pattern.msi", .replace("GAIN 15 dBd", "GAIN high dBd"),
      at: "pattern.msi:2", "expected 'GAIN <value> [dBi|dBd]'", count: 1, setup: pattern),
    BadInputCase(
      "an infinite pattern GAIN", "pattern.msi", .replace("GAIN 15 dBd", "GAIN inf dBd"),
      at: "pattern.msi:2", "expected 'GAIN <value> [dBi|dBd]'", count: 1, setup: pattern),
    BadInputCase(
      "a pattern GAIN of 1000 dBd", "pattern.msi", .replace("GAIN 15 dBd", "GAIN 1000 dBd"),
      at: "pattern.msi:2", "GAIN", count: 1, setup: pattern),
    BadInputCase(
      "a pattern row in words", "pattern.msi", .replace("90 10", "90 ten"),
      at: "pattern.msi:5", "expected 'angle attenuation' in the HORIZONTAL block", count: 1, setup: pattern),
    BadInputCase(
      "a NaN attenuation", "pattern.msi", .replace("90 20", "90 nan"),
      at: "pattern.msi:10", "expected 'angle attenuation' in the VERTICAL block", count: 1, setup: pattern),
    BadInputCase(
      "an infinite pattern angle", "pattern.msi", .replace("180 25", "inf 25"),
      at: "pattern.msi:6", "expected 'angle attenuation' in the HORIZONTAL block", count: 1, setup: pattern),
    BadInputCase(
      "a block count in words", "pattern.msi", .replace("HORIZONTAL 4", "HORIZONTAL four"),
      at: "pattern.msi:3", "expected 'HORIZONTAL <count>'", count: 1, setup: pattern),
    BadInputCase(
      "a block shorter than its count", "pattern.msi", .replace("HORIZONTAL 4", "HORIZONTAL 5"),
      at: "pattern.msi:8", "expected 'angle attenuation' in the HORIZONTAL block", count: 1, setup: pattern),
    BadInputCase(
      "a block not starting at 0° is reported at the block", "pattern.msi", .replace("0 0\n90 10", "45 0\n90 10"),
      at: "pattern.msi:3", "HORIZONTAL block must start at angle 0", count: 1, setup: pattern),
    BadInputCase(
      "a pattern without VERTICAL block", "pattern.msi",
      .replace("VERTICAL 4\n0 0\n90 20\n180 25\n270 20\n", ""),
      at: "pattern.msi:1", "expected HORIZONTAL and VERTICAL blocks", count: 1, setup: pattern),
    BadInputCase(
      "a pattern that is a directory", "pattern.msi", .directory,
      at: "pattern.msi", "is a directory: expected a file", count: 1, setup: pattern),
    BadInputCase(
      "a missing pattern file", "sites.csv", .replace("pattern.msi", "nowhere.msi"),
      at: "sites.csv:2", "column 'antenna_pattern': file not found: nowhere.msi", count: 1, setup: [pattern[0]]),
  ]
}
