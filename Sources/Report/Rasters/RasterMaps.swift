import Coverage
import Foundation
import Geo
import GeoIO
import Scenario

/// The rasters of `cosite run`, under `rasters/`: per carrier layer and grid, four
/// Cloud-Optimized GeoTIFFs in the computation CRS — `rsrp-…` (dBm), `sinr-…` (dB),
/// `probability-…` (P(RSRP ≥ target), 0…1), each with an outdoor band and, where the
/// scenario has buildings, an indoor band; and `server-…` (Int32 index of the best
/// server, described by `servers-<carrier>-<layer>.csv`). With several zone groups each
/// grid's file carries its first zone's id and a VRT per quantity mosaics them.
///
/// ```swift
/// var rasters = RasterMaps(scenario: scenario, threads: threads)
/// let coverage = try CoverageRun.run(scenario) { try rasters.add($0) }
/// outputs.add(try rasters.outputs())
/// ```
public struct RasterMaps: Sendable {
  /// Written where a Float32 band has no value (no sector above the floor; indoors: not in
  /// a building's parcel).
  public static let floatNoData: Float = -9999
  public static let serverNoData: Int32 = -1
  public static let folder = "rasters"

  let scenario: ScenarioModel
  /// Workers for encoding (the run's threads).
  let threads: Int
  /// Whether the files carry an indoor band: some parcel has a building (the same for every
  /// grid, so that a mosaic's sources agree).
  let indoorBands: Bool
  private var files: [(name: String, contents: Data)] = []
  /// Per carrier layer and quantity, the grids' files (for the mosaics).
  private var sources: [String: [(path: String, image: RasterImage)]] = [:]
  private var order: [String] = []

  public init(scenario: ScenarioModel, threads: Int = 1) {
    self.scenario = scenario
    self.threads = max(1, threads)
    let classes = Dictionary(
      scenario.buildingClasses.map { ($0.name, $0.o2i) }, uniquingKeysWith: { first, _ in first })
    indoorBands = scenario.parcels.contains { (classes[$0.buildingClass] ?? O2IModel.none) != O2IModel.none }
  }

  /// Encodes one layer's grid as its four files: each image built (its bands rounded) and
  /// encoded by one of `threads` workers, at most four, each compressing on its share of
  /// any threads beyond (GDAL datasets are per call; no file's bytes depend on the threads).
  public mutating func add(_ cells: LayerCells) throws {
    let images = RasterImages(cells: cells, scenario: scenario, indoorBands: indoorBands)
    let count = RasterImages.quantities.count
    var encoded = [Result<(header: RasterImage, data: Data), Error>?](repeating: nil, count: count)
    let workers = max(1, min(threads, count))
    let compression = max(1, threads / workers)
    encoded.withUnsafeMutableBufferPointer { slots in
      let output = UncheckedSlots(base: slots.baseAddress!)
      if workers == 1 {
        Self.encode(images, indices: stride(from: 0, to: count, by: 1), threads: compression, into: output)
      } else {
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          Self.encode(
            images, indices: stride(from: worker, to: count, by: workers), threads: compression, into: output)
        }
      }
    }
    record(images.layout, try encoded.map { try $0!.get() })
  }

  /// The names of one carrier layer's four files on a grid (under `rasters/`), in the order
  /// of `RasterImages.quantities`.
  public static func fileNames(carrierID: String, layerID: String, groupZoneID: String?) -> [String] {
    let suffix = groupZoneID.map { "-\($0)" } ?? ""
    return RasterImages.quantities.map { "\(folder)/\($0)-\(carrierID)-\(layerID)\(suffix).tif" }
  }

  /// Adds one carrier layer's four files on `grid` as another process encoded them (a tile
  /// of a tiled run), in the order of `fileNames`; their headers, which the mosaics need,
  /// are built again from the scenario.
  public mutating func addEncoded(
    _ contents: [Data], grid: CoverageGrid, carrierID: String, layerID: String, groupZoneID: String?
  ) {
    precondition(contents.count == RasterImages.quantities.count, "one file per quantity")
    let layout = RasterLayout(grid: grid, carrierID: carrierID, layerID: layerID, groupZoneID: groupZoneID)
    let images = RasterImages(layout: layout, cells: nil, scenario: scenario, indoorBands: indoorBands)
    record(layout, contents.indices.map { (images.image(at: $0), contents[$0]) })
  }

  private mutating func record(_ layout: RasterLayout, _ encoded: [(header: RasterImage, data: Data)]) {
    let names = Self.fileNames(carrierID: layout.carrierID, layerID: layout.layerID, groupZoneID: layout.groupZoneID)
    for (index, quantity) in RasterImages.quantities.enumerated() {
      let stem = "\(quantity)-\(layout.carrierID)-\(layout.layerID)"
      files.append((names[index], encoded[index].data))
      if sources[stem] == nil { order.append(stem) }
      sources[stem, default: []].append((String(names[index].dropFirst(Self.folder.count + 1)), encoded[index].header))
    }
  }

  /// The encoded files alone (a tile's share; the mosaics and tables come with the merge).
  public func encodedFiles() -> OutputSet {
    var outputs = OutputSet()
    for file in files { outputs.add(file.name, data: file.contents) }
    return outputs
  }

  /// Builds and encodes the images `indices` (GDAL compressing on `threads`) into their slots;
  /// the header kept is the image without its values (a mosaic needs no more).
  private static func encode(
    _ images: RasterImages, indices: StrideTo<Int>, threads: Int, into output: UncheckedSlots
  ) {
    for index in indices {
      output.base[index] = Result {
        var image = images.image(at: index)
        let data = try GeoIO.cloudOptimizedGeoTIFF(image, threads: threads)
        for band in image.bands.indices { image.bands[band].values = image.bands[band].values.emptied }
        return (image, data)
      }
    }
  }

  /// The encoded files, a VRT per quantity when a layer has several grids, and each
  /// layer's best-server table.
  public func outputs() throws -> OutputSet {
    var outputs = encodedFiles()
    for stem in order {
      guard let parts = sources[stem], parts.count > 1 else { continue }
      outputs.add("\(Self.folder)/\(stem).vrt", text: try GeoIO.mosaicVRT(parts))
    }
    for carrier in scenario.carriers {
      for layer in carrier.layers where order.contains("server-\(carrier.id)-\(layer.id)") {
        outputs.add(
          "\(Self.folder)/servers-\(carrier.id)-\(layer.id).csv",
          text: ServerTable.csv(scenario, carrierID: carrier.id, layerID: layer.id))
      }
    }
    return outputs
  }
}

/// Result slots written by index from concurrent iterations (each slot by one only).
private struct UncheckedSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<Result<(header: RasterImage, data: Data), Error>?>
}

extension RasterBand.Values {
  /// The same kind with no values (a mosaic needs only the header).
  var emptied: RasterBand.Values {
    switch self {
    case .float32: return .float32([])
    case .int32: return .int32([])
    }
  }
}

/// The sidecar of a best-server raster: the value of each of the layer's sectors.
enum ServerTable {
  static func csv(_ scenario: ScenarioModel, carrierID: String, layerID: String) -> String {
    var lines = ["value,sector,structure,carrier,layer,azimuth_deg,height_m"]
    for (index, sector) in scenario.sectors.enumerated()
    where sector.carrierID == carrierID && sector.layerID == layerID {
      lines.append(
        [
          String(index), CSVField.quoted(sector.id), CSVField.quoted(sector.structureID), CSVField.quoted(carrierID),
          CSVField.quoted(layerID), JSONWriter.number(sector.azimuthDeg), JSONWriter.number(sector.heightM),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
