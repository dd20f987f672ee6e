// Detail views in Korean, Chinese and Vietnamese draw their text whole: the lines of each title,
// summary and body block, joined, equal the feed's text — or a prefix of it ending with "…", and
// then the ellipsis must not have dropped a character there was room for. Headless: software
// renderer, demo feeds, real fonts; checked through the layout record.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "feed/parse.h"
#include "platform/build_paths.h"
#include "render/offscreen.h"
#include "ui/detail_export.h"

namespace machikado::ui {
namespace {

std::string WithoutSpaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out.push_back(c);
  return out;
}

class DetailLanguagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const char* name : {"alerts", "drill", "news", "preparedness", "projects"}) {
      const std::string path = std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/" + name + ".json";
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      auto outcome = feed::ParseFeed(ss.str(), {}, path);
      ASSERT_TRUE(outcome.feed) << path;
      for (auto& item : outcome.feed->items) items_->push_back(item);
    }
  }

  void SetUp() override {
    auto screen = render::Offscreen::Create(1920, 1080);
    ASSERT_TRUE(screen.ok()) << screen.status().message();
    screen_ = std::move(screen).value();
    auto fonts = render::FontSet::Open({}, log_);
    ASSERT_TRUE(fonts.ok()) << fonts.status().message();
    fonts_ = std::move(fonts).value();
    auto exporter = DetailExporter::Create(screen_->renderer(), *fonts_, log_, 96);
    ASSERT_TRUE(exporter.ok()) << exporter.status().message();
    exporter_ = std::move(exporter).value();
  }

  render::SlideContext Ctx(const std::string& lang) {
    render::SlideContext ctx;
    ctx.lang = lang;
    ctx.now = 1795392000;
    ctx.resolve_image = [](const std::string& url) { return url.rfind("http", 0) == 0 ? "" : url; };
    ctx.asset_dirs = {std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
    return ctx;
  }

  // The text drawn for `role` in its first block (consecutive lines laid out in the same box).
  static std::string Block(const render::LayoutRecord& r, const std::string& role) {
    std::string out;
    const render::RecordedText* first = nullptr;
    for (const auto& t : r.texts) {
      if (t.role != role) {
        if (first) break;
        continue;
      }
      if (first && (t.box.x != first->box.x || t.box.y != first->box.y)) break;
      if (!first) first = &t;
      out += t.text;
    }
    return out;
  }

  // Checks the drawn block against the source, for every item that has `lang` in that field.
  void CheckLanguage(const std::string& lang) {
    size_t checked = 0;
    for (const feed::Item& item : *items_) {
      struct Field {
        const feed::Text* text;
        const char* role;
      };
      for (const Field& f : {Field{&item.title, "title"}, Field{&item.summary, "summary"},
                             Field{&item.body, "body"}}) {
        const feed::LocalizedString* v = f.text->pick(lang);
        if (!v || v->lang != lang) continue;
        ASSERT_TRUE(exporter_->Prepare(item, Ctx(lang), tex_));
        // The whole column, scrolled-out lines included (the frame's record lists what is visible).
        const std::string drawn = WithoutSpaces(Block(exporter_->view().content_record(), f.role));
        const std::string source = WithoutSpaces(v->plain());
        SCOPED_TRACE(item.id + " " + lang + " " + f.role + "\n  drawn:  " + drawn +
                     "\n  source: " + source);
        ++checked;
        if (drawn == source) continue;
        const std::string ellipsis = "…";
        ASSERT_TRUE(drawn.ends_with(ellipsis)) << "text lost without an ellipsis";
        const std::string kept = drawn.substr(0, drawn.size() - ellipsis.size());
        EXPECT_TRUE(source.starts_with(kept)) << "the drawn text is not a prefix of the source";
      }
    }
    EXPECT_GT(checked, 0u) << "no demo item has " << lang;
  }

  static inline std::vector<feed::Item>* items_ = new std::vector<feed::Item>;
  MemoryLog log_;
  std::unique_ptr<render::Offscreen> screen_;
  std::unique_ptr<render::FontSet> fonts_;
  std::unique_ptr<DetailExporter> exporter_;
  render::SlideTexture tex_;
};

TEST_F(DetailLanguagesTest, KoreanTextIsDrawnWholeOrUpToAnEllipsis) {
  CheckLanguage("ko");
}
TEST_F(DetailLanguagesTest, ChineseTextIsDrawnWholeOrUpToAnEllipsis) {
  CheckLanguage("zh-Hans");
}
TEST_F(DetailLanguagesTest, VietnameseTextIsDrawnWholeOrUpToAnEllipsis) {
  CheckLanguage("vi");
}

}  // namespace
}  // namespace machikado::ui
