// Config: the typed configuration of a kiosk, with a documented default for every key
// (docs/configuration.md lists them). Loaded and validated once at start (config_loader.h);
// nothing looks settings up by string key at use sites. Plain value type.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace machikado::config {

struct FeedSource {
  std::string url;  // https://…, http://… (loopback or allow_http), file://… or a path
  int poll_interval_s = 300;  // how often to poll; the feed's ttl may lengthen it, never shorten it
  bool allow_http = false;    // plain http to a non-loopback host needs this explicit opt-in
};

struct Durations {
  int news_s = 10;          // seconds a news slide stays
  int preparedness_s = 12;  // a preparedness notice
  int project_s = 12;       // a project highlight
  int alert_s = 15;         // a non-takeover alert
  int crossfade_ms = 800;   // transition between slides (≤ 1000)
};

struct Display {
  std::optional<int> windowed_w;  // unset = desktop full-screen
  std::optional<int> windowed_h;
  int rotation_deg = 0;  // 0, 90, 180 or 270: portrait screens mounted on their side
  int max_fps = 30;      // pacing cap during transitions; a static slide draws nothing
  double dpi = 0;        // 0 = ask the display; used for the 9 mm touch targets
};

struct Config {
  std::vector<FeedSource> feeds;  // empty = the bundled demo feeds
  std::string state_dir;  // "" = $STATE_DIRECTORY, $XDG_STATE_HOME/machikado, … (platform/state_dir.h)
  std::string district;         // this kiosk's district id; "" = only items without a districts list
  std::string center_name;      // shown in the header; "" = the first feed's title
  std::string language = "ja";  // default language of the screen
  bool show_wareki = false;     // show 令和 year in the header
  int idle_return_s = 60;       // detail view closes and language resets after this idle time
  Durations durations;
  Display display;
  std::vector<std::string> font_paths;  // extra fonts tried before the bundled/system ones
  std::vector<std::string>
      public_keys;  // minisign public keys; non-empty = every feed must be signed
  std::string exit_chord = "ctrl+alt+shift+q";  // the only way to leave the kiosk from its keyboard
  // Prometheus textfile (node_exporter's textfile collector); "" = <state-dir>/machikado.prom.
  std::string metrics_path;
};

}  // namespace machikado::config
