// SlideContext for the kiosk: what every slide is drawn with besides its item — screen size,
// language, time, the center's name, connectivity, how images are found — from the configuration
// and the current snapshot. Also decides where an item's image comes from: the bytes the pipeline
// checked (held in the snapshot, by the item's URL, file:// included), else, for a local image
// the pipeline has not read yet and only when feeds need no signature, the file itself (the
// canvas reads it under the image cap). Pure functions; main thread (or the first-slide worker).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "config/config.h"
#include "pipeline/snapshot.h"
#include "platform/host_facts.h"
#include "render/screen_layout.h"
#include "schedule/time_basis.h"

namespace machikado::kiosk {

struct SlideContextInputs {
  const config::Config* config = nullptr;
  std::shared_ptr<const pipeline::Snapshot> snapshot;  // may be null (nothing fetched yet)
  int width = 0, height = 0;
  std::string data_dir;
  // Set on the not-configured screen: why, the config file read and this device's addresses.
  std::optional<std::string> not_configured;
  std::string config_path;
  std::optional<platform::HostFacts> host;
};

render::SlideContext KioskSlideContext(const SlideContextInputs& in, const schedule::Now& now);

// The key under which the canvas finds `url`'s image: `url` itself when the snapshot holds its
// checked bytes; a file path for a local image the pipeline has not read yet (only when
// `digests_checked_first` is false); "" when it is not to be drawn (refused, or not fetched yet).
std::string ResolveKioskImage(const pipeline::Snapshot* snapshot, bool digests_checked_first,
                              const std::string& url);

}  // namespace machikado::kiosk
