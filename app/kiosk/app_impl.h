// App::Impl: the subsystems the App owns and the per-frame state, shared by the files of App:
//   app.cpp         the loop, SDL events and visitors' intents, waiting for work
//   app_setup.cpp   building everything from the configuration (Setup)
//   app_decide.cpp  new content, the screen step and the keys of what is on screen (Decide)
//   app_frame.cpp   preparing, composing and presenting a frame (Frame)
//   app_report.cpp  status.json, metrics, the quarantine marks
// with the slide context (slide_context.h) and proof of play (proof_of_play.h) as units of their
// own. Internal to kiosk/; main thread only (the first-slide worker before the display is up).
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cache/feed_cache.h"
#include "core/file_system.h"
#include "kiosk/app.h"
#include "kiosk/display.h"
#include "kiosk/first_slide.h"
#include "kiosk/kiosk_env.h"
#include "kiosk/progress_pacer.h"
#include "kiosk/proof_of_play.h"
#include "kiosk/screen_key.h"
#include "kiosk/slide_context.h"
#include "kiosk/status_file.h"
#include "kiosk/video_slot.h"
#include "media/media_cache.h"
#include "media/media_worker.h"
#include "net/curl_http_client.h"
#include "net/file_source.h"
#include "ops/file_publisher.h"
#include "ops/item_quarantine.h"
#include "ops/metrics.h"
#include "ops/process_stats.h"
#include "ops/status_reporter.h"
#include "pipeline/cache_feed_store.h"
#include "pipeline/clock_sanity.h"
#include "pipeline/feed_pipeline.h"
#include "platform/service_notifier.h"
#include "render/compositor.h"
#include "render/font_set.h"
#include "render/screen_layout.h"
#include "render/slide_renderer.h"
#include "schedule/mode.h"
#include "schedule/screen_plan.h"
#include "ui/detail_view.h"
#include "ui/exit_chord.h"
#include "ui/input_interpreter.h"

namespace machikado::kiosk {

constexpr int64_t kMaxSleepMs = 1000;
constexpr int64_t kMetricsEveryMs = 15'000;

struct App::Impl {
  AppOptions options;
  Log& log;

  // The world (kiosk_env.h): what AppOptions gives, else the real one. Time: the system clock and
  // the corrected clock the schedule uses.
  RealClock real_clock;
  PosixFileSystem real_fs;
  RealProcessFacts real_process;
  const Clock& system_clock = options.clock ? *options.clock : real_clock;
  FileSystem& fs = options.fs ? *options.fs : real_fs;
  const ProcessFacts& process = options.process ? *options.process : real_process;
  pipeline::ClockSanity sanity{system_clock};
  pipeline::CorrectedClock clock{system_clock, sanity};

  // Content.
  std::unique_ptr<cache::FeedCache> cache;
  std::unique_ptr<pipeline::CacheFeedStore> store;
  net::CurlGlobal curl_global;
  std::unique_ptr<net::CurlHttpClient> http;
  std::unique_ptr<net::SourceClient> source_client;  // local paths from disk, http(s) through curl
  std::unique_ptr<pipeline::FeedPipeline> pipeline;  // unless AppOptions::content is given
  std::unique_ptr<PipelineContent> pipeline_content;
  const ContentSource* content = nullptr;  // options.content or pipeline_content
  // Items the previous run died on, skipped until they change (ops/item_quarantine.h).
  std::unique_ptr<ops::ItemQuarantine> quarantine;
  std::shared_ptr<const pipeline::Snapshot> snapshot;
  uint64_t content_version = ~0ull;

  // Screen.
  std::unique_ptr<Display> display;
  std::unique_ptr<render::FontSet> fonts;
  std::unique_ptr<render::SlideRenderer> renderer;
  std::unique_ptr<render::Compositor> compositor;
  std::string data_dir;
  render::SlideTexture current, next;
  std::optional<ScreenKey> current_key, next_key;  // what `current` and `next` show
  int64_t last_progress_draw_ms = 0;
  ProgressPacer progress_pacer{1000};  // how often a still slide moves its progress bar
  // What draws the screen and why: fixed once the display is open (status.json, metrics).
  std::optional<RendererStatus> renderer_status;
  int64_t min_frame_ms = 0;  // software renderer: crossfades at most 20 frames a second
  bool drawn_once = false;
  bool last_resort_shown = false;  // the last frame was the last-resort screen
  bool need_redraw = true;

  // What to show.
  schedule::ScreenScheduler screen;  // the screen step (schedule/screen_plan.h)
  schedule::Mode mode = schedule::Mode::kRotation;
  std::optional<ui::ExitChord> exit_chord;

  // Visitors: touch, mouse and keys → intents; the detail view over the slide.
  std::unique_ptr<ui::InputInterpreter> input;
  std::unique_ptr<ui::DetailView> detail;
  double dpi = 96;
  std::string shown_item_id;  // what the interpreter was last told is on screen
  bool overlay_was_open = false;
  int64_t last_frame_ms = 0;

  // Video slides (app_video.cpp, docs/video.md): the media cache and its worker (its own HTTP
  // client, never the feed pipeline's), the player and the slot that shows it, and the canvas
  // captions are drawn with. `video_urls`: the videos of the current items.
  std::unique_ptr<media::MediaCache> media_cache;
  std::unique_ptr<media::MediaWorker> media_worker;
  std::unique_ptr<video::VideoPlayer> own_player;
  std::unique_ptr<VideoSlot> video_slot;
  std::vector<std::string> video_urls;
  std::unique_ptr<render::TextureCache> caption_text_cache, caption_image_cache;
  std::unique_ptr<render::Canvas> caption_canvas;
  std::unique_ptr<render::TtfMeasurer> caption_measurer;
  // The detail view of a video: the item with its transcript (ui/detail_video.h), kept while open.
  std::optional<feed::Item> video_detail_item;
  std::string video_detail_key;

  // Reporting.
  std::unique_ptr<StatusFileWriter> status_writer;
  std::unique_ptr<ProofOfPlay> proof_of_play;
  std::unique_ptr<ops::FilePublisher> metrics_publisher;
  std::unique_ptr<ops::StatusReporter> status_reporter;  // fleet reports to the console, if set
  platform::SystemdNotifier notifier;
  ops::FrameTimes frame_times;
  int64_t metrics_every_ms = kMetricsEveryMs;
  int64_t last_metrics_ms = -kMetricsEveryMs;
  uint64_t detail_opens = 0;
  int64_t started_ms = 0;

  // Waking the loop: an SDL user event (windowed), or a condition variable (headless).
  Uint32 wake_event = 0;
  std::mutex wake_mu;
  std::condition_variable wake_cv;
  bool woken = false;
  bool quit = false;

  // Logical screen size slides are laid out at (the display's, or before it is open the planned
  // one).
  int screen_w = 0, screen_h = 0;
  // The launch's first slide while the display comes up; gone after the first frame. Declared
  // last: it joins its worker, which uses the members above, before they go.
  std::unique_ptr<FirstSlide> first_slide;

  Impl(AppOptions o, Log& l) : options(std::move(o)), log(l) {}

  Status Setup();
  void TakeSnapshot();
  // What the screen shows now: the screen step's plan, the slide's context and the key of what
  // the main texture shows. Frame runs it every wake-up; at launch the first-slide worker runs it
  // once before the main thread touches any of this state (see Setup).
  struct Decision {
    schedule::ScreenPlan plan;
    render::SlideContext ctx;
    const feed::Item* item = nullptr;  // plan.slide.item
    std::string lang;
    render::SlideMode slide_mode = render::SlideMode::kRotation;
    ScreenKey key;
  };
  Decision Decide();
  // Video slides (app_video.cpp): the media cache and worker (after the state directory), the
  // player and caption canvas (after the display); the wanted files of new content; each
  // frame's playback (stops, pauses, skips a refused file), and drawing over the slide.
  void SetupMedia();
  void SetupVideoDisplay();
  void ShutdownVideo();
  void WantMedia(const std::vector<feed::Item>& items);
  void UpdatePlayable();  // before the screen step: which videos may rotate
  void VideoStep(const Decision& d, bool overlay, bool* redraw, int64_t* deadline);
  void DrawVideo(const render::SlideContext& ctx);
  // What the detail view shows for `item`: a video with its captions transcript, else `item`.
  const feed::Item* DetailItem(const feed::Item* item);
  // The first-slide worker's drawing (Setup), and the first frame taking its result (Frame).
  std::optional<FirstSlide::Drawn> DrawFirstSlide(render::SlideRenderer& r);
  bool AdoptFirstSlide(const Decision& d, ScreenKey* shown_key);
  schedule::Now NowForSchedule() const;
  SlideContextInputs ContextInputs() const;
  // Draws what changed; sets how long the loop may sleep before something needs drawing.
  void Frame(int64_t* sleep_ms);
  int Run();
  void Wake();
  void WaitForWork(int64_t sleep_ms);
  void WriteStatus(const std::optional<SlideStatus>& slide);
  // The quarantine's marker: `item` is about to be prepared (and the test hook may abort here),
  // or is what the screen shows (nullptr: nothing risky is going on).
  void BeforePreparing(const feed::Item& item);
  void NowShowing(const feed::Item* item);
  void MaybeWriteMetrics(int64_t mono_ms);
  // Live SDL textures by owner (machikado_textures): what each cache and view holds now.
  std::map<std::string, uint64_t> LiveTextures() const;
  bool HandleEvent(const SDL_Event& e);  // false = quit
  // Applies what the interpreter asks for; false = quit.
  bool Apply(const std::vector<ui::Intent>& intents);
};

}  // namespace machikado::kiosk
