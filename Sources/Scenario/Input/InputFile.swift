import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads an input file whole, saying precisely why it cannot be read: missing, a directory, a
/// symbolic-link loop, not a regular file (a device or pipe would never end), too large, or not
/// UTF-8 (with the line and byte of the first bad byte).
enum InputFile {
  /// Largest input read: 2 GiB (the bundled scenarios' largest file is ~2 MB).
  static let maximumBytes = 2 << 30

  /// Receives every file this task reads while a scenario loads (`InputRecord`).
  @TaskLocal static var record: InputRecord?

  /// The bytes of `path`, or a message for the planner.
  static func data(_ path: String) -> Result<Data, InputFileProblem> {
    if let problem = check(path) { return .failure(problem) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(.init("cannot read: \(String(cString: strerror(errno)))"))
    }
    record?.add(data)
    return .success(data)
  }

  /// Why `path` is not a regular file of at most `maximumBytes` (nil when it is): what
  /// `data` checks before reading, and what files GDAL opens by path are checked with.
  static func check(_ path: String) -> InputFileProblem? {
    var status = stat()
    guard stat(path, &status) == 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .init("file not found", isMissing: true)
      case ELOOP: return .init("too many levels of symbolic links (a loop?): expected a file")
      case EACCES: return .init("permission denied")
      default: return .init("cannot read: \(String(cString: strerror(errno)))")
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .init("is a directory: expected a file")
    default: return .init("is not a regular file (a device, pipe or socket): expected a file")
    }
    guard Int(status.st_size) <= maximumBytes else {
      return .init("is \(status.st_size) bytes, above the limit of \(maximumBytes) bytes for an input file")
    }
    return nil
  }

  /// The text of `path` as UTF-8, or a message naming the first bad byte.
  static func text(_ path: String) -> Result<String, InputFileProblem> {
    data(path).flatMap { data in
      if let text = String(validating: data, as: UTF8.self) { return .success(text) }
      return .failure(invalidUTF8(data))
    }
  }

  /// Where the first byte that is not UTF-8 stands: line (1-based) and byte offset (0-based).
  static func invalidUTF8(_ data: Data) -> InputFileProblem {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = data.makeIterator()
    var offset = 0
    var line = 1
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
        offset += encoded.count
      case .emptyInput:
        break loop
      case .error(let length):
        let byte = data[data.startIndex + offset]
        _ = length
        return InputFileProblem(
          "not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset) is not valid UTF-8 (save the file as UTF-8)",
          line: line)
      }
    }
    return InputFileProblem("not UTF-8 text (save the file as UTF-8)")
  }
}

/// Why an input file cannot be read, with the line when it is known.
struct InputFileProblem: Error {
  let message: String
  let line: Int?
  let isMissing: Bool

  init(_ message: String, line: Int? = nil, isMissing: Bool = false) {
    self.message = message
    self.line = line
    self.isMissing = isMissing
  }

  /// The message about the file `name`, for the line of the scenario that references it.
  func about(_ name: String) -> String {
    isMissing ? "file not found: \(name)" : "cannot read \(name): \(message)"
  }
}
