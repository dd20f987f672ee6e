// libFuzzer target: the open-data CSV path on arbitrary bytes — encoding detection, libcsv with
// line tracking, header detection, both dataset converters — plus its promises: record lines never
// go backwards, every skipped row and note names a line of the file, and whatever is imported is
// written as a feed the feed parser accepts without a single error.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feed/parse.h"
#include "opendata/csv_reader.h"
#include "opendata/event_import.h"
#include "opendata/feed_document.h"
#include "opendata/shelter_import.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

template <typename Import>
void CheckProblems(const Import& im, size_t lines) {
  for (const auto& p : im.skipped) Check(p.line >= 1 && p.line <= lines && !p.message.empty());
  for (const auto& p : im.notes) Check(p.line >= 1 && p.line <= lines && !p.message.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado::opendata;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CsvLimits limits;
  limits.max_rows = 2000;  // keep each run fast; the caps themselves are unit-tested

  auto rows = ReadCsvRows(bytes, limits);
  if (rows.ok()) {
    size_t last = 0;
    for (const auto& r : *rows) {
      Check(r.line >= 1 && r.line >= last);
      last = r.line;
    }
  }
  const size_t lines = CountLineBreaks(bytes) + 1;

  if (auto im = ImportShelters(bytes, limits); im.ok()) {
    CheckProblems(*im, lines);
    const auto out = machikado::feed::ParseFeed(ShelterFeedJson({"fuzz", "", 0, {}}, im->shelters));
    Check(out.ok() && out.shelters_valid == im->shelters.size());
  }
  if (auto im = ImportEvents(bytes, limits); im.ok()) {
    CheckProblems(*im, lines);
    auto events = im->events;
    if (events.size() > 1000) events.resize(1000);
    const auto out =
        machikado::feed::ParseFeed(EventFeedJson({"fuzz", "", 0, std::string("d")}, events));
    Check(out.ok() && out.items_valid == events.size());
  }
  return 0;
}
