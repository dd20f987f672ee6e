// `machikado import events [--district ID] [--out FILE] [--id ID] [--title TEXT] CSV…`:
// イベント一覧 CSVs → one machikado-feed/1 document of news items with an event block. The work is
// in app/opendata/.
#include <cstdio>
#include <unordered_set>

#include "commands/commands.h"
#include "commands/opendata_cli.h"
#include "core/clock.h"
#include "feed/parse.h"
#include "opendata/event_import.h"
#include "opendata/feed_document.h"

namespace machikado {
namespace {

// Followed by the options and exit statuses all open-data imports share (opendata_cli.cpp).
const char kHelp[] =
    "usage: machikado import events [--district ID] [--out FILE] [--id ID] [--title TEXT] CSV…\n"
    "\n"
    "Reads event lists (イベント一覧, 自治体標準オープンデータセット, the national catalogue's "
    "event\n"
    "schema or older forms; UTF-8 or Shift_JIS, detected) and writes one machikado-feed/1 "
    "document\n"
    "of news items with an event block (start, end, place, fee, contact, url), each shown until\n"
    "its event is over (stdout unless --out). Every row that is skipped, and every value left "
    "out,\n"
    "is listed on stderr with its line. See docs/open-data.md.\n"
    "\n"
    "options:\n"
    "  --district ID  show the events only on kiosks of this district (items' \"districts\")\n";

}  // namespace

int ImportEventsCommand(const Args& args) {
  opendata_cli::Options o;
  if (auto stop = opendata_cli::ParseOptions(args, kHelp, "opendata-events", true, &o))
    return *stop;

  bool all_read = true;
  std::vector<opendata::EventRecord> all;
  std::unordered_set<std::string> ids;
  for (const std::string& path : o.inputs) {
    auto im = opendata_cli::ImportInput(
        path, [](std::string_view bytes) { return opendata::ImportEvents(bytes); });
    if (!im) {
      all_read = false;
      continue;
    }
    // Two files may hold the same event id (the same list imported twice): keep the first.
    std::vector<opendata::RowProblem> skipped = im->skipped;
    size_t imported = 0;
    for (auto& e : im->events) {
      if (!ids.insert(e.id).second) {
        skipped.push_back({e.line, "the id \"" + e.id + "\" is already used by an earlier file"});
        continue;
      }
      all.push_back(std::move(e));
      ++imported;
    }
    opendata_cli::ReportFile(path, im->encoding, im->header_line, im->data_rows, imported, skipped,
                             im->notes);
  }
  const char* const kCommand = "machikado import events";
  all.resize(opendata_cli::WithinLimit(all.size(), feed::FeedLimits{}.max_items, kCommand, "events",
                                       "a feed holds", " items"));
  if (!opendata_cli::MayWrite(all_read, kCommand)) return 1;
  const opendata::FeedHeader header{o.feed_id, o.title, RealClock().now(), o.district};
  if (!opendata_cli::WriteOutput(o, opendata::EventFeedJson(header, all), kCommand)) return 1;
  return 0;
}

}  // namespace machikado
