// Routes: POST /api/v1/fleet/report (a kiosk's status.json, Bearer kiosk token), GET /api/v1/fleet
// (any logged-in user) and GET /metrics (Prometheus; keep it off the public site, see
// deploy/nginx/).
#include "console/auth.h"
#include "console/fleet.h"

namespace machikado::console {
namespace {

Result<std::vector<KioskView>> Views(ConsoleContext& ctx) {
  Result<std::vector<KioskRecord>> kiosks = ctx.store.Kiosks();
  if (!kiosks.ok()) return kiosks.status();
  std::vector<KioskView> out;
  const UnixSeconds now = ctx.clock.now();
  for (const auto& k : *kiosks) out.push_back(ViewOf(k, ctx.config, now));
  return out;
}

void Report(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) != 0) return SendError(res, 401, "a kiosk token is required");
  Result<std::optional<std::string>> kiosk = ctx.store.KioskForToken(HashHex(auth.substr(7)));
  if (!kiosk.ok()) return SendStoreError(ctx, res, kiosk.status());
  if (!*kiosk) return SendError(res, 401, "unknown kiosk token");
  if (req.body.size() > ctx.config.max_report_bytes)
    return SendError(res, 413, "the report is larger than max_report_bytes");
  nlohmann::json status = nlohmann::json::parse(req.body, nullptr, false);
  if (status.is_discarded() || !status.is_object())
    return SendError(res, 400, "the report must be the kiosk's status.json (a JSON object)");
  Status s = ctx.store.RecordReport(**kiosk, status.dump(), ClientAddress(req), ctx.clock.now());
  if (!s.ok()) return SendStoreError(ctx, res, s);
  ++ctx.reports;
  res.status = 204;
}

}  // namespace

void AddFleetRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Post("/api/v1/fleet/report",
            [&ctx](const httplib::Request& req, httplib::Response& res) { Report(ctx, req, res); });
  http.Get("/api/v1/fleet", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!Authenticate(ctx, req, res, Need::kRead)) return;
    Result<std::vector<KioskView>> views = Views(ctx);
    if (!views.ok()) return SendStoreError(ctx, res, views.status());
    SendJson(res, 200, FleetJson(*views));
  });
  http.Get("/metrics", [&ctx](const httplib::Request&, httplib::Response& res) {
    Result<std::vector<KioskView>> views = Views(ctx);
    if (!views.ok()) return SendStoreError(ctx, res, views.status());
    ServiceCounters c{ctx.requests.load(), ctx.reports.load(), ctx.publishes.load(),
                      ctx.publish_failures.load()};
    res.set_content(FleetMetrics(*views, c), "text/plain; version=0.0.4");
  });
}

}  // namespace machikado::console
