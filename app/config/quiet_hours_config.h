// The quiet-hours part of the configuration ("utc_offset", "quiet_mode", "quiet_hours"): a list of
// weekday/time ranges during which the kiosk blanks its screen. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/config_reader.h"

namespace machikado::config {

// Reads utc_offset, quiet_mode and quiet_hours of `root` into *c, reporting problems through r.
void ReadQuietHours(ConfigReader& r, const nlohmann::json& root, Config* c);

}  // namespace machikado::config
