"""Figures and rough geography for national.py: published totals (each with its source; the
full list is in scripts/geodata/README.md) and hand-drawn approximations of Vietnam's
outline, regions, cities, industrial hubs and corridors. Every coordinate is approximate;
every number without a source beside it is an assumption."""
# --------------------------------------------------------------------------------------
# Published figures the generator is built to (sources: scripts/geodata/README.md).

# Area of Vietnam, km² (331,344 km²: globalgeografia.com country sheet; 331,210 km²:
# TowerXchange, "Vietnam: towerco and supplier opportunities in 2018"). The outline below is
# mainland only (no Phu Quoc, Con Dao, Cat Ba or the offshore archipelagos) and rough.
PUBLISHED_AREA_KM2 = 331_344
# Population, 2019 census (GSO press release, 1 April 2019): 96,208,984; 290 per km².
PUBLISHED_POPULATION = 96_208_984
# Regional shares of the 2019 census (GSO via electrodealpro.com summary): Red River Delta
# 22.5 M (23.4 %), North Central and Central Coast 20.2 M (21.0 %), Central Highlands 5.8 M
# (6.1 %). The other regions (northern midlands and mountains, south-east, Mekong Delta)
# are not sourced here: their densities below are assumptions, the remainder of the total.
# Structures: about 100,000 by default (the figure). For comparison, 4G base
# stations: 11,591 5G BTS in May 2025 were 7.72 % of 4G stations (Ministry of Science and
# Technology via Viet Nam News, "VN speeds up 5G infrastructure development"), i.e. about
# 150,000 4G BTS of all carriers; towers: "perhaps 45,000 towers owned by the MNOs", MNOs
# owning "more than 75 %" (TowerXchange, "Vietnam's disaggregated tower market", Golden
# Towers interview) — towers only, before 5G; rooftops come on top in the cities.
DEFAULT_STRUCTURES = 100_000
# Industrial parks: 478 parks on 146,000 ha (Vietnam Industrial Zone data at IPForum 2025,
# congthuong.vn, Dec 2025): 305 ha on average; 326 parks on 95,500 ha in 2019 (MPI). The
# issue asks for about 300; sizes "typically 50–1,000 ha".
DEFAULT_ZONES = 300
# Who owns the towers: "Viettel owns about 45 % of the assets, Mobifone and Vinaphone together
# roughly the same level" (TowerXchange interview above): 0.5 / 0.25 / 0.25 among the three;
# the even split between MobiFone and VinaPhone is an assumption. The same weights pick the
# tenants of structures no carrier owns.
CARRIER_WEIGHTS = {"viettel": 0.5, "vnpt": 0.25, "mobifone": 0.25}
CARRIER_OWNED_TOWER_SHARE = 0.75  # MNOs own "more than 75 %" of towers (same interview)
# Passive sharing rate outside the parks: national ~20 % (shared/notes/domain-facts.md);
# the parks keep the bundled data's 25 % (provinces.SHARING_RATE).
NATIONAL_SHARING_RATE = 0.20

# --------------------------------------------------------------------------------------
# Rough geography (lon, lat). Hand-drawn from general maps: every vertex is approximate.

# Mainland Vietnam, clockwise from the western tip (A Pa Chai): the China border eastward,
# the coast southward to Ca Mau and up the Gulf of Thailand to Ha Tien, then the Cambodia
# and Laos borders northward.
VIETNAM = [
    (102.14, 22.40), (102.48, 22.77), (102.90, 22.58), (103.35, 22.80), (103.65, 22.78),
    (103.96, 22.50), (104.35, 22.70), (104.75, 22.82), (105.05, 23.05), (105.32, 23.39),
    (105.55, 23.15), (105.85, 22.93), (106.25, 22.90), (106.55, 22.92), (106.75, 22.82),
    (106.60, 22.40), (106.72, 22.02), (107.05, 21.80), (107.35, 21.65), (107.70, 21.58),
    (107.97, 21.53),  # Mong Cai: the coast begins
    (107.55, 21.30), (107.45, 21.05), (107.08, 20.95), (106.85, 20.85), (106.78, 20.70),
    (106.60, 20.45), (106.55, 20.25), (106.30, 20.10), (106.10, 19.95), (105.90, 19.75),
    (105.80, 19.30), (105.72, 18.82), (105.95, 18.45), (106.45, 18.05), (106.62, 17.47),
    (107.10, 16.90), (107.63, 16.55), (108.05, 16.25), (108.25, 16.07), (108.38, 15.88),
    (108.72, 15.45), (108.85, 15.30), (108.95, 14.95), (109.05, 14.40), (109.25, 13.77),
    (109.32, 13.08), (109.46, 12.89), (109.25, 12.55), (109.20, 12.25), (109.20, 11.85),
    (109.00, 11.55), (109.00, 11.35), (108.65, 11.15), (108.10, 10.92), (107.75, 10.65),
    (107.35, 10.45), (107.08, 10.33), (106.95, 10.40), (106.75, 10.22), (106.65, 9.95),
    (106.55, 9.60), (106.20, 9.35), (105.75, 9.15), (105.35, 8.85), (105.05, 8.62),
    (104.72, 8.58),  # Ca Mau cape
    (104.80, 9.00), (104.85, 9.55), (105.08, 10.01), (104.85, 10.10), (104.60, 10.22),
    (104.48, 10.38),  # Ha Tien: the Cambodia border begins
    (104.95, 10.58), (105.10, 10.93), (105.40, 10.95), (105.75, 10.98), (105.95, 10.85),
    (106.17, 11.05), (106.00, 11.30), (105.85, 11.55), (106.00, 11.95), (106.45, 11.95),
    (106.80, 12.05), (107.20, 12.25), (107.50, 12.30), (107.65, 12.55), (107.45, 12.90),
    (107.50, 13.30), (107.55, 13.80), (107.45, 14.30), (107.55, 14.70),  # tri-border: Laos
    (107.45, 15.05), (107.20, 15.45), (107.45, 15.85), (107.25, 16.25), (106.85, 16.45),
    (106.60, 16.62), (106.55, 16.95), (106.20, 17.30), (105.85, 17.70), (105.60, 18.05),
    (105.15, 18.40), (104.80, 18.75), (104.40, 19.05), (104.10, 19.35), (104.30, 19.65),
    (104.55, 19.90), (104.35, 20.45), (104.00, 20.85), (103.55, 20.75), (103.10, 20.85),
    (102.95, 21.25), (102.80, 21.45), (102.65, 21.75), (102.40, 22.05),
]
# The central coast (Sam Son to Phan Thiet): a plain of about COASTAL_PLAIN_KM inland.
CENTRAL_COAST = VIETNAM[VIETNAM.index((105.90, 19.75)):VIETNAM.index((108.10, 10.92)) + 1]
COASTAL_PLAIN_KM = 20.0

RED_RIVER_DELTA = [
    (105.30, 21.35), (105.70, 21.45), (106.05, 21.40), (106.35, 21.30), (106.60, 21.10),
    (106.85, 20.85), (106.78, 20.70), (106.60, 20.45), (106.55, 20.25), (106.30, 20.10),
    (106.10, 19.95), (105.85, 20.15), (105.60, 20.55), (105.35, 20.90),
]
MEKONG_DELTA = [
    (104.48, 10.38), (104.95, 10.58), (105.10, 10.93), (105.40, 10.95), (105.75, 10.98),
    (105.95, 10.85), (106.17, 11.05), (106.45, 10.70), (106.75, 10.40), (106.75, 10.22),
    (106.65, 9.95), (106.55, 9.60), (106.20, 9.35), (105.75, 9.15), (105.35, 8.85),
    (105.05, 8.62), (104.72, 8.58), (104.80, 9.00), (104.85, 9.55), (105.08, 10.01),
    (104.85, 10.10), (104.60, 10.22),
]
SOUTH_EAST = [
    (106.00, 11.40), (106.60, 11.60), (107.30, 11.35), (107.75, 10.95), (107.75, 10.62),
    (107.35, 10.45), (107.08, 10.33), (106.95, 10.40), (106.75, 10.40), (106.45, 10.70),
    (106.17, 11.05),
]

# Base densities outside the city kernels, persons/km² (first matching region wins). Tuned,
# with the kernels, to the 2019 census: 290 per km² nationally; Red River Delta ~1,060
# (vietindotravel.com, "Vietnam's population", GSO 2020), south-east 757 and northern
# midlands 132, Central Highlands 157 (same page). Assumptions where not sourced.
BASE_DENSITY = [
    ("red-river-delta", RED_RIVER_DELTA, 760.0),
    ("south-east", SOUTH_EAST, 150.0),
    ("mekong-delta", MEKONG_DELTA, 360.0),
    ("central-coast", None, 400.0),  # within COASTAL_PLAIN_KM of the central coast
    ("uplands", None, 90.0),
]

# Cities: (name, lon, lat, core persons, core σ km, agglomeration persons, agglomeration σ km).
# City and agglomeration populations of the six largest: globalgeografia.com ("Largest
# cities": Ho Chi Minh 7.0 M / 15.1 M agglomeration, Hanoi 3.6 M / 7.5 M, Da Nang 0.99 M /
# 1.57 M, Haiphong 0.84 M / 1.74 M, Bien Hoa 0.83 M, Can Tho 0.81 M). The rest are
# assumptions of the right order (provincial towns of 0.1–0.5 M). The σ are assumptions
# (a core of 4–6 km; Hanoi's 2019 census density 2,398/km² over the province and Ho Chi
# Minh City's 4,363/km² are reproduced to within a factor of ~1.3, see README).
CITIES = [
    ("Ho Chi Minh City", 106.70, 10.78, 7_000_000, 6.0, 8_100_000, 22.0),
    ("Hanoi", 105.85, 21.03, 3_600_000, 5.0, 3_900_000, 18.0),
    ("Hai Phong", 106.68, 20.86, 840_000, 4.0, 900_000, 12.0),
    ("Da Nang", 108.21, 16.05, 990_000, 5.0, 580_000, 12.0),
    ("Bien Hoa", 106.84, 10.95, 830_000, 5.0, 0, 0),
    ("Can Tho", 105.77, 10.03, 810_000, 5.0, 0, 0),
    ("Thu Dau Mot", 106.65, 10.98, 500_000, 5.0, 0, 0),
    ("Hue", 107.58, 16.46, 350_000, 5.0, 0, 0),
    ("Nha Trang", 109.19, 12.24, 400_000, 4.0, 0, 0),
    ("Vinh", 105.68, 18.67, 400_000, 5.0, 0, 0),
    ("Quy Nhon", 109.22, 13.78, 300_000, 4.0, 0, 0),
    ("Thanh Hoa", 105.78, 19.81, 400_000, 5.0, 0, 0),
    ("Nam Dinh", 106.17, 20.42, 250_000, 4.0, 0, 0),
    ("Thai Nguyen", 105.84, 21.59, 350_000, 5.0, 0, 0),
    ("Bac Ninh", 106.07, 21.18, 300_000, 5.0, 0, 0),
    ("Ha Long", 107.08, 20.96, 300_000, 5.0, 0, 0),
    ("Vung Tau", 107.08, 10.36, 350_000, 4.0, 0, 0),
    ("Buon Ma Thuot", 108.04, 12.67, 400_000, 6.0, 0, 0),
    ("Pleiku", 108.00, 13.98, 250_000, 5.0, 0, 0),
    ("Da Lat", 108.44, 11.94, 250_000, 5.0, 0, 0),
    ("Long Xuyen", 105.43, 10.38, 300_000, 5.0, 0, 0),
    ("Rach Gia", 105.09, 10.01, 250_000, 4.0, 0, 0),
    ("My Tho", 106.36, 10.36, 250_000, 4.0, 0, 0),
    ("Phan Thiet", 108.10, 10.93, 250_000, 4.0, 0, 0),
    ("Ca Mau", 105.15, 9.18, 200_000, 4.0, 0, 0),
    ("Viet Tri", 105.40, 21.32, 200_000, 4.0, 0, 0),
    ("Hai Duong", 106.33, 20.94, 250_000, 4.0, 0, 0),
    ("Thai Binh", 106.34, 20.45, 200_000, 4.0, 0, 0),
    ("Ninh Binh", 105.97, 20.25, 150_000, 4.0, 0, 0),
    ("Tuy Hoa", 109.30, 13.09, 150_000, 4.0, 0, 0),
    ("Dong Hoi", 106.60, 17.47, 150_000, 4.0, 0, 0),
    ("Quang Ngai", 108.80, 15.12, 200_000, 4.0, 0, 0),
    ("Tam Ky", 108.48, 15.57, 150_000, 4.0, 0, 0),
    ("Bac Giang", 106.19, 21.27, 150_000, 4.0, 0, 0),
    ("Lao Cai", 103.97, 22.49, 120_000, 4.0, 0, 0),
    ("Son La", 103.91, 21.33, 100_000, 4.0, 0, 0),
    ("Dien Bien Phu", 103.02, 21.39, 100_000, 4.0, 0, 0),
    ("Ha Giang", 104.98, 22.82, 80_000, 4.0, 0, 0),
    ("Cao Bang", 106.26, 22.67, 80_000, 4.0, 0, 0),
    ("Lang Son", 106.76, 21.85, 100_000, 4.0, 0, 0),
    ("Tay Ninh", 106.10, 11.31, 150_000, 4.0, 0, 0),
    ("Vinh Long", 105.97, 10.25, 150_000, 4.0, 0, 0),
    ("Soc Trang", 105.97, 9.60, 150_000, 4.0, 0, 0),
    ("Chau Doc", 105.12, 10.70, 100_000, 4.0, 0, 0),
    ("Bao Loc", 107.80, 11.55, 100_000, 4.0, 0, 0),
    ("Kon Tum", 108.00, 14.35, 100_000, 4.0, 0, 0),
    ("Dong Xoai", 106.90, 11.54, 100_000, 4.0, 0, 0),
    ("Ha Tinh", 105.90, 18.34, 100_000, 4.0, 0, 0),
]

# Industrial hubs the parks are drawn around: (label, lon, lat, weight, σ km). Weights and
# spreads are assumptions that put most parks in the north's Hanoi – Bac Ninh – Hai Phong
# triangle and the south's Ho Chi Minh City – Binh Duong – Dong Nai – Long An – Ba Ria-Vung
# Tau ring, as the real parks are; provinces are named as before the 2025 mergers.
HUBS = [
    ("Hanoi", 105.85, 21.03, 24, 22.0), ("Bac Ninh", 106.07, 21.18, 18, 12.0),
    ("Bac Giang", 106.20, 21.30, 8, 14.0), ("Hai Phong", 106.65, 20.88, 18, 15.0),
    ("Hai Duong", 106.33, 20.94, 9, 14.0), ("Hung Yen", 106.05, 20.85, 8, 10.0),
    ("Vinh Phuc", 105.60, 21.30, 7, 10.0), ("Thai Nguyen", 105.84, 21.50, 5, 12.0),
    ("Quang Ninh", 106.85, 21.02, 6, 18.0), ("Ha Nam / Nam Dinh / Thai Binh", 106.05, 20.45, 9, 20.0),
    ("Phu Tho", 105.25, 21.35, 3, 12.0), ("Thanh Hoa", 105.78, 19.60, 5, 22.0),
    ("Nghe An", 105.68, 18.75, 4, 18.0), ("Ha Tinh", 106.30, 18.10, 2, 12.0),
    ("Thua Thien Hue / Quang Tri", 107.45, 16.55, 3, 20.0), ("Da Nang / Quang Nam", 108.15, 15.90, 7, 20.0),
    ("Quang Ngai", 108.75, 15.25, 3, 14.0), ("Binh Dinh", 109.10, 13.85, 3, 15.0),
    ("Khanh Hoa", 109.10, 12.30, 2, 15.0), ("Central Highlands", 108.05, 12.80, 3, 35.0),
    ("Binh Thuan", 108.10, 11.05, 2, 18.0), ("Ho Chi Minh City", 106.65, 10.80, 18, 18.0),
    ("Binh Duong", 106.65, 11.10, 22, 14.0), ("Dong Nai", 106.98, 10.92, 22, 18.0),
    ("Ba Ria-Vung Tau", 107.10, 10.58, 9, 12.0), ("Long An", 106.45, 10.68, 18, 15.0),
    ("Tay Ninh", 106.15, 11.20, 5, 14.0), ("Binh Phuoc", 106.75, 11.50, 5, 18.0),
    ("Tien Giang / Ben Tre", 106.30, 10.33, 5, 16.0), ("Can Tho / Hau Giang", 105.72, 10.00, 5, 16.0),
    ("Mekong Delta", 105.45, 9.85, 6, 45.0),
]
# Corridors (roads the parks also line): polylines of (lon, lat). A quarter of the parks are
# drawn along them, within a few km either side (an assumption).
CORRIDORS = [
    ("NH5 Hanoi - Hai Phong", [(105.90, 21.00), (106.33, 20.94), (106.65, 20.86)]),
    ("NH1 Hanoi - Lang Son", [(105.85, 21.05), (106.07, 21.18), (106.19, 21.28), (106.76, 21.85)]),
    ("NH18 Bac Ninh - Ha Long", [(106.07, 21.18), (106.55, 21.08), (107.08, 20.96)]),
    ("NH1 Hanoi - Thanh Hoa - Vinh", [(105.85, 20.95), (105.92, 20.50), (105.78, 19.81), (105.68, 18.67)]),
    ("NH1 Vinh - Dong Hoi - Hue - Da Nang", [(105.68, 18.67), (106.10, 18.25), (106.60, 17.47),
                                           (107.58, 16.46), (108.21, 16.05)]),
    ("NH1 Da Nang - Quang Ngai - Quy Nhon - Nha Trang", [(108.21, 16.05), (108.80, 15.12),
                                                      (109.10, 13.90), (109.19, 12.24)]),
    ("NH13 Ho Chi Minh City - Chon Thanh", [(106.70, 10.85), (106.65, 11.10), (106.60, 11.42)]),
    ("NH51 Bien Hoa - Vung Tau", [(106.84, 10.95), (107.05, 10.65), (107.08, 10.40)]),
    ("NH1 Ho Chi Minh City - Can Tho", [(106.60, 10.72), (106.40, 10.53), (106.10, 10.30), (105.77, 10.03)]),
    ("NH22 Ho Chi Minh City - Moc Bai", [(106.62, 10.85), (106.40, 11.00), (106.17, 11.08)]),
]
CORRIDOR_SHARE = 0.25
CORRIDOR_LATERAL_KM = 3.0

# Preset windows for --region: (lon, lat, width km, height km).
REGIONS = {
    "hanoi": (105.85, 21.03, 20, 20),
    "ho-chi-minh-city": (106.70, 10.78, 20, 20),
    "hai-phong": (106.68, 20.86, 20, 20),
    "da-nang": (108.20, 16.05, 20, 20),
    "can-tho": (105.77, 10.03, 20, 20),
    "bac-ninh": (106.07, 21.15, 20, 20),
    "binh-duong": (106.65, 11.08, 20, 20),
    "central-highlands": (108.05, 13.30, 20, 20),
    "northwest-mountains": (103.60, 21.70, 20, 20),
    "red-river-delta": (106.00, 20.75, 150, 130),  # fits 25 M cells at 30 m
    "mekong-delta": (105.75, 10.05, 140, 140),  # its heart: 140 km fits 25 M cells at 30 m
}

# Parks: log-normal areas (median and σ of ln), clipped; parts and shapes (assumptions built
# to the published mean of ~305 ha and the "50–1,000 ha" typical range).
PARK_MEDIAN_HA = 235.0
PARK_SIGMA_LN = 0.7
PARK_MIN_HA, PARK_MAX_HA = 50, 1200
PARK_CLEARANCE_M = 500.0  # between parks' bounding circles
CITY_CORE_KEEP_OUT_KM = 4.0  # no park within this of Hanoi's or Ho Chi Minh City's centre

# Structures outside the parks: a coverage floor (this share of them, spread by area) plus
# capacity in proportion to people (an assumption: a floor of ~0.06 per km², ~4 km apart,
# is a rural macro grid; the rest, one per ~1,200 people, puts ~25 per km² in the densest
# cores, ~200 m apart).
FLOOR_SHARE = 0.20
LATTICE_DEG = 0.01
FILL_CELL_M = 1000.0  # the window's "surroundings" parcels
