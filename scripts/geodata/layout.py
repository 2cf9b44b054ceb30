"""Zone outlines and parcels: each park is one or more disjoint rectangles of the published
area (rotated about the park's centre), tiled exactly into blocks and road strips."""
import math
import random

# WGS84 ellipsoid (NIMA TR8350.2): semi-major axis and first eccentricity squared.
A = 6378137.0
E2 = 0.00669437999014

# Land uses of blocks, with the building class (indoor loss) and workers per hectare.
BLOCK_USES = [
    # (land_use, building_class, workers per ha, weight)
    ("factory", "metal-clad", 60, 40),
    ("factory", "high-loss", 80, 15),
    ("warehouse", "metal-clad", 15, 20),
    ("office", "low-loss", 200, 5),
    ("yard", "outdoor", 5, 10),
    ("green", "outdoor", 0, 6),
    ("water", "outdoor", 0, 2),
    ("utility", "high-loss", 10, 2),
]


def local_to_lonlat(centre_lon, centre_lat, east_m, north_m):
    """Local tangent-plane metres to lon/lat, with the meridional (M) and prime-vertical (N)
    radii of curvature at the centre latitude (Snyder 1987, eq. 4-18 and 4-20)."""
    phi = math.radians(centre_lat)
    w = 1 - E2 * math.sin(phi) ** 2
    m = A * (1 - E2) / w ** 1.5
    n = A / math.sqrt(w)
    lat = centre_lat + math.degrees(north_m / m)
    lon = centre_lon + math.degrees(east_m / (n * math.cos(phi)))
    return (lon, lat)


def fmt(value):
    """Coordinates with 7 decimals (~1 cm), no trailing zeros."""
    text = "%.7f" % value
    return text.rstrip("0").rstrip(".")


def ring_json(ring):
    return "[" + ",".join("[%s,%s]" % (fmt(lon), fmt(lat)) for lon, lat in ring) + "]"


class Zone:
    def __init__(self, spec, province):
        self.spec = spec
        self.province = province
        self.rng = random.Random(spec["seed"])
        self.parcels = []  # (id, name, land_use, building_class, workers, ring lon/lat)
        self.blocks = []  # (parcel id, land use, x0, y0, width, height) in local metres
        self.parts = []  # local part rectangles (x0, y0, width, height)

    @property
    def id(self):
        return self.spec["id"]

    def rotate(self, x, y):
        angle = math.radians(self.spec.get("rotation_deg", 0))
        return (x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle))

    def lonlat(self, x, y):
        return local_to_lonlat(*self.spec["centre"], *self.rotate(x, y))

    def ring(self, x0, y0, x1, y1):
        return [self.lonlat(x, y) for x, y in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]

    def build(self):
        """Parts side by side along x, separated by gaps, all of the same height."""
        spec = self.spec
        parts_ha = spec["parts_ha"]
        assert abs(sum(parts_ha) - spec["area_ha"]) < 1e-9, spec["id"]
        aspect = spec.get("aspect", 1.4)
        gap = spec.get("part_gap_m", 400.0)
        mean_m2 = spec["area_ha"] * 10000.0 / len(parts_ha)
        height = math.sqrt(mean_m2 / aspect)
        widths = [ha * 10000.0 / height for ha in parts_ha]
        total = sum(widths) + (len(widths) - 1) * gap
        x0 = -total / 2
        for part, width in enumerate(widths):
            y0 = -height / 2 + (part % 2) * spec.get("part_offset_m", 0)
            self.parts.append((x0, y0, width, height))
            self.tile(part, x0, y0, width, height)
            x0 += width + gap

    def tile(self, part, x0, y0, width, height):
        """Tiles one rectangle exactly into blocks and the road strips between them."""
        block = self.spec.get("block_m", 250.0)
        road = self.spec.get("road_m", 24.0)
        columns = max(1, round((width + road) / (block + road)))
        rows = max(1, round((height + road) / (block + road)))
        block_w = (width - (columns - 1) * road) / columns
        block_h = (height - (rows - 1) * road) / rows
        prefix = "%s-%d" % (self.id, part + 1) if len(self.spec["parts_ha"]) > 1 else self.id
        for c in range(columns):
            bx = x0 + c * (block_w + road)
            for r in range(rows):
                by = y0 + r * (block_h + road)
                use, klass, density, _ = self.pick_use()
                area_ha = block_w * block_h / 10000.0
                workers = int(round(density * area_ha * self.rng.uniform(0.6, 1.4)))
                pid = "%s-b%02d%02d" % (prefix, c + 1, r + 1)
                self.add(pid, "Block %d-%d" % (c + 1, r + 1), use, klass, workers, bx, by, bx + block_w, by + block_h)
                self.blocks.append((pid, use, bx, by, block_w, block_h))
                if r < rows - 1:  # horizontal road strip inside the column
                    self.add("%s-rh%02d%02d" % (prefix, c + 1, r + 1), "Road", "road", "outdoor", 0,
                             bx, by + block_h, bx + block_w, by + block_h + road)
            if c < columns - 1:  # full-height vertical road strip between columns
                # Its sides carry every block corner along them, so that neighbours share
                # vertices exactly (no T-junction slivers once coordinates are rounded).
                rx = bx + block_w
                ys = [y0]
                for r in range(rows - 1):
                    top = y0 + r * (block_h + road) + block_h
                    ys += [top, top + road]
                ys.append(y0 + height)
                local = [(rx, y0)] + [(rx + road, y) for y in ys] + [(rx, y) for y in reversed(ys)]
                ring = [self.lonlat(x, y) for x, y in local + local[:1]]
                self.parcels.append(("%s-rv%02d" % (prefix, c + 1), "Road", "road", "outdoor", 0, ring))

    def pick_use(self):
        total = sum(u[3] for u in BLOCK_USES)
        roll = self.rng.uniform(0, total)
        for use in BLOCK_USES:
            roll -= use[3]
            if roll <= 0:
                return use
        return BLOCK_USES[0]

    def add(self, pid, name, use, klass, workers, x0, y0, x1, y1):
        self.parcels.append((pid, name, use, klass, workers, self.ring(x0, y0, x1, y1)))

    def part_rings(self):
        """The outline of each part: its rectangle with every vertex its edge parcels have, so
        that the outline and the parcels share their boundary exactly."""
        rings = []
        for x0, y0, width, height in self.parts:
            xs, ys = set([x0, x0 + width]), set([y0, y0 + height])
            for _, _, bx, by, bw, bh in self.blocks:
                if x0 - 1e-6 <= bx <= x0 + width + 1e-6 and y0 - 1e-6 <= by <= y0 + height + 1e-6:
                    xs.update([bx, bx + bw])
                    ys.update([by, by + bh])
            xs, ys = sorted(xs), sorted(ys)
            local = [(x, y0) for x in xs] + [(x0 + width, y) for y in ys[1:]]
            local += [(x, y0 + height) for x in reversed(xs[:-1])] + [(x0, y) for y in reversed(ys[:-1])]
            rings.append([self.lonlat(x, y) for x, y in local])
        return rings

    def bounds_lonlat(self):
        points = [point for ring in self.part_rings() for point in ring]
        return (min(p[0] for p in points), min(p[1] for p in points),
                max(p[0] for p in points), max(p[1] for p in points))

    def parcels_geojson(self):
        features = []
        for pid, name, use, klass, workers, ring in self.parcels:
            features.append(
                '{"type":"Feature","properties":{"id":"%s","name":"%s","land_use":"%s","building_class":"%s",'
                '"workers":%d},"geometry":{"type":"Polygon","coordinates":[%s]}}'
                % (pid, name, use, klass, workers, ring_json(ring)))
        return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"

    def outline_geojson(self):
        polygons = ",".join("[%s]" % ring_json(ring) for ring in self.part_rings())
        return ('{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"id":"%s","name":"%s",'
                '"province":"%s","published_area_ha":%s},"geometry":{"type":"MultiPolygon","coordinates":[%s]}}\n]}\n'
                % (self.id, self.spec["name"], self.province, fmt(self.spec["area_ha"]), polygons))
