#!/usr/bin/env python3
"""Counts pixels of given colours in a PNG (8-bit RGB/RGBA, non-interlaced), with only the standard library.

Usage: png_colors.py FILE.png RRGGBB [RRGGBB ...]  -> prints "RRGGBB count" per colour, and the share of
non-white pixels. Used by Scripts/check-html-render to prove the report's SVG charts were drawn.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            chunks["IHDR"] = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks["IHDR"])
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG layout"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    path, colours = sys.argv[1], [c.lower() for c in sys.argv[2:]]
    width, height, channels, rows = read_png(path)
    wanted = {tuple(int(c[i:i + 2], 16) for i in (0, 2, 4)): c for c in colours}
    counts = {c: 0 for c in colours}
    painted = 0
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = (row[x], row[x + 1], row[x + 2])
            if pixel != (255, 255, 255):
                painted += 1
            if pixel in wanted:
                counts[wanted[pixel]] += 1
    for colour in colours:
        print(colour, counts[colour])
    print("painted", round(painted / (width * height), 4))


if __name__ == "__main__":
    main()
