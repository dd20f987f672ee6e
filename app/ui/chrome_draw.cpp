#include "ui/chrome_draw.h"

#include <algorithm>
#include <cfloat>

#include <imgui.h>

#include "render/theme.h"
#include "ui/chrome_labels.h"

namespace machikado::ui {

namespace theme = render::theme;
using render::Color;
using render::Rgb;

namespace {

constexpr Color kBarBg = theme::kHeader;
constexpr Color kTabIdle = Rgb(0x2C4466);  // white text 9.6:1
constexpr Color kTabActive = Rgb(0xFFFFFF);
constexpr Color kCloseBg = Rgb(0xFFFFFF);
constexpr Color kCloseInk = Rgb(0x14243B);
constexpr Color kLangBg = Rgb(0xFFD34D);  // amber: the language button stands out for visitors
constexpr Color kLangInk = Rgb(0x1A1A1A);
constexpr int kIconNone = 0, kIconClose = 1, kIconGlobe = 2, kIconPrev = 3, kIconNext = 4;

ImU32 Im(Color c) {
  return IM_COL32(c.r, c.g, c.b, c.a);
}
Color Darker(Color c) {
  return {uint8_t(c.r * 0.8), uint8_t(c.g * 0.8), uint8_t(c.b * 0.8), c.a};
}

// One button: background, label (and an optional small caption above it), pressed look.
void Button(const char* id, RectF r, const std::string& label, const std::string& caption, Color bg,
            Color fg, const std::string& role, const std::string& lang, render::LayoutRecord& rec,
            int icon) {
  ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
  ImGui::InvisibleButton(id, ImVec2(r.w, r.h));
  const bool pressed = ImGui::IsItemActive();
  const Color fill = pressed ? Darker(bg) : bg;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float u = r.h / 100.0f;
  dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), Im(fill), 14 * u);
  rec.boxes.push_back({role, r, fill});
  ImFont* font = ImGui::GetFont();
  const float base_px = font->FontSize;
  float cap_px = caption.empty() ? 0 : base_px * 0.62f;
  float px = base_px;
  const float icon_w = icon == kIconNone ? 0 : r.h * 0.42f;
  const float pad = 18 * u, room = r.w - 2 * pad - (icon_w > 0 ? icon_w + 12 * u : 0);
  ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
  float cap_w = cap_px > 0 ? font->CalcTextSizeA(cap_px, FLT_MAX, 0, caption.c_str()).x : 0;
  const float widest = std::max(size.x, cap_w);
  if (widest > room) {  // long names (Tiếng Việt, Preparedness) shrink to fit, never overflow
    const float k = room / widest;
    px *= k;
    cap_px *= k;
    cap_w *= k;
    size = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
  }
  const float block_h = px + (cap_px > 0 ? cap_px * 1.15f : 0);
  const float total_w = std::max(size.x, cap_w) + (icon_w > 0 ? icon_w + 12 * u : 0);
  float x = r.x + (r.w - total_w) / 2, y = r.y + (r.h - block_h) / 2;
  if (icon_w > 0) {
    const ImVec2 c(x + icon_w / 2, r.y + r.h / 2);
    const float rad = icon_w / 2, t = std::max(2.f, icon_w * 0.12f);
    const ImU32 col = Im(fg);
    switch (icon) {
      case kIconClose:
        dl->AddLine(ImVec2(c.x - rad * 0.7f, c.y - rad * 0.7f),
                    ImVec2(c.x + rad * 0.7f, c.y + rad * 0.7f), col, t);
        dl->AddLine(ImVec2(c.x - rad * 0.7f, c.y + rad * 0.7f),
                    ImVec2(c.x + rad * 0.7f, c.y - rad * 0.7f), col, t);
        break;
      case kIconGlobe:
        dl->AddCircle(c, rad, col, 32, t * 0.8f);
        dl->AddLine(ImVec2(c.x - rad, c.y), ImVec2(c.x + rad, c.y), col, t * 0.6f);
        dl->AddBezierCubic(ImVec2(c.x, c.y - rad), ImVec2(c.x + rad * 0.6f, c.y - rad * 0.5f),
                           ImVec2(c.x + rad * 0.6f, c.y + rad * 0.5f), ImVec2(c.x, c.y + rad), col,
                           t * 0.6f);
        dl->AddBezierCubic(ImVec2(c.x, c.y - rad), ImVec2(c.x - rad * 0.6f, c.y - rad * 0.5f),
                           ImVec2(c.x - rad * 0.6f, c.y + rad * 0.5f), ImVec2(c.x, c.y + rad), col,
                           t * 0.6f);
        break;
      case kIconPrev:
        dl->AddTriangleFilled(ImVec2(c.x - rad * 0.8f, c.y),
                              ImVec2(c.x + rad * 0.6f, c.y - rad * 0.8f),
                              ImVec2(c.x + rad * 0.6f, c.y + rad * 0.8f), col);
        break;
      case kIconNext:
        dl->AddTriangleFilled(ImVec2(c.x + rad * 0.8f, c.y),
                              ImVec2(c.x - rad * 0.6f, c.y - rad * 0.8f),
                              ImVec2(c.x - rad * 0.6f, c.y + rad * 0.8f), col);
        break;
    }
    x += icon_w + 12 * u;
  }
  if (cap_px > 0) {
    const ImVec2 cs = font->CalcTextSizeA(cap_px, FLT_MAX, 0, caption.c_str());
    dl->AddText(font, cap_px, ImVec2(x, y), Im(fg), caption.c_str());
    rec.texts.push_back(
        {caption, "button-caption", lang, {x, y, cs.x, cap_px}, cap_px, fg, fill, r});
    y += cap_px * 1.15f;
  }
  dl->AddText(font, px, ImVec2(x, y), Im(fg), label.c_str());
  rec.texts.push_back({label, "button", lang, {x, y, size.x, px}, px, fg, fill, r});
}

}  // namespace

void DrawDetailChrome(const DetailFrame& f, render::LayoutRecord& rec) {
  const ChromeLayout& l = *f.chrome;
  const UiState& st = *f.state;
  const std::string& lang = st.language;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(l.top_bar.x, l.top_bar.y), ImVec2(l.top_bar.right(), l.top_bar.bottom()),
                    Im(kBarBg));
  rec.boxes.push_back({"top-bar", l.top_bar, kBarBg});
  for (size_t i = 0; i < l.tabs.size(); ++i) {
    const bool active = st.tab == kTabs[i];
    Button(("tab" + std::to_string(i)).c_str(), l.tabs[i], TabLabel(kTabs[i], lang), "",
           active ? kTabActive : kTabIdle, active ? kBarBg : Rgb(0xFFFFFF),
           std::string(active ? "tab-active:" : "tab:") + std::to_string(i), lang, rec, kIconNone);
  }
  if (st.detail_languages.size() > 1) {
    const std::string next = NextLanguage(st.detail_languages, lang);
    Button("language", l.language, LanguageName(next),
           ChromeText(ChromeLabel::kLanguage, lang) + " · Language", kLangBg, kLangInk,
           "button:language", next, rec, kIconGlobe);
  }
  Button("close", l.close, ChromeText(ChromeLabel::kClose, lang), "", kCloseBg, kCloseInk,
         "button:close", lang, rec, kIconClose);
}

void DrawBrowseBar(const DetailFrame& f, render::LayoutRecord& rec) {
  const ChromeLayout& l = *f.chrome;
  const UiState& st = *f.state;
  const std::string& lang = st.language;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Color bar = kBarBg.with_alpha(235);
  dl->AddRectFilled(ImVec2(l.browse_bar.x, l.browse_bar.y),
                    ImVec2(l.browse_bar.right(), l.browse_bar.bottom()), Im(bar));
  rec.boxes.push_back({"browse-bar", l.browse_bar, kBarBg});
  Button("prev", l.previous, ChromeText(ChromeLabel::kPrevious, lang), "", kTabIdle, Rgb(0xFFFFFF),
         "button:previous", lang, rec, kIconPrev);
  Button("next", l.next, ChromeText(ChromeLabel::kNext, lang), "", kTabIdle, Rgb(0xFFFFFF),
         "button:next", lang, rec, kIconNext);
  for (size_t i = 0; i < l.browse_tabs.size(); ++i) {
    const bool active = st.tab == kTabs[i];
    Button(("btab" + std::to_string(i)).c_str(), l.browse_tabs[i], TabLabel(kTabs[i], lang), "",
           active ? kTabActive : kTabIdle, active ? kBarBg : Rgb(0xFFFFFF),
           std::string(active ? "tab-active:" : "tab:") + std::to_string(i), lang, rec, kIconNone);
  }
}

}  // namespace machikado::ui
