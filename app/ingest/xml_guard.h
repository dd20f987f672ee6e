// ParseXmlSafely: the one door through which official-warning XML (JMA 防災情報XML, CAP 1.2)
// enters. It checks the caps before any parser sees the bytes: document size, no DOCTYPE or ENTITY
// declaration at all (so no entity expansion — billion laughs — and no external entity can exist),
// nesting depth and element count by a pre-scan, an encoding it can read (UTF-8 with or without a
// BOM, UTF-16 with a BOM, and the declared Japanese and Western legacy encodings converted to UTF-8
// with ICU, failing on any byte that does not convert), valid UTF-8. Only then pugixml parses (it
// never fetches anything and does not expand entities beyond the five predefined ones and numeric
// references). Errors are values whose message says the reason in words for IT staff; the caller
// prefixes the file or URL. Pure function; thread-safe.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace machikado::ingest {

struct XmlLimits {
  size_t max_bytes =
      4 * 1024 * 1024;            // the document as received (JMA's largest messages are ~1 MB)
  int max_depth = 48;             // JMA's deepest structure (VXSE53 …/City/IntensityStation) is 9
  size_t max_elements = 200'000;  // a 4 MiB VPWW54 has ~20,000
};

struct XmlDocument {
  std::unique_ptr<pugi::xml_document> doc;
  std::string encoding;  // as declared or detected, lower case: "utf-8", "shift_jis", …
};

Result<XmlDocument> ParseXmlSafely(std::string_view bytes, const XmlLimits& limits = {});

}  // namespace machikado::ingest
