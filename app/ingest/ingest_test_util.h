// Helpers for the ingest tests: the real samples beside the project (../shared/testdata/jma and
// cap, skipped when absent), conversion of named files, and the check that a conversion's feed is
// valid under the same parser `machikado validate` uses.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feed/datetime.h"
#include "feed/parse.h"
#include "ingest/alert_feed.h"
#include "ingest/convert.h"
#include "platform/build_paths.h"

namespace machikado::ingest::testing {

inline std::string TestdataDir(const char* kind) {
  return std::string(MACHIKADO_SOURCE_DIR) + "/../shared/testdata/" + kind;
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline UnixSeconds At(const char* rfc3339) {
  return feed::ParseRfc3339(rfc3339).value().unix;
}

inline AreaFilter Areas(std::vector<std::string> codes) {
  AreaFilter f;
  f.codes = std::move(codes);
  return f;
}

inline AreaFilter AllAreas() {
  AreaFilter f;
  f.all = true;
  return f;
}

// The feed `machikado import` would write for these alerts, parsed back by the validator.
inline feed::ParseOutcome Validate(const std::vector<OfficialAlert>& alerts, UnixSeconds now) {
  AlertFeedOptions o;
  o.generated = now;
  return feed::ParseFeed(WriteAlertFeed(alerts, o));
}

}  // namespace machikado::ingest::testing

// Skips the test when the samples are not beside the project.
#define MACHIKADO_NEED_TESTDATA(kind)                                                    \
  do {                                                                                   \
    if (!std::filesystem::is_directory(::machikado::ingest::testing::TestdataDir(kind))) \
      GTEST_SKIP() << "no " << ::machikado::ingest::testing::TestdataDir(kind);          \
  } while (0)
