// libFuzzer target: the official-warning converters (app/ingest/) on arbitrary bytes — the safe XML
// reader, then the JMA or the CAP message parser (chosen by the first byte), the in-force model and
// the feed writer. Whatever converts must give a feed that the validator accepts in full: a
// converter that emits an item `machikado validate` rejects would drop a warning on the kiosk.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "feed/parse.h"
#include "ingest/alert_feed.h"
#include "ingest/cap_message.h"
#include "ingest/convert.h"
#include "ingest/jma_message.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado::ingest;
  if (size == 0) return 0;
  const bool cap = data[0] & 1;
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  XmlLimits limits;
  if (data[0] & 2) {  // small caps reach the limit paths with small inputs
    limits.max_depth = 6;
    limits.max_elements = 40;
  }
  machikado::Result<MessageEffect> e =
      ReadMessage(bytes, cap ? &ParseCapMessage : &ParseJmaMessage, limits);
  if (!e.ok()) {
    Check(!e.status().message().empty());
    return 0;
  }
  AlertState state;
  state.Apply(*e);
  AreaFilter all;
  all.all = true;
  auto alerts = state.InForce(all, e->report_time);
  if (alerts.size() > 1000) alerts.resize(1000);  // as RunOfficialImport does (FEED-v1's cap)
  AlertFeedOptions o;
  o.generated = e->report_time;
  const machikado::feed::ParseOutcome p = machikado::feed::ParseFeed(WriteAlertFeed(alerts, o));
  Check(p.ok());
  Check(p.items_valid == alerts.size());
  return 0;
}
