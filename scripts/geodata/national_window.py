"""A window of the national set (national.py, method step 4; --window, --region): the
rectangle a crop keeps, and its "surroundings" zone of 1 km parcels of open land that makes
the scenario's grid span the window. SYNTHETIC, like everything the generator writes."""
import math

from layout import local_to_lonlat, ring_json
from national_geography import FILL_CELL_M
from national_geometry import lonlat_to_local


class Window:
    def __init__(self, lon, lat, width_km, height_km, label):
        self.lon, self.lat = lon, lat
        self.width_m, self.height_m = width_km * 1000.0, height_km * 1000.0
        self.label = label

    def contains(self, lon, lat, halo_m=0.0):
        """Inside the window, or within `halo_m` of it (the distance to the rectangle)."""
        x, y = lonlat_to_local(self.lon, self.lat, lon, lat)
        dx = max(0.0, abs(x) - self.width_m / 2)
        dy = max(0.0, abs(y) - self.height_m / 2)
        return dx == 0.0 and dy == 0.0 if halo_m == 0 else math.hypot(dx, dy) <= halo_m

    def fill_parcels(self, zones):
        """1 km parcels over the window, leaving out those touching a park's box (+50 m)."""
        boxes = []
        for zone in zones:
            points = [lonlat_to_local(self.lon, self.lat, lon, lat) for ring in zone.part_rings() for lon, lat in ring]
            boxes.append((min(p[0] for p in points) - 50, min(p[1] for p in points) - 50,
                          max(p[0] for p in points) + 50, max(p[1] for p in points) + 50))
        x0, y0 = -self.width_m / 2, -self.height_m / 2
        xs = edges(x0, self.width_m)
        ys = edges(y0, self.height_m)
        features = []
        for c, (left, right) in enumerate(zip(xs, xs[1:])):
            for r, (bottom, top) in enumerate(zip(ys, ys[1:])):
                if any(left < b[2] and b[0] < right and bottom < b[3] and b[1] < top for b in boxes):
                    continue
                ring = [local_to_lonlat(self.lon, self.lat, x, y)
                        for x, y in ((left, bottom), (right, bottom), (right, top), (left, top), (left, bottom))]
                pid = "surroundings-c%03dr%03d" % (c + 1, r + 1)
                features.append(
                    '{"type":"Feature","properties":{"id":"%s","name":"Surroundings %d-%d","land_use":"other",'
                    '"building_class":"outdoor","workers":0},"geometry":{"type":"Polygon","coordinates":[%s]}}'
                    % (pid, c + 1, r + 1, ring_json(ring)))
        return features


def edges(start, length):
    count = max(1, int(math.ceil(length / FILL_CELL_M - 1e-9)))
    return [start + min(length, i * FILL_CELL_M) for i in range(count + 1)]
