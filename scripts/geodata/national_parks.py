"""The national generator's industrial parks (national.py, method step 3): centres drawn
around industrial hubs and along the main corridors, log-normal areas, then laid out and
tiled into parcels by the bundled generator's code (layout.Zone). SYNTHETIC: no park is
real; the hubs, corridors and the area figures the draw is built to (with their sources)
are in national_geography.py."""
import math
import sys

from layout import Zone, local_to_lonlat
from national_geography import (
    CITIES, CITY_CORE_KEEP_OUT_KM, CORRIDOR_LATERAL_KM, CORRIDOR_SHARE, CORRIDORS, HUBS, PARK_CLEARANCE_M,
    PARK_MAX_HA, PARK_MEDIAN_HA, PARK_MIN_HA, PARK_SIGMA_LN, VIETNAM)
from national_geometry import km_between, point_in, weighted_index


class ParkPlan:
    """A park's centre, area, parts and shape, before its layout is built."""

    def __init__(self, lon, lat, area_ha, parts_ha, aspect, rotation, gap, offset, hub, seed):
        self.lon, self.lat = lon, lat
        self.area_ha, self.parts_ha = area_ha, parts_ha
        self.aspect, self.rotation, self.gap, self.offset = aspect, rotation, gap, offset
        self.hub, self.seed = hub, seed
        height = math.sqrt(area_ha * 10000.0 / len(parts_ha) / aspect)
        total = area_ha * 10000.0 / height + (len(parts_ha) - 1) * gap
        self.half_width, self.half_height = total / 2, height / 2 + offset
        self.radius_m = math.hypot(self.half_width, self.half_height)

    def corners(self):
        angle = math.radians(self.rotation)
        points = []
        for x, y in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            x, y = x * self.half_width, y * self.half_height
            points.append(local_to_lonlat(self.lon, self.lat, x * math.cos(angle) - y * math.sin(angle),
                                          x * math.sin(angle) + y * math.cos(angle)))
        return points


def draw_parks(count, rng):
    """Park plans, drawn around hubs and along corridors, inside the outline, apart."""
    hub_total = sum(h[3] for h in HUBS)
    corridor_lengths = [sum(km_between(*a, *b) for a, b in zip(line, line[1:])) for _, line in CORRIDORS]
    placed = []
    buckets = {}  # 0.1° bucket → indices of placed parks
    keep_out = [(c[1], c[2]) for c in CITIES[:2]]

    def near_placed(lon, lat, radius_m):
        key = (int(math.floor(lon * 10)), int(math.floor(lat * 10)))
        for dx in (-2, -1, 0, 1, 2):
            for dy in (-2, -1, 0, 1, 2):
                for index in buckets.get((key[0] + dx, key[1] + dy), ()):
                    other = placed[index]
                    if km_between(lon, lat, other.lon, other.lat) * 1000 < radius_m + other.radius_m + PARK_CLEARANCE_M:
                        return True
        return False

    for index in range(count):
        for _ in range(1000):
            if rng.random() < CORRIDOR_SHARE:
                line_index = weighted_index(rng, corridor_lengths)
                line = CORRIDORS[line_index][1]
                distance = rng.uniform(0, corridor_lengths[line_index])
                for a, b in zip(line, line[1:]):
                    step = km_between(*a, *b)
                    if distance <= step:
                        break
                    distance -= step
                t = distance / step if step > 0 else 0.0
                lon, lat = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
                east, north = rng.gauss(0, CORRIDOR_LATERAL_KM), rng.gauss(0, CORRIDOR_LATERAL_KM)
            else:
                roll = rng.uniform(0, hub_total)
                for hub in HUBS:
                    roll -= hub[3]
                    if roll <= 0:
                        break
                lon, lat = hub[1], hub[2]
                east, north = rng.gauss(0, hub[4]), rng.gauss(0, hub[4])
            lon, lat = local_to_lonlat(lon, lat, east * 1000, north * 1000)
            drawn = PARK_MEDIAN_HA * math.exp(rng.gauss(0, PARK_SIGMA_LN))
            area = int(round(min(PARK_MAX_HA, max(PARK_MIN_HA, drawn))))
            roll = rng.random()
            parts = 1 if roll < 0.7 or area < 150 else (2 if roll < 0.92 else 3)
            parts_ha = split_area(area, parts, rng)
            plan = ParkPlan(lon, lat, area, parts_ha, rng.uniform(1.0, 1.6), rng.randint(-25, 25),
                            rng.choice([250.0, 300.0, 400.0]), rng.choice([0.0, 0.0, 80.0, 150.0]),
                            nearest_hub(lon, lat), rng.randrange(1, 2 ** 31))
            if any(km_between(lon, lat, *c) < CITY_CORE_KEEP_OUT_KM + plan.radius_m / 1000 for c in keep_out):
                continue
            if not all(point_in(VIETNAM, *p) for p in plan.corners() + [(lon, lat)]):
                continue
            if near_placed(lon, lat, plan.radius_m):
                continue
            placed.append(plan)
            key = (int(math.floor(lon * 10)), int(math.floor(lat * 10)))
            buckets.setdefault(key, []).append(len(placed) - 1)
            break
        else:
            sys.exit("could not place park %d of %d apart from the others: ask for fewer --zones" % (index + 1, count))
    # Numbered north to south, then west to east.
    placed.sort(key=lambda p: (-round(p.lat, 6), round(p.lon, 6)))
    return placed


def split_area(area, parts, rng):
    """Whole-hectare parts summing exactly to `area`."""
    if parts == 1:
        return [float(area)]
    weights = [rng.uniform(0.7, 1.3) for _ in range(parts)]
    values = [int(round(area * w / sum(weights))) for w in weights]
    values[-1] = area - sum(values[:-1])
    return [float(v) for v in values]


def nearest_hub(lon, lat):
    return min(HUBS, key=lambda h: km_between(lon, lat, h[1], h[2]))[0]


def build_zone(plan, number):
    zid = "vn-ip-%03d" % number
    spec = {
        "id": zid, "name": "Synthetic industrial park %03d (near %s)" % (number, plan.hub),
        "area_ha": float(plan.area_ha), "centre": (round(plan.lon, 6), round(plan.lat, 6)),
        "rotation_deg": plan.rotation, "seed": plan.seed, "parts_ha": plan.parts_ha,
        "aspect": plan.aspect, "part_gap_m": plan.gap, "part_offset_m": plan.offset,
    }
    zone = Zone(spec, plan.hub)
    zone.build()
    return zone
