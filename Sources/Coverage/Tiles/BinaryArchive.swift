import Foundation

#if _endian(big)
  #error("tile archives are written little-endian: numbers are copied as they lie in memory")
#endif

/// A growing little-endian byte buffer: integers and floating-point values by their bit
/// patterns (so every Double reads back exactly), arrays of numbers copied as they lie in
/// memory, strings as UTF-8 with their byte count.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) { append(Int64(value)) }
  mutating func double(_ value: Double) { append(value.bitPattern) }
  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8)
    int(utf8.count)
    bytes += utf8
  }

  /// An archive's opening, as `BinaryReader.header` checks it: magic line, format version,
  /// the digest of the scenario it was computed from and the build that computed it.
  mutating func header(magic: String, version: Int, scenarioDigest: String, build: String) {
    string(magic)
    int(version)
    string(scenarioDigest)
    string(build)
  }

  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  /// An array of a fixed-width number type: its count, then its elements' bytes.
  mutating func numbers<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    values.withUnsafeBytes { bytes += $0 }
  }

  mutating func numbers(_ values: [Double]) {
    int(values.count)
    values.withUnsafeBytes { bytes += $0 }
  }

  mutating func numbers(_ values: [Float]) {
    int(values.count)
    values.withUnsafeBytes { bytes += $0 }
  }

  private mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes left, so that
/// a truncated or foreign file is an error naming where it broke, never a crash or a huge
/// allocation.
struct BinaryReader {
  let bytes: [UInt8]
  /// The file named in errors.
  let name: String
  private(set) var offset = 0

  init(_ bytes: [UInt8], name: String) {
    self.bytes = bytes
    self.name = name
  }

  var isAtEnd: Bool { offset == bytes.count }

  /// An archive's opening: its magic line (`what` names the kind of file when it is not
  /// one), its format version, the digest of the scenario it was computed from and the
  /// build that computed it (tiles of two builds must not merge: a fix between them would
  /// show on one side of a tile edge only), each checked; every refusal says to run the
  /// tile again.
  mutating func header(magic: String, version: Int, what: String, scenarioDigest: String, build: String) throws {
    guard (try? string()) == magic else { throw TileError(file: name, message: "not \(what) (run the tile again)") }
    let found = try int()
    guard found == version else {
      throw TileError(file: name, message: "format \(found), this Cosite reads \(version): run the tile again")
    }
    let digest = try string()
    guard digest == scenarioDigest else {
      throw TileError(
        file: name,
        message: "computed from another scenario (digest \(digest), this one \(scenarioDigest)): run the tile again")
    }
    let computedBy = try string()
    guard computedBy == build else {
      throw TileError(
        file: name,
        message: "computed by another build (\(computedBy); this is \(build)): run the tile again with this one")
    }
  }

  mutating func int() throws -> Int {
    let value = Int64(littleEndian: try load(Int64.self))
    guard let exact = Int(exactly: value) else { throw failure("an integer out of range") }
    return exact
  }

  mutating func double() throws -> Double { Double(bitPattern: UInt64(littleEndian: try load(UInt64.self))) }

  mutating func bool() throws -> Bool {
    let byte = try load(UInt8.self)
    guard byte <= 1 else { throw failure("a flag (0 or 1), found \(byte)") }
    return byte == 1
  }

  mutating func string() throws -> String {
    let count = try count(of: 1)
    defer { offset += count }
    guard let text = String(validating: bytes[offset..<offset + count], as: UTF8.self) else {
      throw failure("UTF-8 text")
    }
    return text
  }

  mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

  /// A count of composite elements (each at least one byte), checked against the bytes left
  /// before anything is allocated for it.
  mutating func elementCount() throws -> Int { try count(of: 1) }

  /// A list of composite elements, appended one by one: a count from a damaged file
  /// reserves nothing (each element reads at least one byte, so the file bounds the list).
  mutating func list<T>(_ element: (inout BinaryReader) throws -> T) throws -> [T] {
    let count = try elementCount()
    var values: [T] = []
    for _ in 0..<count { values.append(try element(&self)) }
    return values
  }

  mutating func numbers<T: FixedWidthInteger>(_: T.Type = T.self) throws -> [T] { try array(T.self) }
  mutating func doubles() throws -> [Double] { try array(Double.self) }
  mutating func floats() throws -> [Float] { try array(Float.self) }

  /// An error at the current byte.
  func failure(_ expected: String) -> TileError {
    TileError(file: name, message: "byte \(offset): expected \(expected)")
  }

  private mutating func array<T>(_: T.Type) throws -> [T] {
    let count = try count(of: MemoryLayout<T>.stride)
    let start = offset
    offset += count * MemoryLayout<T>.stride
    return [T](unsafeUninitializedCapacity: count) { buffer, initialised in
      bytes.withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[start..<start + count * MemoryLayout<T>.stride]))
      }
      initialised = count
    }
  }

  /// An element count whose elements (`width` bytes each) fit in the bytes left.
  private mutating func count(of width: Int) throws -> Int {
    let value = try int()
    guard value >= 0, value <= (bytes.count - offset) / width else {
      throw failure("\(value) elements of \(width) bytes, but \(bytes.count - offset) bytes are left")
    }
    return value
  }

  private mutating func load<T: FixedWidthInteger>(_: T.Type) throws -> T {
    let width = MemoryLayout<T>.size
    guard bytes.count - offset >= width else { throw failure("\(width) more bytes, but the file ends") }
    defer { offset += width }
    return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
  }
}
