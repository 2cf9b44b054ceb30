import Foundation
import Testing

@testable import Report

/// The escaping `report.html` relies on, against the HTML Living Standard's rules: text and
/// attribute values as character references (§13.1.2.6), and nothing inside a `<script>` or
/// `<style>` element that could end it (§4.12.1.3).
@Suite struct HTMLTextTests {
  @Test func textAndAttributeValuesAreCharacterReferences() {
    #expect(
      HTMLText.escaped(#"<b class="x">Tom & 'Jerry'</b>"#)
        == "&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;")
    #expect(HTMLText.escaped("Đình Vũ — ≥ −85 dBm") == "Đình Vũ — ≥ −85 dBm")
  }

  @Test func jsonInAScriptCannotEndItAndReadsBackTheSame() throws {
    let original = "</script><!-- & \u{2028}\u{2029} Đình"
    let json = "{\"name\":" + HTMLText.jsonString(original) + "}"
    let safe = HTMLText.scriptSafeJSON(json)
    #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("&"))
    #expect(!safe.contains("\u{2028}") && !safe.contains("\u{2029}"))
    let decoded = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String]
    #expect(decoded?["name"] == original)
  }

  @Test func libraryCodeLosesOnlyItsEndTags() {
    #expect(
      HTMLText.scriptSafeCode("a = '</SCRIPT>'; b = '<!--'; c = x < y") == #"a = '<\/SCRIPT>'; b = '<\!--'; c = x < y"#)
    #expect(HTMLText.scriptSafeCode("no markup") == "no markup")
  }

  @Test func leafletStyleInlinesItsImagesAndFetchesNothing() {
    let png = Data([0x89, 0x50, 0x4E, 0x47])
    let assets = LeafletAssets(
      script: "L = {};\n//# sourceMappingURL=leaflet.js.map",
      style: """
        .a{background-image:url(images/layers.png)}.b{background-image:url("images/marker-icon.png")}\
        .c{behavior:url(#default#VML)}.d{background:url(https://example.org/x.png)}
        /*# sourceMappingURL=leaflet.css.map */
        """, images: ["layers.png": png])
    #expect(
      assets.inlineStyle
        == ".a{background-image:url(data:image/png;base64,iVBORw==)}.b{background-image:none}"
        + ".c{behavior:url(#default#VML)}.d{background:none}")
    #expect(assets.inlineScript == "L = {};")
  }
}
