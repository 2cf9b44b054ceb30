"""The national generator's population model (national.py, method step 1): persons per
km² on a LATTICE_DEG lattice inside the rough outline, a base density per region plus a
Gaussian kernel per city, and its check against the published totals. SYNTHETIC: the
outline, regions and city kernels are hand-drawn approximations (national_geography.py,
where each published figure they are tuned to has its source)."""
import math

from national_geography import (
    BASE_DENSITY, CENTRAL_COAST, CITIES, COASTAL_PLAIN_KM, LATTICE_DEG, PUBLISHED_AREA_KM2, PUBLISHED_POPULATION,
    VIETNAM)
from national_geometry import EARTH_RADIUS_KM, crossings, inside_crossings, polygon_area_km2, segment_distance_km


class Lattice:
    """Cells of LATTICE_DEG inside the outline, with region, population and weights."""

    def __init__(self):
        lons = [p[0] for p in VIETNAM]
        lats = [p[1] for p in VIETNAM]
        self.lon0 = math.floor(min(lons) / LATTICE_DEG) * LATTICE_DEG
        self.lat0 = math.floor(min(lats) / LATTICE_DEG) * LATTICE_DEG
        self.columns = int(math.ceil((max(lons) - self.lon0) / LATTICE_DEG))
        self.rows = int(math.ceil((max(lats) - self.lat0) / LATTICE_DEG))
        self.cells = []  # (row, column)
        self.area_km2 = []
        self.region = []
        self.population = []
        self.build()

    def centre(self, row, column):
        return (self.lon0 + (column + 0.5) * LATTICE_DEG, self.lat0 + (row + 0.5) * LATTICE_DEG)

    def build(self):
        coast_segments = list(zip(CENTRAL_COAST, CENTRAL_COAST[1:]))
        band = COASTAL_PLAIN_KM / 111.0 + 0.05  # degrees of latitude a segment may be away
        kernels = []
        for name, lon, lat, core, core_sigma, metro, metro_sigma in CITIES:
            for persons, sigma in ((core, core_sigma), (metro, metro_sigma)):
                if persons > 0:
                    kernels.append((lon, lat, persons, sigma))
        for row in range(self.rows):
            lat = self.lat0 + (row + 0.5) * LATTICE_DEG
            xs = crossings(VIETNAM, lat)
            if not xs:
                continue
            region_xs = [(name, crossings(ring, lat) if ring else None, density)
                         for name, ring, density in BASE_DENSITY]
            segments = [s for s in coast_segments
                        if min(s[0][1], s[1][1]) - band <= lat <= max(s[0][1], s[1][1]) + band]
            cell_km2 = (math.radians(LATTICE_DEG) * EARTH_RADIUS_KM) ** 2 * math.cos(math.radians(lat))
            row_kernels = [k for k in kernels if abs(k[1] - lat) * 111.0 <= 4 * k[3]]
            for start, end in zip(xs[0::2], xs[1::2]):
                first = int(math.ceil((start - self.lon0) / LATTICE_DEG - 0.5))
                last = int(math.floor((end - self.lon0) / LATTICE_DEG - 0.5))
                for column in range(max(first, 0), min(last, self.columns - 1) + 1):
                    lon = self.lon0 + (column + 0.5) * LATTICE_DEG
                    region, density = "uplands", BASE_DENSITY[-1][2]
                    for name, rxs, base in region_xs:
                        if rxs is not None:
                            if inside_crossings(rxs, lon):
                                region, density = name, base
                                break
                        elif name == "central-coast":
                            if segments and min(segment_distance_km(lon, lat, a, b)
                                                for a, b in segments) <= COASTAL_PLAIN_KM:
                                region, density = name, base
                                break
                    for klon, klat, persons, sigma in row_kernels:
                        dx = (lon - klon) * 111.32 * math.cos(math.radians(klat))
                        if abs(dx) > 4 * sigma:
                            continue
                        dy = (lat - klat) * 110.57
                        density += persons / (2 * math.pi * sigma * sigma) * math.exp(
                            -(dx * dx + dy * dy) / (2 * sigma * sigma))
                    self.cells.append((row, column))
                    self.area_km2.append(cell_km2)
                    self.region.append(region)
                    self.population.append(density * cell_km2)

    def totals_by_region(self):
        totals = {}
        for region, area, people in zip(self.region, self.area_km2, self.population):
            entry = totals.setdefault(region, [0.0, 0.0])
            entry[0] += area
            entry[1] += people
        return totals


def population_report(lattice):
    totals = lattice.totals_by_region()
    area = sum(lattice.area_km2)
    people = sum(lattice.population)
    report = {
        "outline_area_km2": int(round(polygon_area_km2(VIETNAM))),
        "lattice_area_km2": int(round(area)), "published_area_km2": PUBLISHED_AREA_KM2,
        "population": int(round(people)), "published_population_2019": PUBLISHED_POPULATION,
        "regions": {},
    }
    for name, _, _ in BASE_DENSITY:
        region_area, region_people = totals.get(name, (0.0, 0.0))
        report["regions"][name] = {
            "area_km2": int(round(region_area)), "population": int(round(region_people)),
            "share": round(region_people / people, 3), "per_km2": int(round(region_people / max(region_area, 1)))}
    return report
