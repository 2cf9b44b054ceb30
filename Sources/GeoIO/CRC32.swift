import Foundation

/// CRC-32 as ZIP uses it (PKWARE APPNOTE 6.3.x §4.4.7): the IEEE 802.3 polynomial
/// 0x04C11DB7, reflected (0xEDB88320), initial value and final XOR 0xFFFFFFFF. The check
/// value of the ASCII bytes "123456789" is 0xCBF43926 (Williams, "A Painless Guide to CRC
/// Error Detection Algorithms", §15).
///
/// Eight bytes per step with eight tables ("slicing-by-8", Kounavis and Berry, "A Systematic
/// Approach to Building High Performance Software-Based CRC Generators", ISCC 2005): the
/// KML of a large run is tens of megabytes.
enum CRC32 {
  /// Table k maps a byte to its CRC contribution k bytes further on: table 0 is Sarwate's
  /// byte-at-a-time table, table k + 1 is table k advanced by one zero byte.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var value = UInt32(byte)
      for _ in 0..<8 { value = value & 1 != 0 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
      tables[byte] = value
    }
    for table in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(table - 1) * 256 + byte]
        tables[table * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()

  static func checksum(_ data: some ContiguousBytes) -> UInt32 {
    tables.withUnsafeBufferPointer { table in
      data.withUnsafeBytes { bytes in
        var crc: UInt32 = 0xFFFF_FFFF
        var index = 0
        func at(_ slice: Int, _ byte: UInt32) -> UInt32 { table[slice &* 256 &+ Int(byte & 0xFF)] }
        while index + 8 <= bytes.count {
          let low = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
          let high = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
          crc =
            at(7, low) ^ at(6, low >> 8) ^ at(5, low >> 16) ^ at(4, low >> 24)
            ^ at(3, high) ^ at(2, high >> 8) ^ at(1, high >> 16) ^ at(0, high >> 24)
          index += 8
        }
        while index < bytes.count {
          crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
          index += 1
        }
        return crc ^ 0xFFFF_FFFF
      }
    }
  }
}
