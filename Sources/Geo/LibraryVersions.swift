internal import CGEOS
internal import CPROJ

/// The versions of the C libraries this module wraps, as they report themselves at run
/// time (the shared objects loaded, not the headers built against).
public enum LibraryVersions {
  /// GEOS's version string, e.g. "3.11.1-CAPI-1.17.1".
  public static var geos: String { String(cString: GEOSversion()) }
  /// PROJ's release, e.g. "9.1.1".
  public static var proj: String { String(cString: proj_info().release) }
}
