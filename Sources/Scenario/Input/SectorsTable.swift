import Foundation

extension LoadSession {
  /// The sectors of a PostGIS table shaped like a sites CSV (same columns), its problems and
  /// warnings reported by row; antenna pattern paths are relative to the scenario.
  func readSectorsTable(_ path: String, table: String, name: String) -> [SectorRecord] {
    let read: PostGISSource.TableText
    do {
      InputFile.record?.addUnrecorded()
      read = try PostGISSource.rowsAsCSV(path, table: table)
    } catch {
      diagnostics.report(name, .file, "\(error)")
      return []
    }
    let base = URL(fileURLWithPath: directory, isDirectory: true)
    let found = Diagnostics()
    let records = SectorsFile.read(
      text: read.text, file: name, resolve: { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL.path },
      diagnostics: found)
    diagnostics.forward(found) { $0.lineNumber.map(read.location(ofLine:)) ?? $0 }
    return records.map { record in
      let location = record.location.lineNumber.map(read.location(ofLine:)) ?? record.location
      return SectorRecord(file: record.file, location: location, sector: record.sector)
    }
  }
}
