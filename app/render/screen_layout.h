// ScreenLayout: the grid of the screen — header, alert banner slot, slide area, footer, progress
// bar — computed for any size from one scale unit (1.0 at 1920×1080 and 1080×1920). SlideContext:
// what a slide needs to know besides its item (language, time, position, connectivity, banner
// alerts). Plain value types; thread-compatible.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "feed/model.h"
#include "render/layout_record.h"

namespace machikado::render {

struct ScreenLayout {
  int width = 0, height = 0;
  float unit = 1;  // min(width, height) / 1080
  bool portrait = false;
  float margin = 0;                                         // outer margin of the slide content
  float gutter = 0;                                         // space between columns and blocks
  RectF header, banner, exercise, slide, footer, progress;  // banner/exercise: h = 0 when absent
  // Content area inside the slide (slide minus margins).
  RectF content;
};

// `with_exercise` adds the 訓練 / EXERCISE strip under the header (exercise and test items).
ScreenLayout ComputeScreenLayout(int width, int height, bool with_banner,
                                 bool with_exercise = false);

// What the not-configured screen tells whoever stands in front of it (IT staff with a laptop).
struct NotConfigured {
  std::string reason;       // "the configuration names no feed (unknown key \"feds\"…)"
  std::string config_path;  // the file the kiosk read
  std::string host_name;    // gethostname()
  std::vector<std::string> addresses;  // non-loopback IPv4/IPv6 addresses, at most a few
};

struct SlideContext {
  int width = 1920, height = 1080;
  std::string lang = "ja";
  UnixSeconds now = 0;
  int utc_offset_s = 9 * 3600;  // kiosk local time (Japan by default)
  bool show_wareki = false;     // 和暦 (令和8年) next to the date
  feed::Text center_name;       // header title (feed title or config)
  int position = 1;             // 1-based position in the rotation
  int total = 1;
  float progress = 0;  // 0..1 of the current slide's time
  bool online = true;
  // When content comes from the offline cache: the time the information is from.
  std::optional<UnixSeconds> offline_as_of;
  // Alerts below takeover shown as a persistent banner (level ≤ 3 or no level), first = most
  // severe.
  std::vector<const feed::Item*> banner_alerts;
  // For alerts: when the feed was last confirmed (last good fetch / feed generated).
  std::optional<UnixSeconds> confirmed_at;
  // Maps an item's image URL to a local file path ("" = not available).
  std::function<std::string(const std::string&)> resolve_image;
  // Encoded bytes of a fetched image by the key resolve_image returned (remote images held by the
  // feed pipeline), or nullptr: then resolve_image's result is read as a file path.
  std::function<const std::string*(const std::string&)> image_bytes;
  // Directories searched for assets (pictograms): the install's and the source tree's assets/.
  std::vector<std::string> asset_dirs;
  // Where a shelter's QR code leads (config shelter_map_url): "" = its geo: URI.
  std::string shelter_map_url;
  // Set when the kiosk was started with a configuration that names no usable feed: the idle
  // screen becomes 「設定されていません」 with what is missing and how to reach the device.
  std::optional<NotConfigured> not_configured;
};

// Full path of an asset ("pictograms/hazard-flood.svg") in ctx.asset_dirs, or "" when absent.
std::string FindAsset(const SlideContext& ctx, const std::string& relative);

}  // namespace machikado::render
