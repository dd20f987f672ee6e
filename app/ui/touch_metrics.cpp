#include "ui/touch_metrics.h"

#include <algorithm>
#include <cmath>

namespace machikado::ui {

double ResolveDpi(double config_dpi, double reported_dpi) {
  if (config_dpi > 0) return config_dpi;
  if (std::isfinite(reported_dpi) && reported_dpi >= 40 && reported_dpi <= 600) return reported_dpi;
  return kFallbackDpi;
}

double MmToPx(double mm, double dpi) {
  return mm * dpi / 25.4;
}

float MinTargetPx(double dpi, int screen_w, int screen_h) {
  const double physical = std::round(MmToPx(kMinTargetMm, dpi));  // 34 px at 96 dpi
  const double floor_px = std::ceil(48.0 * std::min(screen_w, screen_h) / 1080.0);
  return float(std::max(physical, floor_px));
}

int QrModulePx(int modules, double dpi, float preferred_px) {
  const int total = std::max(1, modules + 2 * kQrQuietModules);
  const int for_size = int(std::ceil(MmToPx(kQrMinMm, dpi) / total));
  const int needed = std::max(kQrMinModulePx, for_size);
  const int roomy = int(std::floor(preferred_px / total));
  return std::max(needed, roomy);
}

}  // namespace machikado::ui
