/// A fingerprint of a loaded scenario, so that the pieces of a tiled run (the plan, each
/// tile, the merge — separate processes, perhaps on separate machines) can check that they
/// read the same inputs: every setting, raster value and, for the parcels, structures and
/// sectors, the bytes of the files they were read from (or, where some came from GDAL or a
/// database, the parsed values themselves — slower: ~20 s for a million sectors). Left out,
/// as they change no result: its path (`sourcePath`), its warnings, the cell budget
/// (`grid.maxCells`, which `--max-cells` overrides; the plan keeps it), where the grid's
/// line stands, the rasters' display names (`sourceName`: relative to the working directory,
/// which a job array changes) and the folders of absolute paths (antenna pattern files:
/// their contents count), so that a copy of the scenario's folder elsewhere has the same
/// digest.
///
/// FNV-1a, 64 bits (Fowler–Noll–Vo, IETF draft-eastlake-fnv): a check against mistakes,
/// not against tampering.
extension ScenarioModel {
  public var digest: String {
    var digest = ModelDigest()
    let skipped: Set<String> =
      inputDigest == nil
      ? ["sourcePath", "warnings", "inputDigest", "grid"]
      : ["sourcePath", "warnings", "inputDigest", "grid", "zones", "structures", "plannedSites", "sectors"]
    digest.add(grid.resolutionM)
    digest.add(grid.marginM)
    let mirror = Mirror(reflecting: self)
    for child in mirror.children where !skipped.contains(child.label ?? "") {
      digest.add(child.label ?? "")
      digest.add(child.value)
    }
    digest.add(inputDigest ?? "")
    return String(digest.value, radix: 16)
  }
}

/// The FNV-1a digest of `bytes` (as `ScenarioModel.digest` hashes input files), hex.
public func fingerprint(of bytes: [UInt8]) -> String {
  var digest = ModelDigest()
  digest.add(bytes)
  return String(digest.value, radix: 16)
}

/// Feeds a value's structure into FNV-1a: numbers by their bits, arrays of numbers as
/// their bytes, everything else through `Mirror` with each field's name; dictionary and set
/// entries are fed in an order of their own digests (the hash order differs per process).
struct ModelDigest {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ any: Any) {
    switch any {
    case let text as String:
      // An absolute path counts by its file name (see `ScenarioModel.digest`).
      let name = text.hasPrefix("/") ? text.split(separator: "/").last.map(String.init) ?? "" : text
      tagged(1, Array(name.utf8))
    case let number as Double: tagged(2, number.bitPattern)
    case let number as Float: tagged(3, UInt64(number.bitPattern))
    case let number as Int: tagged(4, UInt64(bitPattern: Int64(number)))
    case let flag as Bool: tagged(5, flag ? 1 : 0)
    case let numbers as [Double]: numbers.withUnsafeBytes { tagged(6, Array($0)) }
    case let numbers as [Float]: numbers.withUnsafeBytes { tagged(7, Array($0)) }
    case let numbers as [Int]: numbers.withUnsafeBytes { tagged(8, Array($0)) }
    case let numbers as [Int16]: numbers.withUnsafeBytes { tagged(9, Array($0)) }
    case let numbers as [UInt8]: tagged(10, numbers)
    default: addStructure(any)
    }
  }

  private mutating func addStructure(_ any: Any) {
    let mirror = Mirror(reflecting: any)
    switch mirror.displayStyle {
    case .dictionary?, .set?:
      let entries = mirror.children.map { child -> UInt64 in
        var entry = ModelDigest()
        entry.add(child.value)
        return entry.value
      }
      tagged(11, UInt64(entries.count))
      for entry in entries.sorted() { tagged(12, entry) }
    case .optional?:
      if let some = mirror.children.first {
        tagged(13, 1)
        add(some.value)
      } else {
        tagged(13, 0)
      }
    case .enum?:
      // The case's name (with any payload printed by its children below).
      tagged(14, Array(String(describing: type(of: any)).utf8))
      tagged(15, Array((mirror.children.first?.label ?? String(describing: any)).utf8))
      for child in mirror.children { add(child.value) }
    default:
      tagged(16, Array(String(describing: type(of: any)).utf8))
      tagged(17, UInt64(mirror.children.count))
      // Display names (a raster's `sourceName`) are not values.
      for child in mirror.children where child.label != "sourceName" {
        tagged(18, Array((child.label ?? "").utf8))
        add(child.value)
      }
      if mirror.children.isEmpty, mirror.displayStyle == nil {
        // A leaf the cases above do not know (another number type): its printed value.
        tagged(19, Array(String(describing: any).utf8))
      }
    }
  }

  private mutating func tagged(_ tag: UInt8, _ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { tagged(tag, Array($0)) }
  }

  private mutating func tagged(_ tag: UInt8, _ bytes: [UInt8]) {
    feed(tag)
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { for byte in $0 { feed(byte) } }
    for byte in bytes { feed(byte) }
  }

  private mutating func feed(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }
}
