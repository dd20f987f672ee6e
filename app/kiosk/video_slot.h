// VideoSlot: the video part of the kiosk's screen — one player (video::VideoPlayer, MpvPlayer on a
// kiosk, FakeVideoPlayer in tests), one SDL streaming texture the frames are copied into, and the
// captions of the video on screen laid out by video::LayoutCaption and drawn with the project's
// text drawing (render::Canvas). The loop tells it every frame which item is up (Show), and
// draws it inside the slide's content box after the slide (Draw). Files the player refuses are
// remembered with their reason (status.json media.skipped) so the schedule skips them.
// Owned by App::Impl; main thread only. Never waits: the player's calls return at once.
#pragma once

#include <SDL2/SDL.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/log.h"
#include "feed/model.h"
#include "kiosk/status_file.h"
#include "media/media_cache.h"
#include "render/canvas.h"
#include "render/layout_record.h"
#include "video/caption_layout.h"
#include "video/video_player.h"
#include "video/webvtt.h"

namespace machikado::kiosk {

class VideoSlot {
 public:
  // `player` may be null (no libmpv on this machine): video items then never become playable.
  VideoSlot(video::VideoPlayer* player, media::MediaCache& cache, FileSystem& fs, Log& log);
  ~VideoSlot();
  VideoSlot(const VideoSlot&) = delete;
  VideoSlot& operator=(const VideoSlot&) = delete;

  bool available() const { return player_ != nullptr; }
  // The URLs of `videos` that can be played now (complete in the cache and not refused), with
  // their length once the player has seen it (0 unknown).
  std::map<std::string, double> Playable(const std::vector<std::string>& videos) const;

  // What is up now: a video item (opened when it is not the one playing; `lang` picks the
  // captions), or anything else / nullptr (the video stops at once, in this frame). `paused`:
  // quiet hours, or a visitor reading the detail view.
  void Show(const feed::Item* item, const std::string& lang, bool paused);
  void Stop();
  // Quiet hours: the video holds where it is (Show with the same item plays on).
  void Pause();

  // Once per frame: applies the player's events. What happened, for the loop:
  struct Events {
    bool frame = false;   // a new frame waits: redraw
    bool ended = false;   // a video that does not loop played to its end: next slide
    bool failed = false;  // refused or broken: recorded in refusals(), next slide
  };
  Events Poll();
  bool playing() const { return !url_.empty(); }
  const std::string& url() const { return url_; }

  // Draws the newest frame fitted into `box` (screen pixels) and the current caption over its
  // bottom. `canvas` draws the caption text (the project's text layout, ruby included).
  void Draw(SDL_Renderer* r, const render::RectF& box, render::Canvas& canvas,
            text::TextMeasurer& measurer);

  // Files the player refused, by URL (status.json media.skipped, videos_refused).
  const std::vector<RefusedImage>& refusals() const { return refusals_; }
  // The caption on screen now ("" none): for tests and the layout record.
  const std::string& caption_text() const { return caption_text_; }
  const std::string& caption_lang() const { return caption_lang_; }
  uint64_t frames_uploaded() const { return frames_uploaded_; }
  // The captions loaded for `item` (the video on screen), for the detail view's transcript;
  // nullptr when it is not the one playing or has none. `lang` is set to their language.
  const video::Captions* CaptionsFor(const feed::Item& item, std::string* lang) const;
  // For status.json: nullopt when nothing plays or no frame was drawn yet.
  std::optional<VideoStatus> Status() const;

 private:
  void LoadCaptions(const feed::Item& item, const std::string& lang);

  video::VideoPlayer* player_;
  media::MediaCache& cache_;
  FileSystem& fs_;
  Log& log_;
  std::string url_;  // the video opened ("" none)
  std::string item_id_;
  std::string lang_;
  bool paused_ = false;
  std::optional<video::Captions> captions_;
  std::string caption_lang_;
  std::string caption_text_;
  SDL_Texture* texture_ = nullptr;
  int tex_w_ = 0, tex_h_ = 0;
  bool has_frame_ = false;
  render::RectF box_;  // where the last frame was drawn
  uint64_t frames_uploaded_ = 0;
  std::vector<RefusedImage> refusals_;
  std::map<std::string, double> lengths_;  // by URL, as the player reported them (bounded)
};

}  // namespace machikado::kiosk
