// Acceleration: the kiosk loop with time running fast, for soak runs (bench/soak/). A slide every
// 50 ms instead of every 10 s, feeds polled every second and retried within seconds, images that
// failed tried again at once, metrics written every second — so half an hour exercises what a lobby
// screen meets in weeks, through the same code. Unset (AppOptions::acceleration) on a kiosk; not
// reachable from the kiosk's configuration or command line. Plain value type.
#pragma once

#include <cstdint>

#include "pipeline/feed_pipeline.h"
#include "schedule/schedule_config.h"

namespace machikado::kiosk {

struct Acceleration {
  int slide_ms = 50;                // every slide, whatever its kind or `duration`
  int crossfade_ms = 20;            // scaled down with the slides
  int poll_interval_s = 1;          // every feed; the poll floor drops to it
  int backoff_cap_s = 3;            // failures back off at most this long
  int request_timeout_ms = 2000;    // a stalled server times out after this
  int image_retry_s = 1;            // a failed image is fetched again this soon
  int64_t metrics_every_ms = 1000;  // the Prometheus file, for the soak's sampler
};

// Applies `a` to what the App built from its configuration.
void Accelerate(const Acceleration& a, schedule::ScheduleConfig& schedule,
                pipeline::PipelineConfig& pipeline);

}  // namespace machikado::kiosk
