"""The national generator's network outside the parks (national.py, method step 2):
structures (towers, rooftop masts, street poles) drawn on the population lattice, their
owners and tenants, and the sites (carriers' sectors) on them, plus the check of the
resulting density around the cities. SYNTHETIC: no structure is real; the totals and
shares it is built to are published figures, with their sources beside the constants in
national_geography.py and beside the assumptions below."""
import bisect
import math

from infrastructure import CARRIERS
from national_geography import (
    CARRIER_OWNED_TOWER_SHARE, CARRIER_WEIGHTS, CITIES, FLOOR_SHARE, LATTICE_DEG, NATIONAL_SHARING_RATE, VIETNAM)
from national_geometry import km_between, point_in, weighted_index


def kind_mix(density_per_km2):
    """(tower, rooftop, pole) shares by the local structure density. Assumptions: rooftops
    dominate the dense cores ("urban centres such as Ho Chi Minh and Hanoi are littered with
    rooftop structures", TowerXchange 2018) and masts on houses' roofs are common in towns and
    villages too; tuned so that towers number about 60,000 in all (~45,000 owned by the MNOs
    at "more than 75 %", TowerXchange interview)."""
    if density_per_km2 > 8:
        return (0.15, 0.65, 0.20)
    if density_per_km2 > 2:
        return (0.40, 0.50, 0.10)
    return (0.70, 0.30, 0.00)


def draw_network(lattice, count, parks, rng):
    """`count` structures outside the parks (`parks`: their lon/lat boxes, kept clear): the
    structures CSV's rows, each one's sites (as infrastructure.sites_csv takes them), and the
    model's floor density and people per capacity structure."""
    total_people = sum(lattice.population)
    total_area = sum(lattice.area_km2)
    floor_per_km2 = FLOOR_SHARE * count / total_area
    people_per_structure = total_people / ((1 - FLOOR_SHARE) * count)
    weights = [floor_per_km2 * area + people / people_per_structure
               for area, people in zip(lattice.area_km2, lattice.population)]
    cumulative = []
    running = 0.0
    for weight in weights:
        running += weight
        cumulative.append(running)
    park_buckets = {}
    for index, (west, south, east, north) in enumerate(parks):
        for bx in range(int(math.floor(west * 10)), int(math.floor(east * 10)) + 1):
            for by in range(int(math.floor(south * 10)), int(math.floor(north * 10)) + 1):
                park_buckets.setdefault((bx, by), []).append(index)

    def in_park(lon, lat):
        for index in park_buckets.get((int(math.floor(lon * 10)), int(math.floor(lat * 10))), ()):
            west, south, east, north = parks[index]
            if west <= lon <= east and south <= lat <= north:
                return True
        return False

    rows, tenants = [], []
    owners = ["viettel", "vnpt", "mobifone"]
    owner_weights = [CARRIER_WEIGHTS[c] for c in owners]
    for number in range(1, count + 1):
        while True:
            cell = bisect.bisect_right(cumulative, rng.uniform(0, running))
            cell = min(cell, len(cumulative) - 1)
            row, column = lattice.cells[cell]
            lon = lattice.lon0 + (column + rng.random()) * LATTICE_DEG
            lat = lattice.lat0 + (row + rng.random()) * LATTICE_DEG
            if point_in(VIETNAM, lon, lat) and not in_park(lon, lat):
                break
        density = weights[cell] / lattice.area_km2[cell]
        tower_share, rooftop_share, _ = kind_mix(density)
        roll = rng.random()
        sid = "vn-s%06d" % number
        if roll < tower_share:
            kind = "tower"
            height = rng.choice([30, 36, 40, 45, 50, 60] if density <= 8 else [24, 30, 36, 40])
            building = None
            carrier_owned = rng.random() < CARRIER_OWNED_TOWER_SHARE
            owner = owners[weighted_index(rng, owner_weights)] if carrier_owned else "towerco"
            slots, rent = rng.randint(1, 3), rng.choice([12, 15, 18]) * 1_000_000
        elif roll < tower_share + rooftop_share:
            kind = "rooftop"
            # Building heights whose 20 % mast (below) compares exactly in binary floating point
            # (a 9 m roof with a 1.8 m mast reads as 1.8000000000000007 m over it: "permit").
            if density > 8:
                choices = [15, 18, 21, 24, 30, 36, 45, 60]
            else:
                choices = [10, 12, 15, 18] if density > 2 else [6, 10, 12]
            building = rng.choice(choices)
            # Joint Circular 15/2016: half non-bulky (≤ 3 m and ≤ 20 % of the building), half 4–6 m.
            mast = math.floor(min(3.0, 0.2 * building) * 10) / 10 if rng.random() < 0.5 else rng.choice([4, 5, 6])
            height = building + mast
            owner = owners[weighted_index(rng, owner_weights)] if rng.random() < 0.85 else "towerco"
            slots, rent = rng.randint(1, 2), rng.choice([5, 6, 8]) * 1_000_000
        else:
            kind, height, building, owner = "pole", rng.choice([12, 15, 18]), None, "towerco"
            slots, rent = 1, 3_000_000
        rows.append((sid, kind, lon, lat, height, building, owner, slots, rent))
        tenants.append([owner] if owner in CARRIERS else [owners[weighted_index(rng, owner_weights)]])
    shared = sorted(rng.sample(range(count), int(round(NATIONAL_SHARING_RATE * count))))
    for index in shared:
        others = [c for c in owners if c not in tenants[index]]
        tenants[index].append(others[weighted_index(rng, [CARRIER_WEIGHTS[c] for c in others])])
    sites = []
    for row, carriers in zip(rows, tenants):
        first_azimuth = rng.randint(0, 119)
        sites.append([(row[0], carrier, row[1], row[4], first_azimuth) for carrier in carriers])
    return rows, sites, floor_per_km2, people_per_structure


def city_densities(network_rows, park_rows, radius_km=5.0):
    """Structures per km² within 5 km of the larger cities' centres (a check of the model)."""
    result = {}
    rows = list(network_rows) + [r for rows in park_rows for r in rows]
    for name, lon, lat, *_ in CITIES[:8] + [c for c in CITIES if c[0] in ("Lao Cai", "Buon Ma Thuot")]:
        dlat = radius_km / 110.57
        dlon = radius_km / (111.32 * math.cos(math.radians(lat)))
        count = sum(1 for r in rows if abs(r[2] - lon) <= dlon and abs(r[3] - lat) <= dlat
                    and km_between(lon, lat, r[2], r[3]) <= radius_km)
        result[name] = round(count / (math.pi * radius_km ** 2), 2)
    return result
