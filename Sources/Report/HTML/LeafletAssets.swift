import Foundation

/// Leaflet's script, style sheet and images, as read from disk by the caller (App reads
/// Debian's `libjs-leaflet`); the report inlines them, so it opens with no network.
public struct LeafletAssets: Sendable {
  /// `leaflet.js` (or `leaflet.min.js`).
  public let script: String
  /// `leaflet.css`.
  public let style: String
  /// The images `leaflet.css` refers to (`layers.png`, …), by file name; the page inlines
  /// those it names as `data:` URIs and drops the others.
  public let images: [String: Data]

  public init(script: String, style: String, images: [String: Data] = [:]) {
    self.script = script
    self.style = style
    self.images = images
  }

  /// The script as it goes into the page: no source-map comment (a browser's developer tools
  /// would fetch the map) and nothing that could end its `<script>` element.
  var inlineScript: String {
    HTMLText.scriptSafeCode(Self.droppingSourceMaps(script))
  }

  /// The style sheet as it goes into the page: every `url(images/…)` becomes a `data:` URI
  /// (or `none` when the image was not given), so nothing is fetched; no source-map comment;
  /// nothing that could end its `<style>` element.
  var inlineStyle: String {
    var text = Self.droppingSourceMaps(style)
    var output = ""
    while let range = text.range(of: "url(") {
      output += text[..<range.lowerBound]
      let rest = text[range.upperBound...]
      guard let close = rest.firstIndex(of: ")") else {
        output += text[range.lowerBound...]
        text = ""
        break
      }
      let target = rest[..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
      output += replacement(forURL: target)
      text = String(rest[rest.index(after: close)...])
    }
    output += text
    return output.replacingOccurrences(of: "</", with: "<\\/")
  }

  /// A CSS value for `url(target)`: fragment-only URLs (IE's VML behaviour) stay, images in
  /// `images/` become `data:` URIs, anything else `none`.
  private func replacement(forURL target: String) -> String {
    if target.hasPrefix("#") { return "url(\(target))" }
    let name = target.hasPrefix("images/") ? String(target.dropFirst("images/".count)) : ""
    guard let data = images[name], name.hasSuffix(".png") else { return "none" }
    return "url(data:image/png;base64,\(data.base64EncodedString()))"
  }

  /// `text` without `//# sourceMappingURL=…` and `/*# sourceMappingURL=… */` comments.
  static func droppingSourceMaps(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return !(trimmed.hasPrefix("//# sourceMappingURL=") || trimmed.hasPrefix("/*# sourceMappingURL="))
    }
    return lines.joined(separator: "\n")
  }
}
