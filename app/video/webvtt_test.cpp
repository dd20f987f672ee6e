// ParseWebVtt / CueAt: cue times and text, what is ignored, and hostile input.
#include "video/webvtt.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace machikado::video {
namespace {

Captions ParseOk(std::string_view s, const WebVttLimits& limits = {}) {
  Result<Captions> r = ParseWebVtt(s, limits);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Captions{};
}

TEST(WebVttTest, ReadsCueTimesAndText) {
  Captions c = ParseOk(
      "WEBVTT - 餅つき\n\n"
      "1\n00:00:01.000 --> 00:00:03.500\n町会のみなさんで\n餅をつきます\n\n"
      "00:04.250 --> 00:06.000 line:90% align:center\n<v 会長>よいしょ！</v>\n");
  ASSERT_EQ(c.cues.size(), 2u);
  EXPECT_EQ(c.cues[0].start_ms, 1000);
  EXPECT_EQ(c.cues[0].end_ms, 3500);
  EXPECT_EQ(c.cues[0].text, "町会のみなさんで\n餅をつきます");
  EXPECT_EQ(c.cues[1].start_ms, 4250);
  EXPECT_EQ(c.cues[1].end_ms, 6000);
  EXPECT_EQ(c.cues[1].text, "よいしょ！");
  EXPECT_EQ(c.cues_skipped, 0u);
}

TEST(WebVttTest, AcceptsBomCrLfAndLongHours) {
  Captions c = ParseOk(
      "\xEF\xBB\xBFWEBVTT\r\n\r\n01:02:03.004 --> 01:02:04.000\r\nA\r\n\r\n"
      "01:00:00.000 --> 101:00:00.000\r\nbeyond the 24 h cap\r\n");
  ASSERT_EQ(c.cues.size(), 1u);
  EXPECT_EQ(c.cues[0].start_ms, ((1 * 60 + 2) * 60 + 3) * 1000 + 4);
  EXPECT_EQ(c.cues_skipped, 1u);
  Captions d = ParseOk("WEBVTT\r\r00:01.000 --> 00:02.000\rB\r");
  ASSERT_EQ(d.cues.size(), 1u);
  EXPECT_EQ(d.cues[0].text, "B");
}

TEST(WebVttTest, DropsStylingTagsAndDecodesReferences) {
  Captions c = ParseOk(
      "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:fred\n\nNOTE a comment\nmore\n\n"
      "00:00.000 --> 00:01.000\n<c.yellow.bg_blue>黄色</c> &amp; <b>太字</b> &lt;3 "
      "&#x5B57;&#23383; "
      "<ruby>漢<rt>かん</rt></ruby> <00:00.500>後 &bogus; &#0;\n");
  ASSERT_EQ(c.cues.size(), 1u);
  EXPECT_EQ(c.cues[0].text, "黄色 & 太字 <3 字字 漢 後 &bogus; \uFFFD");
  EXPECT_EQ(c.cues_skipped, 0u);
}

TEST(WebVttTest, KeepsRubyAsReadings) {
  Captions c = ParseOk(
      "WEBVTT\n\n00:00.000 --> 00:01.000\n<ruby>避難<rt>ひなん</rt></ruby>してください\n"
      "<ruby.x>所<rt>しょ</ruby>\n\n"
      "00:01.000 --> 00:02.000\n<rt>stray</rt> <ruby>unclosed\n");
  ASSERT_EQ(c.cues.size(), 2u);
  EXPECT_EQ(c.cues[0].text, "避難してください\n所");
  const std::vector<feed::RubySegment> want = {
      {"避難", "ひなん"}, {"してください\n", ""}, {"所", "しょ"}};
  EXPECT_EQ(c.cues[0].segments, want);
  EXPECT_EQ(c.cues[1].text, "stray unclosed");
}

TEST(WebVttTest, RejectsFilesThatAreNotWebVtt) {
  EXPECT_FALSE(ParseWebVtt("").ok());
  EXPECT_FALSE(ParseWebVtt("1\n00:00:01,000 --> 00:00:02,000\nSRT\n").ok());
  EXPECT_FALSE(ParseWebVtt("WEBVTTX\n").ok());
  Result<Captions> r = ParseWebVtt("<html>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("WEBVTT"), std::string::npos);
  EXPECT_TRUE(ParseWebVtt("WEBVTT").ok());
}

TEST(WebVttTest, SkipsMalformedCuesAndKeepsTheRest) {
  Captions c = ParseOk(
      "WEBVTT\n\n"
      "00:00:02.000 --> 00:00:01.000\nends before it starts\n\n"
      "00:00:01.000 --> 00:00:01.000\nzero length\n\n"
      "00:00:01,000 --> 00:00:02,000\ncommas\n\n"
      "00:61.000 --> 00:62.000\nbad seconds\n\n"
      "00:00:01.00 --> 00:00:02.000\ntwo-digit fraction\n\n"
      "00:00:01.000 -> 00:00:02.000\nshort arrow\n\n"
      "00:00:01.000 --> 00:00:02.000\n\n"
      "just text without timing\n\n"
      "00:00:05.000 --> 00:00:06.000\ngood\n");
  ASSERT_EQ(c.cues.size(), 1u);
  EXPECT_EQ(c.cues[0].text, "good");
  EXPECT_EQ(c.cues_skipped, 8u);
}

TEST(WebVttTest, CapsBytesCuesAndCueText) {
  WebVttLimits limits;
  limits.max_bytes = 64;
  EXPECT_FALSE(ParseWebVtt("WEBVTT\n\n" + std::string(100, 'x'), limits).ok());
  limits = {};
  limits.max_cues = 2;
  limits.max_cue_text_bytes = 7;
  Captions c = ParseOk(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nあいうえお\n\n00:02.000 --> 00:03.000\nb\n\n"
      "00:03.000 --> 00:04.000\nc\n",
      limits);
  ASSERT_EQ(c.cues.size(), 2u);
  EXPECT_EQ(c.cues[0].text, "あい");  // cut on a character boundary
  EXPECT_EQ(c.cues_dropped, 1u);
}

TEST(WebVttTest, SanitisesInvalidUtf8AndControls) {
  Captions c =
      ParseOk(std::string("WEBVTT\n\n00:01.000 --> 00:02.000\na\xFF\x01"
                          "b\n"));
  ASSERT_EQ(c.cues.size(), 1u);
  EXPECT_EQ(c.cues[0].text, "a\uFFFDb");
}

TEST(WebVttTest, CueAtPicksTheLatestStartedCue) {
  Captions c = ParseOk(
      "WEBVTT\n\n00:05.000 --> 00:06.000\nlater\n\n00:00.000 --> 00:10.000\nlong\n\n"
      "00:05.000 --> 00:07.000\nsame start, later in file\n");
  EXPECT_EQ(CueAt(c, -1), nullptr);
  EXPECT_EQ(CueAt(c, 0)->text, "long");
  EXPECT_EQ(CueAt(c, 4999)->text, "long");
  EXPECT_EQ(CueAt(c, 5000)->text, "same start, later in file");
  EXPECT_EQ(CueAt(c, 6500)->text, "same start, later in file");
  EXPECT_EQ(CueAt(c, 7000)->text, "long");
  EXPECT_EQ(CueAt(c, 10000), nullptr);
  EXPECT_EQ(CueAt(Captions{}, 0), nullptr);
}

// Random mutations of a valid file never crash, never yield a cue with end ≤ start or text over
// the cap, and keep the cue count within the cap.
TEST(WebVttTest, SurvivesRandomMutations) {
  const std::string seed =
      "WEBVTT\n\nNOTE x\n\nid\n00:00:01.000 --> 00:00:03.500 align:start\n<c.a>字幕</c> &amp;\n\n"
      "00:04.250 --> 00:06.000\n二行目\nline\n";
  const std::string alphabet = "0123456789:.-> \n\r&#;<>/WEBVTTx\xE3\x81\x82\xFF";
  std::mt19937 rng(18);
  WebVttLimits limits;
  limits.max_cues = 50;
  limits.max_cue_text_bytes = 40;
  int parsed = 0, with_cues = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string s = seed;
    const int edits = 1 + static_cast<int>(rng() % 12);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % (s.size() + 1);
      switch (rng() % 4) {
        case 0:
          s.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 1:
          if (at < s.size()) s.erase(at, 1 + rng() % 4);
          break;
        case 2:
          if (at < s.size()) s[at] = alphabet[rng() % alphabet.size()];
          break;
        default:
          s.insert(at, s.substr(rng() % s.size(), rng() % 40));
      }
    }
    Result<Captions> r = ParseWebVtt(s, limits);
    if (!r.ok()) continue;
    ++parsed;
    if (!r->cues.empty()) ++with_cues;
    ASSERT_LE(r->cues.size(), limits.max_cues);
    for (const Cue& cue : r->cues) {
      ASSERT_LT(cue.start_ms, cue.end_ms) << s;
      std::string joined;
      for (const auto& seg : cue.segments) joined += seg.base;
      ASSERT_EQ(joined, cue.text) << s;
      ASSERT_LE(cue.text.size(), limits.max_cue_text_bytes) << s;
      ASSERT_FALSE(cue.text.empty()) << s;
    }
    (void)CueAt(*r, 2000);
  }
  // The mutations keep most files WebVTT, and many still have cues: the checks above ran.
  EXPECT_GT(parsed, 1000);
  EXPECT_GT(with_cues, 500);
}

TEST(WebVttTest, ManyTinyCuesStayWithinTheCap) {
  std::string s = "WEBVTT\n\n";
  for (int i = 0; i < 20000; ++i) s += "00:01.000 --> 00:02.000\nx\n\n";
  Result<Captions> r = ParseWebVtt(s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->cues.size(), 5000u);
  EXPECT_EQ(r->cues_dropped, 15000u);
}

}  // namespace
}  // namespace machikado::video
