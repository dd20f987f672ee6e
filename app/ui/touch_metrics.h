// Physical sizes on screen: the display's DPI (config, else what the display reports, else 96),
// the minimum touch target (9 mm, never under 48 px at 1080p), gesture thresholds, and the QR
// module size that keeps a code scannable from 40 cm. Pure functions; thread-safe.
#pragma once

#include "render/qr_code.h"

namespace machikado::ui {

inline constexpr double kFallbackDpi = 96;  // what we assume when nothing better is known
inline constexpr double kMinTargetMm = 9;  // smallest touch target (ISO 9241-9 / WCAG 2.5.5 spirit)
inline constexpr double kQrMinMm = 30;     // a QR code narrower than ~3 cm fails from 40 cm
inline constexpr int kQrMinModulePx = 6;   // below this a phone camera blurs modules together
inline constexpr int kQrQuietModules = render::kQrQuietModules;

// The DPI to use: `config_dpi` when > 0; else `reported_dpi` when plausible (40–600; Xvfb and some
// panels report nonsense); else kFallbackDpi.
double ResolveDpi(double config_dpi, double reported_dpi);

// Pixels for `mm` millimetres at `dpi`.
double MmToPx(double mm, double dpi);

// The smallest touch target side in px: 9 mm at `dpi`, and never less than 48 px scaled by the
// screen's short side (48 at 1080).
float MinTargetPx(double dpi, int screen_w, int screen_h);

// Pixels per QR module for a code of `modules` modules (without the quiet zone) so that the code
// with its quiet zone is at least kQrMinMm wide and every module at least kQrMinModulePx; grows up
// to `preferred_px` total width when there is room.
int QrModulePx(int modules, double dpi, float preferred_px);

}  // namespace machikado::ui
