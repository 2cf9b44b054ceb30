"""Zones of the seed provinces: published areas and approximate centres (see geodata/README.md
for the source of each figure). Seeds fix every synthetic choice."""

PROVINCES = [
    {
        "id": "hai-phong",
        "seed": 2025,
        "ha_per_structure": 55.0,
        "sharing_rate": 0.25,
        "zones": [
            {
                "id": "deep-c-1", "name": "DEEP C Hai Phong I (Dinh Vu)", "area_ha": 541.0,
                "centre": (106.758, 20.837), "rotation_deg": 12, "seed": 11, "parts": 1,
                "developer": "deep-c",
            },
            {
                "id": "nam-dinh-vu", "name": "Nam Dinh Vu", "area_ha": 1329.0,
                "centre": (106.786, 20.820), "rotation_deg": -8, "seed": 12, "parts": 3,
                "part_gap_m": 350.0, "part_offset_m": 120.0, "developer": "sao-do",
            },
        ],
    },
]
