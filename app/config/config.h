// Config: the typed configuration of a kiosk, with a documented default for every key
// (docs/configuration.md lists them). Loaded and validated once at start (config_loader.h);
// nothing looks settings up by string key at use sites. Plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace machikado::config {

struct FeedSource {
  std::string url;  // https://…, http://… (loopback or allow_http), file://… or a path
  int poll_interval_s = 300;  // how often to poll; the feed's ttl may lengthen it, never shorten it
  bool allow_http = false;    // plain http to a non-loopback host needs this explicit opt-in
  // With public_keys set, images without image.sha256 are not shown; this lets the feed's https
  // and local images go without one (never plain http ones). trust/image_digest.h.
  bool allow_unhashed_images = false;
};

struct Durations {
  int news_s = 10;          // seconds a news slide stays
  int preparedness_s = 12;  // a preparedness notice
  int project_s = 12;       // a project highlight
  int alert_s = 15;         // a non-takeover alert
  int crossfade_ms = 800;   // transition between slides (≤ 1000)
};

// Which SDL renderer draws the screen (kiosk/renderer_choice.h decides for kAuto).
enum class RendererPreference {
  kAuto,      // the GPU renderer only when OpenGL is done by hardware, else software
  kGpu,       // SDL's accelerated renderer whatever implements it (llvmpipe included)
  kSoftware,  // SDL's software renderer with an unaccelerated window framebuffer
};

struct Display {
  RendererPreference renderer = RendererPreference::kAuto;
  std::optional<int> windowed_w;  // unset = desktop full-screen
  std::optional<int> windowed_h;
  int rotation_deg = 0;  // 0, 90, 180 or 270: portrait screens mounted on their side
  int max_fps = 30;      // pacing cap during transitions; a static slide draws nothing
  double dpi = 0;        // 0 = ask the display; used for the 9 mm touch targets
};

// Quiet hours (display schedule): when the screen is blanked or powered off. A takeover alert
// always overrides them (schedule::DecideMode); app/schedule/quiet_hours.h evaluates them.
// Only blanking: Debian 12's cage (0.1.4) offers no output-power protocol
// (zwlr_output_power_manager_v1), so a kiosk under cage cannot power its display off; the old
// "dpms" value is read as "blank" with a warning (docs/operations.md, "Quiet hours").
enum class QuietMode {
  kBlank,  // draw black, keep the display on (works everywhere)
};

// One quiet range in local time, e.g. Mon–Fri 21:00 → 07:00 the next morning. The range starts on
// each day in `days` at `from_min` and ends at `to_min` on the same day, or on the next day when
// `to_min` ≤ `from_min` (crossing midnight). Never longer than 24 h.
struct QuietRange {
  // Days on which the range STARTS: bit 0 = Monday … bit 6 = Sunday. Default: every day.
  uint8_t days = 0x7F;
  int from_min = 0;  // minutes after local midnight, 0–1439 ("21:00" = 1260)
  int to_min = 0;    // 1–1440 ("24:00" = 1440 = the end of the start day); ≠ from_min
};

struct QuietHours {
  std::vector<QuietRange> ranges;      // empty = never quiet (the default)
  QuietMode mode = QuietMode::kBlank;  // what "quiet" does to the screen
};

// The shelter slide 「この近くの指定緊急避難場所」 (docs/open-data.md): which shelters of the
// register (the top-level `shelters` of any feed read) it lists. Without `ids` and without a
// position there is no such slide.
struct ShelterSlide {
  std::optional<double> lat;  // the kiosk's position (WGS 84); both or neither
  std::optional<double> lon;
  std::vector<std::string> ids;  // the district's shelters by register id, in this order; wins
  int count = 4;                 // at most this many (1–8); the nearest when no ids
  int max_distance_m = 3000;  // the nearest only within this straight-line distance (100–50000)
};

struct Config {
  std::vector<FeedSource> feeds;  // empty = the bundled demo feeds
  std::string
      state_dir;  // "" = $STATE_DIRECTORY, $XDG_STATE_HOME/machikado, … (platform/state_dir.h)
  std::string district;     // this kiosk's district id; "" = only items without a districts list
  std::string center_name;  // shown in the header; "" = the first feed's title
  std::string language = "ja";  // default language of the screen
  bool show_wareki = false;     // show 令和 year in the header
  // Show the bundled demo feeds when `feeds` is empty (trying the kiosk out; never in a lobby:
  // its drill alert looks real). Without it, a configuration with no feed shows the
  // not-configured screen.
  bool demo = false;
  int idle_return_s = 60;  // detail view closes and language resets after this idle time
  Durations durations;
  Display display;
  std::vector<std::string> font_paths;  // extra fonts tried before the bundled/system ones
  std::vector<std::string>
      public_keys;  // minisign public keys; non-empty = every feed must be signed
  // PEM file of the certificate authorities trusted for https feeds and images, replacing the
  // system's (a municipality's own CA); "" = the system's (/etc/ssl/certs).
  std::string tls_ca_file;
  std::string exit_chord = "ctrl+alt+shift+q";  // the only way to leave the kiosk from its keyboard
  // Prometheus textfile (node_exporter's textfile collector); "" = <state-dir>/machikado.prom.
  std::string metrics_path;
  // The kiosk's local time as a fixed offset from UTC in seconds (no daylight saving; Japan has
  // none). Used for quiet hours and the header clock. Default +09:00, Asia/Tokyo.
  int utc_offset_s = 9 * 3600;
  QuietHours quiet_hours;      // default: never quiet
  ShelterSlide shelter_slide;  // default: no shelter slide
  // Where a shelter's QR code leads: "" = its geo: URI (a phone opens its map app); else an
  // http(s) URL template with {lat}, {lon}, {name}, {id} (feed::ShelterMapLink).
  std::string shelter_map_url;
  // The publishing console's fleet report (docs/console-api.md): status.json is POSTed there with
  // this kiosk's token every status_interval_s, off the render thread. "" = no reports.
  std::string status_url;
  std::string status_token;
  int status_interval_s = 60;
};

}  // namespace machikado::config
