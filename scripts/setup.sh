#!/usr/bin/env bash
# Installs what Cosite needs on a Debian machine (GEOS, PROJ with its EPSG database, the
# COIN-OR CBC MILP solver, GDAL for rasters/GeoPackage/KMZ, Leaflet for the offline HTML
# report, pkg-config; python3 for the sample-data generator and GDAL's command-line tools
# (gdal-bin) for scripts/geodata/own_data.py's samples; headless Chromium to test the
# report; PostgreSQL + PostGIS to test `cosite db`; Slurm and munge to test tiled runs on a
# job array), only where it is missing.
set -euo pipefail

packages=(libgeos-dev libproj-dev proj-data coinor-libcbc-dev libgdal-dev gdal-bin libjs-leaflet pkg-config python3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# python3 may come from elsewhere (pyenv): accept any python3 on the PATH.
if command -v python3 >/dev/null 2>&1; then
  missing=("${missing[@]/python3}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pkg-config --exists geos proj cbc gdal || { echo "setup: GEOS, PROJ, CBC or GDAL not found by pkg-config" >&2; exit 1; }
[ -f /usr/share/javascript/leaflet/leaflet.js ] || { echo "setup: Leaflet (libjs-leaflet) not found" >&2; exit 1; }

# Headless Chromium only tests report.html: its test skips, saying so, where it cannot be
# installed, so a failure here is a warning.
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium (to test report.html)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # The package lists may be stale when every other package was already there.
  [ ${#missing[@]} -gt 0 ] || $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || echo "setup: warning: chromium could not be installed; the report.html test will skip" >&2
fi

# PostgreSQL + PostGIS (Debian's postgresql-postgis: the default PostgreSQL's PostGIS) for
# `cosite db` and scenario inputs from PostGIS. Its tests start their own server on a local
# socket and skip, saying so, where it cannot be installed, so a failure here is a warning.
if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "setup: installing PostgreSQL + PostGIS (to test cosite db)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  [ ${#missing[@]} -gt 0 ] || $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql-postgis >/dev/null \
    || echo "setup: warning: PostgreSQL + PostGIS could not be installed; the cosite db tests will skip" >&2
fi

# Slurm (slurm-wlm: slurmctld, slurmd, sbatch) and munge, for tiled runs on a job array
# (scripts/slurm/). Its test starts a single-node cluster on localhost and skips, saying so,
# where it cannot be installed, so a failure here is a warning.
if ! [ -x /usr/sbin/slurmctld ] || ! [ -x /usr/sbin/slurmd ] || ! [ -x /usr/sbin/munged ]; then
  echo "setup: installing Slurm and munge (to test tiled runs on a job array)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  [ ${#missing[@]} -gt 0 ] || $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null \
    || echo "setup: warning: Slurm could not be installed; the Slurm test will skip" >&2
fi
