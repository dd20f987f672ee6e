#include "kiosk/video_slot.h"

#include <algorithm>

#include "video/video_slide.h"

namespace machikado::kiosk {
namespace {

constexpr size_t kMaxRefusals = 32;

Uint32 FramePixelFormat() {
  return SDL_BYTEORDER == SDL_LIL_ENDIAN ? SDL_PIXELFORMAT_XBGR8888 : SDL_PIXELFORMAT_RGBX8888;
}

}  // namespace

VideoSlot::VideoSlot(video::VideoPlayer* player, media::MediaCache& cache, FileSystem& fs, Log& log)
    : player_(player), cache_(cache), fs_(fs), log_(log) {}

VideoSlot::~VideoSlot() {
  Stop();
  if (texture_) SDL_DestroyTexture(texture_);
}

std::map<std::string, double> VideoSlot::Playable(const std::vector<std::string>& videos) const {
  std::map<std::string, double> out;
  if (!player_) return out;
  for (const auto& url : videos) {
    const bool refused = std::any_of(refusals_.begin(), refusals_.end(),
                                     [&](const RefusedImage& r) { return r.url == url; });
    if (refused || !cache_.ReadyPath(url)) continue;
    auto len = lengths_.find(url);
    out[url] = len == lengths_.end() ? 0.0 : len->second;
  }
  return out;
}

void VideoSlot::Show(const feed::Item* item, const std::string& lang, bool paused) {
  if (!player_) return;
  if (!item || item->kind != feed::Kind::kVideo) {
    Stop();
    return;
  }
  if (item->video.url != url_ || item->id != item_id_) {
    Stop();
    auto path = cache_.ReadyPath(item->video.url);
    if (!path) return;  // evicted meanwhile: the poster slide stays
    url_ = item->video.url;
    item_id_ = item->id;
    paused_ = false;
    has_frame_ = false;
    player_->Open(*path, item->video.loop);
    cache_.MarkShown(url_);
    LoadCaptions(*item, lang);
  } else if (lang != lang_) {
    LoadCaptions(*item, lang);
  }
  if (paused != paused_) {
    paused_ = paused;
    if (paused)
      player_->Pause();
    else
      player_->Play();
  }
}

void VideoSlot::LoadCaptions(const feed::Item& item, const std::string& lang) {
  lang_ = lang;
  captions_.reset();
  caption_lang_.clear();
  caption_text_.clear();
  const feed::CaptionTrack* track = video::PickCaptions(item, lang);
  if (!track) return;
  auto path = cache_.ReadyPath(track->url);
  if (!path) return;
  video::WebVttLimits limits;
  auto bytes = fs_.ReadFile(*path, limits.max_bytes);
  if (!bytes.ok()) {
    log_.warn("captions " + track->url + ": " + bytes.status().message());
    return;
  }
  auto parsed = video::ParseWebVtt(bytes.value(), limits);
  if (!parsed.ok()) {
    log_.warn("captions " + track->url + ": " + parsed.status().message());
    return;
  }
  captions_ = std::move(parsed).value();
  caption_lang_ = track->lang;
}

void VideoSlot::Stop() {
  if (!player_ || url_.empty()) return;
  player_->Stop();
  url_.clear();
  item_id_.clear();
  captions_.reset();
  caption_text_.clear();
  has_frame_ = false;
  paused_ = false;
}

void VideoSlot::Pause() {
  if (!player_ || url_.empty() || paused_) return;
  paused_ = true;
  player_->Pause();
}

VideoSlot::Events VideoSlot::Poll() {
  Events ev;
  if (!player_ || url_.empty()) return ev;
  player_->Poll();
  const video::PlayerState s = player_->state();
  if (s == video::PlayerState::kFailed) {
    const std::string reason =
        player_->error().empty() ? "the player refused the file" : player_->error();
    log_.warn("video " + url_ + " skipped: " + reason);
    if (refusals_.size() < kMaxRefusals) refusals_.push_back({url_, reason});
    ev.failed = true;
    Stop();
    return ev;
  }
  if (s == video::PlayerState::kEnded) ev.ended = true;
  if (player_->duration_s() > 0 && !lengths_.count(url_) && lengths_.size() < 256)
    lengths_[url_] = player_->duration_s();
  ev.frame = player_->frame_ready();
  if (captions_) {
    const video::Cue* cue =
        video::CueAt(*captions_, static_cast<int64_t>(player_->position_s() * 1000));
    const std::string text = cue ? cue->text : std::string();
    if (text != caption_text_) {
      caption_text_ = text;
      ev.frame = true;
    }
  }
  return ev;
}

void VideoSlot::Draw(SDL_Renderer* r, const render::RectF& box, render::Canvas& canvas,
                     text::TextMeasurer& measurer) {
  if (!player_ || url_.empty()) return;
  const int w = std::max(1, static_cast<int>(box.w));
  const int h = std::max(1, static_cast<int>(box.h));
  if (!texture_ || tex_w_ != w || tex_h_ != h) {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = SDL_CreateTexture(r, FramePixelFormat(), SDL_TEXTUREACCESS_STREAMING, w, h);
    tex_w_ = w;
    tex_h_ = h;
    has_frame_ = false;
    if (!texture_) {
      log_.error(std::string("video texture: ") + SDL_GetError());
      return;
    }
  }
  if (player_->frame_ready()) {
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(texture_, nullptr, &pixels, &pitch) == 0) {
      if (player_->RenderFrame(w, h, pitch, static_cast<uint8_t*>(pixels))) {
        has_frame_ = true;
        ++frames_uploaded_;
      }
      SDL_UnlockTexture(texture_);
    }
  }
  if (!has_frame_) return;  // the poster slide shows until the first frame
  box_ = box;
  const SDL_Rect dst{static_cast<int>(box.x), static_cast<int>(box.y), w, h};
  SDL_RenderCopy(r, texture_, nullptr, &dst);

  if (!captions_ || caption_text_.empty()) return;
  const video::Cue* cue =
      video::CueAt(*captions_, static_cast<int64_t>(player_->position_s() * 1000));
  if (!cue) return;
  const video::CaptionLayout cl = video::LayoutCaption(*cue, caption_lang_, box, measurer);
  if (cl.band.w <= 0 || cl.band.h <= 0) return;
  canvas.FillRect("caption_band", cl.band, render::Color{0, 0, 0, 170});
  // The cue drawn centred in LayoutCaption's band by the same text layout.
  render::Fit fit;
  fit.max_px = cl.layout.px;
  fit.min_px = std::max(12.f, cl.layout.px * 0.8f);
  fit.max_lines = 3;
  fit.align = render::Align::kCenter;
  fit.valign_center = true;
  fit.balance = true;
  render::TextStyle style;
  style.role = "caption";
  style.lang = caption_lang_;
  style.color = render::Color{255, 255, 255, 255};
  canvas.Text(cue->segments, cl.band, fit, style);
}

const video::Captions* VideoSlot::CaptionsFor(const feed::Item& item, std::string* lang) const {
  if (url_.empty() || item.id != item_id_ || item.video.url != url_ || !captions_) return nullptr;
  *lang = caption_lang_;
  return &*captions_;
}

std::optional<VideoStatus> VideoSlot::Status() const {
  if (!player_ || url_.empty() || !has_frame_) return std::nullopt;
  VideoStatus v;
  v.url = url_;
  v.state = std::string(video::PlayerStateName(player_->state()));
  v.box[0] = static_cast<int>(box_.x);
  v.box[1] = static_cast<int>(box_.y);
  v.box[2] = static_cast<int>(box_.w);
  v.box[3] = static_cast<int>(box_.h);
  v.caption = caption_text_;
  v.caption_lang = caption_lang_;
  return v;
}

}  // namespace machikado::kiosk
