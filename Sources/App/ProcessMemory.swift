import Foundation

/// The process's memory as Linux reports it.
public enum ProcessMemory {
  /// Peak resident memory of the process so far, bytes (`VmHWM` of /proc/self/status; 0
  /// where it cannot be read).
  public static func peakBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
    return kilobytes * 1024
  }
}
