// `machikado report` as an operator calls it: proof of play from the play logs of a state
// directory, in text and --json, narrowed by --from and --to (start inclusive, end exclusive);
// no logs (exit 1), bad times, a missing --state-dir value and unknown options (exit 2). In
// process.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"
#include "feed/datetime.h"
#include "ops/play_log.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;

// Three showings: "a" twice on 11-22 and 11-23, "b" once on 11-24 (all in UTC).
class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(tmp_.file("play"));
    std::string lines;
    for (const auto& [id, start] :
         {std::pair{"a", "2026-11-22T10:00:00Z"}, std::pair{"a", "2026-11-23T10:00:00Z"},
          std::pair{"b", "2026-11-24T10:00:00Z"}}) {
      ops::PlayRecord r{id,
                        feed::Kind::kNews,
                        "cli",
                        feed::ParseRfc3339(start).value().unix,
                        12,
                        "ja",
                        schedule::Mode::kRotation,
                        feed::ItemStatus::kActual};
      lines += ops::PlayRecordToJson(r) + "\n";
    }
    testing::WriteFile(tmp_, "play/play.jsonl", lines);
  }
  // The items of a --json report over [from, to): id → shows.
  std::map<std::string, int> Shows(Args range) {
    Args args = {"--state-dir", tmp_.path(), "--json"};
    args.insert(args.end(), range.begin(), range.end());
    const auto r = Call(ReportCommand, args);
    EXPECT_EQ(r.code, 0) << r.err;
    std::map<std::string, int> shows;
    const nlohmann::json report = nlohmann::json::parse(r.out);
    for (const auto& i : report["items"]) shows[i["item"]] = i["shows"];
    return shows;
  }
  ScopedTempDir tmp_;
};

TEST_F(ReportCommandTest, JsonCountsShowsPerItemWithinFromAndTo) {
  using M = std::map<std::string, int>;
  EXPECT_EQ(Shows({"--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z"}),
            (M{{"a", 2}, {"b", 1}}));
  EXPECT_EQ(Shows({"--from", "2026-11-23T00:00:00Z", "--to", "2026-11-24T10:00:00Z"}),
            (M{{"a", 1}}));  // --to is exclusive
  EXPECT_EQ(Shows({"--from", "2026-11-24T10:00:00Z", "--to", "2026-12-01T00:00:00+09:00"}),
            (M{{"b", 1}}));  // --from is inclusive; offsets are honoured
  EXPECT_EQ(Shows({"--from", "2027-01-01T00:00:00Z", "--to", "2027-02-01T00:00:00Z"}), M{});
}

TEST_F(ReportCommandTest, TextIsATableWithTotals) {
  const auto r = Call(ReportCommand, {"--state-dir", tmp_.path(), "--from", "2026-11-01T00:00:00Z",
                                      "--to", "2026-12-01T00:00:00Z"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(
      Contains(r.out, "proof of play 2026-11-01T09:00:00+09:00 – 2026-12-01T09:00:00+09:00"))
      << r.out;
  EXPECT_TRUE(Contains(r.out, "2 items, 3 showings")) << r.out;
}

TEST_F(ReportCommandTest, NoPlayLogsIsExit1) {
  ScopedTempDir empty;
  const auto r = Call(ReportCommand, {"--state-dir", empty.path()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "no play logs in " + empty.path() + "/play")) << r.err;
}

TEST_F(ReportCommandTest, UsageErrorsAreExit2) {
  const struct {
    Args args;
    const char* message;
  } cases[] = {
      {{"--from", "yesterday"}, "machikado report: --from: "},
      {{"--to", "2026-11-31T00:00:00Z"}, "machikado report: --to: "},
      {{"--from"}, "--from: missing value"},
      {{"--state-dir"}, "usage: machikado report"},
      {{"--csv"}, "unknown option --csv"},
  };
  for (const auto& c : cases) {
    const auto r = Call(ReportCommand, c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
  }
  const auto help = Call(ReportCommand, {"--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* option : {"--from", "--to", "--state-dir", "--json"})
    EXPECT_TRUE(Contains(help.out, option)) << option;
}

}  // namespace
}  // namespace machikado
