"""Geometry on longitude/latitude for the national generator (national.py): areas and
crossings of the hand-drawn polygons, local metres around a point, distances, and the
weighted draw the parks and the network share. Pure helpers: no data of their own (the
outline and figures they work on, all synthetic or approximate, are in
national_geography.py)."""
import bisect
import math

from layout import A, E2

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def polygon_area_km2(ring):
    """Area on the sphere via the sinusoidal (equal-area) projection, km²."""
    r = EARTH_RADIUS_KM
    points = [(math.radians(lon) * r * math.cos(math.radians(lat)), math.radians(lat) * r) for lon, lat in ring]
    total = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def crossings(ring, lat):
    """Sorted longitudes where the horizontal line at `lat` crosses the ring (even-odd)."""
    xs = []
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 <= lat) != (y1 <= lat):
            xs.append(x0 + (lat - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    return xs


def inside_crossings(xs, lon):
    return bisect.bisect_right(xs, lon) % 2 == 1


def point_in(ring, lon, lat):
    return inside_crossings(crossings(ring, lat), lon)


def radii(lat):
    """Meridional and prime-vertical radii of curvature (Snyder 1987, eq. 4-18, 4-20), m."""
    phi = math.radians(lat)
    w = 1 - E2 * math.sin(phi) ** 2
    return A * (1 - E2) / w ** 1.5, A / math.sqrt(w)


def lonlat_to_local(centre_lon, centre_lat, lon, lat):
    """Inverse of layout.local_to_lonlat: metres east and north of the centre."""
    m, n = radii(centre_lat)
    return (math.radians(lon - centre_lon) * n * math.cos(math.radians(centre_lat)),
            math.radians(lat - centre_lat) * m)


def km_between(lon0, lat0, lon1, lat1):
    x, y = lonlat_to_local(lon0, lat0, lon1, lat1)
    return math.hypot(x, y) / 1000.0


def segment_distance_km(lon, lat, a, b):
    """Distance from a point to segment a–b, km, in a local plane at the point."""
    ax, ay = lonlat_to_local(lon, lat, *a)
    bx, by = lonlat_to_local(lon, lat, *b)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy) / 1000.0


def weighted_index(rng, weights):
    roll = rng.uniform(0, sum(weights))
    for index, weight in enumerate(weights):
        roll -= weight
        if roll <= 0:
            return index
    return len(weights) - 1
