// Route: GET /api/v1/shelters — the district's shelter register (shelter_register.h) for the
// alert page, which searches it by name and ticks open / full / closed. 404 when the console has
// no `shelter_register`; any logged-in user may read it (it is public open data).
#include "console/auth.h"
#include "console/shelter_register.h"

namespace machikado::console {

void AddShelterRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Get("/api/v1/shelters", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
    if (!p) return;
    if (ctx.config.shelter_register.empty())
      return SendError(res, 404, "no shelter register is configured (shelter_register)");
    PosixFileSystem fs;
    Result<nlohmann::json> list = LoadShelterRegister(fs, ctx.config.shelter_register);
    if (!list.ok()) {
      ctx.log.error("console: shelter register: " + list.status().message());
      return SendError(res, 503, "the shelter register cannot be read; see the console's log");
    }
    SendJson(res, 200, {{"shelters", *list}});
  });
}

}  // namespace machikado::console
