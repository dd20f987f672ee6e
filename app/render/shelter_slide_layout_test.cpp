// The shelter slide 「この近くの指定緊急避難場所」 in both orientations and every language the
// kiosk speaks: every text inside its box and the screen at ≥ 7:1 (4.5:1 for large graphics), names
// and legend never cut, the pictograms of each shelter's designations and only those, the legend,
// and the takeover's QR code to a shelter's location.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "feed/nearby_shelters.h"
#include "feed/shelter_refs.h"
#include "feed/shelter_slide.h"
#include "render/render_test_util.h"
#include "render/shelter_labels.h"
#include "render/theme.h"
#include "test_paths.h"
#include "text/layout.h"

namespace machikado::render {
namespace {

using testing::HasText;

using testing::ContextFor;
using testing::LoadFeed;
using testing::RenderRig;

const char* const kLangs[] = {"ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"};

class ShelterSlideLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rig_ = RenderRig::Create(256, 256).release(); }
  static void TearDownTestSuite() {
    delete rig_;
    rig_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(rig_, nullptr) << "fonts or SDL unavailable";
    feed::Feed f = LoadFeed(std::string(MACHIKADO_TESTS_DIR) + "/shelters/register.json");
    reg_.Add(f.shelters);
  }
  static LayoutRecord Render(const feed::Item& item, const SlideContext& ctx, SlideMode mode) {
    SlideTexture tex;
    EXPECT_TRUE(rig_->renderer->Prepare(item, ctx, mode, tex));
    return tex.record;
  }
  feed::Item Slide(bool located, size_t count = 4) const {
    feed::NearbyShelterQuery q;
    if (located) {
      q.lat = 35.6505;
      q.lon = 139.6845;
    } else {
      q.ids = {"X-0003", "X-0001", "X-0007"};
    }
    q.count = count;
    auto item = feed::MakeShelterSlideItem(feed::SelectNearbyShelters(reg_, q));
    EXPECT_TRUE(item.has_value());
    return item.value_or(feed::Item{});
  }

  static RenderRig* rig_;
  feed::ShelterRegister reg_;
};
RenderRig* ShelterSlideLayoutTest::rig_ = nullptr;

size_t Count(const LayoutRecord& r, const std::string& role) {
  return size_t(std::count_if(r.boxes.begin(), r.boxes.end(),
                              [&](const RecordedBox& b) { return b.role == role; }));
}

// Whether `name` is drawn whole, on one line or two (the lines joined, spaces ignored).
bool HasName(const LayoutRecord& r, std::string name, const std::string& role = "body") {
  std::string all;
  for (const auto& t : r.texts)
    if (t.role == role) all += t.text;
  auto strip = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  return strip(all).find(strip(name)) != std::string::npos;
}

// `whole_names`: shelter names (body text in ink) are never cut either (the shelter slide; the
// alert's shelter list may cut a long name).
void ExpectWellFormed(const LayoutRecord& rec, const std::string& what, bool whole_names = true) {
  const RectF screen{0, 0, float(rec.width), float(rec.height)};
  for (const auto& b : rec.boxes)
    EXPECT_TRUE(screen.Contains(b.rect, 1.0f))
        << what << ": box " << b.role << " leaves the screen";
  for (const auto& t : rec.texts) {
    const std::string line = what + ": " + t.role + " \"" + t.text + "\"";
    EXPECT_TRUE(screen.Contains(t.rect, 1.0f)) << line << " leaves the screen";
    EXPECT_TRUE(t.box.Contains(t.rect, 1.0f)) << line << " leaves its box";
    if (t.role != "ruby") {
      EXPECT_TRUE(text::SatisfiesKinsoku({t.text})) << line;
    }
    // Body text ≥ 7:1 (docs/render.md); large text and the official level colours ≥ 4.5:1.
    static const std::set<std::string> kBody = {
        "title", "summary", "body",   "label",          "meta",
        "value", "header",  "footer", "shelter-status", "action-number"};
    EXPECT_GE(ContrastRatio(t.fg, t.bg), kBody.count(t.role) ? 7.0 : 4.5) << line;
    // Legend, distances and names are never cut short.
    if (t.role == "label" || t.role == "value" || t.role == "title" ||
        (whole_names && t.role == "body" && t.fg == theme::kInk)) {
      EXPECT_EQ(t.text.find("…"), std::string::npos) << line << " is cut";
    }
  }
}

TEST_F(ShelterSlideLayoutTest, FitsInBothOrientationsInEveryLanguage) {
  for (bool located : {true, false}) {
    const feed::Item item = Slide(located);
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{1280, 720}})
      for (const char* lang : kLangs) {
        const std::string what = std::string(lang) + " " + std::to_string(w) + "x" +
                                 std::to_string(h) + (located ? " located" : " by ids");
        const LayoutRecord rec = Render(item, ContextFor(w, h, lang), SlideMode::kRotation);
        ExpectWellFormed(rec, what);
        // Every chosen shelter is listed, by its whole name in the screen's language.
        EXPECT_EQ(Count(rec, "shelter"), item.preparedness.nearby_shelters.size()) << what;
        for (const auto& n : item.preparedness.nearby_shelters)
          EXPECT_TRUE(HasName(rec, n.shelter.name.plain(lang))) << what << " " << n.shelter.id;
        // The legend names all eight hazards with their pictograms.
        EXPECT_EQ(Count(rec, "legend-pictogram:image"), 8u) << what;
        for (feed::Hazard hz : kShelterHazards)
          EXPECT_TRUE(HasName(rec, ShelterHazardName(hz, lang), "label")) << what << " " << int(hz);
        EXPECT_TRUE(HasText(rec, ShelterText(ShelterWord::kNoSymbolNote, lang).substr(0, 12)))
            << what;
        EXPECT_EQ(HasText(rec, ShelterText(ShelterWord::kStraightLine, lang)), located) << what;
      }
  }
}

TEST_F(ShelterSlideLayoutTest, NearestFirstWithDistancesAndOnlyTheirDesignations) {
  const feed::Item item = Slide(true);
  const auto& list = item.preparedness.nearby_shelters;
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].shelter.id, "X-0001");  // ≈ 90 m from the kiosk
  const LayoutRecord rec = Render(item, ContextFor(1920, 1080, "ja"), SlideMode::kRotation);
  EXPECT_TRUE(HasText(rec, "この近くの指定緊急避難場所"));
  EXPECT_TRUE(HasText(rec, FormatDistance(*list[0].distance_m, "ja")));
  size_t designated = 0;
  for (const auto& n : list) designated += n.shelter.hazards.size();
  EXPECT_EQ(Count(rec, "hazard-designated:image"), designated);
  EXPECT_EQ(Count(rec, "hazard-designated:image") + Count(rec, "hazard-slot"), 8 * list.size());
}

TEST_F(ShelterSlideLayoutTest, DistancesReadAsPeopleSayThem) {
  EXPECT_EQ(FormatDistance(87, "ja"), "約90m");
  EXPECT_EQ(FormatDistance(3, "en"), "10 m");
  EXPECT_EQ(FormatDistance(994, "ja-x-easy"), "約990m");
  EXPECT_EQ(FormatDistance(1234, "en"), "1.2 km");
  EXPECT_EQ(FormatDistance(2960, "ja"), "約3.0km");
}

TEST_F(ShelterSlideLayoutTest, TakeoverOffersTheFirstShelterToGoToAsAQrCode) {
  feed::Item alert;
  alert.id = "a";
  alert.kind = feed::Kind::kAlert;
  alert.title.variants.push_back({"ja", "避難指示", {{"避難指示", ""}}});
  alert.alert.level = 4;
  alert.alert.hazard = feed::Hazard::kTsunami;
  for (const char* id : {"X-0002", "X-0003", "X-0001"}) {
    feed::Shelter s;
    s.ref = s.id = id;
    s.status =
        std::string(id) == "X-0002" ? feed::ShelterStatus::kClosed : feed::ShelterStatus::kOpen;
    alert.alert.shelters.push_back(s);
  }
  feed::ResolveShelterRefs(&alert, reg_);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}})
    for (const char* lang : {"ja", "en"}) {
      SlideContext ctx = ContextFor(w, h, lang);
      ctx.shelter_map_url = "https://maps.example.jp/?q={lat},{lon}";
      const LayoutRecord rec = Render(alert, ctx, SlideMode::kTakeover);
      const std::string what =
          std::string(lang) + " " + std::to_string(w) + "x" + std::to_string(h);
      ExpectWellFormed(rec, what, /*whole_names=*/false);
      auto qr = std::find_if(rec.boxes.begin(), rec.boxes.end(),
                             [](const RecordedBox& b) { return b.role == "qr"; });
      ASSERT_NE(qr, rec.boxes.end()) << what;
      EXPECT_EQ(qr->rect.w, qr->rect.h);
      EXPECT_GE(qr->rect.w, 200) << what;
      // X-0003 is open and designated for tsunami: it comes first (X-0002 is closed).
      EXPECT_TRUE(
          HasText(rec, std::string(lang) == "ja" ? "東みどり台中学校" : "Higashi-Midoridai"))
          << what;
      EXPECT_EQ(Count(rec, "shelter"), 3u) << what;
    }
}

}  // namespace
}  // namespace machikado::render
