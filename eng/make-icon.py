#!/usr/bin/env python3
"""Writes eng/icon.png, the packages' 128x128 icon: a horseshoe on a rounded square. Run once; the PNG is committed."""
import math, os, struct, zlib

SIZE = 128
BACK, SHOE, NAIL = (36, 52, 94), (242, 181, 68), (36, 52, 94)


def pixel(x, y):
    cx, cy = x - SIZE / 2 + 0.5, y - SIZE / 2 + 0.5
    # Rounded square: outside the corners stays transparent.
    r = 22
    qx, qy = max(abs(cx) - (SIZE / 2 - r), 0), max(abs(cy) - (SIZE / 2 - r), 0)
    if math.hypot(qx, qy) > r:
        return (0, 0, 0, 0)
    # Horseshoe: a thick ring open at the bottom, with its heels straight down.
    sy = cy + 6
    d = math.hypot(cx, sy)
    angle = math.degrees(math.atan2(sy, cx))  # 90 is straight down
    in_ring = 24 <= d <= 42 and not (55 < angle < 125)
    in_heel = 24 <= abs(cx) <= 42 and 0 <= sy <= 40
    if in_ring or in_heel:
        for a in (200, 250, 290, 340):  # nail holes
            nx, ny = 33 * math.cos(math.radians(a)), 33 * math.sin(math.radians(a))
            if math.hypot(cx - nx, sy - ny) < 3.2:
                return NAIL + (255,)
        return SHOE + (255,)
    return BACK + (255,)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + bytes(c for x in range(SIZE) for c in pixel(x, y)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
    f.write(png)
