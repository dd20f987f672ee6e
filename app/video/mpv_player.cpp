// MpvPlayer (mpv_player.h). Follows libmpv's client.h and render.h (mpv 0.35): options before
// mpv_initialize, asynchronous commands, observed properties, the update callback of the render
// context, and the rule that the thread calling mpv_render_* never waits for the core.
#include "video/mpv_player.h"

#include <mpv/client.h>
#include <mpv/render.h>

#include <chrono>
#include <cstring>

namespace machikado::video {
namespace {

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Reads an integer property during the on_preloaded hook (the core is waiting for us).
int64_t IntProperty(mpv_handle* h, const std::string& name) {
  int64_t v = 0;
  if (mpv_get_property(h, name.c_str(), MPV_FORMAT_INT64, &v) < 0) return -1;
  return v;
}

std::string StringProperty(mpv_handle* h, const std::string& name) {
  char* s = mpv_get_property_string(h, name.c_str());
  std::string out = s ? s : "";
  mpv_free(s);
  return out;
}

}  // namespace

MpvPlayer::MpvPlayer(const MpvPlayerOptions& options) : options_(options) {}

Result<std::unique_ptr<MpvPlayer>> MpvPlayer::Create(const MpvPlayerOptions& options) {
  std::unique_ptr<MpvPlayer> p(new MpvPlayer(options));
  p->mpv_ = mpv_create();
  if (!p->mpv_) return Status::Error(StatusCode::kInternal, "libmpv: mpv_create failed");
  mpv_handle* h = p->mpv_;
  const std::string max_pixels = "max_pixels=" + std::to_string(options.limits.max_pixels);
  const std::string threads = std::to_string(options.decoder_threads);
  const std::pair<const char*, std::string> settings[] = {
      {"config", "no"},  // no ~/.config/mpv: the kiosk's behaviour is its own
      {"load-scripts", "no"},
      {"ytdl", "no"},
      {"input-default-bindings", "no"},
      {"input-vo-keyboard", "no"},
      {"terminal", "no"},
      {"vo", "libmpv"},
      {"ao", "null"},  // muted lobby screens: no audio device is opened at all
      {"aid", "no"},
      {"mute", "yes"},
      {"sid", "no"},  // captions are drawn by the kiosk
      {"sub-auto", "no"},
      {"osd-level", "0"},
      {"audio-display", "no"},
      {"idle", "yes"},
      {"keep-open", "yes"},  // the last frame stays at the end; eof-reached says so
      {"hwdec", options.hwdec},
      {"vd-lavc-threads", threads},
      {"vd-lavc-o", max_pixels},  // libavcodec refuses larger frames whatever the container says
      {"demuxer-max-bytes", options.demuxer_max_bytes},
      {"demuxer-max-back-bytes", "1MiB"},
      {"cache", "no"},
      // Only the local file itself: no references to other files, no nested network protocols.
      {"access-references", "no"},
      {"demuxer-lavf-o", "protocol_whitelist=file"},
      {"load-unsafe-playlists", "no"},
      {"prefetch-playlist", "no"},
  };
  for (const auto& [name, value] : settings) {
    if (mpv_set_option_string(h, name, value.c_str()) < 0)
      return Status::Error(StatusCode::kInternal,
                           std::string("libmpv refused the option ") + name + "=" + value);
  }
  if (int rc = mpv_initialize(h); rc < 0)
    return Status::Error(StatusCode::kInternal,
                         std::string("libmpv: mpv_initialize failed: ") + mpv_error_string(rc));
  mpv_request_log_messages(h, "error");
  mpv_observe_property(h, 0, "time-pos", MPV_FORMAT_DOUBLE);
  mpv_observe_property(h, 0, "duration", MPV_FORMAT_DOUBLE);
  mpv_observe_property(h, 0, "eof-reached", MPV_FORMAT_FLAG);
  mpv_observe_property(h, 0, "video-params/w", MPV_FORMAT_INT64);
  mpv_observe_property(h, 0, "video-params/h", MPV_FORMAT_INT64);
  mpv_hook_add(h, 0, "on_preloaded", 0);

  mpv_render_param params[] = {
      {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_SW)},
      {MPV_RENDER_PARAM_INVALID, nullptr},
  };
  if (int rc = mpv_render_context_create(&p->render_, h, params); rc < 0)
    return Status::Error(
        StatusCode::kInternal,
        std::string("libmpv: no software render context: ") + mpv_error_string(rc));
  mpv_set_wakeup_callback(h, &MpvPlayer::OnWakeup, p.get());
  MpvPlayer* raw = p.get();
  raw->frame_thread_ = std::thread([raw] { raw->ConvertFrames(); });
  mpv_render_context_set_update_callback(p->render_, &MpvPlayer::OnRenderUpdate, p.get());
  return p;
}

MpvPlayer::~MpvPlayer() {
  {
    std::lock_guard<std::mutex> lock(fmu_);
    quit_ = true;
  }
  fcv_.notify_all();
  if (frame_thread_.joinable()) frame_thread_.join();
  // The render context must go before the core (render.h, "Context and handle lifecycle").
  if (render_) {
    mpv_render_context_set_update_callback(render_, nullptr, nullptr);
    mpv_render_context_free(render_);
  }
  if (mpv_) {
    mpv_set_wakeup_callback(mpv_, nullptr, nullptr);
    mpv_terminate_destroy(mpv_);
  }
}

void MpvPlayer::OnWakeup(void* self) {
  auto* p = static_cast<MpvPlayer*>(self);
  if (p->wakeup_) p->wakeup_();
}

void MpvPlayer::OnRenderUpdate(void* self) {
  auto* p = static_cast<MpvPlayer*>(self);
  {
    std::lock_guard<std::mutex> lock(p->fmu_);
    p->update_pending_ = true;
  }
  p->fcv_.notify_all();
}

void MpvPlayer::ConvertFrames() {
  std::vector<uint8_t> back;
  std::unique_lock<std::mutex> lock(fmu_);
  for (;;) {
    fcv_.wait(lock, [this] { return quit_ || update_pending_ || resize_pending_; });
    if (quit_) return;
    const bool resized = resize_pending_;
    update_pending_ = resize_pending_ = false;
    const int w = want_w_, h = want_h_;
    const uint64_t gen = gen_;
    // A resize converts the current frame again, but only once this file has shown one (else
    // mpv would hand out a black picture before the first real frame).
    const bool have_real_frame = front_gen_ == gen;
    const bool active = active_;
    lock.unlock();
    // update() must follow every update callback, active or not (render.h).
    const uint64_t flags = mpv_render_context_update(render_);
    bool converted = false;
    if (active && w > 0 && h > 0 &&
        ((flags & MPV_RENDER_UPDATE_FRAME) || (resized && have_real_frame))) {
      back.resize(static_cast<size_t>(w) * 4 * h);
      int size[2] = {w, h};
      size_t stride = static_cast<size_t>(w) * 4;
      char format[] = "rgb0";
      mpv_render_param params[] = {
          {MPV_RENDER_PARAM_SW_SIZE, size},      {MPV_RENDER_PARAM_SW_FORMAT, format},
          {MPV_RENDER_PARAM_SW_STRIDE, &stride}, {MPV_RENDER_PARAM_SW_POINTER, back.data()},
          {MPV_RENDER_PARAM_INVALID, nullptr},
      };
      converted = mpv_render_context_render(render_, params) >= 0;
    }
    lock.lock();
    if (converted && gen == gen_ && active_) {
      front_.swap(back);
      front_w_ = w;
      front_h_ = h;
      front_gen_ = gen;
      front_new_ = true;
      lock.unlock();
      if (wakeup_) wakeup_();
      lock.lock();
    }
  }
}

void MpvPlayer::NewGeneration(bool active) {
  std::lock_guard<std::mutex> lock(fmu_);
  ++gen_;
  active_ = active;
  front_new_ = false;
}

bool MpvPlayer::HasFrameOfThisFile() const {
  std::lock_guard<std::mutex> lock(fmu_);
  return front_gen_ == gen_;
}

bool MpvPlayer::frame_ready() const {
  std::lock_guard<std::mutex> lock(fmu_);
  return active_ && front_new_ && front_gen_ == gen_;
}

void MpvPlayer::Command(std::initializer_list<const char*> args) {
  std::vector<const char*> argv(args);
  argv.push_back(nullptr);
  mpv_command_async(mpv_, 0, argv.data());
}

void MpvPlayer::SetFlag(const char* name, bool value) {
  int flag = value ? 1 : 0;
  mpv_set_property_async(mpv_, 0, name, MPV_FORMAT_FLAG, &flag);
}

void MpvPlayer::Open(const std::string& path, bool loop) {
  stopped_ = false;
  state_ = PlayerState::kLoading;
  error_.clear();
  last_log_error_.clear();
  width_ = height_ = 0;
  duration_s_ = position_s_ = 0;
  NewGeneration(true);
  opened_at_ms_ = SteadyMs();
  if (path.find("://") != std::string::npos || path.empty()) {
    Fail("only local files are played (the media cache's), not " + path);
    return;
  }
  const char* loop_value = loop ? "inf" : "no";
  mpv_set_property_async(mpv_, 0, "loop-file", MPV_FORMAT_STRING, &loop_value);
  SetFlag("pause", want_pause_);
  Command({"loadfile", path.c_str(), "replace"});
  ++awaiting_start_;  // until its START_FILE, events are about an earlier file
}

void MpvPlayer::Play() {
  want_pause_ = false;
  SetFlag("pause", false);
  if (state_ == PlayerState::kPaused) state_ = PlayerState::kPlaying;
}

void MpvPlayer::Pause() {
  want_pause_ = true;
  SetFlag("pause", true);
  if (state_ == PlayerState::kPlaying) state_ = PlayerState::kPaused;
}

void MpvPlayer::Stop() {
  stopped_ = true;
  state_ = PlayerState::kIdle;
  NewGeneration(false);
  Command({"stop"});
}

void MpvPlayer::Fail(std::string reason) {
  stopped_ = true;  // what mpv reports about this file from now on does not matter
  state_ = PlayerState::kFailed;
  error_ = std::move(reason);
  NewGeneration(false);
  Command({"stop"});
}

void MpvPlayer::CheckTracks(uint64_t hook_id) {
  const VideoLimits& lim = options_.limits;
  const int64_t n = IntProperty(mpv_, "track-list/count");
  int64_t w = -1, h = -1;
  for (int64_t i = 0; i < n && i < 64; ++i) {
    const std::string base = "track-list/" + std::to_string(i) + "/";
    if (StringProperty(mpv_, base + "type") != "video") continue;
    if (StringProperty(mpv_, base + "albumart") == "yes") continue;
    w = IntProperty(mpv_, base + "demux-w");
    h = IntProperty(mpv_, base + "demux-h");
    break;
  }
  mpv_hook_continue(mpv_, hook_id);
  if (w < 0 && h < 0 && n >= 0) {
    // No video stream, or one whose size the container does not state (then the decoder's
    // max_pixels still applies).
    bool any_video = false;
    for (int64_t i = 0; i < n && i < 64; ++i)
      if (StringProperty(mpv_, "track-list/" + std::to_string(i) + "/type") == "video")
        any_video = true;
    if (!any_video) Fail("the file has no video stream");
    return;
  }
  if (w > lim.max_width || h > lim.max_height || w * h > lim.max_pixels)
    Fail("the video is " + std::to_string(w) + "×" + std::to_string(h) +
         " pixels; the kiosk plays at most " + std::to_string(lim.max_width) + "×" +
         std::to_string(lim.max_height) + " and " + std::to_string(lim.max_pixels) +
         " pixels (4K UHD)");
}

void MpvPlayer::Poll() {
  for (;;) {
    mpv_event* ev = mpv_wait_event(mpv_, 0);
    if (ev->event_id == MPV_EVENT_NONE) break;
    if (ev->event_id == MPV_EVENT_LOG_MESSAGE) {
      auto* m = static_cast<mpv_event_log_message*>(ev->data);
      std::string text = m->text ? m->text : "";
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      if (!text.empty()) last_log_error_ = std::string(m->prefix ? m->prefix : "") + ": " + text;
      continue;
    }
    if (ev->event_id == MPV_EVENT_START_FILE) {
      if (awaiting_start_ > 0) --awaiting_start_;
      continue;
    }
    const bool current = awaiting_start_ == 0 && !stopped_;
    if (ev->event_id == MPV_EVENT_HOOK) {
      auto* hook = static_cast<mpv_event_hook*>(ev->data);
      if (current)
        CheckTracks(hook->id);
      else
        mpv_hook_continue(mpv_, hook->id);
      continue;
    }
    if (!current) continue;
    switch (ev->event_id) {
      case MPV_EVENT_FILE_LOADED:
        if (state_ == PlayerState::kLoading)
          state_ = want_pause_ ? PlayerState::kPaused : PlayerState::kPlaying;
        break;
      case MPV_EVENT_END_FILE: {
        auto* end = static_cast<mpv_event_end_file*>(ev->data);
        if (end->reason == MPV_END_FILE_REASON_ERROR) {
          std::string why = std::string("mpv: ") + mpv_error_string(end->error);
          if (!last_log_error_.empty()) why += " (" + last_log_error_ + ")";
          Fail(why);
        } else if (end->reason == MPV_END_FILE_REASON_EOF) {
          state_ = HasFrameOfThisFile() ? PlayerState::kEnded : PlayerState::kFailed;
          if (state_ == PlayerState::kFailed) error_ = "the file ended before a frame was shown";
        } else {
          state_ = PlayerState::kIdle;
        }
        break;
      }
      case MPV_EVENT_PROPERTY_CHANGE: {
        auto* prop = static_cast<mpv_event_property*>(ev->data);
        if (prop->format == MPV_FORMAT_NONE) break;
        const std::string name = prop->name;
        if (name == "time-pos")
          position_s_ = *static_cast<double*>(prop->data);
        else if (name == "duration")
          duration_s_ = *static_cast<double*>(prop->data);
        else if (name == "video-params/w")
          width_ = static_cast<int>(*static_cast<int64_t*>(prop->data));
        else if (name == "video-params/h")
          height_ = static_cast<int>(*static_cast<int64_t*>(prop->data));
        else if (name == "eof-reached" && *static_cast<int*>(prop->data) &&
                 state_ != PlayerState::kFailed)
          state_ = PlayerState::kEnded;
        if (width_ > 0 && height_ > 0) {
          // Until RenderFrame asks for a size, frames are converted at the video's own.
          std::lock_guard<std::mutex> lock(fmu_);
          if (want_w_ == 0) {
            want_w_ = width_;
            want_h_ = height_;
            resize_pending_ = true;
            fcv_.notify_all();
          }
        }
        break;
      }
      default:
        break;
    }
  }
  if (state_ == PlayerState::kLoading && !HasFrameOfThisFile() &&
      SteadyMs() - opened_at_ms_ > options_.limits.load_timeout_ms)
    Fail("the video did not start within " +
         std::to_string(options_.limits.load_timeout_ms / 1000) + " s");
}

bool MpvPlayer::RenderFrame(int w, int h, int stride, uint8_t* pixels) {
  if (w <= 0 || h <= 0 || stride < 4 * w) return false;
  {
    std::lock_guard<std::mutex> lock(fmu_);
    if (!active_) return false;
    if (w != want_w_ || h != want_h_) {  // converted at this size from the next frame on
      want_w_ = w;
      want_h_ = h;
      resize_pending_ = true;
      fcv_.notify_all();
    }
    if (front_gen_ != gen_ || front_w_ != w || front_h_ != h) return false;
    const size_t row = static_cast<size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
      std::memcpy(pixels + static_cast<size_t>(y) * stride, front_.data() + y * row, row);
    front_new_ = false;
  }
  if (state_ == PlayerState::kLoading)
    state_ = want_pause_ ? PlayerState::kPaused : PlayerState::kPlaying;
  return true;
}

}  // namespace machikado::video
