// Draws real detail views headless (software renderer, demo feeds) and checks what was drawn
// through the layout record and the pixels.
#include "ui/detail_view.h"

#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "feed/parse.h"
#include "platform/build_paths.h"
#include "render/labels.h"
#include "render/offscreen.h"
#include "render/qr_code.h"
#include "ui/detail_export.h"
#include "ui/touch_metrics.h"

namespace machikado::ui {
namespace {

class DetailViewTest : public ::testing::Test {
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

  const feed::Item& Item(const std::string& id) {
    for (const auto& i : *items_)
      if (i.id == id) return i;
    ADD_FAILURE() << "no demo item " << id;
    return items_->front();
  }

  render::SlideContext Ctx(const std::string& lang) {
    render::SlideContext ctx;
    ctx.lang = lang;
    ctx.now = 1795392000;
    ctx.resolve_image = [](const std::string& url) { return url.rfind("http", 0) == 0 ? "" : url; };
    ctx.asset_dirs = {std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
    return ctx;
  }

  render::LayoutRecord Draw(const std::string& id, const std::string& lang = "ja") {
    EXPECT_TRUE(exporter_->Prepare(Item(id), Ctx(lang), tex_));
    return tex_.record;
  }

  static std::vector<const render::RecordedText*> Role(const render::LayoutRecord& r,
                                                       const std::string& role) {
    std::vector<const render::RecordedText*> out;
    for (const auto& t : r.texts)
      if (t.role == role) out.push_back(&t);
    return out;
  }
  static const render::RecordedBox* Box(const render::LayoutRecord& r, const std::string& role) {
    for (const auto& b : r.boxes)
      if (b.role == role) return &b;
    return nullptr;
  }
  static bool HasText(const render::LayoutRecord& r, const std::string& needle) {
    for (const auto& t : r.texts)
      if (t.text.find(needle) != std::string::npos) return true;
    return false;
  }

  static inline std::vector<feed::Item>* items_ = new std::vector<feed::Item>;
  MemoryLog log_;
  std::unique_ptr<render::Offscreen> screen_;
  std::unique_ptr<render::FontSet> fonts_;
  std::unique_ptr<DetailExporter> exporter_;
  render::SlideTexture tex_;
};

TEST_F(DetailViewTest, NewsDetailShowsTheBodyTextBelowTheTitle) {
  const feed::Item& item = Item("news-smartphone-soudankai");
  const auto screen = Draw(item.id);
  EXPECT_TRUE(HasText(screen, "閉じる"));
  const auto& rec = exporter_->view().content_record();
  auto body = Role(rec, "body");
  ASSERT_FALSE(body.empty());
  std::string plain = item.body.plain("ja");
  std::erase(plain, '\n');
  EXPECT_EQ(plain.rfind(body.front()->text, 0), 0u) << body.front()->text;
  auto title = Role(rec, "title");
  ASSERT_FALSE(title.empty());
  EXPECT_LT(title.front()->rect.y, body.front()->rect.y);
  EXPECT_FALSE(Role(rec, "event").empty());  // 日時 / 場所 / 費用
}

TEST_F(DetailViewTest, AlertDetailListsEveryShelterOpenFirstWithStatusInWords) {
  const feed::Item& item = Item("alert-l4-gakesen-landslide");
  Draw(item.id);
  const auto& rec = exporter_->view().content_record();
  auto status = Role(rec, "shelter-status");
  ASSERT_EQ(status.size(), item.alert.shelters.size());
  std::map<std::string, int> rank{{"開設", 0}, {"満員", 1}, {"状況不明", 2}, {"閉鎖", 3}};
  for (size_t i = 1; i < status.size(); ++i) {
    EXPECT_LT(status[i - 1]->rect.y, status[i]->rect.y);
    EXPECT_LE(rank.at(status[i - 1]->text), rank.at(status[i]->text));
  }
  EXPECT_EQ(status.front()->text, "開設");
  EXPECT_TRUE(HasText(rec, "警戒レベル"));
}

TEST_F(DetailViewTest, QrCodeOnScreenIsTheItemsUrlModuleForModule) {
  const feed::Item& item = Item("news-smartphone-soudankai");
  const auto rec = Draw(item.id);
  const render::RecordedBox* qr_box = Box(rec, "qr");
  ASSERT_NE(qr_box, nullptr);
  auto qr = render::EncodeQr(item.url);
  ASSERT_TRUE(qr.ok());
  const int total = qr->size + 2 * kQrQuietModules;
  const int module = int(qr_box->rect.w) / total;
  EXPECT_GE(module, kQrMinModulePx);
  EXPECT_GE(qr_box->rect.w * 25.4 / 96, kQrMinMm);
  const std::vector<uint32_t> px = screen_->Pixels(tex_);
  ASSERT_EQ(px.size(), size_t(1920 * 1080));
  auto dark = [&](int x, int y) { return (px[size_t(y) * 1920 + x] & 0xFF) < 128; };
  for (int my = -kQrQuietModules; my < qr->size + kQrQuietModules; ++my)
    for (int mx = -kQrQuietModules; mx < qr->size + kQrQuietModules; ++mx) {
      const int cx = int(qr_box->rect.x) + (mx + kQrQuietModules) * module + module / 2;
      const int cy = int(qr_box->rect.y) + (my + kQrQuietModules) * module + module / 2;
      const bool want = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size && qr->at(mx, my);
      ASSERT_EQ(dark(cx, cy), want) << "module " << mx << "," << my;
    }
}

TEST_F(DetailViewTest, EasyJapaneseDetailDrawsRuby) {
  Draw("news-smartphone-soudankai", "ja-x-easy");
  const auto& rec = exporter_->view().content_record();
  EXPECT_FALSE(Role(rec, "ruby").empty());
  // Each text in the easy variant where the item provides one, else the feed's fallback (ja).
  const feed::Item& item = Item("news-smartphone-soudankai");
  for (const auto* t : Role(rec, "title")) EXPECT_EQ(t->lang, item.title.pick("ja-x-easy")->lang);
  for (const auto* t : Role(rec, "body")) EXPECT_EQ(t->lang, item.body.pick("ja-x-easy")->lang);
  EXPECT_EQ(Role(rec, "title").front()->lang, "ja-x-easy");
}

TEST_F(DetailViewTest, EnglishDetailUsesEnglishTextAndChrome) {
  const auto screen = Draw("news-smartphone-soudankai", "en");
  EXPECT_TRUE(HasText(screen, "Close"));
  auto body = Role(exporter_->view().content_record(), "body");
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(body.front()->lang, "en");
}

TEST_F(DetailViewTest, ExerciseDetailCarriesTheExerciseMark) {
  const auto rec = Draw("drill-ikejiri-jishin-kunren");
  EXPECT_TRUE(HasText(rec, "訓練"));
  EXPECT_TRUE(HasText(rec, "EXERCISE"));
}

TEST_F(DetailViewTest, ChromeTargetsAreLargeEnoughAndLanguageButtonNamesTheNextLanguage) {
  const auto rec = Draw("news-bousaijuku-zaitaku");
  const float min = MinTargetPx(96, 1920, 1080);
  for (const char* role :
       {"button:close", "button:language", "tab-active:0", "tab:1", "tab:2", "tab:3"}) {
    const render::RecordedBox* b = Box(rec, role);
    ASSERT_NE(b, nullptr) << role;
    EXPECT_GE(b->rect.w, min) << role;
    EXPECT_GE(b->rect.h, min) << role;
  }
  EXPECT_TRUE(HasText(rec, "English"));
  for (const auto& t : rec.texts) {
    const render::RectF screen{0, 0, 1920, 1080};
    EXPECT_TRUE(screen.Contains(t.rect, 1.0f)) << t.text;
  }
}

TEST_F(DetailViewTest, ScrollingShowsTheRestOfALongNotice) {
  const feed::Item& item = Item("alert-l4-gakesen-landslide");
  const auto top = Draw(item.id);
  ASSERT_GT(exporter_->view().scroll_max(), 0);
  EXPECT_NE(Box(top, "scroll-hint"), nullptr);
  ASSERT_TRUE(exporter_->Prepare(item, Ctx("ja"), tex_, 1e6f));
  const auto bottom = tex_.record;
  EXPECT_EQ(Box(bottom, "scroll-hint"), nullptr);  // at the end: no "more below"
  auto body = Role(bottom, "body");
  ASSERT_FALSE(body.empty());
  const auto all_body = Role(exporter_->view().content_record(), "body");
  EXPECT_EQ(body.back()->text, all_body.back()->text);  // the last line of the notice is on screen
}

// Found by the soak run (docs/soak.md): the detail view's canvas was never given the snapshot's
// image bytes, so an image fetched over http(s) was tried as a file, failed, and was missing from
// every detail — and each such URL was remembered as failed for the rest of the kiosk's life.
TEST_F(DetailViewTest, RemoteImageIsDrawnFromTheSnapshotsBytes) {
  feed::Item item = Item("news-bousaijuku-zaitaku");
  ASSERT_TRUE(item.image);
  const std::string url = "https://example.jp/images/bousai-bag.png";
  item.image->url = url;
  std::ifstream in(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/images/bousai-bag.png",
                   std::ios::binary);
  std::stringstream png;
  png << in.rdbuf();
  const std::string bytes = png.str();
  ASSERT_FALSE(bytes.empty());
  render::SlideContext ctx = Ctx("ja");
  ctx.resolve_image = [url](const std::string& u) { return u == url ? u : ""; };
  ctx.image_bytes = [url, &bytes](const std::string& u) -> const std::string* {
    return u == url ? &bytes : nullptr;
  };
  ASSERT_TRUE(exporter_->Prepare(item, ctx, tex_));
  EXPECT_NE(Box(tex_.record, "detail:image"), nullptr);
  EXPECT_FALSE(log_.contains("cannot load image"));
}

TEST_F(DetailViewTest, FontAtlasStaysSmallAndIsReplacedNotAccumulated) {
  size_t opened = 0, items = 0;
  for (size_t k = 0; k < items_->size(); k += 3) {  // every kind, a third of the demo: enough churn
    const feed::Item& item = (*items_)[k];
    ++items;
    for (const char* lang : {"ja", "en", "ko", "zh-Hans", "vi", "ja-x-easy"}) {
      ASSERT_TRUE(exporter_->Prepare(item, Ctx(lang), tex_));
      ++opened;
    }
  }
  const DetailViewStats s = exporter_->view().stats();
  EXPECT_GT(s.atlas.builds, 1u);
  EXPECT_LE(s.atlas.textures_live, 1u);
  EXPECT_LE(s.atlas.glyphs, GlyphAtlas::kMaxGlyphs);
  EXPECT_LE(s.atlas.max_texture_bytes, size_t(4)
                                           << 20);  // the full Japanese range would be 128 MiB
  EXPECT_LE(s.content_textures, 2u);
  EXPECT_LE(s.content_builds, opened);  // a language an item lacks falls back: same content
  EXPECT_GT(s.content_builds, items);
}

}  // namespace
}  // namespace machikado::ui

namespace machikado::ui {
namespace {

TEST_F(DetailViewTest, TrimFreesContentTexturesAndCachesAndTheNextOpenRebuilds) {
  ASSERT_TRUE(exporter_->Prepare((*items_)[0], Ctx("ja"), tex_));
  DetailView& view = exporter_->view();
  ASSERT_GT(view.stats().content_textures, 0u);
  ASSERT_GT(view.stats().text_cache.entries, 0u);
  view.Trim();
  EXPECT_EQ(view.stats().content_textures, 0u);
  EXPECT_EQ(view.stats().text_cache.entries, 0u);
  EXPECT_EQ(view.stats().image_cache.entries, 0u);
  ASSERT_TRUE(exporter_->Prepare((*items_)[0], Ctx("ja"), tex_));
  EXPECT_TRUE(HasText(tex_.record, (*items_)[0].title.plain("ja").substr(0, 6)));
}

}  // namespace
}  // namespace machikado::ui

namespace machikado::ui {
namespace {

TEST_F(DetailViewTest, GlyphsBizUdLacksAreDrawnByTheRenderersFontsOnlyWhenNeeded) {
  ASSERT_TRUE(exporter_->Prepare((*items_)[0], Ctx("ja"), tex_));
  EXPECT_EQ(exporter_->view().stats().atlas.custom_glyphs, 0u);  // BIZ UDPGothic has every glyph
  ASSERT_TRUE(exporter_->Prepare((*items_)[0], Ctx("ko"), tex_));
  EXPECT_GT(exporter_->view().stats().atlas.custom_glyphs, 0u);  // Hangul chrome labels
  EXPECT_TRUE(HasText(tex_.record, "닫기"));
}

}  // namespace
}  // namespace machikado::ui
