/// The report's own style sheet (after Leaflet's): a plain page, the map on a plain
/// background (no tiles), compact tables.
enum ReportStyle {
  static let css = """
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
           color: #222; margin: 0; background: #ffffff; }
    header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
    header h1 { font-size: 22px; margin: 14px 0 4px; }
    header p { margin: 2px 0; }
    #map-panel { display: flex; gap: 12px; align-items: flex-start; margin: 10px 0 18px; }
    #map { flex: 1; height: 620px; background: #f3f1ec; border: 1px solid #c8c8c8; }
    #legend { width: 190px; font-size: 12px; }
    #legend h4 { margin: 8px 0 3px; font-size: 12px; }
    .swatch, .dot { display: inline-block; width: 14px; height: 10px; margin-right: 6px; vertical-align: middle;
                    border: 1px solid #555; }
    .dot { width: 9px; height: 9px; border-radius: 50%; }
    h2 { font-size: 18px; margin: 22px 0 6px; border-bottom: 1px solid #ddd; }
    h3 { font-size: 15px; margin: 16px 0 6px; }
    table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12.5px; }
    th, td { border: 1px solid #d4d4d4; padding: 3px 7px; vertical-align: top; }
    thead th { background: #f2f2f2; text-align: left; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    details { margin: 6px 0 12px; }
    summary { cursor: pointer; }
    table.popup { margin: 0; font-size: 12px; }
    table.popup th { text-align: left; background: none; }
    .leaflet-tooltip.rank { background: none; border: none; box-shadow: none; color: #fff; font-weight: bold;
                            font-size: 10px; padding: 0; }
    .leaflet-control-layers-expanded { max-width: 280px; }
    svg.curve { max-width: 100%; height: auto; font-size: 11px; }
    footer { color: #666; font-size: 12px; margin-top: 24px; padding-bottom: 24px; }
    """
}
