#!/usr/bin/env python3
"""Builds the "bring your own data" samples in geodata/own-data/ (issue #20) from the
committed synthetic Dinh Vu files, with GDAL's command-line tools (gdal-bin):

- dinh-vu-vn2000.gpkg: the parcels and outlines of DEEP C I and II as GeoPackage layers in
  VN-2000 / TM-3 105°45' (EPSG:9210, the CRS Vietnamese cadastral data uses), with the
  attribute names a zone board's export might have (ma_lo, ten, muc_dich, loai_nha, lao_dong);
- nam-dinh-vu.shp and nam-dinh-vu-outline.shp (with .shx, .dbf, .prj, .cpg): the Nam Dinh Vu
  parcels and outline as Shapefiles in EPSG:9210; the Shapefile format cuts field names to
  ten characters (building_class becomes building_c);
- dinh-vu-dem-glo30.tif: a synthetic terrain over the Dinh Vu parks and 2 km around them, laid
  out as a Copernicus GLO-30 tile is (EPSG:4326, 1 arc-second cells, heights in m): a
  coastal plain at 2–4 m (Dinh Vu is reclaimed land a few metres above sea level) with two
  made-up hills of 45 m and 30 m to the north-west and south-east, so that diffraction has
  something to do. Not a real DEM (geodata/README.md);
- dinh-vu-cells-export.csv and dinh-vu-cells-mapping.yaml: every cell of the three carriers
  on the Dinh Vu parks as a site database might export them — one row per cell, semicolons,
  decimal commas, degrees-minutes-seconds to 0.0001", power in W, gain in dBd, carrier and band
  codes, Vietnamese column names — and the mapping that reads it (`cosite import sites`);
  dinh-vu-free-structures.csv: the structures no carrier is on yet (an export of cells cannot
  hold them). The export's values convert back to the native files' exactly (DMS to 0.0001"
  and W to 5 significant digits round to the native 10^-7 degrees and whole dBm);
- dinh-vu-worldcover.tif: a synthetic land-cover map over the same extent in ESA WorldCover's
  classes and layout (EPSG:4326, 1/12000° cells, Byte codes): cropland (40) inland, water
  (80) to the south-east of a made-up shore line, mangroves (95) along it, tree cover (10) on
  the north-west hill, and built-up land (50) burnt in from the parks' outlines (gdal_rasterize).
  Not real land cover (geodata/README.md);
- scenarios/hai-phong-dinh-vu-own-data.yaml: the Dinh Vu scenario reading these files, with
  `layer:` and `fields:` where needed (also written by generate.py, from the same function).
  It describes the same parks as scenarios/hai-phong-dinh-vu.yaml, so its figures must be the
  same (OwnDataTests).

Run from anywhere: `python3 scripts/geodata/own_data.py`. The GeoPackage is written with a
fixed OGR_CURRENT_DATE; a Shapefile's .dbf header holds the day it was written, so the
Shapefiles are not byte-reproducible (their content is).
"""
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCE = os.path.join(ROOT, "geodata", "hai-phong")
OUT = os.path.join(ROOT, "geodata", "own-data")
GPKG = os.path.join(OUT, "dinh-vu-vn2000.gpkg")
FIXED_DATE = ["--config", "OGR_CURRENT_DATE", "2026-01-01T00:00:00Z"]
PARCEL_FIELDS = "id AS ma_lo, name AS ten, land_use AS muc_dich, building_class AS loai_nha, workers AS lao_dong"


def ogr2ogr(*args):
    subprocess.run(["ogr2ogr", *FIXED_DATE, *args], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.startswith("dinh-vu-") or name.startswith("nam-dinh-vu"):
            os.remove(os.path.join(OUT, name))
    first = True
    for zone in ["deep-c-1", "deep-c-2"]:
        for layer, source, select in [
            (zone, f"{zone}.geojson", PARCEL_FIELDS),
            (f"{zone}-outline", f"{zone}-outline.geojson", "id"),
        ]:
            table = source.removesuffix(".geojson")
            ogr2ogr(
                *([] if first else ["-update"]), "-f", "GPKG", GPKG, os.path.join(SOURCE, source),
                "-t_srs", "EPSG:9210", "-nln", layer, "-dialect", "SQLite",
                "-sql", f'SELECT {select}, geometry FROM "{table}"')
            first = False
    for source in ["nam-dinh-vu.geojson", "nam-dinh-vu-outline.geojson"]:
        ogr2ogr(
            "-f", "ESRI Shapefile", os.path.join(OUT, source.replace(".geojson", ".shp")),
            os.path.join(SOURCE, source), "-t_srs", "EPSG:9210", "-lco", "ENCODING=UTF-8")
    write_dem()
    write_land_cover()
    write_cells_export()
    native = open(os.path.join(ROOT, "scenarios", "hai-phong-dinh-vu.yaml"), encoding="utf-8").read()
    with open(os.path.join(ROOT, "scenarios", "hai-phong-dinh-vu-own-data.yaml"), "w", encoding="utf-8") as out:
        out.write(own_data_scenario(native))


# The DEM's extent: the parks' outlines (106.7127–106.8200 E, 20.7897–20.8475 N) and ~2 km.
DEM_WEST, DEM_EAST, DEM_SOUTH, DEM_NORTH = 106.69, 106.84, 20.77, 20.87
ARC_SECOND = 1 / 3600
HILLS = [(106.705, 20.855, 45.0, 400.0), (106.825, 20.785, 30.0, 300.0)]  # lon, lat, height m, sigma m


def write_dem():
    """The synthetic terrain as Int16 GeoTIFF (gdal_translate from an ESRI ASCII grid whose
    cell centres sit on whole arc-seconds, as GLO-30's do)."""
    columns = round((DEM_EAST - DEM_WEST) / ARC_SECOND)
    rows = round((DEM_NORTH - DEM_SOUTH) / ARC_SECOND)
    metres_per_degree_lat = 110_700.0  # at 20.8 N (WGS84 meridian arc)
    metres_per_degree_lon = 104_100.0  # 111,320 x cos(20.8 deg)
    lines = [f"ncols {columns}", f"nrows {rows}", f"xllcenter {DEM_WEST}", f"yllcenter {DEM_SOUTH}",
             f"cellsize {ARC_SECOND!r}", "nodata_value -32768"]
    for row in range(rows):
        lat = DEM_SOUTH + (rows - 1 - row) * ARC_SECOND
        values = []
        for column in range(columns):
            lon = DEM_WEST + column * ARC_SECOND
            height = 3 + math.sin(lon * 700) * math.cos(lat * 900)  # the 2-4 m plain
            for hill_lon, hill_lat, top, sigma in HILLS:
                dx = (lon - hill_lon) * metres_per_degree_lon
                dy = (lat - hill_lat) * metres_per_degree_lat
                height += top * math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma))
            values.append(str(round(height)))
        lines.append(" ".join(values))
    ascii_path = os.path.join(OUT, "dem.asc")
    with open(ascii_path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    target = os.path.join(OUT, "dinh-vu-dem-glo30.tif")
    subprocess.run(
        ["gdal_translate", "-q", "-a_srs", "EPSG:4326", "-ot", "Int16", "-co", "COMPRESS=DEFLATE",
         "-co", "PREDICTOR=2", "-co", "TILED=YES", ascii_path, target], check=True)
    os.remove(ascii_path)


WORLDCOVER_STEP = 1 / 12000  # ESA WorldCover's cell, degrees


def land_class(lon, lat):
    """The synthetic base map's class at a point (before the parks are burnt in): water south
    of a straight made-up shore line, mangroves within 150 m inland of it, tree cover within
    600 m of the north-west hill, cropland elsewhere."""
    shore = 20.80 + (lon - 106.69) * (20.86 - 20.80) / (106.84 - 106.69) - 0.05  # N of it is land
    above = (lat - shore) * 110_700.0  # metres north of the shore line
    if above < 0:
        return 80
    if above < 150:
        return 95
    dx = (lon - HILLS[0][0]) * 104_100.0
    dy = (lat - HILLS[0][1]) * 110_700.0
    if dx * dx + dy * dy < 600 * 600:
        return 10
    return 40


def write_land_cover():
    columns = round((DEM_EAST - DEM_WEST) / WORLDCOVER_STEP)
    rows = round((DEM_NORTH - DEM_SOUTH) / WORLDCOVER_STEP)
    lines = [f"ncols {columns}", f"nrows {rows}", f"xllcorner {DEM_WEST}", f"yllcorner {DEM_SOUTH}",
             f"cellsize {WORLDCOVER_STEP!r}", "nodata_value 0"]
    for row in range(rows):
        lat = DEM_SOUTH + (rows - row - 0.5) * WORLDCOVER_STEP
        lines.append(" ".join(str(land_class(DEM_WEST + (column + 0.5) * WORLDCOVER_STEP, lat))
                              for column in range(columns)))
    base = os.path.join(OUT, "cover.asc")
    plain = os.path.join(OUT, "cover.tif")
    with open(base, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    subprocess.run(["gdal_translate", "-q", "-a_srs", "EPSG:4326", "-ot", "Byte", base, plain], check=True)
    for zone in ["deep-c-1", "deep-c-2", "nam-dinh-vu"]:
        subprocess.run(["gdal_rasterize", "-q", "-burn", "50", os.path.join(SOURCE, f"{zone}-outline.geojson"), plain],
                       check=True)
    subprocess.run(["gdal_translate", "-q", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES", plain,
                    os.path.join(OUT, "dinh-vu-worldcover.tif")], check=True)
    os.remove(base)
    os.remove(plain)


CARRIER_CODES = {"viettel": "VTL", "vnpt": "VNP", "mobifone": "MBF"}
LAYER_CODES = {"lte1800": "L1800", "lte2100": "L2100", "nr2600": "N2600", "nr3700": "N3700", "nr3800": "N3800"}
KIND_CODES = {"tower": "GF", "rooftop": "RT", "pole": "PL"}
EXPORT_COLUMNS = [
    "MA_TRAM", "NHA_MANG", "MA_CELL", "BANG_TAN", "KINH_DO", "VI_DO", "LOAI_TRAM", "DO_CAO_COT", "DO_CAO_NHA",
    "CHU_SO_HUU", "VI_TRI_TRONG", "GIA_THUE", "PHUONG_VI", "TILT_CO", "TILT_DIEN", "GAIN_DBD", "DO_CAO_ANTEN",
    "CONG_SUAT_W", "SUY_HAO_FEEDER",
]


def read_csv(path):
    import csv
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dms(value, positive, negative):
    """Degrees-minutes-seconds to 0.0001 arc-second, as 106°45'08,5140"E."""
    sign = negative if value < 0 else positive
    tenths = round(abs(value) * 3600 * 10000)  # in 0.0001"
    degrees, rest = divmod(tenths, 3600 * 10000)
    minutes, seconds = divmod(rest, 60 * 10000)
    return "%d°%02d'%s\"%s" % (degrees, minutes, ("%07.4f" % (seconds / 10000)).replace(".", ","), sign)


def comma(value):
    """A number as a spreadsheet set to Vietnamese conventions writes it: decimal comma."""
    return value.replace(".", ",") if value else value


def write_cells_export():
    rows, free = [], []
    for zone in ["deep-c-1", "deep-c-2", "nam-dinh-vu"]:
        structures = {row["id"]: row for row in read_csv(os.path.join(SOURCE, f"{zone}-structures.csv"))}
        sites = read_csv(os.path.join(SOURCE, f"{zone}-sites.csv"))
        used = {site["structure"] for site in sites}
        free += [row for row in structures.values() if row["id"] not in used]
        for site in sites:
            structure = structures[site["structure"]]
            watts = 10 ** (float(site["power_dbm"]) / 10) / 1000
            rows.append([
                structure["id"], CARRIER_CODES[site["carrier"]], site["id"], LAYER_CODES[site["layer"]],
                dms(float(structure["lon"]), "E", "W"), dms(float(structure["lat"]), "N", "S"),
                KIND_CODES[structure["kind"]], comma(structure["height_m"]), comma(structure["building_height_m"]),
                structure["owner"], structure["free_slots"], structure["rent_vnd_month"], site["azimuth_deg"],
                comma(site["mechanical_tilt_deg"]), comma(site["electrical_tilt_deg"]),
                comma("%.2f" % (float(site["antenna_gain_dbi"]) - 2.15)), comma(site["height_m"]),
                comma("%.5g" % watts), comma(site["feeder_loss_db"]),
            ])
    with open(os.path.join(OUT, "dinh-vu-cells-export.csv"), "w", encoding="utf-8", newline="") as out:
        out.write(";".join(EXPORT_COLUMNS) + "\r\n")
        for row in rows:
            out.write(";".join(row) + "\r\n")
    header = list(free[0].keys())
    with open(os.path.join(OUT, "dinh-vu-free-structures.csv"), "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in free:
            out.write(",".join(row[key] for key in header) + "\n")
    with open(os.path.join(OUT, "dinh-vu-cells-mapping.yaml"), "w", encoding="utf-8") as out:
        out.write(MAPPING)


MAPPING = """# Reads dinh-vu-cells-export.csv (a synthetic site database export, issue #20) with
# `cosite import sites` or `sites: { file: …, mapping: … }` in a scenario (README,
# "Importing a site database export"). The separator (;) and the decimal comma are detected.
columns:
  structure: MA_TRAM          # site (structure) id: rows of one site fold into one structure
  carrier: NHA_MANG
  sector: MA_CELL
  layer: BANG_TAN
  lon: KINH_DO                # degrees-minutes-seconds
  lat: VI_DO
  structure_kind: LOAI_TRAM
  structure_height_m: DO_CAO_COT
  building_height_m: DO_CAO_NHA
  owner: CHU_SO_HUU
  free_slots: VI_TRI_TRONG
  rent_vnd_month: GIA_THUE
  azimuth_deg: PHUONG_VI
  mechanical_tilt_deg: TILT_CO
  electrical_tilt_deg: TILT_DIEN
  antenna_gain: GAIN_DBD
  height_m: DO_CAO_ANTEN
  power: CONG_SUAT_W
  feeder_loss_db: SUY_HAO_FEEDER
units: { power: W, antenna_gain: dBd }
values:
  carrier: { VTL: viettel, VNP: vnpt, MBF: mobifone }
  layer: { L1800: lte1800, L2100: lte2100, N2600: nr2600, N3700: nr3700, N3800: nr3800 }
  structure_kind: { GF: tower, RT: rooftop, PL: pole }
"""


def own_data_scenario(native):
    """The Dinh Vu scenario `native` with its zones read from the own-data samples."""
    head, rest = native.split("zones:\n", 1)
    _, tail = rest.split("\n# Bands after", 1)
    fields = "{ id: ma_lo, name: ten, land_use: muc_dich, building_class: loai_nha, workers: lao_dong }"
    zones = f"""zones:
  - id: deep-c-1
    name: "DEEP C Hai Phong I (Dinh Vu)"
    province: "Hai Phong"
    published_area_ha: 541
    outline: {{ file: ../geodata/own-data/dinh-vu-vn2000.gpkg, layer: deep-c-1-outline }}
    parcels:
      file: ../geodata/own-data/dinh-vu-vn2000.gpkg
      layer: deep-c-1
      fields: {fields}
  - id: deep-c-2
    name: "DEEP C Hai Phong II (Nam Dinh Vu peninsula)"
    province: "Hai Phong"
    published_area_ha: 645
    outline: {{ file: ../geodata/own-data/dinh-vu-vn2000.gpkg, layer: deep-c-2-outline }}
    parcels:
      file: ../geodata/own-data/dinh-vu-vn2000.gpkg
      layer: deep-c-2
      fields: {fields}
  - id: nam-dinh-vu
    name: "Nam Dinh Vu"
    province: "Hai Phong"
    published_area_ha: 1329
    outline: ../geodata/own-data/nam-dinh-vu-outline.shp
    parcels: {{ file: ../geodata/own-data/nam-dinh-vu.shp, fields: {{ building_class: building_c }} }}
"""
    # Structures and sites: the cells export through its mapping, and the free structures.
    head_rest, tail_rest = tail.split("\nstructures:\n", 1)
    _, after_sites = tail_rest.split("\nsites:\n", 1)
    after = after_sites[after_sites.index("\n\n"):] if "\n\n" in after_sites else ""
    tail = (head_rest + "\nstructures: ../geodata/own-data/dinh-vu-free-structures.csv   # no carrier on them yet\n"
            + "sites: { file: ../geodata/own-data/dinh-vu-cells-export.csv, mapping: ../geodata/own-data/dinh-vu-cells-mapping.yaml }\n"
            + after)
    header = (
        "# Hai Phong — Dinh Vu parks read from a GeoPackage and Shapefiles in VN-2000 (sample of\n"
        "# issue #20). Written by scripts/geodata/own_data.py from scenarios/hai-phong-dinh-vu.yaml:\n"
        "# the same parks, parcels and sites, so the same figures. The data is synthetic\n"
        "# (geodata/README.md).\n")
    body = head.split("\n", 4)[4] if head.startswith("#") else head
    return (header + body.replace('name: "Hai Phong — Dinh Vu', 'name: "Hai Phong — own data: Dinh Vu', 1)
            + zones + "\n# Bands after" + tail)


if __name__ == "__main__":
    main()
