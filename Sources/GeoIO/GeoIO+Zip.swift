internal import CGDAL
import Foundation

extension GeoIO {
  /// A ZIP archive of `entries`, in the given order (KMZ readers take the first `.kml` entry
  /// as the document, so `doc.kml` goes first), byte-identical for equal input.
  ///
  /// Layout after PKWARE's APPNOTE 6.3.x: per entry a local file header (§4.3.7) and its data,
  /// then the central directory (§4.3.12) and the end of central directory record (§4.3.16); no
  /// ZIP64, no data descriptors, no extra fields, no comments. Every entry's time is fixed at
  /// 1980-01-01 00:00 (MS-DOS date 0x0021, time 0; §4.4.6). Data are DEFLATEd (method 8) with
  /// GDAL's `CPLZLibDeflate` at level 6, whose zlib stream (RFC 1950) is cut to the raw
  /// DEFLATE stream (RFC 1951) ZIP stores: the 2-byte header and the 4-byte Adler-32 trailer
  /// removed. An entry is STOREd (method 0) if that fails or does not make it smaller. Names are
  /// UTF-8, flagged with general purpose bit 11 when not ASCII (§4.4.4, Appendix D).
  ///
  /// - Throws: `GeoIOError` for an empty or duplicate name, or an archive that would need ZIP64.
  public static func zip(_ entries: [(name: String, contents: Data)]) throws -> Data {
    guard entries.count < 0xFFFF else { throw GeoIOError("a ZIP without ZIP64 holds at most 65534 entries") }
    var seen = Set<String>()
    var archive = Data()
    var centralDirectory = Data()
    for entry in entries {
      guard !entry.name.isEmpty, seen.insert(entry.name).inserted else {
        throw GeoIOError("ZIP entry name \"\(entry.name)\" is empty or repeated")
      }
      let name = Data(entry.name.utf8)
      guard name.count <= 0xFFFF, entry.contents.count < 0xFFFF_FFFF, archive.count < 0xFFFF_FFFF else {
        throw GeoIOError("ZIP entry \(entry.name) is too large for a ZIP without ZIP64")
      }
      let compressed = rawDeflate(entry.contents).flatMap { $0.count < entry.contents.count ? $0 : nil }
      let header = ZipEntryHeader(
        method: compressed == nil ? 0 : 8, crc: CRC32.checksum(entry.contents),
        compressedSize: UInt32(compressed?.count ?? entry.contents.count),
        uncompressedSize: UInt32(entry.contents.count),
        isUTF8: !entry.name.utf8.allSatisfy { $0 < 0x80 }, name: name)
      centralDirectory.append(header.centralDirectoryHeader(localHeaderOffset: UInt32(archive.count)))
      archive.append(header.localHeader)
      archive.append(compressed ?? entry.contents)
    }
    guard archive.count + centralDirectory.count < 0xFFFF_FFFF else {
      throw GeoIOError("the ZIP archive is too large without ZIP64")
    }
    var end = Data()
    end.appendLittleEndian(UInt32(0x0605_4b50))  // end of central dir signature
    end.appendLittleEndian(UInt16(0))  // number of this disk
    end.appendLittleEndian(UInt16(0))  // disk where the central directory starts
    end.appendLittleEndian(UInt16(entries.count))  // entries on this disk
    end.appendLittleEndian(UInt16(entries.count))  // entries in total
    end.appendLittleEndian(UInt32(centralDirectory.count))
    end.appendLittleEndian(UInt32(archive.count))  // offset of the central directory
    end.appendLittleEndian(UInt16(0))  // comment length
    archive.append(centralDirectory)
    archive.append(end)
    return archive
  }

  /// The raw DEFLATE stream of `data` (zlib's header and trailer stripped), or nil if GDAL's
  /// compressor failed or its output is not a zlib stream without preset dictionary.
  static func rawDeflate(_ data: Data) -> Data? {
    if data.isEmpty { return nil }
    let deflated = try? GDALRuntime.withErrorLog { _ in
      data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data? in
        var outputSize = 0
        guard let output = CPLZLibDeflate(bytes.baseAddress, bytes.count, 6, nil, 0, &outputSize) else {
          return nil
        }
        defer { VSIFree(output) }
        let zlib = UnsafeRawBufferPointer(start: output, count: outputSize)
        // RFC 1950 §2.2: CMF says method 8 (deflate), CMF·256 + FLG is a multiple of 31, FDICT
        // (FLG bit 5) is clear; then the raw stream, then 4 bytes of Adler-32.
        guard outputSize > 6, zlib[0] & 0x0F == 8, (Int(zlib[0]) * 256 + Int(zlib[1])) % 31 == 0,
          zlib[1] & 0x20 == 0
        else { return nil }
        return Data(zlib[2..<(outputSize - 4)])
      }
    }
    return deflated ?? nil
  }
}

/// The fields a local file header and a central directory header share (APPNOTE §4.3.7, §4.3.12).
private struct ZipEntryHeader {
  var method: UInt16
  var crc: UInt32
  var compressedSize: UInt32
  var uncompressedSize: UInt32
  var isUTF8: Bool
  var name: Data

  /// Version 2.0 needed for DEFLATE, 1.0 for STORE (§4.4.3.2).
  private var versionNeeded: UInt16 { method == 8 ? 20 : 10 }
  private var flags: UInt16 { isUTF8 ? 1 << 11 : 0 }

  /// From "version needed" to the extra field length: the part both headers repeat.
  private var commonFields: Data {
    var fields = Data()
    fields.appendLittleEndian(versionNeeded)
    fields.appendLittleEndian(flags)
    fields.appendLittleEndian(method)
    fields.appendLittleEndian(UInt16(0))  // last mod file time: 00:00:00
    fields.appendLittleEndian(UInt16(0x0021))  // last mod file date: 1980-01-01 ((0 << 9) | (1 << 5) | 1)
    fields.appendLittleEndian(crc)
    fields.appendLittleEndian(compressedSize)
    fields.appendLittleEndian(uncompressedSize)
    fields.appendLittleEndian(UInt16(name.count))
    fields.appendLittleEndian(UInt16(0))  // extra field length
    return fields
  }

  var localHeader: Data {
    var header = Data()
    header.appendLittleEndian(UInt32(0x0403_4b50))  // local file header signature
    header.append(commonFields)
    header.append(name)
    return header
  }

  func centralDirectoryHeader(localHeaderOffset: UInt32) -> Data {
    var header = Data()
    header.appendLittleEndian(UInt32(0x0201_4b50))  // central file header signature
    header.appendLittleEndian(UInt16(20))  // version made by: MS-DOS host (0), APPNOTE 2.0
    header.append(commonFields)
    header.appendLittleEndian(UInt16(0))  // file comment length
    header.appendLittleEndian(UInt16(0))  // disk number start
    header.appendLittleEndian(UInt16(0))  // internal file attributes
    header.appendLittleEndian(UInt32(0))  // external file attributes
    header.appendLittleEndian(localHeaderOffset)
    header.append(name)
    return header
  }
}

extension Data {
  /// Appends an integer in little-endian byte order (ZIP's, APPNOTE §4.4.1.1).
  mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
