// The staff preview shows what the lobby shows: `machikado render`'s manifest lists the slides in
// the order a running kiosk puts them on screen — the takeover view's pages, then, once the
// takeover alert has expired, one rotation cycle with its interleaving and repeats. The kiosk side
// is the screen step as App::Decide calls it, once per frame (every 100 ms of a fake clock), so the
// test also covers catching up slide by slide between frames.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"
#include "config/config.h"
#include "core/clock.h"
#include "feed/datetime.h"
#include "feed/parse.h"
#include "schedule/screen_plan.h"

namespace machikado {
namespace {

using testing::Call;
using testing::ReadFile;
using testing::WriteFile;

// News of three priorities (one shown three times a cycle, one twice), preparedness, a project, a
// banner alert and a takeover alert in two languages that expires 16 s after kAt (two 8 s pages).
const char kFeed[] = R"({
  "format": "machikado-feed/1", "id": "order", "title": {"ja": "順番センター"},
  "generated": "2026-11-23T09:00:00+09:00",
  "items": [
    {"id": "n-low", "kind": "news", "priority": 10, "title": {"ja": "お知らせ一"}},
    {"id": "n-top", "kind": "news", "priority": 95, "title": {"ja": "お知らせ二"}},
    {"id": "n-mid", "kind": "news", "priority": 75, "title": {"ja": "お知らせ三"}},
    {"id": "n-plain", "kind": "news", "title": {"ja": "お知らせ四"}},
    {"id": "prep", "kind": "preparedness", "title": {"ja": "備え"}, "hazard": "earthquake"},
    {"id": "proj", "kind": "project", "title": {"ja": "取り組み"}},
    {"id": "banner", "kind": "alert", "level": 3, "hazard": "flood",
     "issued": "2026-11-23T13:30:00+09:00", "title": {"ja": "高齢者等避難"},
     "issuer": {"ja": "区"}},
    {"id": "big", "kind": "alert", "level": 4, "hazard": "landslide",
     "issued": "2026-11-23T13:40:00+09:00", "expires": "2026-11-23T14:05:16+09:00",
     "title": {"ja": "避難指示", "en": "Evacuation instruction"}, "issuer": {"ja": "区"}}
  ]})";

const char kAt[] = "2026-11-23T14:05:00+09:00";

struct Shown {
  std::string id, mode, lang;
  bool operator==(const Shown&) const = default;
};

void PrintTo(const Shown& s, std::ostream* os) {
  *os << s.mode << ":" << s.id << "(" << s.lang << ")";
}

// What a kiosk with the default configuration shows from kAt, slide change by slide change: the
// takeover pages while the takeover alert lasts, then — the rotation having run on behind the
// takeover view — the whole of the next rotation cycle.
std::vector<Shown> KioskOrder(std::vector<feed::Item> items) {
  const UnixSeconds at = feed::ParseRfc3339(kAt)->unix;
  FakeClock clock(at);
  schedule::ScreenConfig config;
  config.schedule = schedule::ScheduleConfigFrom(config::Config{});
  schedule::ScreenScheduler screen(config);
  screen.Update(std::move(items), schedule::Now::From(clock));
  std::vector<Shown> out;
  std::optional<schedule::SlideId> last;
  std::optional<uint64_t> cycle_after_takeover;
  for (int frame = 0; frame < 20'000; ++frame, clock.advance_ms(100)) {
    schedule::ScreenInputs in;
    in.now = schedule::Now::From(clock);
    in.visitor.language = "ja";
    const schedule::ScreenPlan p = screen.Step(in);
    if (p.mode != schedule::Mode::kEmergency) {
      if (!p.rotation) continue;
      if (!cycle_after_takeover) cycle_after_takeover = p.rotation->cycle + 1;
      if (p.rotation->cycle < *cycle_after_takeover) continue;
      if (p.rotation->cycle > *cycle_after_takeover) break;
    }
    if (p.slide.id == last || !p.slide.item) continue;
    last = p.slide.id;
    out.push_back(
        {p.slide.item->id, p.mode == schedule::Mode::kEmergency ? "takeover" : "rotation", p.lang});
  }
  return out;
}

TEST(RenderOrder, TheManifestListsTheSlidesInTheOrderTheKioskShowsThem) {
  ScopedTempDir tmp;
  const std::string feed = WriteFile(tmp, "feed.json", kFeed);
  const std::string out = tmp.file("out");
  const auto r = Call(RenderCommand, {"--feed", feed, "--out", out, "--size", "320x180", "--at",
                                      kAt, "--lang", "ja"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json manifest = nlohmann::json::parse(ReadFile(out + "/manifest.json"));
  std::vector<Shown> rendered;
  for (const auto& s : manifest["slides"]) rendered.push_back({s["id"], s["mode"], s["lang"]});

  feed::ParseOutcome parsed = feed::ParseFeed(kFeed, {}, "feed.json");
  ASSERT_TRUE(parsed.feed);
  const std::vector<Shown> kiosk = KioskOrder(parsed.feed->items);

  EXPECT_EQ(rendered, kiosk);
  // Not a trivial cycle: both takeover pages, every item, the top item thrice and spread out.
  ASSERT_GE(kiosk.size(), 2u);
  EXPECT_EQ(kiosk[0], (Shown{"big", "takeover", "ja"}));
  EXPECT_EQ(kiosk[1], (Shown{"big", "takeover", "en"}));
  EXPECT_EQ(kiosk[2].id, "banner");
  EXPECT_EQ(std::count(kiosk.begin(), kiosk.end(), Shown{"n-top", "rotation", "ja"}), 3);
  EXPECT_EQ(std::count(kiosk.begin(), kiosk.end(), Shown{"n-mid", "rotation", "ja"}), 2);
  for (size_t i = 1; i < kiosk.size(); ++i) EXPECT_NE(kiosk[i], kiosk[i - 1]) << i;
}

}  // namespace
}  // namespace machikado
