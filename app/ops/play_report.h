// PlayReport: summarises proof-of-play logs (play_log.h) per item over a time range —
// what wards report ("how often was each notice shown"). Reads the rotated JSONL files; a malformed
// line is counted and skipped, never fatal. Pure apart from reading the given files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clock.h"

namespace machikado::ops {

struct ItemPlays {
  std::string item_id;
  std::string kind;
  std::string feed;
  uint64_t shows = 0;
  double seconds = 0;
  UnixSeconds first = 0;
  UnixSeconds last = 0;
  std::map<std::string, uint64_t> by_mode;  // rotation / detail / emergency
  std::map<std::string, uint64_t> by_lang;
};

struct PlayReport {
  UnixSeconds from = 0;
  UnixSeconds to = 0;
  std::vector<ItemPlays> items;  // most shown first
  uint64_t lines_read = 0;
  uint64_t lines_malformed = 0;
  uint64_t files_read = 0;
};

// Every play log file in `dir` (play.jsonl and play.N.jsonl).
std::vector<std::string> PlayLogFiles(const std::string& dir);

// Showings that started in [from, to).
PlayReport SummarisePlays(const std::vector<std::string>& files, UnixSeconds from, UnixSeconds to);

std::string PlayReportToJson(const PlayReport& report);
std::string PlayReportToText(const PlayReport& report);

}  // namespace machikado::ops
