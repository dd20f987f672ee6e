// Shared command-line plumbing of the open-data imports.
#include "commands/opendata_cli.h"

#include <cstdio>
#include <map>

#include "commands/feed_source.h"
#include "core/file_system.h"
#include "opendata/cells.h"
#include "opendata/csv_reader.h"

namespace machikado::opendata_cli {
namespace {

bool IsFeedIdLower(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return false;
  return true;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What follows every open-data import's own --help text: the options all share (%s: the default
// feed id) and the exit statuses.
constexpr char kHelpTail[] =
    "  --out FILE     write the feed to FILE (atomically) instead of stdout\n"
    "  --id ID        the feed's id (default %s)\n"
    "  --title TEXT   the feed's title\n"
    "\n"
    "exit status: 0 every file was read (rows may have been skipped: see stderr),\n"
    "             1 a file could not be read (reason named; nothing is written), 2 usage error\n";

}  // namespace

std::optional<int> ParseOptions(const Args& args, const char* help, const char* default_feed_id,
                                bool allow_district, Options* o) {
  auto usage = [&](const std::string& problem) {
    std::fprintf(stderr, "%s\n\n%s", problem.c_str(), help);
    std::fprintf(stderr, kHelpTail, default_feed_id);
    return 2;
  };
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) {
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    if (options_done || a == "-" || a.empty() || a[0] != '-') {
      o->inputs.push_back(a);
    } else if (a == "--") {
      options_done = true;
    } else if (a == "-h" || a == "--help") {
      std::fputs(help, stdout);
      std::printf(kHelpTail, default_feed_id);
      return 0;
    } else if (a == "--out") {
      if (!value(&o->out) || o->out.empty()) return usage("--out needs a file name");
    } else if (a == "--id") {
      if (!value(&o->feed_id) || !IsFeedIdLower(o->feed_id))
        return usage("--id needs a feed id of 1–64 characters a-z 0-9 . _ -");
    } else if (a == "--title") {
      if (!value(&o->title)) return usage("--title needs a text");
    } else if (allow_district && a == "--district") {
      std::string d;
      if (!value(&d) || d.empty()) return usage("--district needs a district id");
      o->district = d;
    } else {
      return usage("unknown option " + a);
    }
  }
  if (o->inputs.empty()) return usage("name at least one CSV file");
  if (o->feed_id.empty()) o->feed_id = default_feed_id;
  return std::nullopt;
}

Result<std::string> ReadInput(const std::string& path) {
  return ReadFeedSource(path, opendata::CsvLimits{}.max_bytes);
}

void ReportFile(const std::string& path, opendata::SourceEncoding encoding, size_t header_line,
                size_t rows, size_t imported, const std::vector<opendata::RowProblem>& skipped,
                const std::vector<opendata::RowProblem>& notes) {
  std::fprintf(stderr, "%s: %s, header on line %zu, %s: %zu imported, %zu skipped, %s\n",
               path.c_str(), std::string(opendata::EncodingName(encoding)).c_str(), header_line,
               Plural(rows, "row", "rows").c_str(), imported, skipped.size(),
               Plural(notes.size(), "note", "notes").c_str());
  // In line order, skipped and notes interleaved.
  std::multimap<size_t, std::string> lines;
  for (const auto& p : skipped) lines.emplace(p.line, "skipped: " + p.message);
  for (const auto& p : notes) lines.emplace(p.line, "note: " + p.message);
  for (const auto& [line, text] : lines)
    std::fprintf(stderr, "%s:%zu: %s\n", path.c_str(), line, text.c_str());
}

size_t WithinLimit(size_t count, size_t max, const char* command, const char* noun,
                   const char* holder, const char* unit) {
  if (count <= max) return count;
  std::fprintf(stderr,
               "%s: %zu %s; %s at most %zu%s, so the last %zu are left out — import fewer files "
               "into one feed\n",
               command, count, noun, holder, max, unit, count - max);
  return max;
}

bool MayWrite(bool all_read, const char* command) {
  if (all_read) return true;
  std::fprintf(stderr, "%s: nothing written, because a file could not be read\n", command);
  return false;
}

bool WriteOutput(const Options& o, const std::string& document, const char* command) {
  if (o.out.empty() || o.out == "-") {
    if (std::fwrite(document.data(), 1, document.size(), stdout) != document.size() ||
        std::fflush(stdout) != 0) {
      std::fprintf(stderr, "%s: could not write to standard output\n", command);
      return false;
    }
    return true;
  }
  PosixFileSystem fs;
  const Status s = fs.WriteFileAtomic(o.out, document);
  if (!s.ok()) {
    std::fprintf(stderr, "%s: could not write %s: %s\n", command, o.out.c_str(),
                 s.message().c_str());
    return false;
  }
  return true;
}

}  // namespace machikado::opendata_cli
