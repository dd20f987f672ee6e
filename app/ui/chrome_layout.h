// ChromeLayout: where the touch chrome sits on a screen of a given size and DPI — the detail view's
// top bar (category tabs, language button, close button), its content area, and the browse bar
// shown over the rotation while a visitor is interacting (tabs, language, previous/next). One pure
// computation shared by the input interpreter (hit testing) and DetailView (drawing), so what is
// drawn is exactly what reacts. Every target is at least MinTargetPx square-ish. Plain value type.
#pragma once

#include <array>

#include "render/layout_record.h"
#include "ui/chrome_labels.h"

namespace machikado::ui {

using render::RectF;

struct ChromeLayout {
  int width = 0, height = 0;
  float unit = 1;         // min(width, height) / 1080
  float min_target = 48;  // smallest allowed touch target side, px
  bool portrait = false;
  float label_px = 40;  // button label size

  // Detail view.
  RectF top_bar;
  std::array<RectF, 4> tabs;  // kTabs order: すべて, ニュース, 防災, 事業
  RectF language;
  RectF close;
  RectF content;  // everything under the top bar

  // Browse bar over the rotation (bottom of the screen).
  RectF browse_bar;
  std::array<RectF, 4> browse_tabs;
  RectF browse_language;
  RectF previous, next;
};

ChromeLayout ComputeChromeLayout(int width, int height, double dpi);

// Which target of the detail view / browse bar a point hits.
enum class Target { kNone, kTab, kLanguage, kClose, kPrevious, kNext };
struct Hit {
  Target target = Target::kNone;
  Tab tab = Tab::kAll;
};
Hit HitDetail(const ChromeLayout& l, float x, float y);
Hit HitBrowseBar(const ChromeLayout& l, float x, float y);

}  // namespace machikado::ui
