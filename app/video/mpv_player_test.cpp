// MpvPlayer against clips made at test time with Debian's ffmpeg (skipped when ffmpeg is absent):
// frames of a real clip arrive and match the clip's own frames as ffmpeg decodes them; a wrong
// container, a truncated file and an 8K file are refused with a reason, within bounded waits;
// Stop ends the frames at once; one player serves one file after another.
#include "video/mpv_player.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>

#include "core/temp_dir.h"

namespace machikado::video {
namespace {

constexpr int kW = 320, kH = 240;

bool Shell(const std::string& cmd) {
  return std::system(cmd.c_str()) == 0;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class MpvPlayerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!Shell("command -v ffmpeg >/dev/null 2>&1")) return;
    dir_ = new ScopedTempDir("machikado-video");
    const std::string clip = dir_->file("clip.mp4");
    // testsrc: colour bars, a gradient and a moving counter; 50 frames of 320×240. The 8K file is
    // one black frame (quick to make; refused from its container before any decoding).
    ok_ = Shell(
              "ffmpeg -v error -nostdin -f lavfi -i testsrc=size=320x240:rate=25 -t 2 -c:v libx264 "
              "-pix_fmt yuv420p -y " +
              clip) &&
          Shell("ffmpeg -v error -nostdin -i " + clip + " -f rawvideo -pix_fmt rgb24 -y " +
                dir_->file("frames.rgb")) &&
          Shell(
              "ffmpeg -v error -nostdin -f lavfi -i color=c=black:s=7680x4320:r=25 -frames:v 1 "
              "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -y " +
              dir_->file("8k.mp4"));
    reference_ = ReadAll(dir_->file("frames.rgb"));
    const std::string bytes = ReadAll(clip);
    WriteAll(dir_->file("truncated.mp4"), bytes.substr(0, bytes.size() * 3 / 10));
    std::mt19937 rng(18);
    std::string junk(64 * 1024, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    WriteAll(dir_->file("junk.mp4"), junk);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    if (!ok_) GTEST_SKIP() << "ffmpeg (Debian package ffmpeg) is needed to make the test clips";
    Result<std::unique_ptr<MpvPlayer>> p = MpvPlayer::Create();
    ASSERT_TRUE(p.ok()) << p.status().message();
    player_ = std::move(p).value();
    player_->set_wakeup([this] {
      std::lock_guard<std::mutex> lock(mu_);
      woken_ = true;
      cv_.notify_all();
    });
    pixels_.assign(static_cast<size_t>(kW) * 4 * kH, 0);
  }

  // Polls (and renders each new frame) until `done` holds or 30 s pass. Waits on the player's
  // wakeup between polls (at most 200 ms, for the load timeout's sake).
  template <typename Pred>
  bool PlayUntil(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      player_->Poll();
      if (player_->frame_ready() && player_->RenderFrame(kW, kH, kW * 4, pixels_.data()))
        frames_.push_back(pixels_);
      if (done()) return true;
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return woken_; });
      woken_ = false;
    }
    return false;
  }

  // Mean absolute difference per colour byte between an RGB0 frame and reference frame `i`.
  static double Distance(const std::vector<uint8_t>& frame, size_t i) {
    const size_t frame_bytes = static_cast<size_t>(kW) * kH * 3;
    const uint8_t* ref = reinterpret_cast<const uint8_t*>(reference_.data()) + i * frame_bytes;
    uint64_t sum = 0;
    for (size_t p = 0; p < static_cast<size_t>(kW) * kH; ++p)
      for (int c = 0; c < 3; ++c) sum += std::abs(int(frame[p * 4 + c]) - int(ref[p * 3 + c]));
    return double(sum) / double(frame_bytes);
  }
  static double NearestReference(const std::vector<uint8_t>& frame) {
    const size_t n = reference_.size() / (static_cast<size_t>(kW) * kH * 3);
    double best = 1e9;
    for (size_t i = 0; i < n; ++i) best = std::min(best, Distance(frame, i));
    return best;
  }

  void ExpectRefused(const std::string& name) {
    player_->Open(dir_->file(name), false);
    ASSERT_TRUE(PlayUntil([&] { return player_->state() == PlayerState::kFailed; }))
        << name << " ended as " << PlayerStateName(player_->state());
    EXPECT_FALSE(player_->error().empty()) << name;
    std::fprintf(stderr, "%s: %s\n", name.c_str(), player_->error().c_str());
    EXPECT_TRUE(frames_.empty()) << name << ": a frame of a refused file was drawn";
    EXPECT_FALSE(player_->RenderFrame(kW, kH, kW * 4, pixels_.data()));
  }

  static ScopedTempDir* dir_;
  static bool ok_;
  static std::string reference_;
  std::unique_ptr<MpvPlayer> player_;
  std::vector<uint8_t> pixels_;
  std::vector<std::vector<uint8_t>> frames_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
};

ScopedTempDir* MpvPlayerTest::dir_ = nullptr;
bool MpvPlayerTest::ok_ = false;
std::string MpvPlayerTest::reference_;

TEST_F(MpvPlayerTest, PlaysAClipWhoseFramesMatchItsContent) {
  player_->Open(dir_->file("clip.mp4"), false);
  EXPECT_EQ(player_->state(), PlayerState::kLoading);
  ASSERT_TRUE(PlayUntil([&] { return frames_.size() >= 2 && frames_.front() != frames_.back(); }))
      << "frames: " << frames_.size() << ", state " << PlayerStateName(player_->state()) << " "
      << player_->error();
  EXPECT_EQ(player_->state(), PlayerState::kPlaying);
  EXPECT_EQ(player_->width(), kW);
  EXPECT_EQ(player_->height(), kH);
  EXPECT_NEAR(player_->duration_s(), 2.0, 0.2);
  // Each drawn frame is one of the clip's frames (colour conversion differs a little from
  // ffmpeg's); a frame of other content (inverted) is far from all of them.
  for (const auto& f : frames_) EXPECT_LT(NearestReference(f), 8.0);
  std::vector<uint8_t> inverted = frames_.back();
  for (auto& b : inverted) b = static_cast<uint8_t>(255 - b);
  EXPECT_GT(NearestReference(inverted), 60.0);
  ASSERT_TRUE(PlayUntil([&] { return player_->state() == PlayerState::kEnded; }));
  EXPECT_NEAR(player_->position_s(), 2.0, 0.2);
}

TEST_F(MpvPlayerTest, RefusesRandomBytesNamedMp4) {
  ExpectRefused("junk.mp4");
}

TEST_F(MpvPlayerTest, RefusesATruncatedFile) {
  ExpectRefused("truncated.mp4");
}

TEST_F(MpvPlayerTest, RefusesAnEightKFileBeforeDecoding) {
  ExpectRefused("8k.mp4");
  EXPECT_NE(player_->error().find("7680"), std::string::npos) << player_->error();
}

TEST_F(MpvPlayerTest, RefusesUrlsAndMissingFiles) {
  player_->Open("http://example.jp/a.mp4", false);
  EXPECT_EQ(player_->state(), PlayerState::kFailed);
  ExpectRefused("no-such-file.mp4");
}

TEST_F(MpvPlayerTest, StopEndsFramesAtOnceAndThePlayerServesTheNextFile) {
  ExpectRefused("junk.mp4");
  player_->Open(dir_->file("clip.mp4"), true);
  ASSERT_TRUE(PlayUntil([&] { return !frames_.empty(); })) << player_->error();
  player_->Stop();
  EXPECT_EQ(player_->state(), PlayerState::kIdle);
  EXPECT_FALSE(player_->frame_ready());
  EXPECT_FALSE(player_->RenderFrame(kW, kH, kW * 4, pixels_.data()));
  // Late events of the stopped file do not bring it back.
  const size_t before = frames_.size();
  player_->Open(dir_->file("clip.mp4"), false);
  player_->Stop();
  for (int i = 0; i < 5; ++i) player_->Poll();
  EXPECT_EQ(player_->state(), PlayerState::kIdle);
  EXPECT_EQ(frames_.size(), before);
  player_->Open(dir_->file("clip.mp4"), false);
  ASSERT_TRUE(PlayUntil([&] { return frames_.size() > before; })) << player_->error();
}

TEST_F(MpvPlayerTest, ConvertsAtTheSizeAskedFor) {
  player_->Open(dir_->file("clip.mp4"), true);
  ASSERT_TRUE(PlayUntil([&] { return !frames_.empty(); })) << player_->error();
  // Half the size, with a padded stride: the frame thread switches from the next frame on.
  const int w = kW / 2, h = kH / 2, stride = 256 * 4;
  std::vector<uint8_t> small(static_cast<size_t>(stride) * h, 7);
  bool got = false;
  ASSERT_TRUE(PlayUntil([&] {
    if (!got) got = player_->RenderFrame(w, h, stride, small.data());
    return got;
  }));
  // The picture is there (testsrc is colourful), and the padding was not written.
  int non_black = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) non_black += small[y * stride + x * 4] > 40;
  EXPECT_GT(non_black, w * h / 4);
  EXPECT_EQ(small[stride - 1], 7);
}

TEST_F(MpvPlayerTest, PauseHoldsThePosition) {
  player_->Open(dir_->file("clip.mp4"), true);
  ASSERT_TRUE(PlayUntil([&] { return player_->position_s() > 0.2; })) << player_->error();
  player_->Pause();
  EXPECT_EQ(player_->state(), PlayerState::kPaused);
  player_->Play();
  EXPECT_EQ(player_->state(), PlayerState::kPlaying);
}

}  // namespace
}  // namespace machikado::video
