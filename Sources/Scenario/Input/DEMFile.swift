import Foundation
import Geo
import GeoIO

/// Reads terrain rasters: ESRI ASCII grids (`.asc`) and SRTM tiles (`.hgt`) by Cosite's own
/// readers (which name the line of a bad value), and any raster GDAL reads — GeoTIFF, COG, a
/// VRT of SRTM or Copernicus GLO-30 tiles — through `GeoIO.readGrid`, in its own CRS.
enum DEMFile {
  /// Reads `path` (shown to the planner as `name`); issues go to `diagnostics`.
  static func read(path: String, name: String, crs: CRS?, diagnostics: Diagnostics) -> ElevationModel? {
    let lower = path.lowercased()
    if !lower.hasSuffix(".asc"), !lower.hasSuffix(".hgt") {
      return readRaster(path: path, name: name, crs: crs, diagnostics: diagnostics)
    }
    let data: Data
    switch InputFile.data(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      diagnostics.report(name, .file, problem.about("the terrain file"))
      return nil
    }
    let fileName = (path as NSString).lastPathComponent
    if fileName.lowercased().hasSuffix(".hgt") {
      return readHGT(data, fileName: fileName, name: name, diagnostics: diagnostics)
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      let problem = InputFile.invalidUTF8(data)
      diagnostics.report(
        name, problem.line.map(IssueLocation.line) ?? .file,
        "\(problem.message): expected an ESRI ASCII grid (.asc) or SRTM .hgt")
      return nil
    }
    return readASCII(text, name: name, crs: crs ?? .wgs84, diagnostics: diagnostics)
  }

  /// A raster through GDAL: band 1 as heights in metres (nodata as voids), in the CRS the
  /// file declares (or the scenario's `crs`; a contradiction is an error, as for vector files).
  static func readRaster(path: String, name: String, crs: CRS?, diagnostics: Diagnostics) -> ElevationModel? {
    // A directory, a pipe (GDAL would wait on it forever) or an oversized file never reaches GDAL.
    if let problem = InputFile.check(path) {
      diagnostics.report(name, .file, problem.about("the terrain file"))
      return nil
    }
    let grid: InputGrid
    do {
      grid = try GeoIO.readGrid(atPath: path)
    } catch {
      diagnostics.report(name, .file, "\(error) (expected a terrain raster GDAL reads: GeoTIFF, VRT, .asc, .hgt)")
      return nil
    }
    let resolved = FileCRS.resolve(
      epsg: grid.epsg, name: grid.crsName, declared: crs, file: name, diagnostics: diagnostics, requireDeclared: true)
    let heights = -20_000...20_000 as ClosedRange<Float>
    if let index = grid.values.firstIndex(where: { !$0.isNaN && !heights.contains($0) }) {
      diagnostics.report(
        name, .pixel(column: index % grid.columns, row: index / grid.columns),
        "height \(grid.values[index]): expected metres from −20,000 to 20,000 (or nodata)")
      return nil
    }
    return ElevationModel(
      crs: resolved ?? .wgs84, columns: grid.columns, rows: grid.rows, originX: grid.originX, originY: grid.originY,
      cellSizeX: grid.cellSizeX, cellSizeY: grid.cellSizeY, heightsM: grid.values)
  }

  /// SRTM: big-endian Int16 heights, 1201² (3″) or 3601² (1″) samples, rows from the north;
  /// the file name (`N20E106.hgt`) is the south-west corner; −32768 is a void.
  static func readHGT(_ data: Data, fileName: String, name: String, diagnostics: Diagnostics) -> ElevationModel? {
    let side: Int
    switch data.count {
    case 1201 * 1201 * 2: side = 1201
    case 3601 * 3601 * 2: side = 3601
    default:
      diagnostics.report(
        name, .file, "\(data.count) bytes: expected an SRTM tile of 1201² or 3601² big-endian 16-bit heights")
      return nil
    }
    guard let corner = hgtCorner(fileName) else {
      diagnostics.report(
        name, .file, "file name \(Excerpt.quoted(fileName)): expected an SRTM tile name such as N20E106.hgt")
      return nil
    }
    var heights = [Float](repeating: 0, count: side * side)
    data.withUnsafeBytes { raw in
      for index in 0..<(side * side) {
        let value = Int16(bitPattern: UInt16(raw[2 * index]) << 8 | UInt16(raw[2 * index + 1]))
        heights[index] = value == -32768 ? .nan : Float(value)
      }
    }
    let step = 1 / Double(side - 1)
    return ElevationModel(
      crs: .wgs84, columns: side, rows: side, originX: corner.lon, originY: corner.lat + 1, cellSizeX: step,
      cellSizeY: step, heightsM: heights)
  }

  static func hgtCorner(_ fileName: String) -> (lon: Double, lat: Double)? {
    let upper = fileName.uppercased()
    guard upper.count >= 11, let first = upper.first, "NS".contains(first) else { return nil }
    let latText = upper.dropFirst().prefix(2)
    let hemisphere = upper.dropFirst(3).prefix(1)
    let lonText = upper.dropFirst(4).prefix(3)
    guard let lat = Double(latText), let lon = Double(lonText), hemisphere == "E" || hemisphere == "W" else {
      return nil
    }
    return (hemisphere == "W" ? -lon : lon, first == "S" ? -lat : lat)
  }

  /// ESRI ASCII grid: a header (`ncols`, `nrows`, `xllcorner`/`xllcenter`,
  /// `yllcorner`/`yllcenter`, `cellsize`, optional `nodata_value`), then rows from the north.
  /// Largest side of an ASCII grid, in samples: 10⁵ (a 1″ tile is 3,601; larger areas come as
  /// several tiles), so that `ncols × nrows` stays far from overflow and from memory limits.
  static let maximumSide = 100_000
  /// Largest sample count of an ASCII grid: 4 × 10⁸ (1.6 GB of Float32 heights).
  static let maximumSamples = 400_000_000

  static func readASCII(_ text: String, name: String, crs: CRS, diagnostics: Diagnostics) -> ElevationModel? {
    var header: [String: Double] = [:]
    var headerLines: [String: Int] = [:]
    var values: [Float] = []
    var noData: Double?
    var problems = 0
    for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard let first = words.first else { continue }
      let key = first.lowercased()
      if key.first?.isLetter == true, values.isEmpty {
        guard words.count == 2, let value = Double(words[1]), value.isFinite, abs(value) <= 1e9 else {
          diagnostics.report(
            name, .line(offset + 1), "header \(Excerpt.quoted(key)): expected one number (at most 10⁹ in size)")
          return nil
        }
        if key == "nodata_value" { noData = value } else { header[key] = value }
        headerLines[key] = offset + 1
        continue
      }
      for word in words {
        guard let value = Double(word), value == noData || (-20_000...20_000).contains(value) else {
          if problems < 5 {
            diagnostics.report(
              name, .line(offset + 1),
              "\(Excerpt.quoted(word)): expected a height in m (−20,000 to 20,000) or the nodata_value")
          }
          problems += 1
          continue
        }
        values.append(value == noData ? .nan : Float(value))
        guard values.count <= maximumSamples else {
          diagnostics.report(name, .line(offset + 1), "more than \(maximumSamples) heights: expected ncols × nrows")
          return nil
        }
      }
    }
    guard problems == 0 else { return nil }
    let side = 2...Double(maximumSide)
    var headerIsValid = true
    for key in ["ncols", "nrows"] {
      guard let value = header[key], side.contains(value), value.rounded() == value else {
        diagnostics.report(
          name, .line(headerLines[key] ?? 1),
          "header '\(key)': expected a whole number from 2 to \(maximumSide)\(header[key] == nil ? " (missing)" : "")")
        headerIsValid = false
        continue
      }
    }
    if !(header["cellsize"].map { $0 > 0 && $0 <= 1e6 } ?? false) {
      diagnostics.report(
        name, .line(headerLines["cellsize"] ?? 1),
        "header 'cellsize': expected a cell size above 0 and at most 10⁶\(header["cellsize"] == nil ? " (missing)" : "")"
      )
      headerIsValid = false
    }
    guard headerIsValid, let columnCount = header["ncols"], let rowCount = header["nrows"],
      let size = header["cellsize"]
    else { return nil }
    let columns = Int(columnCount)
    let rows = Int(rowCount)
    guard columns * rows <= maximumSamples else {
      diagnostics.report(
        name, .line(1), "header: ncols × nrows = \(columns * rows) samples, above the limit of \(maximumSamples)")
      return nil
    }
    let centred = header["xllcenter"] != nil
    guard let x = header["xllcenter"] ?? header["xllcorner"], let y = header["yllcenter"] ?? header["yllcorner"]
    else {
      diagnostics.report(name, .line(1), "header: expected xllcorner/yllcorner (or xllcenter/yllcenter)")
      return nil
    }
    guard values.count == columns * rows else {
      diagnostics.report(name, .file, "\(values.count) heights: expected ncols × nrows = \(columns * rows)")
      return nil
    }
    let half = centred ? 0 : size / 2
    return ElevationModel(
      crs: crs, columns: columns, rows: rows, originX: x + half, originY: y + half + Double(rows - 1) * size,
      cellSizeX: size, cellSizeY: size, heightsM: values)
  }
}
