// ServiceNotifier: tells the service manager the kiosk is ready and its render loop alive.
// SystemdNotifier uses sd_notify (READY=1, WATCHDOG=1, STATUS=…); it is a no-op when not started by
// systemd. The App calls Watchdog() from the render loop, so a hung loop stops the pings and
// systemd restarts the kiosk (WatchdogSec in deploy/systemd/machikado.service). Main thread only.
#pragma once

#include <cstdint>
#include <string>

namespace machikado::platform {

class ServiceNotifier {
 public:
  virtual ~ServiceNotifier() = default;
  virtual void Ready() = 0;
  // Cheap to call every frame: pings at most every half watchdog interval.
  virtual void Watchdog(int64_t monotonic_ms) = 0;
  virtual void Status(const std::string& text) = 0;
  virtual void Stopping() = 0;
};

class SystemdNotifier final : public ServiceNotifier {
 public:
  SystemdNotifier();
  void Ready() override;
  void Watchdog(int64_t monotonic_ms) override;
  void Status(const std::string& text) override;
  void Stopping() override;
  bool watchdog_enabled() const { return interval_ms_ > 0; }

 private:
  int64_t interval_ms_ = 0;  // half of WATCHDOG_USEC, 0 = disabled
  int64_t last_ping_ms_ = -1;
  std::string last_status_;
};

class NullNotifier final : public ServiceNotifier {
 public:
  void Ready() override { ++ready; }
  void Watchdog(int64_t) override { ++pings; }
  void Status(const std::string& text) override { status = text; }
  void Stopping() override {}
  int ready = 0;
  int pings = 0;
  std::string status;
};

}  // namespace machikado::platform
