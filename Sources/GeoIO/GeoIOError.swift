/// A GDAL operation that failed: what Cosite tried, and GDAL's own message (`CPLGetLastErrorMsg`
/// or the captured `CE_Failure` messages).
public struct GeoIOError: Error, CustomStringConvertible, Sendable {
  /// What failed, e.g. "COG driver could not write the GeoTIFF".
  public var operation: String
  /// GDAL's message, empty when GDAL gave none (invalid input caught before GDAL).
  public var gdalMessage: String

  public init(_ operation: String, gdalMessage: String = "") {
    self.operation = operation
    self.gdalMessage = gdalMessage
  }

  public var description: String {
    gdalMessage.isEmpty ? operation : "\(operation): \(gdalMessage)"
  }
}
