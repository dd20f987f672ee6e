// What `machikado import shelters` and `machikado import events` share: their options, reading
// each CSV within the cap, printing a file's summary and every skipped row and note (with its line)
// on stderr, and writing the document to --out atomically or to stdout. Not thread-safe (stdio).
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "commands/commands.h"
#include "core/status.h"
#include "opendata/row_problem.h"
#include "opendata/text_encoding.h"

namespace machikado::opendata_cli {

struct Options {
  std::string out;  // "" = stdout
  std::string feed_id;
  std::string title;
  std::optional<std::string> district;
  std::vector<std::string> inputs;
};

// Parses `args`; returns an exit code (0 = help shown, 2 = usage error) when the command must stop.
// The help shown is `help` (up to and including the kind's own options) followed by the options
// and exit statuses every open-data import shares. `allow_district`: whether --district is an
// option of this kind. Without --id, the feed id is `default_feed_id`.
std::optional<int> ParseOptions(const Args& args, const char* help, const char* default_feed_id,
                                bool allow_district, Options* options);

// The bytes of one input ("-" = stdin) within the CSV cap, or why not.
Result<std::string> ReadInput(const std::string& path);

// Reads one input and runs `import` (opendata::ImportEvents, ImportShelters) on its bytes; when
// either fails, says "<path>: cannot read: <why>" on stderr and returns nullopt.
template <class Import>
auto ImportInput(const std::string& path, Import import)
    -> std::optional<std::decay_t<decltype(*import(std::string_view()))>> {
  Result<std::string> bytes = ReadInput(path);
  auto imported = bytes.ok() ? import(*bytes) : decltype(import(*bytes))(bytes.status());
  if (!imported.ok()) {
    std::fprintf(stderr, "%s: cannot read: %s\n", path.c_str(),
                 imported.status().message().c_str());
    return std::nullopt;
  }
  return std::move(imported).value();
}

// "0081.csv: UTF-8 with BOM, header on line 7, 943 rows: 942 imported, 1 skipped, 3 notes",
// then "0081.csv:5564: skipped: …" and "0081.csv:…: note: …" lines.
void ReportFile(const std::string& path, opendata::SourceEncoding encoding, size_t header_line,
                size_t rows, size_t imported, const std::vector<opendata::RowProblem>& skipped,
                const std::vector<opendata::RowProblem>& notes);

// How many of `count` records to keep: at most `max` (what the kiosk accepts). When there are more,
// says on stderr "<command>: <count> <noun>; <holder> at most <max><unit>, so the last … are left
// out — import fewer files into one feed".
size_t WithinLimit(size_t count, size_t max, const char* command, const char* noun,
                   const char* holder, const char* unit);

// Whether the import may write its document: false (after saying so on stderr) when a file could
// not be read — a register or event list missing a whole file would withdraw its entries from every
// kiosk, so the previous output is kept instead.
bool MayWrite(bool all_read, const char* command);

// Writes `document` to options.out (atomically) or stdout; false (after saying why) on failure.
bool WriteOutput(const Options& options, const std::string& document, const char* command);

}  // namespace machikado::opendata_cli
