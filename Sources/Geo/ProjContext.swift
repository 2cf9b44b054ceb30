internal import CPROJ

/// Collects PROJ's log messages; passed to PROJ as application data.
final class ProjLogSink {
  var messages: [String] = []
}

/// One PROJ context with a log sink. Like GEOS contexts, never used by two tasks at once.
final class ProjContext {
  let handle: OpaquePointer
  private let sink = ProjLogSink()

  init() {
    guard let handle = proj_context_create() else { fatalError("proj_context_create returned NULL") }
    self.handle = handle
    proj_log_level(handle, PJ_LOG_ERROR)
    proj_log_func(
      handle, Unmanaged.passUnretained(sink).toOpaque(),
      { userdata, _, message in
        guard let userdata, let message else { return }
        Unmanaged<ProjLogSink>.fromOpaque(userdata).takeUnretainedValue().messages.append(
          String(cString: message))
      })
  }

  deinit {
    proj_context_destroy(handle)
  }

  /// PROJ's explanation of the last failure: the logged lines, else the errno text.
  func takeMessage() -> String {
    defer { sink.messages.removeAll() }
    if !sink.messages.isEmpty { return sink.messages.joined(separator: "; ") }
    let code = proj_context_errno(handle)
    guard code != 0, let text = proj_context_errno_string(handle, code) else { return "unknown error" }
    return String(cString: text)
  }

  /// A CRS object for `crs`, owned by the caller (destroy with `proj_destroy`).
  func create(_ crs: CRS) throws -> OpaquePointer {
    guard let object = proj_create(handle, crs.identifier) else {
      throw ProjectionError.unknownCRS(crs, message: takeMessage())
    }
    return object
  }
}
