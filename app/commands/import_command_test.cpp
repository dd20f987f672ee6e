// `machikado import KIND …` as staff call it: the dispatch (kinds, --help, unknown kind), each
// kind's options (jma and cap: --area, --all-areas, --point, --out, --at, --feed-id; shelters and
// events: --out, --id, --title, --district), exit codes (0 converted, 1 an input that cannot be
// read, 2 usage) and messages. The open-data kinds run on small CSVs written here; jma and cap
// convert real samples from ../shared/testdata when it is there (skipped with a message when not).
// In process.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"
#include "platform/build_paths.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::ReadFile;
using testing::WriteFile;
namespace fs = std::filesystem;

const std::string kTestdata = std::string(MACHIKADO_SOURCE_DIR) + "/../shared/testdata";

#define SKIP_WITHOUT_TESTDATA(kind)                                \
  if (!fs::is_directory(kTestdata + "/" + kind))                   \
  GTEST_SKIP() << "no " << kind << " samples beside the project (" \
               << fs::path(kTestdata).lexically_normal().string() << ")"

const char kShelters[] =
    "全国地方公共団体コード,ID,名称,名称_カナ,所在地_連結表記,緯度,経度,電話番号,"
    "災害種別_洪水,災害種別_崖崩れ、土石流及び地滑り,災害種別_高潮,災害種別_地震,災害種別_津波,"
    "災害種別_大規模な火事,災害種別_内水氾濫,災害種別_火山現象,,想定収容人数,URL\n"
    "382019,E1,城山公園,ｼﾛﾔﾏｺｳｴﾝ,愛媛県松山市堀之内,33.84199297,132.7618544,,,1,,1,○,,,,,50,\n"
    "382019,E2,堀之内公園,,愛媛県松山市堀之内,33.8426,132.7608,,1,,,1,,,,,,100,\n";

const char kEvents[] =
    "全国地方公共団体コード,ID,地方公共団体名,イベント名,イベント名_英字,開始日,終了日,開始時間,"
    "終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,主催者,"
    "場所名称,所在地_連結表記,URL\n"
    "141046,ev1,横浜市中区,防災訓練,Drill,2026-11-23,2026-11-23,09:00,12:00,,説明,0,,中区役所,"
    "045-000-0000,中区,本町小学校,,https://example.jp/e\n";

nlohmann::json Items(const std::string& document) {
  return nlohmann::json::parse(document)["items"];
}

TEST(ImportCommandTest, DispatchesKindsAndRefusesUnknownOnes) {
  const auto none = Call(ImportCommand, {});
  EXPECT_EQ(none.code, 2);
  EXPECT_TRUE(Contains(none.err, "usage: machikado import KIND")) << none.err;
  const auto help = Call(ImportCommand, {"--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* kind : {"jma", "cap", "shelters", "events"}) {
    EXPECT_TRUE(Contains(help.out, kind)) << kind;
    const auto kind_help = Call(ImportCommand, {kind, "--help"});
    EXPECT_EQ(kind_help.code, 0) << kind;
    EXPECT_TRUE(Contains(kind_help.out, std::string("usage: machikado import ") + kind))
        << kind_help.out;
  }
  const auto bad = Call(ImportCommand, {"kml", "x.kml"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(Contains(bad.err, "machikado import: unknown kind 'kml'")) << bad.err;
}

TEST(ImportCommandTest, SheltersToStdoutAndToOutWithIdAndTitle) {
  ScopedTempDir tmp;
  const std::string csv = WriteFile(tmp, "shelters.csv", kShelters);
  const auto r = Call(ImportCommand, {"shelters", csv});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(
      Contains(r.err, "shelters.csv: UTF-8, header on line 1, 2 rows: 2 imported, 0 skipped"))
      << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["shelters"].size(), 2u) << r.out;

  const std::string out = tmp.file("register.json");
  const auto w = Call(ImportCommand, {"shelters", "--out", out, "--id", "ward.shelters", "--title",
                                      "避難所一覧", csv});
  ASSERT_EQ(w.code, 0) << w.err;
  EXPECT_TRUE(w.out.empty()) << "--out writes the file, not stdout";
  const auto doc = nlohmann::json::parse(ReadFile(out));
  EXPECT_EQ(doc["id"], "ward.shelters");
  EXPECT_TRUE(Contains(doc["title"].dump(), "避難所一覧")) << doc["title"];
  EXPECT_EQ(Call(ValidateCommand, {out}).code, 0) << "the register does not validate";
}

TEST(ImportCommandTest, EventsWithDistrict) {
  ScopedTempDir tmp;
  const std::string csv = WriteFile(tmp, "events.csv", kEvents);
  const auto r = Call(ImportCommand, {"events", "--district", "naka", csv});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto items = Items(r.out);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], "event-141046-ev1");
  EXPECT_EQ(items[0]["districts"], nlohmann::json::array({"naka"}));
}

TEST(ImportCommandTest, OpenDataInputsThatCannotBeReadAreExit1AndNothingIsWritten) {
  ScopedTempDir tmp;
  const std::string good = WriteFile(tmp, "shelters.csv", kShelters);
  const std::string broken = WriteFile(tmp, "broken.csv", "a,b\n1,\"open\n");
  const std::string out = tmp.file("out.json");
  const auto r = Call(ImportCommand, {"shelters", "--out", out, broken, good});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "broken.csv: cannot read:")) << r.err;
  EXPECT_FALSE(fs::exists(out));
  const auto missing = Call(ImportCommand, {"events", tmp.file("none.csv")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(Contains(missing.err, "none.csv")) << missing.err;
}

TEST(ImportCommandTest, OpenDataUsageErrorsAreExit2) {
  const struct {
    Args args;
    const char* message;
  } cases[] = {
      {{"shelters"}, "name at least one CSV file"},
      {{"events", "--bogus", "x.csv"}, "unknown option --bogus"},
      {{"shelters", "--district", "x", "x.csv"}, "unknown option --district"},
      {{"shelters", "--out"}, "--out needs a file name"},
      {{"events", "--id", "Not An Id", "x.csv"}, "--id needs a feed id"},
      {{"events", "--title"}, "--title needs a text"},
      {{"events", "--district", "", "x.csv"}, "--district needs a district id"},
  };
  for (const auto& c : cases) {
    const auto r = Call(ImportCommand, c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
  }
}

TEST(ImportCommandTest, OfficialUsageErrorsAreExit2) {
  const struct {
    Args args;
    const char* message;
  } cases[] = {
      {{"jma"}, "name at least one message file or URL"},
      {{"jma", "--area", "1311200"}, "name at least one message file or URL"},
      {{"jma", "x.xml"}, "name the kiosk's areas with --area CODE"},
      {{"jma", "--area"}, "--area needs a code"},
      {{"jma", "--bogus", "x.xml"}, "unknown option --bogus"},
      {{"jma", "--area", "1", "--at", "noon", "x.xml"}, "--at: "},
      {{"jma", "--area", "1", "--feed-id", "Bad Id", "x.xml"}, "--feed-id needs an id"},
      {{"jma", "--area", "1", "--out"}, "--out needs a file name"},
      {{"jma", "--all-areas", "x.xml"}, "unknown option --all-areas"},
      {{"cap", "x.xml"}, "(--area CODE, --point LAT,LON) or --all-areas"},
      {{"cap", "--point", "north", "x.xml"}, "--point needs LAT,LON"},
  };
  for (const auto& c : cases) {
    const auto r = Call(ImportCommand, c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
  }
}

TEST(ImportCommandTest, OfficialInputsThatCannotBeReadAreExit1AndNamed) {
  ScopedTempDir tmp;
  const auto missing = Call(ImportCommand, {"jma", "--area", "0133100", tmp.file("none.xml")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(Contains(missing.err, "there is no file " + tmp.file("none.xml"))) << missing.err;
  const std::string hostile = WriteFile(
      tmp, "hostile.xml",
      R"(<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>)");
  const auto r = Call(ImportCommand, {"cap", "--all-areas", hostile});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "hostile.xml: ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "document type or entity declaration")) << r.err;
}

TEST(ImportCommandTest, JmaConvertsASampleWithAreaAtOutAndFeedId) {
  SKIP_WITHOUT_TESTDATA("jma");
  ScopedTempDir tmp;
  const std::string out = tmp.file("jma.json");
  const auto r = Call(ImportCommand,
                      {"jma", "--area", "0133100", "--at", "2013-08-23T15:30:00+09:00", "--feed-id",
                       "ward.jma", "--out", out, kTestdata + "/jma/17_02_01_190529_VXWW50.xml"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(ReadFile(out));
  EXPECT_EQ(doc["id"], "ward.jma");
  ASSERT_EQ(doc["items"].size(), 1u) << doc.dump();
  EXPECT_EQ(doc["items"][0]["id"], "jma-landslide-0133100");
  // Another area: read, but nothing applies (still exit 0).
  const auto elsewhere =
      Call(ImportCommand, {"jma", "--area", "1311200", "--at", "2013-08-23T15:30:00+09:00",
                           kTestdata + "/jma/17_02_01_190529_VXWW50.xml"});
  ASSERT_EQ(elsewhere.code, 0) << elsewhere.err;
  EXPECT_TRUE(Items(elsewhere.out).empty()) << elsewhere.out;
}

TEST(ImportCommandTest, CapConvertsASampleWithAllAreasOrAPoint) {
  SKIP_WITHOUT_TESTDATA("cap");
  // CAP 1.2 appendix A.2: a severe thunderstorm warning with one polygon, valid until 16:00 -07:00.
  const std::string sample = kTestdata + "/cap/v1dot2_appendix_adot2.xml";
  const char* at = "2003-06-17T15:00:00-07:00";
  const auto all = Call(ImportCommand, {"cap", "--all-areas", "--at", at, sample});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(Items(all.out).size(), 1u) << all.out;
  const auto inside = Call(ImportCommand, {"cap", "--point", "38.49,-119.93", "--at", at, sample});
  ASSERT_EQ(inside.code, 0) << inside.err;
  EXPECT_EQ(Items(inside.out).size(), 1u) << inside.out;
  const auto far = Call(ImportCommand, {"cap", "--point", "35.6465,139.6533", "--at", at, sample});
  ASSERT_EQ(far.code, 0) << far.err;
  EXPECT_TRUE(Items(far.out).empty()) << "a point in Tokyo is outside the polygon: " << far.out;
}

}  // namespace
}  // namespace machikado
