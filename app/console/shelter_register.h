// The district's shelter register for the alert page: the FEED-v1 document that
// `machikado import shelters` writes (docs/open-data.md), named by the console config's
// `shelter_register`. Read on each request (the import may rewrite it from cron), with caps: the
// file ≤ kMaxRegisterBytes, ≤ kMaxRegisterShelters entries; entries without a valid id or a name
// are left out. Each entry keeps only what an alert's `shelters` carries (FEED-v1: id, name,
// address, hazards, capacity, lat, lon). Stateless and thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/file_system.h"
#include "core/status.h"

namespace machikado::console {

inline constexpr size_t kMaxRegisterBytes = 16 * 1024 * 1024;
inline constexpr size_t kMaxRegisterShelters = 20000;

// A JSON array of register entries; NotFound when the file is absent.
Result<nlohmann::json> LoadShelterRegister(FileSystem& fs, const std::string& path);

// The same from the document's text (for tests and the loader).
Result<nlohmann::json> ParseShelterRegister(std::string_view text);

}  // namespace machikado::console
