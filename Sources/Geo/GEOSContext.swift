internal import CGEOS

/// Collects the last GEOS error or notice text; passed to GEOS as `userdata`.
final class GEOSMessageSink {
  var lastError = ""
  var lastNotice = ""
}

/// One GEOS context handle with its message handlers. Not shareable between tasks:
/// GEOS contexts must never be used by two threads at once.
final class GEOSContext {
  let handle: GEOSContextHandle_t
  private let sink = GEOSMessageSink()

  init() {
    guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r returned NULL (out of memory)") }
    self.handle = handle
    // The sink outlives the handle: both die in deinit, handle first.
    let userdata = Unmanaged.passUnretained(sink).toOpaque()
    GEOSContext_setErrorMessageHandler_r(
      handle,
      { message, userdata in
        guard let message, let userdata else { return }
        Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue().lastError =
          String(cString: message)
      }, userdata)
    GEOSContext_setNoticeMessageHandler_r(
      handle,
      { message, userdata in
        guard let message, let userdata else { return }
        Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue().lastNotice =
          String(cString: message)
      }, userdata)
  }

  deinit {
    GEOS_finish_r(handle)
  }

  /// The error to throw after a GEOS call failed, with GEOS's own message.
  func failure(_ operation: String) -> GeometryError {
    let message = sink.lastError.isEmpty ? "unknown error" : sink.lastError
    sink.lastError = ""
    return .geos(operation: operation, message: message)
  }

  /// Takes the last error message, if any, and clears it.
  func takeError() -> String? {
    defer { sink.lastError = "" }
    return sink.lastError.isEmpty ? nil : sink.lastError
  }
}

/// An owned GEOS geometry, destroyed with its context's handle when released.
final class GEOSGeometryHandle {
  let context: GEOSContext
  let pointer: OpaquePointer

  init(context: GEOSContext, pointer: OpaquePointer) {
    self.context = context
    self.pointer = pointer
  }

  deinit {
    GEOSGeom_destroy_r(context.handle, pointer)
  }
}
