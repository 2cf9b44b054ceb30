#!/usr/bin/env python3
"""Compare Cosite's terrain diffraction with the Longley-Rice Irregular Terrain Model.

Seeded synthetic profiles (Gaussian hills up to 300 m, 30 m sampling, paths 1-20 km;
base station 30 m, UE 1.5 m, 1800 MHz) go to ITM's point-to-point mode (itmlogic, a Python
port of NTIA's ITM 1.2.2) and to `cosite pathloss --profile` with both diffraction methods.
ITM's median loss includes free space, so the quantity compared is the excess over free
space: ITM's attenuation relative to free space (avar at 50 % time, location and situation)
against Cosite's diffraction loss. Paths are classed by the ray between the antennas over
the terrain raised by the Earth's bulge (k = 4/3): clear (every point at least 0.6 of the
first Fresnel radius below the ray), grazing (nothing above the ray, but some point inside
0.6 F1), shadow (some point above the ray).

Usage:
    pip install itmlogic numpy
    python3 scripts/terrain/itm_compare.py [--cosite .build/release/cosite] [--seed 1] [--paths 400]
Prints a Markdown table (the one in docs/TERRAIN.md) and, with --csv FILE, every path's values.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from itmlogic.misc.qerfi import qerfi
from itmlogic.preparatory_subroutines.qlrpfl import qlrpfl
from itmlogic.statistics.avar import avar

FREQUENCY_MHZ = 1800.0
BS_HEIGHT_M = 30.0
UE_HEIGHT_M = 1.5
SPACING_M = 30.0
K_FACTOR = 4.0 / 3.0
EARTH_RADIUS_M = 6_371_000.0
# ITM's surface refractivity N_s = 301 gives its effective curvature 157e-9 (1 - 0.04665 e^(N_s/179.3))
# per metre, an effective radius 4/3 of ITM's 6,370 km Earth: the same k as Cosite's.
SURFACE_REFRACTIVITY = 301.0


def synthetic_profile(rng):
    """Distances and heights (m) of one path: 0-3 Gaussian hills (peak 0-300 m, σ 200-1,500 m,
    centred anywhere on the path) on flat ground at 0 m; where hills overlap the higher counts."""
    length = rng.uniform(1_000, 20_000)
    intervals = max(int(round(length / SPACING_M)), 2)
    distances = np.linspace(0, length, intervals + 1)
    heights = np.zeros_like(distances)
    for _ in range(rng.integers(0, 4)):
        peak = rng.uniform(0, 300)
        centre = rng.uniform(0, length)
        width = rng.uniform(200, 1_500)
        heights = np.maximum(heights, peak * np.exp(-0.5 * ((distances - centre) / width) ** 2))
    return distances, heights


def path_class(distances, heights):
    """clear, grazing or shadow: the terrain plus bulge against the ray and 0.6 F1."""
    length = distances[-1]
    wavelength = 299_792_458.0 / (FREQUENCY_MHZ * 1e6)
    tx = heights[0] + BS_HEIGHT_M
    rx = heights[-1] + UE_HEIGHT_M
    inner = slice(1, len(distances) - 1)
    d1 = distances[inner]
    d2 = length - d1
    ray = tx + (rx - tx) * d1 / length
    raised = heights[inner] + d1 * d2 / (2 * K_FACTOR * EARTH_RADIUS_M)
    clearance = ray - raised
    if np.any(clearance < 0):
        return "shadow"
    fresnel = np.sqrt(wavelength * d1 * d2 / length)
    return "clear" if np.all(clearance >= 0.6 * fresnel) else "grazing"


def itm_excess_db(distances, heights):
    """ITM point-to-point median attenuation relative to free space, dB, and its warning code."""
    spacing = distances[1] - distances[0]
    prop = {
        "fmhz": FREQUENCY_MHZ,
        "hg": [BS_HEIGHT_M, UE_HEIGHT_M],
        "ipol": 1,  # vertical
        "eps": 15.0,  # average ground
        "sgm": 0.005,
        "klim": 5,  # continental temperate
        "ens0": SURFACE_REFRACTIVITY,
        "lvar": 5,
        "gma": 157e-9,
        "kwx": 0,
        "klimx": 0,
        "mdvarx": 12,  # single-message, point-to-point
        "pfl": [len(heights) - 1, spacing] + [float(h) for h in heights],
    }
    prop["wn"] = prop["fmhz"] / 47.7
    prop["ens"] = prop["ens0"]
    prop["gme"] = prop["gma"] * (1 - 0.04665 * math.exp(prop["ens"] / 179.3))
    zq = complex(prop["eps"], 376.62 * prop["sgm"] / prop["wn"])
    prop["zgnd"] = np.sqrt(zq - 1) / zq  # vertical polarization
    prop = qlrpfl(prop)
    median = qerfi([0.5])[0]
    excess, prop = avar(median, 0, median, prop)
    return excess, prop["kwx"]


def cosite_diffraction_db(binary, directory, index, distances, heights, method):
    """Cosite's diffraction loss from `cosite pathloss --profile`."""
    path = os.path.join(directory, f"profile-{index}.csv")
    if not os.path.exists(path):
        with open(path, "w") as file:
            file.write("distance_m,height_m\n")
            for distance, height in zip(distances, heights):
                file.write(f"{float(distance)!r},{float(height)!r}\n")
    result = subprocess.run(
        [binary, "pathloss", "--profile", path, "--frequency-mhz", str(FREQUENCY_MHZ), "--bs-height-m",
         str(BS_HEIGHT_M), "--ue-height-m", str(UE_HEIGHT_M), "--diffraction", method, "--k-factor", repr(K_FACTOR)],
        capture_output=True, text=True, check=True)
    header, row = result.stdout.strip().splitlines()
    assert header == "free_space_db,diffraction_db,total_db", header
    return float(row.split(",")[1])


def summary(values):
    values = np.asarray(values)
    return f"{values.mean():+.1f} | {values.std():.1f} | {values[np.argmax(np.abs(values))]:+.1f}"  # three cells


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cosite", default=".build/release/cosite", help="the built cosite binary")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paths", type=int, default=400)
    parser.add_argument("--csv", help="write every path's values here")
    arguments = parser.parse_args()
    rng = np.random.default_rng(arguments.seed)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cosite-itm-") as directory:
        for index in range(arguments.paths):
            distances, heights = synthetic_profile(rng)
            itm, warning = itm_excess_db(distances, heights)
            bullington = cosite_diffraction_db(arguments.cosite, directory, index, distances, heights, "delta-bullington")
            deygout = cosite_diffraction_db(arguments.cosite, directory, index, distances, heights, "deygout")
            rows.append((index, distances[-1], path_class(distances, heights), itm, warning, bullington, deygout))
    if arguments.csv:
        with open(arguments.csv, "w") as file:
            file.write("path,length_m,class,itm_excess_db,itm_warning,delta_bullington_db,deygout_db\n")
            for row in rows:
                file.write(",".join(str(value) for value in row) + "\n")
    print(f"{arguments.paths} paths, seed {arguments.seed}; differences are Cosite − ITM excess over free space, dB "
          "(mean, standard deviation, the largest in magnitude)\n")
    print("| class | paths | ITM excess, mean | delta-Bullington − ITM | σ | largest | Deygout − ITM | σ | largest |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    groups = [
        ("clear", lambda row: row[2] == "clear"),
        ("grazing", lambda row: row[2] == "grazing"),
        ("shadow", lambda row: row[2] == "shadow"),
        ("shadow, no ITM warning", lambda row: row[2] == "shadow" and row[4] == 0),
        ("all", lambda row: True),
    ]
    for name, member in groups:
        chosen = [row for row in rows if member(row)]
        if not chosen:
            print(f"| {name} | 0 | | | | | | | |")
            continue
        itm = np.array([row[3] for row in chosen])
        bullington = np.array([row[5] for row in chosen]) - itm
        deygout = np.array([row[6] for row in chosen]) - itm
        print(f"| {name} | {len(chosen)} | {itm.mean():.1f} | {summary(bullington)} | {summary(deygout)} |")
    warned = sum(1 for row in rows if row[4] != 0)
    print(f"\nITM warned (kwx ≠ 0: parameters out of its range) on {warned} of {len(rows)} paths.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
