// VideoPlayer: the small interface the kiosk plays a video slide through, so that the schedule,
// the slide code and their tests never link libmpv. MpvPlayer (video/mpv_player.h) is the real
// one; FakeVideoPlayer below is for tests of callers.
// Contract: every call returns promptly (no waiting on decoding, the disk or mpv's threads):
// Open/Play/Pause/Stop only queue requests; Poll applies what happened since the last call;
// RenderFrame does the colour conversion of one frame on the caller's thread and is called only
// when frame_ready() says a new frame exists.
// One instance per kiosk, used from the main thread only (the wakeup callback is the exception:
// it may be called from any thread).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace machikado::video {

enum class PlayerState {
  kIdle,     // nothing opened (or stopped)
  kLoading,  // opened, not playing yet (probing the file)
  kPlaying,
  kPaused,
  kEnded,   // played to the end (not looping); the last frame stays
  kFailed,  // refused or broken: error() says why
};
std::string_view PlayerStateName(PlayerState s);  // "idle", "loading", …

// Caps on what the player accepts (docs/caps.md, "Video").
struct VideoLimits {
  int max_width = 4096;
  int max_height = 4096;
  int64_t max_pixels = int64_t{3840} * 2160;  // 4K UHD: an 8K file is refused before decoding
  int load_timeout_ms = 10'000;               // from Open to the first frame
};

class VideoPlayer {
 public:
  virtual ~VideoPlayer() = default;

  // Called from any thread when Poll or RenderFrame has something to do (the kiosk pushes an
  // SDL user event). Must not call back into the player. Set before Open.
  virtual void set_wakeup(std::function<void()> f) = 0;

  // Starts loading a complete local file (the media cache's ready path); `loop`: play again at the
  // end. Playback starts as soon as the file is checked, unless Pause was called.
  virtual void Open(const std::string& path, bool loop) = 0;
  virtual void Play() = 0;
  virtual void Pause() = 0;
  // Stops and unloads: state kIdle, no more frames (a takeover alert calls this).
  virtual void Stop() = 0;

  // Applies the player's pending events (state, position, errors). Once per frame.
  virtual void Poll() = 0;

  virtual PlayerState state() const = 0;
  // True when a frame newer than the last RenderFrame is waiting.
  virtual bool frame_ready() const = 0;
  // Writes the current frame, scaled to fit w×h with its aspect kept (black bars), into `pixels`
  // (stride bytes per row, ≥ 4·w) as bytes R, G, B, X per pixel — SDL_PIXELFORMAT_XBGR8888 on
  // little-endian machines. False when there is no video to draw, or no frame at this size yet
  // (a player that converts ahead of time, like MpvPlayer, converts at w×h from the next frame on:
  // keep w×h the same for a video, e.g. its own size or the slide's video box).
  virtual bool RenderFrame(int w, int h, int stride, uint8_t* pixels) = 0;

  // The video's own size once known (0 before).
  virtual int width() const = 0;
  virtual int height() const = 0;
  virtual double duration_s() const = 0;  // 0 when unknown
  virtual double position_s() const = 0;
  // Why the state is kFailed, in words for status.json ("" otherwise).
  virtual const std::string& error() const = 0;
};

// A scripted player for tests of callers (the kiosk's slide code): records calls; the test sets
// what state, size and frames it reports.
class FakeVideoPlayer final : public VideoPlayer {
 public:
  void set_wakeup(std::function<void()> f) override { wakeup = std::move(f); }
  void Open(const std::string& path, bool loop) override;
  void Play() override;
  void Pause() override;
  void Stop() override;
  void Poll() override { ++polls; }
  PlayerState state() const override { return state_; }
  bool frame_ready() const override { return frame_ready_; }
  // Fills the frame with `color` (R, G, B) and clears frame_ready.
  bool RenderFrame(int w, int h, int stride, uint8_t* pixels) override;
  int width() const override { return width_; }
  int height() const override { return height_; }
  double duration_s() const override { return duration_s_; }
  double position_s() const override { return position_s_; }
  const std::string& error() const override { return error_; }

  // Test controls.
  void SetState(PlayerState s, std::string error = "") {
    state_ = s;
    error_ = std::move(error);
  }
  void NewFrame(uint8_t r, uint8_t g, uint8_t b) {
    color_[0] = r;
    color_[1] = g;
    color_[2] = b;
    frame_ready_ = true;
  }
  void SetVideo(int w, int h, double duration_s) {
    width_ = w;
    height_ = h;
    duration_s_ = duration_s;
  }
  void SetPosition(double s) { position_s_ = s; }

  std::function<void()> wakeup;
  std::string opened_path;
  bool opened_loop = false;
  int opens = 0, plays = 0, pauses = 0, stops = 0, polls = 0, renders = 0;

 private:
  PlayerState state_ = PlayerState::kIdle;
  bool frame_ready_ = false;
  uint8_t color_[3] = {0, 0, 0};
  int width_ = 0, height_ = 0;
  double duration_s_ = 0, position_s_ = 0;
  std::string error_;
};

}  // namespace machikado::video
