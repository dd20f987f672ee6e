// ScreenKey: what a prepared slide texture shows, as a value — two equal keys mean the same pixels,
// so the loop prepares a texture only when the key of what is due differs from the one it holds.
// Structured (operator==), never a string built from the parts: a field cannot be forgotten or
// formatted two ways. Plain value types; owned by App's main thread (and the first-slide worker
// before the display is up).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "schedule/item_key.h"
#include "schedule/mode.h"
#include "schedule/screen_plan.h"

namespace machikado::kiosk {

// The slide body: everything drawn into the texture but the header's clock and connectivity.
struct SlideBody {
  std::string lang;
  schedule::Mode mode = schedule::Mode::kRotation;
  uint64_t content_version = 0;
  std::vector<schedule::ItemKey> banners;
  schedule::SlideId slide;
  bool operator==(const SlideBody&) const = default;
};

struct ScreenKey {
  SlideBody body;
  int64_t minute = 0;  // the header's clock (wall minutes since the epoch)
  bool online = false;
  // The not-configured screen shows the device's addresses: redraw when DHCP gives one.
  std::vector<std::string> addresses;
  bool operator==(const ScreenKey&) const = default;
};

}  // namespace machikado::kiosk
