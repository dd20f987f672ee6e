// ConvertMessages: the whole conversion as one pure function — named XML documents → the alerts in
// force for an area filter at a time, plus every input that could not be read with its reason.
// Used by `machikado import jma|cap`, the tests and the fuzz target. Thread-safe.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "ingest/alert_state.h"
#include "ingest/official_alert.h"
#include "ingest/xml_guard.h"

namespace machikado::ingest {

using MessageParser = Result<MessageEffect> (*)(const pugi::xml_document& doc);

struct NamedInput {
  std::string name;   // file or URL, for messages
  std::string bytes;  // as read
};

struct InputProblem {
  std::string name;
  std::string reason;
};

struct Conversion {
  std::vector<OfficialAlert> alerts;   // in force for the filter, most urgent first
  std::vector<MessageEffect> effects;  // every message read, in issue order
  std::vector<InputProblem> problems;  // inputs that could not be read (they change nothing)
  std::vector<std::string> stale;      // inputs older than what their scope had seen
};

// One document → its effect (the safe XML reader, then `parse`).
Result<MessageEffect> ReadMessage(std::string_view bytes, MessageParser parse,
                                  const XmlLimits& limits = {});

// Reads every input, applies the readable ones to `state` in the order they were issued, and
// returns what is then in force for `filter` at `now`.
Conversion ConvertMessages(const std::vector<NamedInput>& inputs, MessageParser parse,
                           const AreaFilter& filter, UnixSeconds now, AlertState* state,
                           const XmlLimits& limits = {});

}  // namespace machikado::ingest
