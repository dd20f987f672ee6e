#!/usr/bin/env python3
"""Writes the three hostile images of issue 22 into DIR, made at test time (never committed):
big.png — an 8-bit RGB PNG of ~1.2 MB whose IDAT really decodes to 20000×20000 pixels;
header.jpg — a 2048-byte baseline JPEG whose frame header claims 65000×65000 (valid tables, then
the entropy data stops); tiny.gif — a 35-byte GIF whose screen and only frame claim 65000×65000.
The same construction as tests/hostile_images.test.sh.

usage: make_hostile_images.py DIR
"""
import os
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def black_png(w, h):  # deflated at level 9 a row at a time
    z = zlib.compressobj(9)
    row = b"\0" * (1 + 3 * w)
    idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_header(w, h):
    def seg(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data
    one_code = bytes([1] + [0] * 15)
    j = (b"\xFF\xD8" + seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0") + seg(0xDB, b"\0" + b"\x01" * 64)
         + seg(0xC0, struct.pack(">BHHB", 8, h, w, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00")
         + seg(0xC4, b"\x00" + one_code + b"\0") + seg(0xC4, b"\x10" + one_code + b"\0")
         + seg(0xDA, b"\x03\x01\x00\x02\x00\x03\x00\x00\x3F\x00"))
    return j + b"\0" * (2048 - len(j))


def gif(w, h):
    return (b"GIF89a" + struct.pack("<HHBBB", w, h, 0x80, 0, 0) + b"\0\0\0\xFF\xFF\xFF"
            + b"," + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x02\x02\x44\x01\x00" + b";")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    images = {"big.png": black_png(20000, 20000), "header.jpg": jpeg_header(65000, 65000),
              "tiny.gif": gif(65000, 65000)}
    assert len(images["tiny.gif"]) == 35 and len(images["header.jpg"]) == 2048
    for name, data in images.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("hostile images: " + ", ".join(f"{n} {len(d)} B" for n, d in images.items()))


if __name__ == "__main__":
    main()
