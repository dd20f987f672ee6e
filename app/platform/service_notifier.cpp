#include "platform/service_notifier.h"

#include <systemd/sd-daemon.h>

namespace machikado::platform {

SystemdNotifier::SystemdNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
    interval_ms_ = static_cast<int64_t>(usec / 2000);
}

void SystemdNotifier::Ready() {
  sd_notify(0, "READY=1");
}

void SystemdNotifier::Watchdog(int64_t monotonic_ms) {
  if (interval_ms_ <= 0) return;
  if (last_ping_ms_ >= 0 && monotonic_ms - last_ping_ms_ < interval_ms_) return;
  last_ping_ms_ = monotonic_ms;
  sd_notify(0, "WATCHDOG=1");
}

void SystemdNotifier::Status(const std::string& text) {
  if (text == last_status_) return;
  last_status_ = text;
  sd_notifyf(0, "STATUS=%s", text.c_str());
}

void SystemdNotifier::Stopping() {
  sd_notify(0, "STOPPING=1");
}

}  // namespace machikado::platform
