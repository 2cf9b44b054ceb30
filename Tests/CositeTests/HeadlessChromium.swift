import Foundation
import Testing

/// Debian's `chromium`, headless, with the network blocked: every host name resolves to
/// nothing and every connection goes to a closed local port.
enum Chromium {
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    return directories.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Standard output of one headless run; it is stopped after `timeoutSeconds`.
  static func run(_ arguments: [String], profile: URL, timeoutSeconds: Double = 90) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(path))
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=\(profile.appendingPathComponent("chromium-\(UUID().uuidString)").path)",
        "--virtual-time-budget=10000", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timer)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return String(decoding: data, as: UTF8.self)
  }
}

/// Size, distinct colours and saturated pixels (max − min channel ≥ 48 of 255) of an 8-bit
/// RGB(A) PNG, decoded by python3's zlib (Foundation has no PNG decoder on Linux).
struct PNGStatistics: CustomStringConvertible {
  let width: Int
  let height: Int
  let distinctColours: Int
  let saturatedPixels: Int

  var description: String {
    "\(width)×\(height), \(distinctColours) colours, \(saturatedPixels) saturated pixels"
  }

  static let script = """
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6) and interlace == 0
    n = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * n
    previous, colours, saturated = bytearray(stride), set(), 0
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - n] if i >= n else 0
            b = previous[i]
            c = previous[i - n] if i >= n else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, n):
            pixel = (line[x], line[x + 1], line[x + 2])
            colours.add(pixel)
            if max(pixel) - min(pixel) >= 48: saturated += 1
        previous = line
    print(width, height, len(colours), saturated)
    """

  init(_ png: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", Self.script, png.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    let values = try #require(numbers.count == 4 ? numbers : nil, "python3 could not read \(png.path): \(text)")
    (width, height, distinctColours, saturatedPixels) = (values[0], values[1], values[2], values[3])
  }
}
