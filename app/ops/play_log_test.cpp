#include "ops/play_log.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/faulty_file_system.h"
#include "ops/play_report.h"

namespace machikado::ops {
namespace {

class PlayLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "playlog-XXXXXX";
    dir_ = ::mkdtemp(tmpl.data());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
  PosixFileSystem fs_;
};

PlayRecord Rec(const std::string& id, UnixSeconds start, double s,
               schedule::Mode mode = schedule::Mode::kRotation) {
  return PlayRecord{id,   feed::Kind::kNews,        "demo-news", start, s, "ja",
                    mode, feed::ItemStatus::kActual};
}

TEST_F(PlayLogTest, WritesOneJsonLinePerShowing) {
  {
    PlayLog log({dir_}, fs_);
    log.Record(Rec("a", 1795359600, 10));
    log.Record(Rec("b", 1795359610, 12.34));
    log.Flush();
  }
  std::ifstream in(dir_ + "/play.jsonl");
  std::string l1, l2;
  std::getline(in, l1);
  std::getline(in, l2);
  EXPECT_EQ(l1, R"({"feed":"demo-news","item":"a","kind":"news","lang":"ja","mode":"rotation",)"
                R"("seconds":10.0,"start":"2026-11-22T15:00:00Z","status":"actual"})");
  EXPECT_NE(l2.find(R"("seconds":12.3)"), std::string::npos);
}

TEST_F(PlayLogTest, RotatesAndStaysWithinItsSizeBound) {
  PlayLogOptions o{dir_, /*max_bytes=*/2000, /*keep=*/3};
  {
    PlayLog log(o, fs_);
    for (int i = 0; i < 500; ++i) log.Record(Rec("item-" + std::to_string(i), 1795359600 + i, 10));
  }
  auto files = PlayLogFiles(dir_);
  EXPECT_EQ(files.size(), 4u);  // play.jsonl + 3 rotated
  uint64_t total = 0;
  for (const auto& f : files) total += std::filesystem::file_size(f);
  EXPECT_LE(total, 4u * 2000u);
  // The newest showings survive rotation.
  PlayReport r = SummarisePlays(files, 0, 4'000'000'000);
  bool has_last = false;
  for (const auto& p : r.items) has_last |= p.item_id == "item-499";
  EXPECT_TRUE(has_last);
}

TEST_F(PlayLogTest, ReportSummarisesPerItemWithinTheRange) {
  {
    PlayLog log({dir_}, fs_);
    log.Record(Rec("a", 1000, 10));
    log.Record(Rec("a", 2000, 10, schedule::Mode::kDetail));
    log.Record(Rec("b", 2500, 5));
    log.Record(Rec("a", 9000, 10));  // outside [0, 5000)
  }
  {
    std::ofstream bad(dir_ + "/play.1.jsonl");
    bad << "not json\n{\"item\": 3}\n";
  }
  PlayReport r = SummarisePlays(PlayLogFiles(dir_), 0, 5000);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].item_id, "a");
  EXPECT_EQ(r.items[0].shows, 2u);
  EXPECT_DOUBLE_EQ(r.items[0].seconds, 20);
  EXPECT_EQ(r.items[0].by_mode.at("detail"), 1u);
  EXPECT_EQ(r.items[1].item_id, "b");
  EXPECT_EQ(r.lines_malformed, 2u);
  EXPECT_NE(PlayReportToText(r).find("2 items, 3 showings"), std::string::npos);
  auto j = nlohmann::json::parse(PlayReportToJson(r));
  EXPECT_EQ(j["items"][0]["shows"], 2);
}

TEST_F(PlayLogTest, AFullDiskLosesTheLinesItCannotTakeCountsThemAndCarriesOn) {
  FaultyFileSystem disk(fs_);
  PlayLog log({dir_}, disk);
  log.Record(Rec("before", 1000, 10));
  log.Flush();
  disk.FailOn(FsOp::kWrite, ENOSPC);
  log.Record(Rec("lost-1", 2000, 10));
  log.Record(Rec("lost-2", 3000, 10));
  log.Flush();
  EXPECT_EQ(log.write_errors(), 2u);
  disk.ClearFaults();  // space freed
  log.Record(Rec("after", 4000, 10));
  log.Flush();
  EXPECT_EQ(log.write_errors(), 2u);
  std::ifstream in(dir_ + "/play.jsonl");
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);)
    ids.push_back(nlohmann::json::parse(line)["item"]);  // every line whole: none cut short
  EXPECT_EQ(ids, (std::vector<std::string>{"before", "after"}));
  EXPECT_GE(disk.calls(FsOp::kWrite), 4);  // the proof goes through the FileSystem
}

}  // namespace
}  // namespace machikado::ops
