// machikado render: draws the slides of feeds at a given time to PNG files with their layout.json
// and a manifest.json — headless (software renderer on an in-memory surface; no display needed).
// Staff preview notices with it before publishing; tests check layout with it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands/commands.h"
#include "commands/feed_source.h"
#include "config/config_loader.h"
#include "core/clock.h"
#include "core/log.h"
#include "feed/datetime.h"
#include "feed/nearby_shelters.h"
#include "feed/parse.h"
#include "feed/shelter_refs.h"
#include "feed/shelter_slide.h"
#include "net/file_source.h"
#include "platform/build_paths.h"
#include "render/font_set.h"
#include "render/offscreen.h"
#include "render/slide_renderer.h"
#include "schedule/screen_plan.h"
#include "ui/detail_export.h"

namespace machikado {

namespace {

const char kRenderUsage[] =
    "usage: machikado render [--config FILE | --feed FILE...] --out DIR [options]\n"
    "\n"
    "Draws the slides shown at a given time to DIR as NNN-<item id>.png with\n"
    "NNN-<item id>.layout.json (every text line and box drawn) and manifest.json.\n"
    "No display is needed.\n"
    "\n"
    "  --feed FILE          a feed file (repeatable); overrides the config's feeds\n"
    "  --config FILE        a kiosk config (feeds, center name, language, district, wareki)\n"
    "  --out DIR            output directory (created)\n"
    "  --size WxH           screen size (default 1920x1080; 1080x1920 for portrait)\n"
    "  --lang L             language of the screen (default ja, or the config's)\n"
    "  --at RFC3339         the time to render at (default now), e.g. 2026-11-23T14:05:00+09:00\n"
    "  --district D         this kiosk's district\n"
    "  --include-test       also draw status \"test\" items (marked 試験 / TEST)\n"
    "  --offline-since RFC3339  draw the offline indicator with this information time\n"
    "  --wareki             show the 令和 year in the header\n"
    "  --near LAT,LON       the kiosk's position for the shelter slide (overrides the config's\n"
    "                       shelter_slide lat/lon), e.g. 33.8416,132.7657\n"
    "  --detail             also draw each item's detail view (what a tap opens) as\n"
    "                       NNN-<item id>.detail.png with NNN-<item id>.detail.layout.json\n";

struct Options {
  std::vector<std::string> feeds;
  std::string config, out, lang, district;
  int w = 1920, h = 1080;
  std::optional<feed::DateTime> at, offline_since;
  bool include_test = false, wareki = false, detail = false;
  std::optional<double> near_lat, near_lon;
};

int Usage(const std::string& msg) {
  std::fprintf(stderr, "machikado render: %s\n\n%s", msg.c_str(), kRenderUsage);
  return 2;
}

// Local images only (render has no network); the canvas reads and checks them through the image
// gate (render/image_decoder.h), and a refused one is reported on stderr and left out.
std::string ResolveImage(const std::string& url) {
  if (!net::IsLocalSource(url)) return "";
  return net::LocalPath(url).value_or("");
}

}  // namespace

int RenderCommand(const Args& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::fputs(kRenderUsage, stdout);
      return 0;
    } else if (a == "--feed") {
      if (!value(v)) return Usage("--feed needs a file");
      o.feeds.push_back(v);
    } else if (a == "--config") {
      if (!value(o.config)) return Usage("--config needs a file");
    } else if (a == "--out") {
      if (!value(o.out)) return Usage("--out needs a directory");
    } else if (a == "--lang") {
      if (!value(o.lang)) return Usage("--lang needs a language tag");
    } else if (a == "--district") {
      if (!value(o.district)) return Usage("--district needs an id");
    } else if (a == "--size") {
      if (!value(v) || std::sscanf(v.c_str(), "%dx%d", &o.w, &o.h) != 2)
        return Usage("--size needs WxH, e.g. 1080x1920");
    } else if (a == "--at" || a == "--offline-since") {
      if (!value(v)) return Usage(a + " needs an RFC 3339 time");
      auto t = feed::ParseRfc3339(v);
      if (!t.ok()) return Usage(a + ": " + t.status().message());
      (a == "--at" ? o.at : o.offline_since) = *t;
    } else if (a == "--include-test") {
      o.include_test = true;
    } else if (a == "--wareki") {
      o.wareki = true;
    } else if (a == "--detail") {
      o.detail = true;
    } else if (a == "--near") {
      double lat = 0, lon = 0;
      if (!value(v) || std::sscanf(v.c_str(), "%lf,%lf", &lat, &lon) != 2 || std::abs(lat) > 90 ||
          std::abs(lon) > 180)
        return Usage("--near needs LAT,LON in degrees, e.g. 33.8416,132.7657");
      o.near_lat = lat;
      o.near_lon = lon;
    } else {
      return Usage("unknown option " + a);
    }
  }
  if (o.out.empty()) return Usage("--out is required");

  config::Config cfg;
  if (!o.config.empty()) {
    config::ConfigOutcome c = config::LoadConfigFile(o.config);
    for (const auto& p : c.problems)
      std::fprintf(stderr, "%s: %s%s: %s\n", o.config.c_str(),
                   p.fatal ? "" : "warning: ", p.pointer.c_str(), p.message.c_str());
    if (!c.ok()) return 1;
    cfg = c.config;
    if (o.feeds.empty())
      for (const auto& f : cfg.feeds)
        o.feeds.push_back(f.url);  // paths and file:// URLs (ReadFeedSource decodes them)
    if (o.lang.empty()) o.lang = cfg.language;
    if (o.district.empty()) o.district = cfg.district;
    o.wareki = o.wareki || cfg.show_wareki;
  }
  if (o.feeds.empty()) return Usage("give feeds with --feed (or a --config that lists them)");
  if (o.lang.empty()) o.lang = "ja";

  // Feeds: a rejected feed is an error (exit 1); skipped items are reported and the rest drawn.
  std::vector<feed::Feed> feeds;
  for (const auto& path : o.feeds) {
    if (path.rfind("http://", 0) == 0 || path.rfind("https://", 0) == 0) {
      std::fprintf(stderr, "machikado render: %s: render reads feed files; download it first\n",
                   path.c_str());
      return 1;
    }
    // The kiosk's own capped reader (net::ReadLocalFile via ReadFeedSource): the FEED-v1 byte cap,
    // and a FIFO, a device or a folder refused before anything is read.
    Result<std::string> bytes = ReadFeedSource(path, feed::FeedLimits{}.max_body_bytes);
    if (!bytes.ok()) {
      std::fprintf(stderr, "machikado render: %s\n", bytes.status().message().c_str());
      return 1;
    }
    feed::ParseOutcome p = feed::ParseFeed(*bytes, {}, path);
    for (const auto& e : p.errors)
      std::fprintf(stderr, "%s: %s%s: %s\n", path.c_str(),
                   e.level == feed::FeedError::Level::kFeed ? "" : "item skipped: ",
                   e.pointer.empty() ? "(document)" : e.pointer.c_str(), e.message.c_str());
    if (!p.feed) {
      std::fprintf(stderr, "machikado render: %s: feed rejected\n", path.c_str());
      return 1;
    }
    feeds.push_back(std::move(*p.feed));
  }

  RealClock clock;
  const UnixSeconds at = o.at ? o.at->unix : clock.now();
  const int offset = o.at ? o.at->offset_s : 9 * 3600;
  // Alerts may list shelters by reference to the register of any feed given (first feed wins).
  feed::ShelterRegister shelters;
  for (const auto& f : feeds) shelters.Add(f.shelters);
  std::vector<feed::Item> items;
  for (auto& f : feeds) {
    for (auto& it : f.items) {
      if (const size_t missing = feed::ResolveShelterRefs(&it, shelters))
        std::fprintf(stderr, "machikado render: %s: %zu shelter reference(s) not in any register\n",
                     it.id.c_str(), missing);
      items.push_back(it);
    }
  }
  // The kiosk's own shelter slide, from the same registers, as the kiosk makes it.
  if (o.near_lat) {
    cfg.shelter_slide.lat = o.near_lat;
    cfg.shelter_slide.lon = o.near_lon;
  }
  if (std::optional<feed::Item> shelter_slide = feed::MakeShelterSlideItem(
          feed::SelectNearbyShelters(shelters, config::ToNearbyShelterQuery(cfg.shelter_slide))))
    items.push_back(std::move(*shelter_slide));
  // What the kiosk shows, in its order: the screen step the kiosk runs (schedule/screen_plan.h),
  // stepped through the takeover view's pages and one rotation cycle.
  schedule::ScreenConfig screen_config;
  screen_config.schedule = schedule::ScheduleConfigFrom(cfg);
  screen_config.schedule.district =
      o.district.empty() ? std::nullopt : std::optional<std::string>(o.district);
  screen_config.schedule.preview = o.include_test;
  const schedule::Preview plan =
      schedule::PreviewCycle(items, screen_config, schedule::WallTime::Trusted(at), o.lang);

  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) {
    std::fprintf(stderr, "machikado render: cannot create %s: %s\n", o.out.c_str(),
                 ec.message().c_str());
    return 1;
  }
  auto screen = render::Offscreen::Create(o.w, o.h);
  if (!screen.ok()) {
    std::fprintf(stderr, "machikado render: %s\n", screen.status().message().c_str());
    return 1;
  }
  StderrLog log(LogLevel::kWarning);
  render::FontSetConfig font_cfg;
  font_cfg.search_dirs = cfg.font_paths;
  auto fonts = render::FontSet::Open(font_cfg, log);
  if (!fonts.ok()) {
    std::fprintf(stderr, "machikado render: %s\n", fonts.status().message().c_str());
    return 1;
  }
  render::SlideRenderer renderer((*screen)->renderer(), **fonts, log);

  render::SlideContext ctx;
  ctx.width = o.w;
  ctx.height = o.h;
  ctx.lang = o.lang;
  ctx.now = at;
  ctx.utc_offset_s = offset;
  ctx.show_wareki = o.wareki;
  if (!cfg.center_name.empty())
    ctx.center_name.variants.push_back({"ja", cfg.center_name, {{cfg.center_name, ""}}});
  else if (!feeds.empty())
    ctx.center_name = feeds.front().title;
  if (o.offline_since) {
    ctx.online = false;
    ctx.offline_as_of = o.offline_since->unix;
  }
  UnixSeconds generated = 0;
  for (const auto& f : feeds) generated = std::max(generated, f.generated);
  ctx.confirmed_at = o.offline_since ? o.offline_since->unix : generated;
  ctx.resolve_image = ResolveImage;
  ctx.asset_dirs = {std::string(MACHIKADO_DATA_DIR) + "/assets",
                    std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
  ctx.banner_alerts = plan.banners;
  ctx.shelter_map_url = cfg.shelter_map_url;

  nlohmann::ordered_json manifest = {{"at", feed::FormatRfc3339(at, offset)},
                                     {"width", o.w},
                                     {"height", o.h},
                                     {"lang", o.lang},
                                     {"slides", nlohmann::ordered_json::array()}};
  render::SlideTexture tex, detail_tex;
  std::unique_ptr<ui::DetailExporter> detail;
  if (o.detail) {
    auto d = ui::DetailExporter::Create((*screen)->renderer(), **fonts, log,
                                        cfg.display.dpi > 0 ? cfg.display.dpi : 96);
    if (!d.ok()) {
      std::fprintf(stderr, "machikado render: %s\n", d.status().message().c_str());
      return 1;
    }
    detail = std::move(d).value();
  }
  int index = 0;
  for (const schedule::PreviewSlide& slide : plan.slides) {
    ++index;
    const feed::Item& item = *slide.slide.item;
    const bool takeover = slide.mode == schedule::Mode::kEmergency;
    ctx.lang = slide.lang;
    ctx.position = takeover ? 0 : slide.slide.id.position;
    ctx.total = takeover ? 0 : slide.slide.id.count;
    if (!renderer.Prepare(
            item, ctx, takeover ? render::SlideMode::kTakeover : render::SlideMode::kRotation, tex))
      return 1;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%03d-", index);
    const std::string base = prefix + item.id;
    const std::string png = (std::filesystem::path(o.out) / (base + ".png")).string();
    Status s = (*screen)->SavePng(tex, png);
    if (!s.ok()) {
      std::fprintf(stderr, "machikado render: %s\n", s.message().c_str());
      return 1;
    }
    std::ofstream(std::filesystem::path(o.out) / (base + ".layout.json")) << tex.record.ToJson();
    if (detail) {
      if (!detail->Prepare(item, ctx, detail_tex)) return 1;
      Status ds = (*screen)->SavePng(
          detail_tex, (std::filesystem::path(o.out) / (base + ".detail.png")).string());
      if (!ds.ok()) {
        std::fprintf(stderr, "machikado render: %s\n", ds.message().c_str());
        return 1;
      }
      std::ofstream(std::filesystem::path(o.out) / (base + ".detail.layout.json"))
          << detail_tex.record.ToJson();
    }
    manifest["slides"].push_back({{"index", index},
                                  {"id", item.id},
                                  {"feed", item.feed_id},
                                  {"kind", feed::KindName(item.kind)},
                                  {"status", feed::StatusName(item.status)},
                                  {"mode", takeover ? "takeover" : "rotation"},
                                  {"lang", slide.lang},
                                  {"duration", static_cast<double>(slide.duration_ms) / 1000.0},
                                  {"png", base + ".png"},
                                  {"layout", base + ".layout.json"}});
  }
  std::ofstream(std::filesystem::path(o.out) / "manifest.json") << manifest.dump(1) << "\n";
  std::printf("machikado render: %d slide(s) written to %s\n", index, o.out.c_str());
  return 0;
}

}  // namespace machikado
