// libFuzzer target: text::LayoutText / LayoutPlain (line breaking, kinsoku, ruby placement,
// shrink-to-fit, ellipsis) on arbitrary bytes with the deterministic EmMeasurer. The first four
// bytes choose the box (width, height, sizes, line limit, ruby, language, alignment); the rest is
// the text: ruby markup when it parses, else plain text. Checks the layout's promises in layout.h:
// nothing outside the box, the chosen size within [min_px, max_px], runs that spell the line.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feed/ruby.h"
#include "text/fake_measurer.h"
#include "text/layout.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

constexpr float kSlack = 0.01f;  // float rounding in sums of advances

void CheckLayout(const machikado::text::Layout& layout, const machikado::text::BoxSpec& box) {
  if (layout.lines.empty()) return;
  Check(layout.px <= box.max_px + kSlack && layout.px >= box.min_px - kSlack);
  Check(box.max_lines == 0 || layout.lines.size() <= static_cast<size_t>(box.max_lines));
  for (const auto& line : layout.lines) {
    Check(std::isfinite(line.x) && std::isfinite(line.y) && std::isfinite(line.w));
    Check(line.x >= -kSlack && line.x + line.w <= box.width + kSlack);
    Check(line.y >= -kSlack && line.y + line.h <= box.height + kSlack);
    std::string spelled;
    for (const auto& run : line.runs) {
      spelled += run.text;
      Check(line.x + run.x >= -kSlack && line.x + run.x + run.w <= box.width + kSlack);
    }
    Check(spelled == line.text);
    for (const auto& ruby : line.ruby) {
      Check(line.x + ruby.x >= -kSlack && line.x + ruby.x + ruby.w <= box.width + kSlack);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado;
  if (size < 4) return 0;
  text::BoxSpec box;
  box.width = 8.0f + static_cast<float>(data[0]) * 7.5f;   // 8 … 1920 px
  box.height = 8.0f + static_cast<float>(data[1]) * 4.2f;  // 8 … 1079 px
  box.max_px = 12.0f + static_cast<float>(data[2] % 64);   // 12 … 75 px
  box.min_px = box.max_px * (data[2] & 0x40 ? 0.5f : 1.0f);
  box.max_lines = data[3] & 0x7;  // 0 = unlimited
  box.draw_ruby = (data[3] & 0x8) == 0;
  static const char* const kLangs[] = {"ja", "en", "zh-Hans", "ja-x-easy"};
  box.lang = kLangs[(data[3] >> 4) & 0x3];
  box.align = static_cast<text::Align>(((data[3] >> 6) & 0x3) % 3);
  const std::string_view utf8(reinterpret_cast<const char*>(data) + 4, size - 4);

  text::EmMeasurer measurer;
  auto segments = feed::ParseRuby(utf8);
  if (segments.ok()) CheckLayout(text::LayoutText(segments.value(), box, measurer), box);
  CheckLayout(text::LayoutPlain(utf8, box, measurer), box);
  return 0;
}
