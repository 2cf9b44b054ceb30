"""Zones of the seed provinces: published areas and approximate centres (geodata/README.md
gives the source of each figure). Seeds fix every synthetic choice.

`centre_source` says where a centre comes from: "issue" (the project's geodata issue, which
quotes the parks' published locations) or "placed" (no published centre was available: the
zone is placed near its real district, clear of its neighbours, and the README says so).
`parts_ha` splits a park into disjoint areas (the fragmentation planners complain about);
where a source gives the phases' areas they are used, else the park is split evenly.
"""

PROVINCES = [
    {
        "id": "hai-phong",
        "name": "Hai Phong",
        "seed": 2025,
        "zones": [
            {
                "id": "deep-c-1", "name": "DEEP C Hai Phong I (Dinh Vu)", "area_ha": 541.0,
                "centre": (106.758, 20.840), "centre_source": "issue", "rotation_deg": 3, "seed": 11,
                "parts_ha": [300.0, 241.0], "aspect": 1.3, "part_gap_m": 300.0,
                "group": "dinh-vu",
            },
            {
                "id": "deep-c-2", "name": "DEEP C Hai Phong II (Nam Dinh Vu peninsula)", "area_ha": 645.0,
                "centre": (106.735, 20.798), "centre_source": "placed", "rotation_deg": -4, "seed": 13,
                "parts_ha": [322.5, 322.5], "part_gap_m": 300.0, "group": "dinh-vu",
            },
            {
                "id": "nam-dinh-vu", "name": "Nam Dinh Vu", "area_ha": 1329.0,
                "centre": (106.786, 20.820), "centre_source": "issue", "rotation_deg": -2, "seed": 12,
                "parts_ha": [443.0, 443.0, 443.0], "aspect": 1.0, "part_gap_m": 350.0, "part_offset_m": 120.0,
                "group": "dinh-vu",
            },
            {
                "id": "vsip-hai-phong", "name": "VSIP Hai Phong", "area_ha": 1566.0,
                "centre": (106.682, 20.927), "centre_source": "issue", "rotation_deg": 6, "seed": 21,
                "parts_ha": [1566.0], "group": "mainland",
            },
            {
                "id": "trang-due", "name": "Trang Due", "area_ha": 401.0,
                "centre": (106.601, 20.905), "centre_source": "issue", "rotation_deg": -5, "seed": 22,
                "parts_ha": [187.0, 214.0], "part_gap_m": 250.0, "group": "mainland",
            },
            {
                "id": "nomura-hai-phong", "name": "Nomura Hai Phong", "area_ha": 153.0,
                "centre": (106.622, 20.862), "centre_source": "placed", "rotation_deg": 10, "seed": 23,
                "parts_ha": [153.0], "group": "mainland",
            },
            {
                "id": "nam-cau-kien", "name": "Nam Cau Kien", "area_ha": 263.0,
                "centre": (106.625, 20.955), "centre_source": "placed", "rotation_deg": -12, "seed": 24,
                "parts_ha": [263.0], "group": "mainland",
            },
            {
                "id": "an-duong", "name": "An Duong", "area_ha": 196.0,
                "centre": (106.600, 20.880), "centre_source": "issue", "rotation_deg": 4, "seed": 25,
                "parts_ha": [196.0], "group": "mainland",
            },
            {
                "id": "dai-an", "name": "Dai An (former Hai Duong)", "area_ha": 136.0,
                "centre": (106.271, 20.937), "centre_source": "issue", "rotation_deg": 8, "seed": 31,
                "parts_ha": [136.0], "group": "hai-duong",
            },
        ],
    },
    {
        "id": "quang-ninh",
        "name": "Quang Ninh",
        "seed": 2026,
        "zones": [
            {
                "id": "song-khoai", "name": "Song Khoai", "area_ha": 714.0,
                "centre": (106.78, 21.00), "centre_source": "issue", "rotation_deg": 15, "seed": 41,
                "parts_ha": [714.0], "group": "quang-ninh",
            },
        ],
    },
    {
        "id": "phu-tho",
        "name": "Phu Tho (former Vinh Phuc)",
        "seed": 2027,
        "zones": [
            {
                "id": "thang-long-vinh-phuc", "name": "Thang Long Vinh Phuc", "area_ha": 213.0,
                "centre": (105.67, 21.37), "centre_source": "issue", "rotation_deg": -7, "seed": 51,
                "parts_ha": [213.0], "group": "vinh-phuc",
            },
        ],
    },
]

# Structures: about one per this many hectares, at least MIN_STRUCTURES per zone (so that a
# zone on its own can show a sharing rate in the reported range).
HA_PER_STRUCTURE = 33.0
MIN_STRUCTURES = 8
# Today's passive sharing rate, per zone: structures hosting more than one carrier ÷ all.
SHARING_RATE = 0.25

# Scenarios written by the generator: file, title, zone ids.
SCENARIOS = [
    ("hai-phong-dinh-vu", "Hai Phong — Dinh Vu peninsula parks of the Dinh Vu – Cat Hai economic zone (sample)",
     ["deep-c-1", "deep-c-2", "nam-dinh-vu"]),
    ("hai-phong", "Hai Phong (with former Hai Duong) — nine industrial parks (sample)",
     ["deep-c-1", "deep-c-2", "nam-dinh-vu", "vsip-hai-phong", "trang-due", "nomura-hai-phong", "nam-cau-kien",
      "an-duong", "dai-an"]),
    ("quang-ninh", "Quang Ninh — Song Khoai industrial park (sample)", ["song-khoai"]),
    ("phu-tho", "Phu Tho (former Vinh Phuc) — Thang Long Vinh Phuc industrial park (sample)",
     ["thang-long-vinh-phuc"]),
    ("northern-vn-all", "Northern Vietnam — every sample park at once (the scale case)", None),
]
