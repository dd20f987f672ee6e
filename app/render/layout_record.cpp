#include "render/layout_record.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace machikado::render {

Color LayoutRecord::ColorAt(float x, float y, Color fallback) const {
  for (auto it = boxes.rbegin(); it != boxes.rend(); ++it)
    if (it->rect.ContainsPoint(x, y)) return it->color;
  return fallback;
}

namespace {
double R1(float v) {
  return std::round(v * 10.0) / 10.0;
}
}  // namespace

std::string LayoutRecord::ToJson() const {
  nlohmann::ordered_json texts_json = nlohmann::ordered_json::array();
  for (const auto& t : texts) {
    texts_json.push_back({{"text", t.text},
                          {"role", t.role},
                          {"lang", t.lang},
                          {"x", R1(t.rect.x)},
                          {"y", R1(t.rect.y)},
                          {"w", R1(t.rect.w)},
                          {"h", R1(t.rect.h)},
                          {"px", R1(t.px)},
                          {"fg", ToHex(t.fg)},
                          {"bg", ToHex(t.bg)},
                          {"box", {R1(t.box.x), R1(t.box.y), R1(t.box.w), R1(t.box.h)}}});
  }
  nlohmann::ordered_json boxes_json = nlohmann::ordered_json::array();
  for (const auto& b : boxes) {
    boxes_json.push_back({{"role", b.role},
                          {"x", R1(b.rect.x)},
                          {"y", R1(b.rect.y)},
                          {"w", R1(b.rect.w)},
                          {"h", R1(b.rect.h)},
                          {"color", ToHex(b.color)}});
  }
  nlohmann::ordered_json doc = {
      {"width", width}, {"height", height}, {"texts", texts_json}, {"boxes", boxes_json}};
  return doc.dump(1) + "\n";
}

}  // namespace machikado::render
