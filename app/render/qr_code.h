// QR codes of item URLs (libqrencode, error correction level M, 8-bit mode) and their drawing on a
// Canvas with the 4-module quiet zone, whole pixels per module so that every module edge is sharp.
// Pure encoding + drawing functions; thread-safe encoding, render thread for drawing. Lives in
// render/ because both the slides (the takeover) and ui/ (the detail view) draw codes.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "render/canvas.h"

namespace machikado::render {

inline constexpr int kQrQuietModules = 4;  // the quiet zone the QR standard requires

struct QrMatrix {
  int size = 0;               // modules per side (without the quiet zone)
  std::vector<uint8_t> dark;  // size*size, row-major, 1 = dark module
  bool at(int x, int y) const { return dark[size_t(y) * size + x] != 0; }
};

// Encodes `text` (a URL) as a QR code; an error for empty or over-long input.
Result<QrMatrix> EncodeQr(std::string_view text);

// Draws the code with its quiet zone at (x, y), `module_px` pixels per module; records a box with
// role "qr" covering code and quiet zone (white). Returns the side length drawn, in px.
float DrawQr(Canvas& c, const QrMatrix& qr, float x, float y, int module_px);

}  // namespace machikado::render
