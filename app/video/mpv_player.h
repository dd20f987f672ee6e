// MpvPlayer: VideoPlayer on libmpv (Debian's libmpv-dev) with the render API's software renderer
// (MPV_RENDER_API_TYPE_SW): frames are converted to RGB on the caller's thread into the caller's
// buffer, for an SDL streaming texture. Muted with no audio output at all, no OSD, no subtitles
// (the kiosk draws captions itself), no config files, scripts or input bindings, hardware decoding
// when it is safe. A file is checked before any decoder is created (mpv's on_preloaded hook: the
// container's width and height against VideoLimits) and libavcodec itself refuses frames above
// the pixel cap (a stream that lies in its container).
// Never blocks the caller: commands are sent asynchronously, state arrives as observed properties
// and events in Poll. The software conversion of a frame (YUV → RGB and scaling, ~25 ms for 720p on
// a busy 2-core PC: too much for the main thread) runs on the player's own frame thread, woken by
// mpv's update callback; it converts into a back buffer and swaps it with the front one, so
// RenderFrame only copies the newest converted frame (a memcpy). Frames are converted at the size
// last asked for by RenderFrame (the video's own size until then). Create once (Create is the one
// slow call: it starts mpv's threads) and keep it; Open, Stop and Open again for each video.
// The VideoPlayer calls are for the main thread only (see VideoPlayer).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "video/video_player.h"

struct mpv_handle;
struct mpv_render_context;

namespace machikado::video {

struct MpvPlayerOptions {
  VideoLimits limits;
  // mpv's hwdec: "auto-safe" uses a hardware decoder mpv knows to work (VA-API on Intel and AMD,
  // V4L2 on a Raspberry Pi) and decodes in software otherwise; "no" forces software.
  std::string hwdec = "auto-safe";
  // Cap on the demuxer's read-ahead (mpv's demuxer-max-bytes); the files are local.
  std::string demuxer_max_bytes = "32MiB";
  // Decoder threads (mpv's vd-lavc-threads; 0 = mpv's choice). Left low so that the alert path
  // keeps a core on a 2-core PC.
  int decoder_threads = 2;
};

class MpvPlayer final : public VideoPlayer {
 public:
  // Starts an mpv core with a software render context. Fails when libmpv cannot be initialised.
  static Result<std::unique_ptr<MpvPlayer>> Create(const MpvPlayerOptions& options = {});
  ~MpvPlayer() override;
  MpvPlayer(const MpvPlayer&) = delete;
  MpvPlayer& operator=(const MpvPlayer&) = delete;

  void set_wakeup(std::function<void()> f) override { wakeup_ = std::move(f); }
  void Open(const std::string& path, bool loop) override;
  void Play() override;
  void Pause() override;
  void Stop() override;
  void Poll() override;
  PlayerState state() const override { return state_; }
  bool frame_ready() const override;
  bool RenderFrame(int w, int h, int stride, uint8_t* pixels) override;
  int width() const override { return width_; }
  int height() const override { return height_; }
  double duration_s() const override { return duration_s_; }
  double position_s() const override { return position_s_; }
  const std::string& error() const override { return error_; }

 private:
  explicit MpvPlayer(const MpvPlayerOptions& options);
  static void OnWakeup(void* self);
  static void OnRenderUpdate(void* self);
  void Fail(std::string reason);
  void CheckTracks(uint64_t hook_id);
  void Command(std::initializer_list<const char*> args);
  void SetFlag(const char* name, bool value);
  // The frame thread: converts frames while the player is active.
  void ConvertFrames();
  // Main thread: a new file (or none) from now on; frames of the previous one are dropped.
  void NewGeneration(bool active);
  bool HasFrameOfThisFile() const;

  MpvPlayerOptions options_;
  mpv_handle* mpv_ = nullptr;
  mpv_render_context* render_ = nullptr;
  std::function<void()> wakeup_;

  // Shared with the frame thread (and mpv's update callback), under fmu_. The main thread never
  // calls libmpv while holding fmu_, and the frame thread never holds it while in libmpv.
  mutable std::mutex fmu_;
  std::condition_variable fcv_;
  bool quit_ = false;
  bool update_pending_ = false;  // mpv's update callback fired
  bool resize_pending_ = false;  // the wanted size changed: convert the current frame again
  bool active_ = false;          // a file is open (frames are wanted)
  uint64_t gen_ = 0;             // counts Open/Stop/Fail: frames of an older file are dropped
  int want_w_ = 0, want_h_ = 0;  // size to convert to (0: not known yet)
  std::vector<uint8_t> front_;   // the newest converted frame, RGB0 rows of 4·front_w_ bytes
  int front_w_ = 0, front_h_ = 0;
  uint64_t front_gen_ = ~uint64_t{0};
  bool front_new_ = false;  // not yet copied out by RenderFrame
  std::thread frame_thread_;

  PlayerState state_ = PlayerState::kIdle;
  bool want_pause_ = false;
  int awaiting_start_ = 0;    // loadfile commands whose START_FILE has not arrived yet
  bool stopped_ = false;      // events about the current file are ignored (Stop or Fail)
  int64_t opened_at_ms_ = 0;  // steady clock, for the load timeout
  int width_ = 0, height_ = 0;
  double duration_s_ = 0, position_s_ = 0;
  std::string error_;
  std::string last_log_error_;  // mpv's last error-level message (a reason for kFailed)
};

}  // namespace machikado::video
