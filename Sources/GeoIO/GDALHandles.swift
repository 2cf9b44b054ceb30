internal import CGDAL
import Foundation

/// A GDAL dataset handle, closed by `close()` (idempotent) or in `deinit`. Never leaves the module.
///
/// Callers write `defer { dataset.close() }` right after getting one: Swift may end an object's
/// lifetime after its last use, and a raw handle taken from it is not a use, so the `defer`
/// keeps the dataset open while its handle is in use; an explicit earlier `close()` flushes a
/// file before its bytes are read.
final class GDALDataset {
  private(set) var handle: GDALDatasetH?

  init(_ handle: GDALDatasetH) {
    self.handle = handle
  }

  /// Opens `path` read-only with `GDALOpenEx` (`flags`: GDAL_OF_RASTER or GDAL_OF_VECTOR),
  /// with only `drivers` allowed if any are given, and the driver's open options. A `PG:`
  /// connection is named in errors with its password hidden.
  static func open(
    _ path: String, flags: Int32, log: GDALErrorLog, drivers: [String] = [], options: [String] = []
  ) throws -> GDALDataset {
    let opened = withCStringList(drivers) { driverList in
      withCStringList(options) { optionList in
        GDALOpenEx(
          path, UInt32(flags | GDAL_OF_READONLY),
          drivers.isEmpty ? nil : constList(driverList),
          options.isEmpty ? nil : constList(optionList), nil)
      }
    }
    guard let opened else {
      let message = log.failureMessage.trimmingCharacters(in: .whitespacesAndNewlines)
      guard path.hasPrefix("PG:") else { throw GeoIOError("GDAL could not open \(path)", gdalMessage: message) }
      throw GeoIOError(
        "GDAL could not open \(PostGISConnection.hidingPassword(path))",
        gdalMessage: PostGISConnection.hidingPassword(message))
    }
    return GDALDataset(opened)
  }

  /// The open handle (valid until `close()`).
  var openHandle: GDALDatasetH {
    guard let handle else { preconditionFailure("GDAL dataset used after close") }
    return handle
  }

  func close() {
    if let handle { GDALClose(handle) }
    handle = nil
  }

  deinit {
    close()
  }
}

/// An OGR spatial reference from an EPSG code, axis order x = easting/longitude, y =
/// northing/latitude (`OAMS_TRADITIONAL_GIS_ORDER`, GDAL RFC 73). Lent to a closure and released
/// after it (`OSRRelease`; datasets and layers keep their own reference), so the handle cannot
/// outlive its object.
struct SpatialReference {
  let handle: OGRSpatialReferenceH

  static func with<T>(epsg: Int, log: GDALErrorLog, _ body: (SpatialReference) throws -> T) throws -> T {
    guard let handle = OSRNewSpatialReference(nil) else { throw log.error("OSRNewSpatialReference failed") }
    defer { OSRRelease(handle) }
    OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    guard OSRImportFromEPSG(handle, Int32(truncatingIfNeeded: epsg)) == OGRERR_NONE else {
      throw log.error("EPSG:\(epsg) is not known to GDAL/PROJ")
    }
    return try body(SpatialReference(handle: handle))
  }

  /// The CRS as WKT (`OSRExportToWkt`, GDAL's default WKT1 with EPSG authorities).
  func wkt() throws -> String {
    var text: UnsafeMutablePointer<CChar>?
    guard OSRExportToWkt(handle, &text) == OGRERR_NONE, let text else {
      throw GeoIOError("could not export a CRS as WKT", gdalMessage: String(cString: CPLGetLastErrorMsg()))
    }
    defer { VSIFree(text) }
    return String(cString: text)
  }

  /// GDAL's data-axis → CRS-axis mapping (`OSRGetDataAxisToSRSAxisMapping`), e.g. [2, 1] for EPSG:4326
  /// under the traditional GIS order; VRT's `dataAxisToSRSAxisMapping` attribute.
  var dataAxisMapping: [Int] {
    var count: Int32 = 0
    guard let mapping = OSRGetDataAxisToSRSAxisMapping(handle, &count) else { return [] }
    return (0..<Int(count)).map { Int(mapping[$0]) }
  }
}

/// The EPSG code of a spatial reference, if its root authority is EPSG (`OSRGetAuthorityCode`).
func epsgCode(of reference: OGRSpatialReferenceH?) -> Int? {
  guard let reference else { return nil }
  if let name = OSRGetAuthorityName(reference, nil), String(cString: name) != "EPSG" { return nil }
  guard let code = OSRGetAuthorityCode(reference, nil) else { return nil }
  return Int(String(cString: code))
}

/// A NULL-terminated C string list (`char **`), as GDAL's option lists.
typealias CStringList = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

/// Calls `body` with `strings` as a C string list, freed afterwards.
func withCStringList<T>(_ strings: [String], _ body: (CStringList) throws -> T) rethrows -> T {
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  pointers.append(nil)
  defer { for pointer in pointers { free(pointer) } }
  return try pointers.withUnsafeMutableBufferPointer { buffer in
    guard let base = buffer.baseAddress else { preconditionFailure("empty option list") }
    return try body(base)
  }
}

/// The same list as GDAL's `const char *const *` parameters take it.
func constList(_ list: CStringList) -> UnsafePointer<UnsafePointer<CChar>?> {
  UnsafeRawPointer(list).assumingMemoryBound(to: UnsafePointer<CChar>?.self)
}

/// The strings of a NULL-terminated C string list, not freed.
func stringList(_ list: CStringList?) -> [String] {
  guard let list else { return [] }
  var strings: [String] = []
  var index = 0
  while let item = list[index] {
    strings.append(String(cString: item))
    index += 1
  }
  return strings
}
