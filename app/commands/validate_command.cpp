// `machikado validate [--json] FILE|URL…`: the staff's check before publishing a feed.
// Reads each source, runs feed::ParseFeed, prints every problem with its place and reason.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "commands/feed_source.h"
#include "feed/datetime.h"
#include "feed/lint.h"
#include "feed/parse.h"
#include "media/image_gate.h"
#include "net/file_source.h"
#include "trust/image_digest.h"

namespace machikado {
namespace {

const char kHelp[] =
    "usage: machikado validate [--json] [--at RFC3339] FILE|URL…\n"
    "\n"
    "Checks machikado feeds (format machikado-feed/1, see feeds/README.md) before publishing and\n"
    "prints every problem with its place (a JSON Pointer such as /items/3/title/en) and reason.\n"
    "A source is a file path, a file:// URL, or - for standard input. (http(s):// URLs need the\n"
    "net module; until it is part of the build, download the feed and check the file.)\n"
    "\n"
    "options:\n"
    "  --json     machine-readable output. With one source, one object:\n"
    "               {\"ok\": bool, \"items_total\": n, \"items_valid\": n,\n"
    "                \"errors\": [{\"item\": id|null, \"path\": \"/items/3/title\",\n"
    "                            \"message\": \"…\", \"level\": \"feed|item\"}]}\n"
    "             With several sources, a JSON array of such objects, each with an extra\n"
    "             \"source\" member naming the file or URL as given.\n"
    "             level \"feed\": the whole feed is rejected (the kiosk keeps its last good "
    "content);\n"
    "             level \"item\": only that item is skipped (item is null for problems outside "
    "items,\n"
    "             e.g. a wrong feed title, which is then ignored). path \"\" means the whole "
    "document.\n"
    "  --at T     check as of time T (RFC 3339, e.g. 2026-12-01T09:00:00+09:00) instead of now\n"
    "  -h, --help show this help\n"
    "\n"
    "warnings (never change the exit status; the kiosk shows the feed as it is):\n"
    "  a Japanese date with the wrong weekday (「12月6日(土)」 when the 6th is a Sunday) or a\n"
    "  date that does not exist; valid_until already past; a title identical to another\n"
    "  item's. With --json: \"warnings\": [{\"item\": id, \"field\": \"summary (ja)\",\n"
    "  \"message\": \"…\"}].\n"
    "\n"
    "local images (paths and file:// URLs) are checked too: they must exist, pass the image\n"
    "checks (docs/caps.md) and match their image.sha256; each problem is an error of its item.\n"
    "\n"
    "exit status:\n"
    "  0  every item of every source is valid\n"
    "  1  some item was skipped or names a bad local image, a feed was rejected, or a source\n"
    "     could not be read\n"
    "  2  usage error (no source given, unknown option)\n";

struct SourceReport {
  std::string source;
  feed::ParseOutcome outcome;
  bool unreadable = false;  // the source could not be read at all
  std::vector<feed::FeedWarning> warnings;
};

// Images a feed names by path (or file://): they exist, pass the image gate, and match their
// sha256 when one is given — each problem an item error (the kiosk would show the item without
// the image). Remote images are not fetched here.
void CheckLocalImages(const feed::Feed& f, feed::ParseOutcome* outcome) {
  for (size_t i = 0; i < f.items.size(); ++i) {
    const feed::Item& item = f.items[i];
    if (!item.image || !net::IsLocalSource(item.image->url)) continue;
    auto problem = [&](const std::string& why) {
      outcome->errors.push_back({feed::FeedError::Level::kItem, item.id, "",
                                 "image " + item.image->url + ": " + why +
                                     " — the kiosk would show this item without it"});
    };
    net::HttpRequest req;
    req.url = item.image->url;
    req.expect = net::ExpectedContent::kImage;
    req.max_body_bytes = media::ImageLimits{}.max_bytes;
    net::FetchResult r = net::ReadLocalSource(req);
    if (!r.ok()) {
      problem(r.error.message);
      continue;
    }
    if (auto info = media::CheckImage(r.response.body); !info.ok()) {
      problem(info.status().message());
      continue;
    }
    if (Status digest =
            trust::CheckImageDigest(item.image->url, r.response.body, item.image->sha256, {});
        !digest.ok())
      problem(digest.message());
  }
}

SourceReport Check(const std::string& src, UnixSeconds now) {
  SourceReport r;
  r.source = src;
  Result<std::string> bytes = ReadFeedSource(src);
  if (!bytes.ok()) {
    // Too large is a rejection of the feed, not a reading failure.
    r.unreadable = bytes.status().code() != StatusCode::kLimitExceeded;
    r.outcome.errors.push_back(
        {feed::FeedError::Level::kFeed, std::nullopt, "", bytes.status().message()});
    return r;
  }
  r.outcome = feed::ParseFeed(*bytes, {}, src == "-" ? std::string_view() : std::string_view(src));
  if (r.outcome.feed) {
    CheckLocalImages(*r.outcome.feed, &r.outcome);
    r.warnings = feed::LintFeed(*r.outcome.feed, now);
  }
  return r;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void PrintHuman(const SourceReport& r) {
  const auto& o = r.outcome;
  std::string verdict;
  if (r.unreadable) {
    verdict = "CANNOT READ";
  } else if (!o.feed) {
    verdict = "REJECTED — the kiosk would not use this feed (it keeps its last good content)";
  } else if (o.ok()) {
    verdict = "OK — " + Plural(o.items_total, "item", "items") + ", all valid";
  } else if (o.items_valid == o.items_total) {
    verdict = Plural(o.items_total, "item", "items") + ", all valid, with " +
              Plural(o.errors.size(), "problem", "problems");
  } else {
    verdict = std::to_string(o.items_valid) + " of " + Plural(o.items_total, "item", "items") +
              " valid, " + std::to_string(o.items_total - o.items_valid) + " skipped";
  }
  if (o.feed && o.shelters_total > 0)
    verdict += "; shelter register: " + std::to_string(o.shelters_valid) + " of " +
               Plural(o.shelters_total, "shelter", "shelters") + " valid";
  std::printf("%s: %s\n", r.source.c_str(), verdict.c_str());
  for (const auto& e : o.errors) {
    const std::string where = e.pointer.empty() ? "(whole feed)" : e.pointer;
    if (e.item_id)
      std::printf("  [%s] %s: %s\n", e.item_id->c_str(), where.c_str(), e.message.c_str());
    else
      std::printf("  %s: %s\n", where.c_str(), e.message.c_str());
  }
  for (const auto& w : r.warnings)
    std::printf("  warning [%s] %s: %s\n", w.item_id.c_str(), w.field.c_str(), w.message.c_str());
}

nlohmann::ordered_json ToJson(const SourceReport& r, bool with_source) {
  nlohmann::ordered_json j;
  if (with_source) j["source"] = r.source;
  j["ok"] = r.outcome.ok();
  j["items_total"] = r.outcome.items_total;
  j["items_valid"] = r.outcome.items_valid;
  if (r.outcome.shelters_total > 0) {
    j["shelters_total"] = r.outcome.shelters_total;
    j["shelters_valid"] = r.outcome.shelters_valid;
  }
  j["errors"] = nlohmann::ordered_json::array();
  for (const auto& e : r.outcome.errors) {
    nlohmann::ordered_json je;
    je["item"] = e.item_id ? nlohmann::ordered_json(*e.item_id) : nlohmann::ordered_json(nullptr);
    je["path"] = e.pointer;
    je["message"] = e.message;
    je["level"] = e.level == feed::FeedError::Level::kFeed ? "feed" : "item";
    j["errors"].push_back(std::move(je));
  }
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& w : r.warnings)
    j["warnings"].push_back({{"item", w.item_id}, {"field", w.field}, {"message", w.message}});
  return j;
}

int Usage(const std::string& problem) {
  std::fprintf(stderr, "machikado validate: %s\n\n%s", problem.c_str(), kHelp);
  return 2;
}

}  // namespace

int ValidateCommand(const Args& args) {
  bool json = false;
  bool options_done = false;
  UnixSeconds now = static_cast<UnixSeconds>(std::time(nullptr));
  std::vector<std::string> sources;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "--help" || a == "-h")) {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (!options_done && a == "--json") {
      json = true;
    } else if (!options_done && a == "--at") {
      if (i + 1 >= args.size()) return Usage("--at needs a time, e.g. 2026-12-01T09:00:00+09:00");
      auto t = feed::ParseRfc3339(args[++i]);
      if (!t.ok()) return Usage("--at: " + t.status().message());
      now = t->unix;
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return Usage("unknown option " + a);
    } else {
      sources.push_back(a);
    }
  }
  if (sources.empty()) return Usage("name at least one feed file or URL to check");

  std::vector<SourceReport> reports;
  reports.reserve(sources.size());
  for (const auto& s : sources) reports.push_back(Check(s, now));

  bool all_ok = true;
  for (const auto& r : reports) all_ok = all_ok && r.outcome.ok();

  if (json) {
    nlohmann::ordered_json out;
    if (reports.size() == 1) {
      out = ToJson(reports.front(), false);
    } else {
      out = nlohmann::ordered_json::array();
      for (const auto& r : reports) out.push_back(ToJson(r, true));
    }
    const std::string text =
        out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::printf("%s\n", text.c_str());
    return all_ok ? 0 : 1;
  }

  size_t ok = 0, partial = 0, rejected = 0, skipped_items = 0, warnings = 0;
  for (const auto& r : reports) {
    PrintHuman(r);
    if (!r.outcome.feed)
      ++rejected;
    else if (r.outcome.ok())
      ++ok;
    else
      ++partial;
    if (r.outcome.feed) skipped_items += r.outcome.items_total - r.outcome.items_valid;
    warnings += r.warnings.size();
  }
  std::printf("\n%s checked: %zu OK, %zu with problems (%s skipped), %zu rejected%s.\n",
              Plural(reports.size(), "feed", "feeds").c_str(), ok, partial,
              Plural(skipped_items, "item", "items").c_str(), rejected,
              warnings ? ("; " + Plural(warnings, "warning", "warnings")).c_str() : "");
  return all_ok ? 0 : 1;
}

}  // namespace machikado
