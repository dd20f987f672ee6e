// Routes: POST /api/v1/feeds/{feed}/publish (validate, sign, write atomically), the published
// feeds themselves (GET /feeds/{feed}.json and .minisig, with ETag / If-None-Match → 304; no login,
// kiosks read them) and GET /api/v1/feeds/{feed}/items/{id}/preview.png.
#include "console/auth.h"
#include "console/item_check.h"

namespace machikado::console {
namespace {

void Publish(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kPublish);
  if (!p) return;
  const std::string id = req.matches[1];
  const ConsoleFeed* feed = SafeId(id) ? ctx.config.FindFeed(id) : nullptr;
  if (!feed) return SendError(res, 404, "no feed '" + id.substr(0, 64) + "' on this console");
  if (!MayAccessFeed(p->user, feed->id))
    return SendError(res, 403, "you may not publish the feed '" + feed->id + "'");
  Result<std::vector<ItemRecord>> items = ctx.store.CurrentItems(feed->id);
  if (!items.ok()) return SendStoreError(ctx, res, items.status());
  std::vector<std::string> bodies;
  for (const auto& r : *items) bodies.push_back(r.body);
  const UnixSeconds now = ctx.clock.now();
  Snapshot snap = BuildSnapshot(*feed, bodies, now);
  if (!snap.errors.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : snap.errors) list.push_back({{"path", e.path}, {"message", e.message}});
    return SendJson(res, 422, {{"errors", list}});
  }
  Result<Published> pub = ctx.publisher.Publish(feed->id, snap.bytes, now);
  if (!pub.ok()) {
    ++ctx.publish_failures;
    ctx.log.error("console: " + pub.status().message());
    AuditLog(ctx, p->user.name, "publish-failed", feed->id, pub.status().message(), req);
    return SendError(res, pub.status().message().find("disk full") != std::string::npos ? 507 : 500,
                     pub.status().message());
  }
  ++ctx.publishes;
  if (Status s = ctx.store.AddPublication(feed->id, pub->etag, static_cast<int64_t>(snap.items),
                                          p->user.name, now);
      !s.ok())
    ctx.log.error("console: recording the publication: " + s.message());
  AuditLog(ctx, p->user.name, "publish", feed->id,
           std::to_string(snap.items) + " items, etag " + pub->etag, req);
  SendJson(
      res, 200,
      {{"url", ctx.config.PublishedUrl(feed->id)}, {"etag", pub->etag}, {"items", snap.items}});
}

void ServeFeed(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res,
               bool signature) {
  const std::string id = req.matches[1];
  std::shared_ptr<const Published> pub =
      SafeId(id) && ctx.config.FindFeed(id) ? ctx.publisher.Get(id) : nullptr;
  if (!pub) {
    res.status = 404;
    res.set_content("not published\n", "text/plain");
    return;
  }
  const std::string etag = signature ? EtagOf(pub->signature) : pub->etag;
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.status = 200;
  if (signature)
    res.set_content(pub->signature, "text/plain");
  else
    res.set_content(pub->body, "application/json");
}

void Preview(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
  if (!p) return;
  const std::string fid = req.matches[1];
  const std::string id = req.matches[2];
  const ConsoleFeed* feed = SafeId(fid) ? ctx.config.FindFeed(fid) : nullptr;
  if (!feed) return SendError(res, 404, "no feed '" + fid.substr(0, 64) + "' on this console");
  if (!MayAccessFeed(p->user, feed->id)) return SendError(res, 403, "not your feed");
  if (!SafeId(id, true)) return SendError(res, 400, "not an item id");
  if (!ctx.preview) return SendError(res, 501, "preview is not available in this build");
  int w = 0, h = 0;
  std::string lang;
  if (!PreviewParams(req, res, w, h, lang)) return;
  Result<std::optional<ItemRecord>> r = ctx.store.CurrentItem(feed->id, id);
  if (!r.ok()) return SendStoreError(ctx, res, r.status());
  if (!*r || (*r)->deleted) return SendError(res, 404, "no item '" + id + "'");
  const UnixSeconds now = ctx.clock.now();
  Snapshot snap = BuildSnapshot(*feed, {(*r)->body}, now);
  if (!snap.errors.empty()) return SendError(res, 422, snap.errors.front().message);
  Result<std::string> png = ctx.preview(snap.bytes, id, w, h, lang, now);
  if (!png.ok()) return SendError(res, 500, png.status().message());
  res.set_header("Cache-Control", "no-store");
  res.set_content(*png, "image/png");
}

}  // namespace

void AddPublishRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Post(
      R"(/api/v1/feeds/([^/]+)/publish)",
      [&ctx](const httplib::Request& req, httplib::Response& res) { Publish(ctx, req, res); });
  http.Get(R"(/feeds/([^/]+)\.json)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    ServeFeed(ctx, req, res, false);
  });
  http.Get(R"(/feeds/([^/]+)\.json\.minisig)",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             ServeFeed(ctx, req, res, true);
           });
  http.Get(R"(/api/v1/feeds/([^/]+)/items/([^/]+)/preview\.png)",
           [&ctx](const httplib::Request& req, httplib::Response& res) { Preview(ctx, req, res); });
}

}  // namespace machikado::console
