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
    let suffix = cells.groupZoneID.map { "-\($0)" } ?? ""
    for (index, quantity) in RasterImages.quantities.enumerated() {
      let stem = "\(quantity)-\(cells.carrierID)-\(cells.layerID)"
      let name = "\(stem)\(suffix).tif"
      let (header, data) = try encoded[index]!.get()
      files.append(("\(Self.folder)/\(name)", data))
      if sources[stem] == nil { order.append(stem) }
      sources[stem, default: []].append((name, header))
    }
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
    var outputs = OutputSet()
    for file in files { outputs.add(file.name, data: file.contents) }
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
