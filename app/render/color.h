// Colour values for the renderer: sRGB colours, "#rrggbb" formatting and WCAG contrast ratios.
// Plain value types and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace machikado::render {

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
  Color with_alpha(uint8_t alpha) const { return {r, g, b, alpha}; }
};

// 0xRRGGBB → opaque colour.
constexpr Color Rgb(uint32_t hex) {
  return {static_cast<uint8_t>(hex >> 16), static_cast<uint8_t>(hex >> 8),
          static_cast<uint8_t>(hex), 255};
}

// "#rrggbb" (alpha is not written: layout.json describes opaque colours).
std::string ToHex(Color c);
// Parses "#rrggbb"; nullopt on anything else.
std::optional<Color> FromHex(std::string_view s);

// WCAG 2.x relative luminance and contrast ratio (1..21).
double RelativeLuminance(Color c);
double ContrastRatio(Color a, Color b);

// `top` blended over opaque `bottom` with top's alpha.
Color Over(Color top, Color bottom);

}  // namespace machikado::render
