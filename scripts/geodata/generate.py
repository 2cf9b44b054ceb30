#!/usr/bin/env python3
"""Deterministic generator of Cosite's synthetic sample geodata.

Real figures (published park areas, approximate centres, carriers' bands) come from the
sources listed in geodata/README.md; everything geometric (outlines, parcels, structure
positions, existing sites) is synthetic and made here, from a fixed seed per zone, so that
`python3 scripts/geodata/generate.py` rewrites the committed files byte for byte.

Method: each zone is a rectangle of the published area (split into several disjoint
parts where the park is fragmented), rotated by a fixed angle around its centre and
tiled exactly into blocks and the road strips between them. Local metres are turned into
lon/lat with the WGS84 radii of curvature at the centre (error < 0.01 % over a few km).
"""
import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

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

CARRIERS = ["viettel", "vnpt", "mobifone"]


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


class Zone:
    def __init__(self, spec):
        self.spec = spec
        self.rng = random.Random(spec["seed"])
        self.parcels = []  # (id, name, land_use, building_class, workers, ring lon/lat, centre local, size)
        self.blocks = []  # local block rectangles with metadata, for structures

    def rotate(self, x, y):
        angle = math.radians(self.spec.get("rotation_deg", 0))
        return (x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle))

    def ring(self, x0, y0, x1, y1):
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
        lon0, lat0 = self.spec["centre"]
        return [local_to_lonlat(lon0, lat0, *self.rotate(x, y)) for x, y in corners]

    def build(self):
        spec = self.spec
        parts = spec.get("parts", 1)
        area_m2 = spec["area_ha"] * 10000.0
        part_area = area_m2 / parts
        aspect = spec.get("aspect", 1.4)
        gap = spec.get("part_gap_m", 400.0)
        # Parts side by side along x, separated by gaps (the fragmented areas of one park).
        width = math.sqrt(part_area * aspect)
        height = part_area / width
        total = parts * width + (parts - 1) * gap
        for part in range(parts):
            x0 = -total / 2 + part * (width + gap)
            y0 = -height / 2 + (part % 2) * spec.get("part_offset_m", 0)
            self.tile(part, x0, y0, width, height)

    def tile(self, part, x0, y0, width, height):
        """Tiles one rectangle exactly into blocks and the road strips between them."""
        block = self.spec.get("block_m", 250.0)
        road = self.spec.get("road_m", 24.0)
        columns = max(1, round((width + road) / (block + road)))
        rows = max(1, round((height + road) / (block + road)))
        block_w = (width - (columns - 1) * road) / columns
        block_h = (height - (rows - 1) * road) / rows
        prefix = "%s-%d" % (self.spec["id"], part + 1) if self.spec.get("parts", 1) > 1 else self.spec["id"]
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
                self.add_ring("%s-rv%02d" % (prefix, c + 1), "Road", "road", "outdoor", 0, local)

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

    def add_ring(self, pid, name, use, klass, workers, local):
        """A parcel from local counter-clockwise vertices (closed here)."""
        lon0, lat0 = self.spec["centre"]
        ring = [local_to_lonlat(lon0, lat0, *self.rotate(x, y)) for x, y in local + local[:1]]
        self.parcels.append((pid, name, use, klass, workers, ring))

    def geojson(self):
        lines = ['{"type":"FeatureCollection","features":[']
        features = []
        for pid, name, use, klass, workers, ring in self.parcels:
            coords = ",".join("[%s,%s]" % (fmt(lon), fmt(lat)) for lon, lat in ring)
            features.append(
                '{"type":"Feature","properties":{"id":"%s","name":"%s","land_use":"%s","building_class":"%s",'
                '"workers":%d},"geometry":{"type":"Polygon","coordinates":[[%s]]}}'
                % (pid, name, use, klass, workers, coords))
        lines.append(",\n".join(features))
        lines.append("]}")
        return "\n".join(lines) + "\n"


def structures_and_sites(zones, spec):
    """Towers, rooftop masts and poles inside the zones, and today's sites on them.

    Today's passive sharing rate is set per province (20–30 % is what the provinces report)."""
    rng = random.Random(spec["seed"])
    rows = []
    sites = []
    tenants_by_structure = []
    owners_tower = ["viettel", "vnpt", "mobifone", "towerco"]
    for zone in zones:
        candidates = [b for b in zone.blocks if b[1] in ("factory", "warehouse", "office", "yard", "utility")]
        rng.shuffle(candidates)
        count = max(3, int(round(zone.spec["area_ha"] / spec["ha_per_structure"])))
        for index, (pid, use, bx, by, bw, bh) in enumerate(candidates[:count]):
            x = bx + bw * rng.uniform(0.25, 0.75)
            y = by + bh * rng.uniform(0.25, 0.75)
            lon, lat = local_to_lonlat(*zone.spec["centre"], *zone.rotate(x, y))
            roll = rng.random()
            if use == "yard" or roll < 0.35:
                kind, height = "tower", rng.choice([30, 36, 40, 45, 50, 60])
                owner = rng.choice(owners_tower)
                slots, rent = rng.randint(1, 3), rng.choice([12, 15, 18]) * 1_000_000
            elif roll < 0.8:
                # Factory roof 12–18 m plus a 3–6 m mast (Joint Circular 15/2016 non-bulky ≤ 3 m and
                # ≤ 20 % of the building height; taller masts need a permit: both kinds modelled).
                building = rng.choice([12, 15, 18])
                kind, height = "rooftop", building + rng.choice([3, 3, 4, 6])
                owner = zone.spec["developer"]
                slots, rent = rng.randint(1, 2), rng.choice([5, 6, 8]) * 1_000_000
            else:
                kind, height = "pole", rng.choice([12, 15, 18])
                owner = zone.spec["developer"]
                slots, rent = 1, 3_000_000
            sid = "%s-s%02d" % (zone.spec["id"], index + 1)
            rows.append((sid, kind, lon, lat, height, owner, slots, rent))
            # Today's tenant: the owner if a carrier, else (mostly) a carrier renting the slot.
            if owner in CARRIERS:
                tenants_by_structure.append([owner])
            else:
                tenants_by_structure.append([rng.choice(CARRIERS)] if rng.random() < 0.75 else [])
    # Sharing today: exactly round(rate × structures) structures get a second carrier, so the
    # passive sharing rate (structures with more than one carrier / all structures) is the
    # province's reported figure.
    tenanted = [i for i, tenants in enumerate(tenants_by_structure) if tenants]
    shared = sorted(rng.sample(tenanted, min(len(tenanted), int(round(spec["sharing_rate"] * len(rows))))))
    for index in shared:
        tenants = tenants_by_structure[index]
        tenants.append(rng.choice([c for c in CARRIERS if c not in tenants]))
    for row, tenants in zip(rows, tenants_by_structure):
        for carrier in tenants:
            sites.append((row[0], carrier, row[1], row[4], rng.randint(0, 119)))
    return rows, sites


LAYERS = {
    "viettel": [("lte1800", 43.0), ("nr2600", 49.0)],
    "vnpt": [("lte1800", 43.0), ("nr3700", 49.0)],
    "mobifone": [("lte1800", 43.0), ("nr3800", 49.0)],
}


def sites_csv(sites):
    lines = ["id,carrier,layer,structure,azimuth_deg,mechanical_tilt_deg,electrical_tilt_deg,antenna_gain_dbi,height_m,power_dbm,feeder_loss_db"]
    for sid, carrier, kind, height, first_azimuth in sites:
        antenna_height = height - (1 if kind != "pole" else 0.5) - 3 * CARRIERS.index(carrier) * (kind == "tower")
        antenna_height = max(antenna_height, 8)
        tilt = 4 if kind == "tower" else 6
        sectors = 3 if kind != "pole" else 1
        for layer, power in LAYERS[carrier]:
            gain = 17.5 if layer.startswith("lte") else 24.0
            for s in range(sectors):
                azimuth = (first_azimuth + 120 * s) % 360
                lines.append("%s-%s-%s-%d,%s,%s,%s,%d,%d,%d,%s,%s,%s,0.5" % (
                    carrier, sid, layer, s + 1, carrier, layer, sid, azimuth, 0, tilt,
                    gain, fmt(antenna_height), fmt(power)))
    return "\n".join(lines) + "\n"


def structures_csv(rows):
    lines = ["id,kind,lon,lat,height_m,owner,free_slots,rent_vnd_month"]
    for sid, kind, lon, lat, height, owner, slots, rent in rows:
        lines.append("%s,%s,%s,%s,%d,%s,%d,%d" % (sid, kind, fmt(lon), fmt(lat), height, owner, slots, rent))
    return "\n".join(lines) + "\n"


OUT = ROOT


def write(path, text):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def antenna_msi():
    """A synthetic 65° panel in Planet/MSI form: the 3GPP parametric cuts (TR 36.814 Table
    A.2.1.1-2) with φ3dB 65°, A_m 25 dB, θ3dB 7°, SLA_V 18 dB; gain 15.35 dBd (17.5 dBi)."""
    lines = ["NAME COSITE-PANEL-65-17.5-1800 (synthetic, 3GPP parametric)", "MAKE Cosite sample",
             "FREQUENCY 1800", "H_WIDTH 65", "V_WIDTH 7", "FRONT_TO_BACK 25", "GAIN 15.35 dBd",
             "TILT ELECTRICAL", "COMMENT generated by scripts/geodata/generate.py", "HORIZONTAL 360"]
    for degree in range(360):
        phi = degree if degree <= 180 else degree - 360
        lines.append("%d %.2f" % (degree, min(12 * (phi / 65.0) ** 2, 25.0)))
    lines.append("VERTICAL 360")
    for degree in range(360):
        theta = degree if degree <= 180 else degree - 360
        if abs(theta) > 90:  # behind the antenna: mirror of the front cut
            theta = math.copysign(180 - abs(theta), theta)
        lines.append("%d %.2f" % (degree, min(12 * (theta / 7.0) ** 2, 18.0)))
    return "\n".join(lines) + "\n"


def main():
    global OUT
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        OUT = sys.argv[2]  # regenerate elsewhere, e.g. to compare with the committed files
    elif len(sys.argv) != 1:
        sys.exit("usage: generate.py [--out DIR]")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from provinces import PROVINCES  # the zone list with published areas and centres
    write("geodata/antennas/panel-65deg-17dbi-1800.msi", antenna_msi())
    for province in PROVINCES:
        zones = [Zone(spec) for spec in province["zones"]]
        for zone in zones:
            zone.build()
            write("geodata/%s/%s.geojson" % (province["id"], zone.spec["id"]), zone.geojson())
        rows, sites = structures_and_sites(zones, province)
        write("geodata/%s/structures.csv" % province["id"], structures_csv(rows))
        write("geodata/%s/sites.csv" % province["id"], sites_csv(sites))


if __name__ == "__main__":
    main()
