// `machikado report`: proof-of-play summary per item from the kiosk's play logs.
#include <cstdio>
#include <string>

#include "commands/commands.h"
#include "core/clock.h"
#include "feed/datetime.h"
#include "ops/play_report.h"
#include "platform/state_dir.h"

namespace machikado {
namespace {

const char kUsage[] =
    "usage: machikado report [--from RFC3339] [--to RFC3339] [--state-dir DIR] [--json]\n"
    "Summarises what the kiosk showed (proof of play) per item: showings, minutes, first and "
    "last,\n"
    "by mode and language. --from defaults to 30 days ago, --to to now. Reads "
    "DIR/play/play*.jsonl.\n";

}  // namespace

int ReportCommand(const Args& args) {
  RealClock clock;
  UnixSeconds to = clock.now();
  UnixSeconds from = to - 30 * 86400;
  std::string state_dir;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--from" || a == "--to") {
      const std::string* v = value();
      auto t =
          v ? feed::ParseRfc3339(*v) : Result<feed::DateTime>(Status::Invalid("missing value"));
      if (!t.ok()) {
        std::fprintf(stderr, "machikado report: %s: %s\n", a.c_str(), t.status().message().c_str());
        return 2;
      }
      (a == "--from" ? from : to) = t->unix;
    } else if (a == "--state-dir") {
      const std::string* v = value();
      if (!v) {
        std::fputs(kUsage, stderr);
        return 2;
      }
      state_dir = *v;
    } else {
      std::fprintf(stderr, "machikado report: unknown option %s\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  state_dir = platform::ResolveStateDir(state_dir, platform::ProcessEnvironment()).path;
  auto files = ops::PlayLogFiles(state_dir + "/play");
  if (files.empty()) {
    std::fprintf(stderr, "machikado report: no play logs in %s/play\n", state_dir.c_str());
    return 1;
  }
  ops::PlayReport report = ops::SummarisePlays(files, from, to);
  std::fputs(json ? ops::PlayReportToJson(report).c_str() : ops::PlayReportToText(report).c_str(),
             stdout);
  return 0;
}

}  // namespace machikado
