#!/usr/bin/env python3
"""A national-size synthetic Cosite scenario: a mobile network and industrial parks over a
rough outline of Vietnam (issue #22, item 4).

    python3 scripts/geodata/national.py --out /tmp/vn-national
    python3 scripts/geodata/national.py --out /tmp/vn-hanoi --window 105.85,21.03,20

Everything here is SYNTHETIC. The outline of the country, the regions and the city
kernels (national_geography.py) are rough hand-drawn approximations; the totals they are
tuned to (population, structures, parks, their areas) are published figures, each with its
source beside the constant in national_geography.py and in scripts/geodata/README.md.
Nothing here is a real tower or a real park.

Method:
1. Population density (persons/km²) on a 0.01° lattice inside the outline: a base density
   per region (Red River Delta, Mekong Delta, the south-east, the central coastal plain,
   the uplands) plus a Gaussian kernel per city (core and agglomeration), tuned so that
   the national total and the regional shares come near the 2019 census.
2. Structures (towers, rooftop masts, street poles): a coverage floor everywhere plus a
   capacity share in proportion to people, drawn cell by cell; the mix of kinds and heights
   follows the local density. Each carries its carriers' sectors exactly as the bundled
   sample data does (scripts/geodata/infrastructure.py): 3 sectors per layer on towers and
   rooftops, LTE 1800 + NR small cells on poles.
3. Industrial parks: centres drawn around industrial hubs and along the main corridors,
   areas log-normal (median 235 ha, 50–1,200 ha, mean ~305 ha), laid out, tiled into
   parcels and given their own structures by the bundled generator's code (layout.py,
   infrastructure.py), so the files have the bundled format by construction.
4. A window (--window / --region) is a crop of the national set made with the same seed:
   the parks wholly inside it, the structures inside it (and --halo-km around it), and a
   "surroundings" zone of 1 km parcels filling the rest of the square, so that the
   scenario's grid spans the window (for measuring one tile's memory).

Determinism: every random choice comes from random.Random seeded with a string derived
from --seed (SHA-512 seeding, independent of PYTHONHASHSEED); no set or dictionary order
reaches a file; the output path is not written into any file. The same options give
byte-identical files.

Modules (one concern each; all the data they make is synthetic):
    national.py             this command line: options, the window's crop, the output directory
    national_geography.py   published figures (with sources) and the hand-drawn geography
    national_geometry.py    lon/lat geometry and the weighted draw
    national_population.py  step 1, the population lattice and its check against the census
    national_network.py     step 2, structures and sites outside the parks
    national_parks.py       step 3, the parks' plans and layouts
    national_window.py      step 4, the window rectangle and its surroundings parcels
    national_output.py      the files written, the scenario YAML and generation.json's counts
"""
import argparse
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from infrastructure import structures_and_sites  # noqa: E402
from provinces import HA_PER_STRUCTURE, MIN_STRUCTURES, SHARING_RATE  # noqa: E402
from national_geography import DEFAULT_STRUCTURES, DEFAULT_ZONES, LATTICE_DEG, REGIONS  # noqa: E402
from national_network import city_densities, draw_network  # noqa: E402
from national_output import summary_line, write_all  # noqa: E402
from national_parks import build_zone, draw_parks  # noqa: E402
from national_population import Lattice, population_report  # noqa: E402
from national_window import Window  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Write a synthetic national-size Cosite scenario (Vietnam-shaped, rough) into --out.")
    parser.add_argument("--out", required=True, help="new (or empty) output directory; never the repository's "
                                                     "scenarios/ or geodata/")
    parser.add_argument("--seed", type=int, default=22, help="master seed (default 22)")
    parser.add_argument("--sites", type=int, default=DEFAULT_STRUCTURES,
                        help="structures in the national set, parks' own included (default %d)" % DEFAULT_STRUCTURES)
    parser.add_argument("--zones", type=int, default=DEFAULT_ZONES,
                        help="industrial parks in the national set (default %d)" % DEFAULT_ZONES)
    parser.add_argument("--window", help="LON,LAT,KM or LON,LAT,WxH: only this square (rectangle, km) of the "
                                         "national set, centred on LON,LAT")
    parser.add_argument("--region", choices=sorted(REGIONS), help="a preset window")
    parser.add_argument("--extent-km", help="WxH (or KM): the size of --window or --region instead of theirs")
    parser.add_argument("--halo-km", type=float, default=0.0,
                        help="with a window: also the structures this far around it (default 0; "
                             "15 = coverage.max_radius_m, every structure that reaches the window)")
    parser.add_argument("--no-fill", action="store_true",
                        help="with a window: no 'surroundings' zone (the grid then covers the parks only)")
    parser.add_argument("--resolution-m", type=float, default=10.0, help="grid.resolution_m (10 or 30; default 10)")
    parser.add_argument("--max-cells", type=int, default=0, help="grid.max_cells to write (default: none, "
                                                                 "Cosite's 25,000,000)")
    args = parser.parse_args(argv)
    if args.sites < 1 or args.zones < 0:
        parser.error("--sites must be at least 1 and --zones at least 0")
    if not 1 <= args.resolution_m <= 1000:
        parser.error("--resolution-m must be 1-1000 m (10 or 30 are the intended values)")
    if args.zones == 0 and not (args.window or args.region):
        parser.error("--zones 0 leaves the national scenario without a zone (a window has its surroundings)")
    if args.window and args.region:
        parser.error("give --window or --region, not both")
    if args.extent_km and not (args.window or args.region):
        parser.error("--extent-km sizes a --window or --region")
    args.window_spec = None
    if args.window or args.region:
        if args.region:
            lon, lat, width, height = REGIONS[args.region]
            label = args.region
        else:
            parts = args.window.split(",")
            if len(parts) != 3:
                parser.error("--window takes LON,LAT,KM or LON,LAT,WxH")
            try:
                lon, lat = float(parts[0]), float(parts[1])
                width, height = parse_size(parts[2])
            except ValueError:
                parser.error("--window takes LON,LAT,KM or LON,LAT,WxH (numbers)")
            label = "window"
        if args.extent_km:
            try:
                width, height = parse_size(args.extent_km)
            except ValueError:
                parser.error("--extent-km takes WxH or KM")
        if not (0 < width <= 2000 and 0 < height <= 2000):
            parser.error("the window must be 0-2000 km a side")
        args.window_spec = (lon, lat, width, height, label)
    return args


def parse_size(text):
    parts = text.lower().split("x")
    if len(parts) == 1:
        return float(parts[0]), float(parts[0])
    if len(parts) == 2:
        return float(parts[0]), float(parts[1])
    raise ValueError(text)


def check_out(path):
    """The output directory: new or empty, and not inside the repository's data folders."""
    real = os.path.realpath(path)
    for protected in ("scenarios", "geodata"):
        guarded = os.path.realpath(os.path.join(ROOT, protected))
        if real == guarded or real.startswith(guarded + os.sep):
            sys.exit("--out %s is inside the repository's %s/: write the synthetic set elsewhere" % (path, protected))
    if os.path.exists(real) and (not os.path.isdir(real) or os.listdir(real)):
        sys.exit("--out %s exists and is not an empty directory: choose a new one" % path)
    return real


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    out = check_out(args.out)
    started = time.time()
    seed = "cosite-national-%d" % args.seed

    lattice = Lattice()
    log("lattice: %d cells of %.2f° inside the outline (%.1f s)" % (len(lattice.cells), LATTICE_DEG,
                                                                      time.time() - started))
    plans = draw_parks(args.zones, random.Random(seed + "-parks"))
    zones = [build_zone(plan, number) for number, plan in enumerate(plans, start=1)]
    log("parks: %d laid out (%.1f s)" % (len(zones), time.time() - started))

    park_rows, park_sites = [], []  # per zone
    for zone in zones:
        count = max(MIN_STRUCTURES, int(round(zone.spec["area_ha"] / HA_PER_STRUCTURE)))
        rows, sites = structures_and_sites(zone, SHARING_RATE, count)
        park_rows.append(rows)
        park_sites.append(sites)
    in_parks = sum(len(rows) for rows in park_rows)
    if in_parks >= args.sites:
        sys.exit("--sites %d leaves no structure outside the parks (%d are in them): ask for more" %
                 (args.sites, in_parks))
    boxes = [zone.bounds_lonlat() for zone in zones]
    network_rows, network_sites, floor_per_km2, people_per_structure = draw_network(
        lattice, args.sites - in_parks, boxes, random.Random(seed + "-network"))
    log("structures: %d in parks, %d outside (%.1f s)" % (in_parks, len(network_rows), time.time() - started))

    # What goes into the files: everything, or the window's crop.
    window = Window(*args.window_spec) if args.window_spec else None
    halo_m = args.halo_km * 1000.0
    if window:
        chosen = [i for i, zone in enumerate(zones)
                  if all(window.contains(lon, lat) for ring in zone.part_rings() for lon, lat in ring)]
        kept = set(chosen)
        extra_rows, extra_sites = [], []
        for i, (rows, sites) in enumerate(zip(park_rows, park_sites)):
            if i in kept:
                continue
            for row in rows:  # structures of parks left out, where they stand in the window
                if window.contains(row[2], row[3], halo_m):
                    extra_rows.append(row)
                    extra_sites.append([s for s in sites if s[0] == row[0]])
        selected = [(row, sites) for row, sites in zip(network_rows, network_sites)
                    if window.contains(row[2], row[3], halo_m)]
        out_rows = extra_rows + [row for row, _ in selected]
        out_sites = extra_sites + [sites for _, sites in selected]
        fill = None if args.no_fill else window.fill_parcels([zones[i] for i in chosen])
    else:
        chosen = list(range(len(zones)))
        out_rows, out_sites, fill = network_rows, network_sites, None
    out_zones = [zones[i] for i in chosen]
    if window and fill and not args.max_cells:
        margin_m = 2 * 500.0  # grid.margin_m on both sides
        cells = (math.ceil((window.width_m + margin_m) / args.resolution_m)
                 * math.ceil((window.height_m + margin_m) / args.resolution_m))
        if cells > 25_000_000:
            log("note: the window's grid is about %d cells, over Cosite's default budget of 25,000,000 per grid: "
                "give --max-cells (written to grid.max_cells) or a coarser --resolution-m, or run cosite with "
                "--max-cells" % cells)
    if not out_zones and not fill:
        sys.exit("no park lies wholly inside the window: leave out --no-fill (the surroundings zone is then "
                 "the scenario's only zone) or move or widen the window")

    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".national-", dir=os.path.dirname(out))
    try:
        counts = write_all(tmp, args, out_zones, [park_rows[i] for i in chosen], [park_sites[i] for i in chosen],
                           out_rows, out_sites, fill, window)
        counts["population_model"] = population_report(lattice)
        counts["network_model"] = {
            "floor_structures_per_km2": round(floor_per_km2, 4),
            "people_per_capacity_structure": round(people_per_structure, 1),
            "national_structures": args.sites, "national_structures_in_parks": in_parks,
            "national_parks": len(zones), "national_parks_area_ha": int(sum(z.spec["area_ha"] for z in zones)),
            "city_structure_density_per_km2_within_5_km": city_densities(network_rows, park_rows),
        }
        with open(os.path.join(tmp, "generation.json"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(json.dumps(counts, indent=1, ensure_ascii=False) + "\n")
        if os.path.isdir(out):
            os.rmdir(out)  # empty, checked above
        os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log("wrote %s in %.1f s: %s" % (out, time.time() - started, summary_line(counts)))
    return 0


def log(text):
    print(text, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
