import Foundation
import Report
import Scenario

/// Leaflet could not be read for `report.html`.
public struct LeafletMissingError: PlannerError {
  public let path: String
  public let reason: String

  public var description: String {
    "cannot read Leaflet for report.html: \(path) (\(reason)); install Debian's package libjs-leaflet (apt-get install libjs-leaflet), or set \(LeafletLoader.environmentKey) to a directory holding leaflet.js and leaflet.css"
  }
}

/// Reads Leaflet's script, style sheet and images from Debian's `libjs-leaflet`
/// (`/usr/share/javascript/leaflet/`), or from the directory `COSITE_LEAFLET_DIR` names.
/// The jobs read it before any computation, so a missing package stops a run at once.
public enum LeafletLoader {
  public static let defaultDirectory = "/usr/share/javascript/leaflet"
  public static let environmentKey = "COSITE_LEAFLET_DIR"

  /// The directory read: `COSITE_LEAFLET_DIR` when set and not empty, else Debian's.
  public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    let override = environment[environmentKey].flatMap { $0.isEmpty ? nil : $0 }
    return URL(fileURLWithPath: override ?? defaultDirectory, isDirectory: true)
  }

  /// - Throws: `LeafletMissingError` naming the file that cannot be read.
  public static func load(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws
    -> LeafletAssets
  {
    let directory = directory(environment: environment)
    let manager = FileManager.default
    // The minified build keeps the report small (141 kB instead of 431 kB); both are Debian's.
    let minified = directory.appendingPathComponent("leaflet.min.js")
    let script =
      manager.isReadableFile(atPath: minified.path) ? minified : directory.appendingPathComponent("leaflet.js")
    let images = directory.appendingPathComponent("images", isDirectory: true)
    var pictures: [String: Data] = [:]
    for name in ["layers.png", "layers-2x.png", "marker-icon.png"] {
      // Optional: the page does without them (the layer list is always open, no default markers).
      if let data = manager.contents(atPath: images.appendingPathComponent(name).path) { pictures[name] = data }
    }
    return LeafletAssets(
      script: try text(script), style: try text(directory.appendingPathComponent("leaflet.css")), images: pictures)
  }

  private static func text(_ url: URL) throws -> String {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw LeafletMissingError(path: url.path, reason: "not found")
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw LeafletMissingError(path: url.path, reason: FileProblem.reason(error))
    }
    guard let text = String(data: data, encoding: .utf8), !text.isEmpty else {
      throw LeafletMissingError(path: url.path, reason: "empty or not UTF-8")
    }
    return text
  }
}
