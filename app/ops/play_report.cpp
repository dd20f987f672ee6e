#include "ops/play_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "feed/datetime.h"

namespace machikado::ops {

std::vector<std::string> PlayLogFiles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("play.", 0) == 0 && name.size() > 6 &&
        name.compare(name.size() - 6, 6, ".jsonl") == 0)
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

PlayReport SummarisePlays(const std::vector<std::string>& files, UnixSeconds from, UnixSeconds to) {
  PlayReport report;
  report.from = from;
  report.to = to;
  std::map<std::string, ItemPlays> by_item;
  for (const auto& path : files) {
    std::ifstream in(path);
    if (!in) continue;
    ++report.files_read;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++report.lines_read;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object() || !j.contains("item") || !j["item"].is_string() || !j.contains("start") ||
          !j["start"].is_string()) {
        ++report.lines_malformed;
        continue;
      }
      auto start = feed::ParseRfc3339(j["start"].get<std::string>());
      if (!start.ok()) {
        ++report.lines_malformed;
        continue;
      }
      if (start->unix < from || start->unix >= to) continue;
      auto str = [&](const char* k) {
        return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
      };
      std::string id = j["item"].get<std::string>();
      ItemPlays& p = by_item[str("feed") + "\n" + id];
      if (p.shows == 0) {
        p.item_id = id;
        p.kind = str("kind");
        p.feed = str("feed");
        p.first = start->unix;
        p.last = start->unix;
      }
      ++p.shows;
      if (j.contains("seconds") && j["seconds"].is_number())
        p.seconds += j["seconds"].get<double>();
      p.first = std::min(p.first, start->unix);
      p.last = std::max(p.last, start->unix);
      ++p.by_mode[str("mode")];
      ++p.by_lang[str("lang")];
    }
  }
  for (auto& [_, p] : by_item) report.items.push_back(std::move(p));
  std::sort(report.items.begin(), report.items.end(), [](const ItemPlays& a, const ItemPlays& b) {
    return a.shows != b.shows ? a.shows > b.shows : a.item_id < b.item_id;
  });
  return report;
}

std::string PlayReportToJson(const PlayReport& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : r.items)
    items.push_back({{"item", p.item_id},
                     {"kind", p.kind},
                     {"feed", p.feed},
                     {"shows", p.shows},
                     {"seconds", std::round(p.seconds)},
                     {"first", feed::FormatRfc3339(p.first, 9 * 3600)},
                     {"last", feed::FormatRfc3339(p.last, 9 * 3600)},
                     {"by_mode", p.by_mode},
                     {"by_lang", p.by_lang}});
  nlohmann::json j = {{"from", feed::FormatRfc3339(r.from, 9 * 3600)},
                      {"to", feed::FormatRfc3339(r.to, 9 * 3600)},
                      {"items", items},
                      {"lines_read", r.lines_read},
                      {"lines_malformed", r.lines_malformed}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string PlayReportToText(const PlayReport& r) {
  std::string out = "proof of play " + feed::FormatRfc3339(r.from, 9 * 3600) + " – " +
                    feed::FormatRfc3339(r.to, 9 * 3600) + "\n";
  char buf[512];
  std::snprintf(buf, sizeof(buf), "%-40s %-13s %7s %9s\n", "item", "kind", "shows", "minutes");
  out += buf;
  uint64_t total_shows = 0;
  double total_s = 0;
  for (const auto& p : r.items) {
    std::snprintf(buf, sizeof(buf), "%-40s %-13s %7llu %9.1f\n", p.item_id.c_str(), p.kind.c_str(),
                  static_cast<unsigned long long>(p.shows), p.seconds / 60.0);
    out += buf;
    total_shows += p.shows;
    total_s += p.seconds;
  }
  std::snprintf(buf, sizeof(buf), "%zu items, %llu showings, %.1f hours", r.items.size(),
                static_cast<unsigned long long>(total_shows), total_s / 3600.0);
  out += buf;
  if (r.lines_malformed)
    out += ", " + std::to_string(r.lines_malformed) + " malformed lines skipped";
  return out + "\n";
}

}  // namespace machikado::ops
