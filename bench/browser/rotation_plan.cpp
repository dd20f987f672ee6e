// rotation_plan: prints one rotation cycle of the kiosk — schedule::PlanAt, the function the
// running kiosk's Rotation uses — as JSON in the shape of `machikado render`'s manifest.json
// ("slides": id, kind, mode, duration). bench/side_by_side.sh feeds it to make_slideshow.py so the
// browser page shows the same slides in the same order with the same durations as the kiosk.
// (render's own manifest uses PreviewPlan, which does not yet follow the kiosk's interleaving and
// repeats.)
//   rotation_plan --at RFC3339 [--district D] FEED.json...
// A benchmark helper, not part of the kiosk. Single-threaded.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "feed/datetime.h"
#include "feed/model.h"
#include "feed/parse.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "rotation_plan: %s\n", msg.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace machikado;
  std::string district, at_text;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--at" || a == "--district") && i + 1 < argc)
      (a == "--at" ? at_text : district) = argv[++i];
    else
      paths.push_back(a);
  }
  auto at = feed::ParseRfc3339(at_text);
  if (!at.ok() || paths.empty())
    return Fail("usage: rotation_plan --at RFC3339 [--district D] FEED.json...");

  std::vector<feed::Item> items;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    feed::ParseOutcome p = feed::ParseFeed(bytes.str(), {}, path);
    if (!in || !p.feed) return Fail(path + ": not a usable feed");
    for (auto& item : p.feed->items) items.push_back(std::move(item));
  }
  schedule::ScheduleConfig config;  // the kiosk's defaults (docs/configuration.md)
  if (!district.empty()) config.district = district;
  const auto plan = schedule::PlanAt(items, config, schedule::WallTime::Trusted(at->unix));

  nlohmann::ordered_json out = {{"at", at_text}, {"slides", nlohmann::ordered_json::array()}};
  int index = 0;
  for (const auto& slide : plan)
    out["slides"].push_back({{"index", ++index},
                             {"id", slide.key.id},
                             {"kind", feed::KindName(slide.kind)},
                             {"mode", "rotation"},
                             {"duration", slide.duration_ms / 1000.0}});
  std::printf("%s\n", out.dump(1).c_str());
  return 0;
}
