#include "kiosk/acceleration.h"

namespace machikado::kiosk {

void Accelerate(const Acceleration& a, schedule::ScheduleConfig& schedule,
                pipeline::PipelineConfig& pipeline) {
  schedule.fixed_slide_ms = a.slide_ms;
  schedule.crossfade_ms = a.crossfade_ms;
  for (auto& f : pipeline.feeds) f.poll_interval_s = a.poll_interval_s;
  pipeline.poll.floor_s = a.poll_interval_s;
  pipeline.poll.backoff_cap_s = a.backoff_cap_s;
  pipeline.poll.start_jitter_max_s = 0;
  pipeline.poll.retry_after_max_s = a.backoff_cap_s;
  pipeline.request.connect_timeout_ms = a.request_timeout_ms;
  pipeline.request.total_timeout_ms = a.request_timeout_ms;
  pipeline.request.low_speed_time_s = 1;
  pipeline.image_retry_s = a.image_retry_s;
}

}  // namespace machikado::kiosk
