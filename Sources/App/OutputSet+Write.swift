import Foundation
import Report

extension OutputSet {
  /// Writes every file into `directory` (created if needed) as one transaction.
  /// - Throws: `OutputError` when a name is not a plain file name or is given twice, or when
  ///   `directory` cannot hold Cosite's outputs (see `OutputDestination.check`).
  public func write(to directory: URL) throws {
    try checkNames()
    try OutputTransaction(directory: directory).commit(files)
  }
}
