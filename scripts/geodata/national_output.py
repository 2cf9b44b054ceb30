"""The national generator's output set (national.py): the park, network and window files,
the scenario YAML that names them, and the counts that go into generation.json. Everything
written is SYNTHETIC (the scenario's header says so); the formats are the bundled sample
data's (infrastructure.structures_csv, sites_csv; the sections of scenarios.py)."""
import math
import os

from infrastructure import CARRIERS, LAYERS, sites_csv, structures_csv
from layout import fmt
from scenarios import CARRIER_NAMES, COSTS, COVERAGE_AND_COSTS
from national_geometry import lonlat_to_local

GENERATOR = "scripts/geodata/national.py"
FORMAT_VERSION = 1  # bump when the output for the same options changes


def command_line(args):
    """The options that shape the files (not --out), as the scenario's header records them."""
    words = ["--seed %d" % args.seed, "--sites %d" % args.sites, "--zones %d" % args.zones]
    if args.window_spec:
        lon, lat, width, height, label = args.window_spec
        words.append("--window %s,%s,%sx%s" % (fmt(lon), fmt(lat), fmt(width), fmt(height)))
        if args.halo_km:
            words.append("--halo-km %s" % fmt(args.halo_km))
        if args.no_fill:
            words.append("--no-fill")
    words.append("--resolution-m %s" % fmt(args.resolution_m))
    if args.max_cells:
        words.append("--max-cells %d" % args.max_cells)
    return " ".join(words)


def write_all(folder, args, zones, park_rows, park_sites, network_rows, network_sites, fill, window):
    def write(path, text):
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    structure_files, site_files = [], []
    parcels = 0
    workers = 0
    for zone, rows, sites in zip(zones, park_rows, park_sites):
        base = "geodata/parks/%s" % zone.id
        write(base + ".geojson", zone.parcels_geojson())
        write(base + "-outline.geojson", zone.outline_geojson())
        write(base + "-structures.csv", structures_csv(rows))
        write(base + "-sites.csv", sites_csv(sites))
        structure_files.append(base + "-structures.csv")
        site_files.append(base + "-sites.csv")
        parcels += len(zone.parcels)
        workers += sum(p[4] for p in zone.parcels)
    if network_rows:
        write("geodata/network/structures.csv", structures_csv(network_rows))
        with open(os.path.join(folder, "geodata/network/sites.csv"), "w", encoding="utf-8", newline="\n") as handle:
            for start in range(0, len(network_sites), 5000):
                text = sites_csv([s for group in network_sites[start:start + 5000] for s in group])
                handle.write(text if start == 0 else text.split("\n", 1)[1])
        structure_files.append("geodata/network/structures.csv")
        site_files.append("geodata/network/sites.csv")
    if fill:
        write("geodata/window/surroundings.geojson",
              '{"type":"FeatureCollection","features":[\n' + ",\n".join(fill) + "\n]}\n")
    command = command_line(args)
    if window:
        title = "Vietnam (synthetic) — %s km × %s km %s at %s, %s" % (
            fmt(window.width_m / 1000), fmt(window.height_m / 1000),
            "window" if window.label == "window" else "window '%s'" % window.label,
            fmt(window.lon), fmt(window.lat))
        name = "vietnam-%s" % window.label
    else:
        title = "Vietnam (synthetic) — national network and %d industrial parks" % len(zones)
        name = "vietnam-national"
    write(name + ".yaml", scenario_yaml(title, command, zones, bool(fill), structure_files, site_files,
                                        args.resolution_m, args.max_cells))

    all_rows = [row for rows in park_rows for row in rows] + list(network_rows)
    all_sites = [s for sites in park_sites for s in sites] + [s for group in network_sites for s in group]
    kinds = {k: sum(1 for r in all_rows if r[1] == k) for k in ("tower", "rooftop", "pole")}
    carriers = {c: sum(1 for s in all_sites if s[1] == c) for c in CARRIERS}
    tenants = {}
    for s in all_sites:
        tenants[s[0]] = tenants.get(s[0], 0) + 1
    sectors = sum((3 * len(LAYERS[s[1]])) if s[2] != "pole" else 2 for s in all_sites)
    shared = sum(1 for r in all_rows if tenants.get(r[0], 0) > 1)
    far = structures_far_from_zones(all_rows, zones, bool(fill), window)
    return {
        "generator": GENERATOR, "format_version": FORMAT_VERSION, "options": command,
        "scenario": name + ".yaml", "title": title,
        "zones": len(zones) + (1 if fill else 0), "parks": len(zones),
        "parks_area_ha": int(sum(z.spec["area_ha"] for z in zones)),
        "parcels": parcels + (len(fill) if fill else 0), "park_parcels": parcels, "park_workers": workers,
        "structures": len(all_rows), "structures_by_kind": kinds,
        "sites": len(all_sites), "sites_by_carrier": carriers, "sectors": sectors,
        "shared_structures": shared, "passive_sharing_rate": round(shared / max(1, len(all_rows)), 4),
        "structures_without_tenant": sum(1 for r in all_rows if r[0] not in tenants),
        "structures_beyond_max_radius_of_every_zone": far,
        "window": None if not window else {
            "lon": window.lon, "lat": window.lat, "width_km": window.width_m / 1000,
            "height_km": window.height_m / 1000, "halo_km": args.halo_km, "fill_parcels": len(fill) if fill else 0},
    }


def structures_far_from_zones(rows, zones, filled, window, reach_m=15000.0):
    """How many structures `cosite validate` will warn about (farther than max_radius_m from
    every zone's box), estimated in local metres."""
    if filled:
        return sum(1 for r in rows if not window.contains(r[2], r[3], reach_m))
    boxes = [zone.bounds_lonlat() for zone in zones]
    buckets = {}
    for index, (west, south, east, north) in enumerate(boxes):
        for bx in range(int(math.floor(west * 4)), int(math.floor(east * 4)) + 1):
            for by in range(int(math.floor(south * 4)), int(math.floor(north * 4)) + 1):
                buckets.setdefault((bx, by), []).append(index)
    far = 0
    for row in rows:
        lon, lat = row[2], row[3]
        key = (int(math.floor(lon * 4)), int(math.floor(lat * 4)))
        near = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for index in buckets.get((key[0] + dx, key[1] + dy), ()):
                    west, south, east, north = boxes[index]
                    x, y = lonlat_to_local(lon, lat, min(max(lon, west), east), min(max(lat, south), north))
                    if math.hypot(x, y) <= reach_m:
                        near = True
                        break
                if near:
                    break
            if near:
                break
        far += 0 if near else 1
    return far


def scenario_yaml(title, command, zones, fill, structure_files, site_files, resolution_m, max_cells):
    lines = [
        "# %s" % title,
        "# Generated by %s %s" % (GENERATOR, command),
        "# SYNTHETIC national-scale data built to published totals (scripts/geodata/README.md): no tower",
        "# or park in it is real. Regenerate rather than edit.",
        "cosite: 1",
        'name: "%s"' % title,
        "crs: auto                 # UTM zone of the scenario centre",
        "grid:",
        "  resolution_m: %s" % fmt(resolution_m),
        "  margin_m: 500",
    ]
    if max_cells:
        lines.append("  max_cells: %d" % max_cells)
    lines += ["repair_geometry: false", "", "zones:"]
    for zone in zones:
        lines += [
            "  - id: %s" % zone.id,
            '    name: "%s"' % zone.spec["name"],
            '    province: "%s"' % zone.province,
            "    published_area_ha: %s" % fmt(zone.spec["area_ha"]),
            "    outline: geodata/parks/%s-outline.geojson" % zone.id,
            "    parcels: geodata/parks/%s.geojson" % zone.id,
        ]
    if fill:
        lines += [
            "  - id: surroundings",
            '    name: "Surroundings of the window (1 km parcels of open land; they make the grid span the window)"',
            "    parcels: geodata/window/surroundings.geojson",
        ]
    lines += ["", "# Bands after the 2024 5G auctions; LTE channel positions are assumptions (geodata/README.md).",
              "carriers:"]
    for carrier in CARRIERS:
        lines += ["  - id: %s" % carrier, "    name: %s" % CARRIER_NAMES[carrier], "    layers:"]
        for layer, technology, band, frequency, bandwidth in LAYERS[carrier]:
            tdd = ", tdd_downlink_share: 0.74" if technology == "NR" else ""
            lines.append("      - { id: %s, technology: %s, band: %s, frequency_mhz: %s, bandwidth_mhz: %s%s }" % (
                layer, technology, band, fmt(frequency), fmt(bandwidth), tdd))
    text = "\n".join(lines) + "\n" + COVERAGE_AND_COSTS
    text += "\nstructures:\n" + "".join("  - %s\n" % f for f in structure_files)
    text += "sites:\n" + "".join("  - %s\n" % f for f in site_files)
    return text + COSTS


def summary_line(counts):
    return "%d zones, %d parcels, %d structures (%s), %d sites (%s), %d sectors, sharing %.1f %%" % (
        counts["zones"], counts["parcels"], counts["structures"],
        ", ".join("%s %d" % kv for kv in counts["structures_by_kind"].items()), counts["sites"],
        ", ".join("%s %d" % kv for kv in counts["sites_by_carrier"].items()), counts["sectors"],
        100 * counts["passive_sharing_rate"])
