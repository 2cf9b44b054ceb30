/// Errors from PROJ, with PROJ's own message where it gives one.
public enum ProjectionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Not of the form `EPSG:n`.
  case malformedCRS(String)
  /// PROJ does not know the CRS.
  case unknownCRS(CRS, message: String)
  /// No transformation between the two CRSs could be built.
  case noTransformation(from: CRS, to: CRS, message: String)
  /// A coordinate could not be transformed (outside the CRS's area, for example).
  case transformFailed(Coordinate, message: String)

  public var description: String {
    switch self {
    case .malformedCRS(let text):
      let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
      return "'\(shown)' is not a CRS: expected 'EPSG:<code>', e.g. EPSG:32648 or EPSG:9210"
    case .unknownCRS(let crs, let message):
      return "PROJ does not know \(crs): \(message)"
    case .noTransformation(let from, let to, let message):
      return "PROJ cannot transform from \(from) to \(to): \(message)"
    case .transformFailed(let coordinate, let message):
      return "PROJ cannot transform \(coordinate): \(message)"
    }
  }
}
