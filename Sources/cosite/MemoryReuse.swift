#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator, set once for a run. A run allocates and frees arrays of megabytes per
/// layer and stage (a layer's field, classes, labels, rasters). Left to its defaults, glibc
/// maps most of them afresh and returns them on free, so the kernel zeroes new pages on every
/// first touch: 29 % of the samples of a one-site, 4 M-cell run (`perf record`). Serving blocks
/// up to 32 MB (glibc's largest `M_MMAP_THRESHOLD`) from the heap and keeping up to 512 MB of
/// freed heap lets later stages reuse those pages: 11 % off that run on one thread, 13 % on
/// two, 6–12 % off `northern-vn-all`, for 45–77 MB more peak memory (BENCHMARKS.md).
enum MemoryReuse {
  static func configure() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: looked up
      // by name, with its C signature. The parameters are glibc's ABI (malloc.h:
      // M_TRIM_THRESHOLD −1, M_MMAP_THRESHOLD −3). It returns 0 when it refuses a value, and
      // glibc's defaults then stay, which is safe; so does a libc without it.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(-3, 32 << 20)
      _ = mallopt(-1, 512 << 20)
    #endif
  }
}
