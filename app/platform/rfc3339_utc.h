// FormatRfc3339Utc: a Unix time as "2026-11-23T05:00:00Z" (status.json, the console's audit and
// item checks). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"

namespace machikado::platform {

// nullopt for times gmtime cannot represent (or outside years 0–9999).
std::optional<std::string> FormatRfc3339Utc(UnixSeconds t);

}  // namespace machikado::platform
