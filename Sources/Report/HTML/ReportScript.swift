/// The report's own script: draws `ReportMap`'s overlays with Leaflet on a plain background
/// (no tiles), with a layer switcher, a scale bar and a popup per feature, then sets the
/// page's title to the map data's `drawnTitle` (a headless browser reads it to know the map
/// drew). Every text taken from the data is escaped before it reaches HTML.
enum ReportScript {
  static let code = #"""
    (function () {
      'use strict';
      function fail(error) {
        document.title = 'Cosite report — failed: ' + (error && error.message ? error.message : String(error));
      }
      try {
        var data = JSON.parse(document.getElementById('cosite-map-data').textContent);
        var entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
        var esc = function (value) {
          return String(value).replace(/[&<>"']/g, function (c) { return entities[c]; });
        };
        var table = function (pairs) {
          return '<table class="popup">' + pairs.filter(function (pair) {
            return pair[1] !== null && pair[1] !== undefined && pair[1] !== '';
          }).map(function (pair) {
            return '<tr><th>' + esc(pair[0]) + '</th><td>' + esc(pair[1]) + '</td></tr>';
          }).join('') + '</table>';
        };
        var percent = function (share) { return (share * 100).toFixed(1) + ' %'; };
        var hectares = function (value) { return value + ' ha'; };
        var vnd = function (value) { return (value / 1e6).toFixed(0) + ' M VND'; };

        var map = L.map('map', { attributionControl: false, zoomSnap: 0.25 });
        var panes = { bands: 401, server: 402, parcels: 403, gaps: 404, newly: 405, zones: 406,
                      structures: 610, stations: 620 };
        Object.keys(panes).forEach(function (name) { map.createPane(name).style.zIndex = panes[name]; });

        var figures = data.parcels;
        var parcelIndex = new Map();
        data.sources.parcels.features.forEach(function (feature, index) { parcelIndex.set(feature, index); });
        var statusColours = { meets: '#1a9850', misses: '#d73027', none: '#bdbdbd' };
        var status = function (carrier, index) {
          var meets = figures.meets_target[carrier][index];
          return meets === null ? 'none' : (meets ? 'meets' : 'misses');
        };
        var parcelPopup = function (feature) {
          var p = feature.properties;
          var index = parcelIndex.get(feature);
          var pairs = [['Parcel', p.id], ['Name', p.name], ['Zone', p.zone], ['Land use', p.land_use],
                       ['Building class', p.building_class], ['Area', hectares(p.area_ha)], ['Workers', p.workers]];
          figures.carriers.forEach(function (carrier, k) {
            var meets = figures.meets_target[k][index];
            pairs.push([carrier, meets === null ? 'no figures (smaller than a cell)'
              : percent(figures.covered_share[k][index]) + ' of its area at the target RSRP: '
                + (meets ? 'meets' : 'misses') + ' the target']);
          });
          return table(pairs);
        };
        var filled = function (pane) {
          return function (feature) {
            var p = feature.properties;
            return { pane: pane, stroke: (p['stroke-width'] || 0) > 0, color: p.stroke || '#333333',
                     weight: p['stroke-width'] || 0, fillColor: p.fill, fillOpacity: p['fill-opacity'] };
          };
        };
        var popup = function (pairsOf) {
          return function (feature, layer) { layer.bindPopup(function () { return table(pairsOf(feature.properties)); }); };
        };
        var circle = function (pane, radius, weight) {
          return function (feature, latlng) {
            return L.circleMarker(latlng, { pane: pane, radius: radius, weight: weight, color: '#222222',
                                            fillColor: feature.properties['marker-color'] || '#7f7f7f',
                                            fillOpacity: 0.95 });
          };
        };
        var options = function (overlay) {
          switch (overlay.style) {
          case 'bands':
            return { pane: 'bands', style: filled('bands'), onEachFeature: popup(function (p) {
              return [['Carrier', p.carrier], ['Layer', p.layer + ' (' + p.technology + ' ' + p.band + ')'],
                      ['RSRP outdoors', p.bin], ['Area', hectares(p.area_ha)]];
            }) };
          case 'server':
            return { pane: 'server', style: filled('server'), onEachFeature: popup(function (p) {
              return [['Carrier', p.carrier], ['Layer', p.layer], ['Best server', p.sector],
                      ['Structure', p.structure], ['Azimuth', p.azimuth_deg + '°'], ['Area', hectares(p.area_ha)]];
            }) };
          case 'gaps':
            return { pane: 'gaps', style: filled('gaps'), onEachFeature: popup(function (p) {
              return [['Carrier', p.carrier], ['Parcel', p.parcel], ['Name', p.parcel_name], ['Zone', p.zone],
                      ['Meets the RSRP target', percent(p.covered_share)], ['Uncovered', hectares(p.uncovered_ha)],
                      ['Workers', p.workers]];
            }) };
          case 'newly':
            return { pane: 'newly', style: filled('newly'), onEachFeature: popup(function (p) {
              return [['Carrier', p.carrier], ['Newly meeting the target', hectares(p.area_ha)]];
            }) };
          case 'indoor':
            return { pane: 'newly', style: filled('newly'), onEachFeature: popup(function (p) {
              return [['Rank', p.rank], ['Carriers', p.carrier], ['System', p.candidate], ['Kind', p.kind],
                      ['Nodes', p.nodes], ['Indoor model', p.indoor_model], ['Workers', p.workers],
                      ['Lifetime cost', vnd(p.lifetime_vnd)]];
            }) };
          case 'indoor-bands':
            return { pane: 'newly', style: filled('newly'), onEachFeature: popup(function (p) {
              return [['Rank', p.rank], ['System', p.candidate], ['Carrier', p.carrier], ['Layer', p.layer],
                      ['RSRP indoors', p.bin], ['Meets the target', p.meets_target ? 'yes' : 'no'],
                      ['Area', p.area_m2 + ' m²'], ['Storeys', p.storeys]];
            }) };
          case 'indoor-nodes':
            return { pointToLayer: circle('stations', 4, 1), onEachFeature: popup(function (p) {
              return [['Rank', p.rank], ['System', p.candidate], ['Node', p.node], ['Carriers', p.carrier],
                      ['Height', p.height_m + ' m'], ['Reach', p.radius_m + ' m'], ['Storeys', p.storeys]];
            }) };
          case 'parcels':
            return { pane: 'parcels', style: function (feature) {
              return { pane: 'parcels', color: '#555555', weight: 0.6,
                       fillColor: statusColours[status(overlay.carrier, parcelIndex.get(feature))],
                       fillOpacity: 0.55 };
            }, onEachFeature: function (feature, layer) {
              layer.bindPopup(function () { return parcelPopup(feature); });
            } };
          case 'zones':
            return { pane: 'zones', style: function () {
              return { pane: 'zones', fill: false, color: '#222222', weight: 2 };
            }, onEachFeature: popup(function (p) {
              return [['Zone', p.name], ['Id', p.id], ['Province', p.province], ['Area', hectares(p.area_ha)],
                      ['Parcels', p.parcels]];
            }) };
          case 'structures':
            return { pointToLayer: circle('structures', 5, 1), onEachFeature: popup(function (p) {
              return [['Structure', p.id], ['Kind', p.kind], ['Height', p.height_m + ' m'], ['Owner', p.owner],
                      ['Free slots', p.free_slots], ['Tenants', (p.tenants || []).join(', ') || 'none'],
                      ['Rent', vnd(p.rent_vnd_month) + ' / month']];
            }) };
          case 'stations':
            return { pointToLayer: circle('stations', 8, 2), onEachFeature: function (feature, layer) {
              var p = feature.properties;
              layer.bindTooltip(esc(p.rank), { permanent: true, direction: 'center', className: 'rank' });
              layer.bindPopup(function () {
                return table([['Rank', p.rank], ['Option', p.option], ['Carriers', p.carrier],
                              ['Station', p.candidate], ['Kind', p.kind],
                              ['Newly covered', hectares(p.newly_covered_ha)], ['Lifetime cost', vnd(p.lifetime_vnd)]]);
              });
            } };
          }
          throw new Error('unknown overlay style ' + overlay.style);
        };

        L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
        var control = L.control.layers(null, null, { collapsed: false, sortLayers: false }).addTo(map);
        var layers = data.overlays.map(function (overlay) {
          var layer = L.geoJSON(overlay.sources.map(function (name) { return data.sources[name]; }), options(overlay));
          control.addOverlay(layer, esc(overlay.label));
          return layer;
        });
        // The zones fill the map beside the layer list (top right), not under it.
        var listWidth = control.getContainer().offsetWidth;
        map.fitBounds(L.geoJSON(data.sources.zones).getBounds(),
                      { paddingTopLeft: [16, 16], paddingBottomRight: [listWidth + 24, 16], animate: false });
        data.overlays.forEach(function (overlay, index) {
          if (overlay.visible) { layers[index].addTo(map); }
        });
        window.requestAnimationFrame(function () {
          document.body.setAttribute('data-drawn-paths', String(document.querySelectorAll('#map path').length));
          document.title = data.drawnTitle;
        });
      } catch (error) {
        fail(error);
      }
    })();
    """#
}
