/// CRC-32 as ZIP uses it (PKWARE APPNOTE 6.3.x §4.4.7): the IEEE 802.3 polynomial
/// 0x04C11DB7, reflected (0xEDB88320), initial value and final XOR 0xFFFFFFFF. The check
/// value of the ASCII bytes "123456789" is 0xCBF43926 (Williams, "A Painless Guide to CRC
/// Error Detection Algorithms", §15).
enum CRC32 {
  /// The 256-entry table of the reflected polynomial, byte-at-a-time (Sarwate's method).
  private static let table: [UInt32] = (0..<256).map { byte in
    var value = UInt32(byte)
    for _ in 0..<8 { value = value & 1 != 0 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
    return value
  }

  static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
