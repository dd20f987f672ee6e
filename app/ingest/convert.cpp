#include "ingest/convert.h"

#include <algorithm>

namespace machikado::ingest {

Result<MessageEffect> ReadMessage(std::string_view bytes, MessageParser parse,
                                  const XmlLimits& limits) {
  Result<XmlDocument> doc = ParseXmlSafely(bytes, limits);
  if (!doc.ok()) return doc.status();
  return parse(*doc->doc);
}

Conversion ConvertMessages(const std::vector<NamedInput>& inputs, MessageParser parse,
                           const AreaFilter& filter, UnixSeconds now, AlertState* state,
                           const XmlLimits& limits) {
  Conversion out;
  for (const auto& in : inputs) {
    Result<MessageEffect> e = ReadMessage(in.bytes, parse, limits);
    if (!e.ok()) {
      out.problems.push_back({in.name, e.status().message()});
      continue;
    }
    e->source = in.name;
    out.effects.push_back(std::move(e).value());
  }
  // Messages take effect in the order they were issued, whatever the order of the inputs.
  std::stable_sort(out.effects.begin(), out.effects.end(),
                   [](const auto& a, const auto& b) { return a.report_time < b.report_time; });
  for (const auto& e : out.effects)
    if (state->Apply(e) == AlertState::Applied::kStale) out.stale.push_back(e.source);
  out.alerts = state->InForce(filter, now);
  return out;
}

}  // namespace machikado::ingest
