#include "render/qr_code.h"

#include <cmath>
#include <string>

#include <qrencode.h>

namespace machikado::render {

Result<QrMatrix> EncodeQr(std::string_view text) {
  if (text.empty()) return Status::Invalid("no URL to encode as a QR code");
  // Version 40-M holds 2331 bytes; feed URLs are far shorter, but never trust input sizes.
  if (text.size() > 2000) return Status::Limit("URL too long for a QR code");
  const std::string s(text);
  QRcode* code = QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!code) return Status::Invalid("cannot encode the URL as a QR code");
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(size_t(m.size) * m.size);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  QRcode_free(code);
  return m;
}

float DrawQr(Canvas& c, const QrMatrix& qr, float x, float y, int module_px) {
  const float side = float((qr.size + 2 * kQrQuietModules) * module_px);
  x = std::round(x);
  y = std::round(y);
  c.FillRect("qr", {x, y, side, side}, Rgb(0xFFFFFF));
  const float ox = x + kQrQuietModules * module_px, oy = y + kQrQuietModules * module_px;
  const Color ink = Rgb(0x000000);
  for (int row = 0; row < qr.size; ++row) {
    // Runs of dark modules in a row as one rectangle each: fewer draw calls, same pixels.
    int col = 0;
    while (col < qr.size) {
      if (!qr.at(col, row)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.size && qr.at(end, row)) ++end;
      c.FillRect("",
                 {ox + col * module_px, oy + row * module_px, float((end - col) * module_px),
                  float(module_px)},
                 ink);
      col = end;
    }
  }
  return side;
}

}  // namespace machikado::render
