// `machikado import shelters [--out FILE] [--id ID] [--title TEXT] CSV…`: 指定緊急避難場所一覧 CSVs
// → one machikado-feed/1 document holding the shelter register. The work is in app/opendata/.
#include <cstdio>

#include "commands/commands.h"
#include "commands/opendata_cli.h"
#include "core/clock.h"
#include "feed/parse.h"
#include "opendata/feed_document.h"
#include "opendata/shelter_import.h"

namespace machikado {
namespace {

// Followed by the options and exit statuses all open-data imports share (opendata_cli.cpp).
const char kHelp[] =
    "usage: machikado import shelters [--out FILE] [--id ID] [--title TEXT] CSV…\n"
    "\n"
    "Reads designated-shelter lists (指定緊急避難場所一覧, 自治体標準オープンデータセット or the "
    "older\n"
    "推奨 form; UTF-8 or Shift_JIS, detected) and writes one machikado-feed/1 document whose\n"
    "top-level \"shelters\" array is the shelter register alerts refer to (stdout unless --out).\n"
    "Every row that is skipped, and every value left out, is listed on stderr with its line.\n"
    "See docs/open-data.md.\n"
    "\n"
    "options:\n";

}  // namespace

int ImportSheltersCommand(const Args& args) {
  opendata_cli::Options o;
  if (auto stop = opendata_cli::ParseOptions(args, kHelp, "opendata-shelters", false, &o))
    return *stop;

  std::vector<opendata::ShelterImport> imports;
  std::vector<std::string> names;
  bool all_read = true;
  for (const std::string& path : o.inputs) {
    auto imported = opendata_cli::ImportInput(
        path, [](std::string_view bytes) { return opendata::ImportShelters(bytes); });
    if (!imported) {
      all_read = false;
      continue;
    }
    imports.push_back(std::move(*imported));
    names.push_back(path);
  }
  std::vector<opendata::NamedShelterImport> named;
  for (size_t i = 0; i < imports.size(); ++i) named.push_back({names[i], &imports[i]});
  opendata::DropDuplicateIds(named);

  std::vector<opendata::ShelterRecord> all;
  for (size_t i = 0; i < imports.size(); ++i) {
    const auto& im = imports[i];
    opendata_cli::ReportFile(names[i], im.encoding, im.header_line, im.data_rows,
                             im.shelters.size(), im.skipped, im.notes);
    all.insert(all.end(), im.shelters.begin(), im.shelters.end());
  }
  const char* const kCommand = "machikado import shelters";
  all.resize(opendata_cli::WithinLimit(all.size(), feed::FeedLimits{}.max_register_shelters,
                                       kCommand, "shelters", "a feed's register holds", ""));
  if (!opendata_cli::MayWrite(all_read, kCommand)) return 1;
  const opendata::FeedHeader header{o.feed_id, o.title, RealClock().now(), std::nullopt};
  if (!opendata_cli::WriteOutput(o, opendata::ShelterFeedJson(header, all), kCommand)) return 1;
  return 0;
}

}  // namespace machikado
