#!/usr/bin/env python3
"""Draws AlignBot's two Teams app icons as PNG files, with the Python standard library only.

    python3 manifest/teams/make-icons.py [OUTPUT_DIR]     # default: the folder of this script

- color.png:   192x192, the AlignBot blue with a white "aligned bars" glyph in the middle.
- outline.png: 32x32, the same glyph in white on a transparent background (Teams' rule for the outline icon).

The glyph is two bars that meet at a shared vertical line: sales from the left, marketing from the right,
aligned on the middle one. The output is byte-for-byte reproducible (no timestamps, fixed zlib level),
so `git diff` after re-running the script shows whether the committed icons are current.
"""

import os
import struct
import sys
import zlib

ACCENT = (0x2B, 0x57, 0x9A)  # also the manifest's accentColor (#2B579A)
WHITE = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4  # 4x4 samples per pixel for smooth edges


def glyph_shapes():
    """The glyph as rounded rectangles (x0, y0, x1, y1, radius) in a 0..1 unit square."""
    return [
        (0.14, 0.22, 0.62, 0.36, 0.07),  # top bar, from the left
        (0.44, 0.43, 0.56, 0.57, 0.06),  # the shared middle: where both sides meet
        (0.38, 0.64, 0.86, 0.78, 0.07),  # bottom bar, from the right
        (0.47, 0.12, 0.53, 0.88, 0.03),  # the alignment line
    ]


def inside_rounded_rect(x, y, shape):
    x0, y0, x1, y1, r = shape
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def coverage(size, margin):
    """Fraction (0..1) of each pixel covered by the glyph, drawn inside size x size with a margin (unit square)."""
    shapes = glyph_shapes()
    span = 1.0 - 2 * margin
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    u = ((px + (sx + 0.5) / SUPERSAMPLE) / size - margin) / span
                    v = ((py + (sy + 0.5) / SUPERSAMPLE) / size - margin) / span
                    if any(inside_rounded_rect(u, v, s) for s in shapes):
                        hits += 1
            row.append(hits / (SUPERSAMPLE * SUPERSAMPLE))
        rows.append(row)
    return rows


def color_icon(size=192):
    """Opaque: accent background, white glyph blended in by coverage."""
    cov = coverage(size, margin=0.2)  # keep the glyph in the middle, clear of Teams' rounded crop
    pixels = []
    for row in cov:
        line = []
        for c in row:
            r, g, b = (round(a + (w - a) * c) for a, w in zip(ACCENT, WHITE))
            line.append((r, g, b, 255))
        pixels.append(line)
    return pixels


def outline_icon(size=32):
    """Transparent background; every visible pixel is pure white, only its alpha varies."""
    cov = coverage(size, margin=0.0)
    return [[(255, 255, 255, round(255 * c)) for c in row] for row in cov]


def png_bytes(pixels):
    """An 8-bit RGBA, non-interlaced PNG with filter 0 on every row."""
    height = len(pixels)
    width = len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, pixels in (("color.png", color_icon()), ("outline.png", outline_icon())):
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(png_bytes(pixels))
        print(f"wrote {path} ({len(pixels[0])}x{len(pixels)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
