// Test helpers for render/: an offscreen renderer with the real fonts, and feeds loaded from the
// source tree. For tests only.
#pragma once

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/log.h"
#include "feed/parse.h"
#include "platform/build_paths.h"
#include "render/font_set.h"
#include "render/offscreen.h"
#include "render/slide_renderer.h"

namespace machikado::render::testing {

inline feed::Feed LoadFeed(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  feed::ParseOutcome p = feed::ParseFeed(ss.str(), {}, path);
  EXPECT_TRUE(p.feed.has_value()) << path;
  return p.feed ? *p.feed : feed::Feed{};
}

// One offscreen renderer + fonts + slide renderer, shared by a test suite (fonts are slow to open).
struct RenderRig {
  MemoryLog log;
  std::unique_ptr<Offscreen> screen;
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<SlideRenderer> renderer;

  static std::unique_ptr<RenderRig> Create(int w, int h) {
    auto rig = std::make_unique<RenderRig>();
    auto s = Offscreen::Create(w, h);
    if (!s.ok()) return nullptr;
    rig->screen = std::move(s.value());
    auto f = FontSet::Open({}, rig->log);
    if (!f.ok()) return nullptr;
    rig->fonts = std::move(f.value());
    rig->renderer = std::make_unique<SlideRenderer>(rig->screen->renderer(), *rig->fonts, rig->log);
    return rig;
  }
};

// Whether any text drawn in the record contains `needle`.
inline bool HasText(const LayoutRecord& r, const std::string& needle) {
  return std::any_of(r.texts.begin(), r.texts.end(), [&](const RecordedText& t) {
    return t.text.find(needle) != std::string::npos;
  });
}

inline SlideContext ContextFor(int w, int h, const std::string& lang) {
  SlideContext ctx;
  ctx.width = w;
  ctx.height = h;
  ctx.lang = lang;
  ctx.now = 1795410300;  // 2026-11-23T14:05:00+09:00
  ctx.center_name.variants.push_back(
      {"ja", "池尻まちづくりセンター", {{"池尻まちづくりセンター", ""}}});
  ctx.asset_dirs = {std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
  ctx.resolve_image = [](const std::string& u) { return u; };
  ctx.total = 7;
  ctx.confirmed_at = ctx.now - 900;
  return ctx;
}

}  // namespace machikado::render::testing
