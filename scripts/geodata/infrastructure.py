"""Structures (towers, rooftop masts, street poles) in and near each zone, and today's sites
of the three carriers on them."""
import math
import random

from layout import fmt, local_to_lonlat

CARRIERS = ["viettel", "vnpt", "mobifone"]

# Layers per carrier after the 2024 auctions (geodata/README.md gives the sources and which
# channel positions are assumptions): id, technology, band, DL centre MHz, bandwidth MHz.
LAYERS = {
    "viettel": [("lte1800", "LTE", "B3", 1815, 20), ("lte2100", "LTE", "B1", 2117.5, 15),
                ("nr2600", "NR", "n41", 2550, 100)],
    "vnpt": [("lte1800", "LTE", "B3", 1835, 20), ("lte2100", "LTE", "B1", 2132.5, 15),
             ("nr3700", "NR", "n78", 3750, 100)],
    "mobifone": [("lte1800", "LTE", "B3", 1860, 20), ("lte2100", "LTE", "B1", 2147.5, 15),
                 ("nr3800", "NR", "n78", 3850, 100)],
}

# Typical radio values (README): total sector power dBm and antenna gain dBi per technology on
# macro structures (towers, rooftops) and on street poles (small cells).
MACRO_RADIO = {"lte1800": (46.0, 17.5), "lte2100": (44.8, 18.0), "nr": (53.0, 24.0)}
POLE_RADIO = {"lte1800": (40.0, 14.0), "nr": (43.0, 17.0)}
BUILDING_HEIGHTS_M = {"factory": [10, 12, 15, 18], "warehouse": [10, 12, 15], "office": [15, 18, 24],
                      "utility": [10, 12]}


def structures_and_sites(zone, rate, count):
    """`count` structures for one zone and today's tenants on them; exactly round(rate × count)
    structures host a second carrier, so the zone's passive sharing rate is `rate`."""
    rng = random.Random(zone.spec["seed"] * 7919)
    rows = []
    tenants = []
    developer = "%s-developer" % zone.id
    built = [b for b in zone.blocks if b[1] in ("factory", "warehouse", "office", "utility")]
    open_land = [b for b in zone.blocks if b[1] == "yard"]
    for index in range(count):
        sid = "%s-s%02d" % (zone.id, index + 1)
        roll = rng.random()
        if roll < 0.35 or not built:
            kind, height, building, owner, slots, rent, (x, y) = tower(zone, rng, open_land or zone.blocks)
        elif roll < 0.8:
            kind, height, building, owner, slots, rent, (x, y) = rooftop(rng, built, developer)
        else:
            block = rng.choice(zone.blocks)
            x, y = point_in(block, rng, 0.05)
            kind, height, building, owner, slots, rent = "pole", rng.choice([12, 15, 18]), None, developer, 1, 3_000_000
        lon, lat = zone.lonlat(x, y)
        rows.append((sid, kind, lon, lat, height, building, owner, slots, rent))
        # Today's tenant: the owner if a carrier, else (mostly) a carrier renting the slot.
        if owner in CARRIERS:
            tenants.append([owner])
        else:
            tenants.append([rng.choice(CARRIERS)] if rng.random() < 0.75 else [])
    tenanted = [i for i, t in enumerate(tenants) if t]
    shared = sorted(rng.sample(tenanted, min(len(tenanted), int(round(rate * count)))))
    for index in shared:
        tenants[index].append(rng.choice([c for c in CARRIERS if c not in tenants[index]]))
    sites = []
    for row, carriers in zip(rows, tenants):
        for carrier in carriers:
            sites.append((row[0], carrier, row[1], row[4], rng.randint(0, 119)))
    return rows, sites


def point_in(block, rng, inset):
    _, _, bx, by, bw, bh = block
    return (bx + bw * rng.uniform(inset, 1 - inset), by + bh * rng.uniform(inset, 1 - inset))


def tower(zone, rng, blocks):
    """A greenfield tower (30–60 m): on a yard, or one time in five just outside the zone
    (100–400 m beyond a part's edge), as village and roadside towers near real parks are."""
    height = rng.choice([30, 36, 40, 45, 50, 60])
    owner = rng.choice(CARRIERS + ["towerco"])
    slots, rent = rng.randint(1, 3), rng.choice([12, 15, 18]) * 1_000_000
    if rng.random() < 0.2:
        x0, y0, width, h = rng.choice(zone.parts)
        offset = rng.uniform(100, 400)
        side = rng.randrange(4)
        along = rng.uniform(0.2, 0.8)
        position = [(x0 + width * along, y0 - offset), (x0 + width + offset, y0 + h * along),
                    (x0 + width * along, y0 + h + offset), (x0 - offset, y0 + h * along)][side]
    else:
        position = point_in(rng.choice(blocks), rng, 0.25)
    return "tower", height, None, owner, slots, rent, position


def rooftop(rng, blocks, developer):
    """A mast on a building roof. Joint Circular 15/2016: a "non-bulky" mast (≤ 3 m and
    ≤ 20 % of the building's height) needs no building permit; taller ones (4–6 m) do.
    Half of the masts are of each kind."""
    block = rng.choice(blocks)
    building = rng.choice(BUILDING_HEIGHTS_M[block[1]])
    if rng.random() < 0.5:
        mast = math.floor(min(3.0, 0.2 * building) * 10) / 10
    else:
        mast = rng.choice([4, 5, 6])
    slots, rent = rng.randint(1, 2), rng.choice([5, 6, 8]) * 1_000_000
    return "rooftop", building + mast, building, developer, slots, rent, point_in(block, rng, 0.25)


def structures_csv(rows):
    lines = ["id,kind,lon,lat,height_m,building_height_m,owner,free_slots,rent_vnd_month"]
    for sid, kind, lon, lat, height, building, owner, slots, rent in rows:
        lines.append("%s,%s,%s,%s,%s,%s,%s,%d,%d" % (
            sid, kind, fmt(lon), fmt(lat), fmt(height), "" if building is None else fmt(building), owner, slots,
            rent))
    return "\n".join(lines) + "\n"


def sites_csv(sites):
    lines = ["id,carrier,layer,structure,azimuth_deg,mechanical_tilt_deg,electrical_tilt_deg,antenna_gain_dbi,"
             "height_m,power_dbm,feeder_loss_db"]
    for sid, carrier, kind, height, first_azimuth in sites:
        # Tenants on a tower are stacked 3 m apart (operators' antennas sit 1–3 m apart).
        antenna_height = height - (0.5 if kind != "tower" else 1 + 3 * CARRIERS.index(carrier))
        tilt = {"tower": 4, "rooftop": 6, "pole": 8}[kind]
        sectors = 3 if kind != "pole" else 1
        for layer, technology, _, _, _ in LAYERS[carrier]:
            key = "nr" if technology == "NR" else layer
            radio = (POLE_RADIO if kind == "pole" else MACRO_RADIO).get(key)
            if radio is None:
                continue  # poles carry LTE 1800 and NR small cells only
            power, gain = radio
            for s in range(sectors):
                azimuth = (first_azimuth + 120 * s) % 360
                lines.append("%s-%s-%s-%d,%s,%s,%s,%d,0,%d,%s,%s,%s,0.5" % (
                    carrier, sid, layer, s + 1, carrier, layer, sid, azimuth, tilt, fmt(gain),
                    fmt(antenna_height), fmt(power)))
    return "\n".join(lines) + "\n"
