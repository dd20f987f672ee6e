// ParseCapMessage: one OASIS CAP 1.2 <alert> (already parsed by ParseXmlSafely) → its
// MessageEffect. status Actual/Exercise/Test map to the feed's actual/exercise/test; System and
// Draft are read and shown nowhere. msgType Alert adds the alert, Update replaces the alerts named
// in `references`, Cancel ends them; Ack and Error change nothing. The <info> blocks of several
// languages become one item with a text per language; geocode values are what --area matches,
// polygons and circles what
// --point matches. Pure; thread-safe.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <utility>

#include "core/status.h"
#include "ingest/official_alert.h"

namespace machikado::ingest {

// Errors: not a CAP 1.2 <alert> (wrong element or namespace), missing identifier/sender/sent, an
// unreadable sent time, an unknown status or msgType.
Result<MessageEffect> ParseCapMessage(const pugi::xml_document& doc);

// The feed's language tag for a CAP <language> ("en-US" → "en", "he-IL" → "he", "" → "en").
std::string CapLanguage(std::string_view cap_language);

// True when (lat, lon) lies inside the polygon or circle.
bool ShapeContains(const GeoShape& shape, double lat, double lon);

}  // namespace machikado::ingest
