// App's video slides (docs/video.md): the media cache and its worker, one player for the App's
// lifetime, and each frame's playback — a video rotates only once its file is complete in the
// cache, plays inside the slide's content box (header, footer and clock stay), stops in the frame
// a takeover alert comes up, pauses in quiet hours and under the detail view, and a file the
// player refuses is skipped with its reason in status.json. Main thread (the worker and the
// player's threads only wake the loop).
#include "kiosk/app_impl.h"
#include "kiosk/media_report.h"
#include "render/screen_layout.h"
#include "ui/detail_video.h"
#include "video/mpv_player.h"

namespace machikado::kiosk {

void App::Impl::SetupMedia() {
  media_cache = std::make_unique<media::MediaCache>(fs, options.state_dir + "/media", system_clock);
  if (Status s = media_cache->Open(); !s.ok()) log.warn("media cache: " + s.message());
  std::unique_ptr<net::HttpClient> client =
      options.media_http ? options.media_http() : std::make_unique<net::CurlHttpClient>();
  media::MediaWorkerOptions wo;
  wo.ca_file = options.config.tls_ca_file;
  media_worker =
      std::make_unique<media::MediaWorker>(*media_cache, std::move(client), system_clock, wo);
  media_worker->set_on_ready([this](const std::string&) { Wake(); });
  media_worker->Start();
}

void App::Impl::SetupVideoDisplay() {
  video::VideoPlayer* player = options.video_player;
  if (!player) {
    auto p = video::MpvPlayer::Create();
    if (p.ok()) {
      own_player = std::move(p).value();
      player = own_player.get();
    } else {
      log.warn("video player unavailable (video items show as their poster): " +
               p.status().message());
    }
  }
  if (player) player->set_wakeup([this] { Wake(); });
  video_slot = std::make_unique<VideoSlot>(player, *media_cache, fs, log);
  caption_text_cache = std::make_unique<render::TextureCache>(64, 8u << 20);
  caption_image_cache = std::make_unique<render::TextureCache>(1, 1u << 20);
  caption_canvas = std::make_unique<render::Canvas>(display->renderer(), *fonts,
                                                    *caption_text_cache, *caption_image_cache, log);
  caption_measurer = std::make_unique<render::TtfMeasurer>(*fonts, render::FontStyle{});
}

void App::Impl::ShutdownVideo() {
  if (media_worker) media_worker->Stop();
  video_slot.reset();
  caption_canvas.reset();
  caption_text_cache.reset();
  caption_image_cache.reset();
  caption_measurer.reset();
  own_player.reset();
  media_worker.reset();
  media_cache.reset();
}

void App::Impl::WantMedia(const std::vector<feed::Item>& items) {
  video_urls.clear();
  for (const auto& it : items)
    if (it.kind == feed::Kind::kVideo && !it.video.url.empty()) video_urls.push_back(it.video.url);
  if (media_worker) media_worker->SetWanted(WantedMedia(items));
}

void App::Impl::UpdatePlayable() {
  if (!video_slot) return;
  screen.SetPlayableVideos(video_slot->Playable(video_urls), NowForSchedule());
}

void App::Impl::VideoStep(const Decision& d, bool overlay, bool* redraw, int64_t* deadline) {
  if (!video_slot || !video_slot->available()) return;
  const bool quiet = d.plan.mode == schedule::Mode::kIdle;
  if (quiet) {
    video_slot->Pause();
  } else {
    // A takeover alert (or any slide that is not a video) stops the video in this frame.
    const feed::Item* item = d.plan.mode == schedule::Mode::kEmergency ? nullptr : d.item;
    video_slot->Show(item, d.lang, overlay || (d.plan.rotation && d.plan.rotation->paused));
  }
  const VideoSlot::Events ev = video_slot->Poll();
  if (ev.failed) {
    need_redraw = true;
    // The refused file leaves the rotation at the next frame's UpdatePlayable (not here: the
    // decision's item pointers must stay valid through this frame).
    *deadline = d.plan.now.mono_ms + 1;
  }
  if (ev.ended && d.plan.mode == schedule::Mode::kRotation) {
    video_slot->Stop();  // shown again from the start when the rotation comes back to it
    screen.rotation().Step(1, d.plan.now);  // the slide's time follows the video
    need_redraw = true;
    *deadline = d.plan.now.mono_ms + 1;
  }
  if (ev.frame && !quiet) *redraw = true;
  // Frames wake the loop through the player's wakeup; poll its state at least this often.
  if (video_slot->playing() && !quiet) *deadline = std::min(*deadline, d.plan.now.mono_ms + 100);
}

void App::Impl::DrawVideo(const render::SlideContext& ctx) {
  if (!video_slot || !video_slot->playing()) return;
  const render::ScreenLayout sl = render::ComputeScreenLayout(
      display->logical_width(), display->logical_height(), !ctx.banner_alerts.empty());
  video_slot->Draw(display->renderer(), sl.content, *caption_canvas, *caption_measurer);
}

const feed::Item* App::Impl::DetailItem(const feed::Item* item) {
  if (!item || item->kind != feed::Kind::kVideo || !video_slot) return item;
  std::string lang;
  const video::Captions* captions = video_slot->CaptionsFor(*item, &lang);
  if (!captions) return item;
  const std::string key = item->feed_id + "\x1f" + item->id + "\x1f" + item->content_hash + "\x1f" +
                          lang + "\x1f" + std::to_string(captions->cues.size());
  if (key != video_detail_key || !video_detail_item) {
    video_detail_item = ui::VideoDetailItem(*item, captions, lang);
    video_detail_key = key;
  }
  return &*video_detail_item;
}

}  // namespace machikado::kiosk
