internal import CGDAL
import Foundation

/// The one wrapper over GDAL's C API: values in, values out; no GDAL handle leaves the module.
///
/// Writers: Cloud-Optimized GeoTIFF, VRT mosaics, GeoPackage with QGIS styles, ZIP (KMZ).
/// Readers (tests and users' own data): raster description, `gdalinfo` text, vector layers, SQL.
public enum GeoIO {
  /// GDAL's version string, e.g. "3.6.2".
  public static var gdalVersion: String { String(cString: GDALVersionInfo("RELEASE_NAME")) }
}
