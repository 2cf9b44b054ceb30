import Foundation
import Geo

/// Reads terrain rasters: ESRI ASCII grids (`.asc`) and SRTM tiles (`.hgt`).
enum DEMFile {
  /// Reads `path` (shown to the planner as `name`); issues go to `diagnostics`.
  static func read(path: String, name: String, crs: CRS?, diagnostics: Diagnostics) -> ElevationModel? {
    guard let data = FileManager.default.contents(atPath: path) else {
      diagnostics.report(name, .file, "cannot read the terrain file")
      return nil
    }
    let fileName = (path as NSString).lastPathComponent
    if fileName.lowercased().hasSuffix(".hgt") {
      return readHGT(data, fileName: fileName, name: name, diagnostics: diagnostics)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      diagnostics.report(name, .file, "cannot read as UTF-8 text: expected an ESRI ASCII grid (.asc) or SRTM .hgt")
      return nil
    }
    return readASCII(text, name: name, crs: crs ?? .wgs84, diagnostics: diagnostics)
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
      diagnostics.report(name, .file, "file name '\(fileName)': expected an SRTM tile name such as N20E106.hgt")
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
  static func readASCII(_ text: String, name: String, crs: CRS, diagnostics: Diagnostics) -> ElevationModel? {
    var header: [String: Double] = [:]
    var values: [Float] = []
    var noData: Double?
    var problems = 0
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard let first = words.first else { continue }
      let key = first.lowercased()
      if key.first?.isLetter == true, values.isEmpty {
        guard words.count == 2, let value = Double(words[1]) else {
          diagnostics.report(name, .line(offset + 1), "header '\(key)': expected one number")
          return nil
        }
        if key == "nodata_value" { noData = value } else { header[key] = value }
        continue
      }
      for word in words {
        guard let value = Double(word) else {
          if problems < 5 { diagnostics.report(name, .line(offset + 1), "'\(word)': expected a height in m") }
          problems += 1
          continue
        }
        values.append(value == noData ? .nan : Float(value))
      }
    }
    guard problems == 0 else { return nil }
    guard let columns = header["ncols"].map(Int.init), let rows = header["nrows"].map(Int.init), columns > 1, rows > 1,
      let size = header["cellsize"], size > 0
    else {
      diagnostics.report(name, .line(1), "header: expected ncols and nrows (at least 2) and a positive cellsize")
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
