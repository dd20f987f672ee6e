// `machikado run`: the kiosk. With neither --config nor --feed it shows the bundled demo feeds;
// a configuration without feeds shows the not-configured screen instead (never the demo).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "commands/commands.h"
#include "config/config_loader.h"
#include "core/log.h"
#include "kiosk/app.h"
#include "platform/allocator.h"
#include "platform/data_dir.h"
#include "platform/state_dir.h"

namespace machikado {
namespace {

const char kUsage[] =
    "usage: machikado run [--config FILE] [--feed URL]... [--state-dir DIR] [--district ID]\n"
    "                     [--lang L] [--windowed WxH] [--renderer R] [--headless] [--run-for "
    "SECONDS]\n"
    "\n"
    "Runs the kiosk full-screen. Without --config and --feed it shows the bundled demo feeds;\n"
    "with a --config that names no feed it shows 「この画面は設定されていません」, never the "
    "demo.\n"
    "  --config FILE     kiosk configuration (docs/configuration.md; check with check-config)\n"
    "  --feed URL        a feed to show (repeatable; replaces the config's feeds):\n"
    "                    https://, http:// (loopback only), file:// or a path\n"
    "  --state-dir DIR   offline cache, status.json, proof of play, metrics\n"
    "                    (default: $STATE_DIRECTORY, $XDG_STATE_HOME/machikado, "
    "~/.local/state/machikado)\n"
    "  --district ID     this kiosk's district (items for other districts are not shown)\n"
    "  --lang L          default language of the screen (ja, en, zh-Hans, ko, vi, ja-x-easy)\n"
    "  --windowed WxH    a window instead of full-screen (development)\n"
    "  --renderer R      auto (default: the GPU only when it is real hardware), gpu or software;\n"
    "                    overrides display.renderer of the configuration\n"
    "  --headless        run the whole kiosk loop without a display (tests, soak runs, servers)\n"
    "  --size WxH        headless screen size (default 1920x1080)\n"
    "  --run-for SECONDS stop after this long (tests, benchmarks)\n"
    "Staff leave the kiosk with the configured exit chord (default ctrl+alt+shift+q).\n";

bool ParseSize(const std::string& s, int* w, int* h) {
  size_t x = s.find('x');
  if (x == std::string::npos) return false;
  char* end = nullptr;
  long a = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + x) return false;
  long b = std::strtol(s.c_str() + x + 1, &end, 10);
  if (*end != '\0' || a < 320 || b < 320 || a > 16384 || b > 16384) return false;
  *w = static_cast<int>(a);
  *h = static_cast<int>(b);
  return true;
}

int Usage(const std::string& problem) {
  std::fprintf(stderr, "machikado run: %s\n\n%s", problem.c_str(), kUsage);
  return 2;
}

}  // namespace

int RunCommand(const Args& args) {
  std::string config_path, state_dir, district, lang, renderer;
  std::vector<std::string> feeds;
  bool headless = false, have_district = false;
  int ww = 0, wh = 0, hw = 1920, hh = 1080;
  double run_for = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    const std::string* v = nullptr;
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--headless") {
      headless = true;
    } else if (a == "--config" || a == "--feed" || a == "--state-dir" || a == "--district" ||
               a == "--lang" || a == "--windowed" || a == "--size" || a == "--run-for" ||
               a == "--renderer") {
      if (!(v = value())) return Usage(a + " needs a value");
      if (a == "--config") config_path = *v;
      if (a == "--feed") feeds.push_back(*v);
      if (a == "--state-dir") state_dir = *v;
      if (a == "--district") district = *v, have_district = true;
      if (a == "--lang") lang = *v;
      if (a == "--renderer") {
        if (*v != "auto" && *v != "gpu" && *v != "software")
          return Usage("--renderer expects auto, gpu or software");
        renderer = *v;
      }
      if (a == "--windowed" && !ParseSize(*v, &ww, &wh))
        return Usage("--windowed expects WxH, e.g. 1280x720");
      if (a == "--size" && !ParseSize(*v, &hw, &hh))
        return Usage("--size expects WxH, e.g. 1080x1920");
      if (a == "--run-for") {
        char* end = nullptr;
        run_for = std::strtod(v->c_str(), &end);
        if (*end != '\0' || run_for <= 0) return Usage("--run-for expects a number of seconds");
      }
    } else {
      return Usage("unknown option " + a);
    }
  }

  StderrLog log;
  kiosk::AppOptions o;
  std::string nothing_to_show;  // why the configuration would show nothing, "" when it names feeds
  if (!config_path.empty()) {
    config::ConfigOutcome c = config::LoadConfigFile(config_path);
    for (const auto& p : c.problems)
      (p.fatal ? log.error(config_path + " " + p.pointer + ": " + p.message)
               : log.warn(config_path + " " + p.pointer + ": " + p.message));
    if (!c.ok()) {
      log.error("the configuration is not usable; check it with: machikado check-config " +
                config_path);
      return 1;
    }
    o.config = c.config;
    nothing_to_show = config::WhyNothingToShow(c);
  }
  if (!feeds.empty()) {
    o.config.feeds.clear();
    for (const auto& f : feeds) {
      config::FeedSource src;
      src.url = f;
      // A feed named on the command line is the operator's explicit choice.
      src.allow_http = true;
      src.poll_interval_s = 30;
      o.config.feeds.push_back(src);
    }
  }
  if (o.config.feeds.empty() && !config_path.empty() && !o.config.demo) {
    // A configuration that names no feed (often a typo: "feds") never falls back to the demo,
    // whose drill alert would look real in a lobby: the not-configured screen says what is missing.
    o.not_configured = nothing_to_show;
    o.config_path = config_path;
    log.error(config_path + ": " + *o.not_configured +
              " — showing the not-configured screen (check it with: machikado check-config " +
              config_path + ")");
  } else if (o.config.feeds.empty()) {
    // The embedded default: the bundled demo feeds, alerts.json excluded (its alerts are "actual").
    auto data = platform::FindDataDir(platform::RealDataDirProbe());
    if (!data) {
      log.error(
          "no feeds configured and the bundled demo feeds were not found (set MACHIKADO_DATA_DIR)");
      return 1;
    }
    for (const char* f : {"news", "preparedness", "projects", "drill"}) {
      config::FeedSource src;
      src.url = *data + "/feeds/demo/" + f + ".json";
      src.poll_interval_s = 60;
      o.config.feeds.push_back(src);
    }
    if (!have_district && o.config.district.empty()) o.config.district = "ikejiri";
    if (o.config.center_name.empty()) o.config.center_name = "池尻まちづくりセンター（デモ）";
    o.demo = true;
    log.info("no feeds configured: showing the bundled demo feeds");
  }
  if (have_district) o.config.district = district;
  if (!lang.empty()) o.config.language = lang;
  if (ww > 0) {
    o.config.display.windowed_w = ww;
    o.config.display.windowed_h = wh;
  }
  if (renderer == "auto") o.config.display.renderer = config::RendererPreference::kAuto;
  if (renderer == "gpu") o.config.display.renderer = config::RendererPreference::kGpu;
  if (renderer == "software") o.config.display.renderer = config::RendererPreference::kSoftware;
  if (!state_dir.empty()) o.config.state_dir = state_dir;
  o.state_dir = platform::ResolveStateDir(o.config.state_dir, platform::ProcessEnvironment()).path;
  o.headless = headless;
  o.headless_width = hw;
  o.headless_height = hh;
  if (run_for > 0) o.run_for_ms = static_cast<int64_t>(run_for * 1000);
  o.kiosk_lock = !o.config.display.windowed_w.has_value();
  o.report_first_frame = std::getenv("MACHIKADO_REPORT_FIRST_FRAME") != nullptr;
  // Tests of the quarantine only (docs/operations.md): abort when preparing this item.
  if (const char* id = std::getenv("MACHIKADO_TEST_ABORT_ITEM")) o.test_abort_item = id;
  // Months of uptime: keep freed textures from pinning heap memory (before any thread starts).
  if (!platform::TuneAllocator()) log.info("allocator: default settings (not glibc)");
  kiosk::App app(std::move(o), log);
  return app.Run();
}

}  // namespace machikado
