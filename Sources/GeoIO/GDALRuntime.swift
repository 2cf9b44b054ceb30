internal import CGDAL
import Foundation

/// GDAL's process-wide setup and the per-call error capture every `GeoIO` function runs inside.
///
/// GDAL is thread-safe for separate datasets (GDAL FAQ, "Is GDAL thread-safe?"); its error
/// handler stack is thread-local (`CPLPushErrorHandlerEx`, cpl_error.h), so each call captures
/// its own messages and nothing is printed to stderr.
enum GDALRuntime {
  /// The value GDAL's GPKG driver writes into `gpkg_contents.last_change` when
  /// `OGR_CURRENT_DATE` is set (GPKG driver docs, "Configuration options"); also the
  /// `layer_styles.update_time` of every style, so a GeoPackage has no clock time in it.
  static let fixedTimestamp = "2000-01-01T00:00:00.000Z"

  /// Registers the drivers and sets the configuration once, before the first GDAL call.
  ///
  /// - `GDAL_PAM_ENABLED=NO`: no `.aux.xml` sidecars next to `/vsimem/` files; statistics
  ///   must live in the GeoTIFF's own `GDAL_METADATA` tag.
  /// - `GDAL_NUM_THREADS=1`: compression and overviews on the calling thread, so output and
  ///   errors stay on it (worker threads would not see the thread-local error handler).
  /// - `OGR_GPKG_ALLOW_THREADED_RTREE=NO`: GDAL 3.6 builds the GeoPackage R-tree on a worker
  ///   thread by default. Its output was byte-identical either way in a check with ogr2ogr
  ///   (5000 points, 5 runs); kept on the calling thread so its errors reach this call's handler.
  /// - `OGR_CURRENT_DATE`: the fixed `gpkg_contents.last_change`; without it two GeoPackages
  ///   written a second apart differ (checked with ogr2ogr).
  ///
  /// The COG driver builds its creation-option list on first use, marking it built before it
  /// is (GDAL 3.6 `GDALCOGDriver::InitializeCreationOptionList`): two rasters written at once
  /// from a fresh process could parse a half-built list ("Didn't find expected '=' for value
  /// of attribute 'type'", once in some twenty Hai Phong runs). It is built here, once, before
  /// any worker writes.
  static let ready: Void = {
    GDALAllRegister()
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO")
    CPLSetConfigOption("GDAL_NUM_THREADS", "1")
    CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO")
    CPLSetConfigOption("OGR_CURRENT_DATE", fixedTimestamp)
    if let cog = GDALGetDriverByName("COG") { _ = GDALGetMetadataItem(cog, GDAL_DMD_CREATIONOPTIONLIST, nil) }
  }()

  /// Runs `body` with GDAL ready and a thread-local error handler collecting every message.
  /// `CE_Failure`/`CE_Fatal` messages are kept for `GeoIOError`; warnings are returned by the
  /// log. Must not cross threads (it does not: `body` is synchronous).
  static func withErrorLog<T>(_ body: (GDALErrorLog) throws -> T) throws -> T {
    _ = ready
    let log = GDALErrorLog()
    let retained = Unmanaged.passRetained(log)
    CPLPushErrorHandlerEx(collectMessage, retained.toOpaque())
    CPLErrorReset()
    defer {
      CPLPopErrorHandler()
      retained.release()
    }
    return try body(log)
  }
}

/// The messages GDAL reported during one `GDALRuntime.withErrorLog` call.
final class GDALErrorLog {
  private(set) var failures: [String] = []
  private(set) var warnings: [String] = []

  fileprivate func record(_ errorClass: CPLErr, _ message: String) {
    switch errorClass {
    case CE_Failure, CE_Fatal: failures.append(message)
    case CE_Warning: warnings.append(message)
    default: break  // CE_None, CE_Debug (only with CPL_DEBUG=ON)
    }
  }

  /// The captured failures, or GDAL's last error message if none was captured.
  var failureMessage: String {
    if !failures.isEmpty { return failures.joined(separator: "; ") }
    return String(cString: CPLGetLastErrorMsg())
  }

  /// An error for `operation`, carrying GDAL's message.
  func error(_ operation: String) -> GeoIOError {
    GeoIOError(operation, gdalMessage: failureMessage)
  }

  /// Throws if GDAL reported a failure since the log started (e.g. while closing a dataset,
  /// which `GDALClose` in GDAL 3.6 reports only through the error handler).
  func throwIfFailed(_ operation: String) throws {
    if !failures.isEmpty { throw error(operation) }
  }
}

/// The C error handler: appends to the log found in the handler's user data.
private let collectMessage: CPLErrorHandler = { errorClass, _, message in
  guard let user = CPLGetErrorHandlerUserData() else { return }
  let log = Unmanaged<GDALErrorLog>.fromOpaque(user).takeUnretainedValue()
  log.record(errorClass, message.map { String(cString: $0) } ?? "")
}
