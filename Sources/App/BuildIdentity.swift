import Foundation
import Geo
import GeoIO
import Scenario

/// Which build of Cosite this process is, as a tile archive records it (issue #22): tiles
/// computed by two builds must not merge, since a fix between them would change one side
/// of a tile edge only. The executable's own bytes (FNV-1a of `/proc/self/exe`: two
/// builds of different sources differ; one binary copied to every node of a cluster is
/// the same) and the GDAL, PROJ and GEOS libraries it loaded. Computed once per process
/// (~30 ms for a 28 MB binary).
public enum BuildIdentity {
  public static let current: String = {
    let executable =
      (try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"))).map { fingerprint(of: [UInt8]($0)) }
      ?? "unreadable executable"
    return
      "cosite \(executable), GDAL \(GeoIO.gdalVersion), PROJ \(LibraryVersions.proj), GEOS \(LibraryVersions.geos)"
  }()
}
