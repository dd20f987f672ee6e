// Routes: GET /api/v1/feeds, and the items of a feed: GET/POST /api/v1/feeds/{feed}/items,
// GET/PUT/DELETE /api/v1/feeds/{feed}/items/{id}, GET …/{id}/revisions. Writes are checked with
// the kiosk's validator (422), guarded by the item's revision (If-Match → 409 on a mismatch) and
// written to the audit log.
#include "console/auth.h"
#include "console/item_check.h"

namespace machikado::console {
namespace {

// The feed and item id of a read route (/api/v1/feeds/{feed}/items/{id}…), checked; nullopt with
// `res` filled (401, 403, 404 or 400) otherwise.
struct ItemPath {
  const ConsoleFeed* feed;
  std::string id;
};
std::optional<ItemPath> ReadableItemPath(ConsoleContext& ctx, const httplib::Request& req,
                                         httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
  if (!p) return std::nullopt;
  const ConsoleFeed* feed = FeedFor(ctx, *p, req.matches[1], res);
  if (!feed) return std::nullopt;
  std::string id = req.matches[2];
  if (!SafeId(id, true)) {
    SendError(res, 400, "not an item id");
    return std::nullopt;
  }
  return ItemPath{feed, std::move(id)};
}

// "live", "scheduled" or "expired" at `now`, from the item's valid_from/valid_until.
std::string Schedule(const ConsoleFeed& feed, const std::string& body, UnixSeconds now) {
  ItemCheck c = CheckItem(feed, nlohmann::json::parse(body, nullptr, false), now);
  if (!c.item) return "invalid";
  if (c.item->valid_from && *c.item->valid_from > now) return "scheduled";
  if (c.item->valid_until && *c.item->valid_until <= now) return "expired";
  return "live";
}

nlohmann::json ItemJson(const ConsoleFeed& feed, const ItemRecord& r, UnixSeconds now) {
  return {{"id", r.id},
          {"revision", r.revision},
          {"author", r.author},
          {"updated", r.at},
          {"schedule", Schedule(feed, r.body, now)},
          {"item", nlohmann::json::parse(r.body, nullptr, false)}};
}

void SendErrors(httplib::Response& res, const std::vector<FieldError>& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors) list.push_back({{"path", e.path}, {"message", e.message}});
  SendJson(res, 422, {{"errors", list}});
}

// The revision a PUT or DELETE expects: If-Match: "3" (or 3), or ?revision=3.
std::optional<int64_t> ExpectedRevision(const httplib::Request& req) {
  std::string v = req.get_header_value("If-Match");
  if (v.empty() && req.has_param("revision")) v = req.get_param_value("revision");
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(v);
}

// Parses and checks the body of a POST/PUT; fills `res` and returns nullopt on a problem.
std::optional<nlohmann::json> CheckedBody(ConsoleContext& ctx, const Principal& p,
                                          const ConsoleFeed& feed, const httplib::Request& req,
                                          httplib::Response& res) {
  if (!BodyWithinCap(ctx.config, req, res)) return std::nullopt;
  nlohmann::json item = nlohmann::json::parse(req.body, nullptr, false);
  if (item.is_discarded()) {
    SendError(res, 400, "the body is not JSON");
    return std::nullopt;
  }
  ItemCheck check = CheckItem(feed, item, ctx.clock.now());
  if (!check.ok()) {
    SendErrors(res, check.errors);
    return std::nullopt;
  }
  if (NeedsAlertsRole(*check.item) && !MayWriteAlerts(p.user)) {
    SendError(res, 403,
              "only the alerts and admin roles may publish alerts of level 4 or higher, or "
              "alerts that take over the screen");
    return std::nullopt;
  }
  return item;
}

void Write(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res, bool create,
           bool remove) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kEdit);
  if (!p) return;
  const ConsoleFeed* feed = FeedFor(ctx, *p, req.matches[1], res);
  if (!feed) return;
  std::string id;
  std::optional<int64_t> expected = 0;
  std::string body;
  if (!create) {
    id = req.matches[2];
    if (!SafeId(id, true)) return SendError(res, 400, "not an item id");
    expected = ExpectedRevision(req);
    if (!expected)
      return SendError(res, 428, "send the revision you edited: If-Match: \"<revision>\"");
  }
  if (remove) {
    Result<std::optional<ItemRecord>> cur = ctx.store.CurrentItem(feed->id, id);
    if (!cur.ok()) return SendStoreError(ctx, res, cur.status());
    if (!*cur || (*cur)->deleted) return SendError(res, 404, "no item '" + id + "'");
    if (NeedsAlertsRole(
            CheckItem(*feed, nlohmann::json::parse((*cur)->body, nullptr, false), ctx.clock.now())
                .item.value_or(feed::Item{})) &&
        !MayWriteAlerts(p->user))
      return SendError(res, 403, "only the alerts and admin roles may withdraw this alert");
    body = (*cur)->body;
  } else {
    std::optional<nlohmann::json> item = CheckedBody(ctx, *p, *feed, req, res);
    if (!item) return;
    const std::string body_id = (*item)["id"].get<std::string>();
    if (create) {
      id = body_id;
      if (!SafeId(id, true)) return SendError(res, 400, "not an item id");
    } else if (body_id != id) {
      return SendErrors(res, {{"/id", "the id in the body differs from the id in the URL"}});
    }
    body = item->dump();
  }
  Result<Store::WriteOutcome> w =
      ctx.store.WriteItem(feed->id, id, expected, remove, body, p->user.name, ctx.clock.now());
  if (!w.ok()) return SendStoreError(ctx, res, w.status());
  if (w->conflict) {
    if (create)
      return SendJson(res, 409,
                      {{"error", "an item with this id exists"}, {"revision", *w->conflict}});
    if (*w->conflict == 0) return SendError(res, 404, "no item '" + id + "'");
    return SendJson(res, 409,
                    {{"error", "the item was changed by someone else since you read it"},
                     {"revision", *w->conflict}});
  }
  const char* action = create ? "create" : remove ? "delete" : "update";
  AuditLog(ctx, p->user.name, std::string("item-") + action, feed->id + "/" + id,
           "revision " + std::to_string(w->revision), req);
  res.set_header("ETag", "\"" + std::to_string(w->revision) + "\"");
  SendJson(res, create ? 201 : 200, {{"id", id}, {"revision", w->revision}});
}

}  // namespace

void AddItemRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Get("/api/v1/feeds", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
    if (!p) return;
    nlohmann::json feeds = nlohmann::json::array();
    for (const auto& f : ctx.config.feeds) {
      if (!MayAccessFeed(p->user, f.id)) continue;
      nlohmann::json one = {{"id", f.id},
                            {"title", nlohmann::json::parse(f.title_json, nullptr, false)},
                            {"url", ctx.config.PublishedUrl(f.id)}};
      if (auto pub = ctx.publisher.Get(f.id)) one["etag"] = pub->etag;
      feeds.push_back(std::move(one));
    }
    SendJson(res, 200, {{"feeds", feeds}});
  });
  http.Get(R"(/api/v1/feeds/([^/]+)/items)",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
             if (!p) return;
             const ConsoleFeed* feed = FeedFor(ctx, *p, req.matches[1], res);
             if (!feed) return;
             Result<std::vector<ItemRecord>> items = ctx.store.CurrentItems(feed->id);
             if (!items.ok()) return SendStoreError(ctx, res, items.status());
             nlohmann::json out = nlohmann::json::array();
             const UnixSeconds now = ctx.clock.now();
             for (const auto& r : *items) out.push_back(ItemJson(*feed, r, now));
             SendJson(res, 200, {{"feed", feed->id}, {"items", out}});
           });
  http.Get(R"(/api/v1/feeds/([^/]+)/items/([^/]+))",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             std::optional<ItemPath> path = ReadableItemPath(ctx, req, res);
             if (!path) return;
             const ConsoleFeed* feed = path->feed;
             const std::string& id = path->id;
             Result<std::optional<ItemRecord>> r = ctx.store.CurrentItem(feed->id, id);
             if (!r.ok()) return SendStoreError(ctx, res, r.status());
             if (!*r || (*r)->deleted) return SendError(res, 404, "no item '" + id + "'");
             res.set_header("ETag", "\"" + std::to_string((*r)->revision) + "\"");
             SendJson(res, 200, ItemJson(*feed, **r, ctx.clock.now()));
           });
  http.Get(R"(/api/v1/feeds/([^/]+)/items/([^/]+)/revisions)",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             std::optional<ItemPath> path = ReadableItemPath(ctx, req, res);
             if (!path) return;
             const ConsoleFeed* feed = path->feed;
             const std::string& id = path->id;
             Result<std::vector<ItemRecord>> revs = ctx.store.Revisions(feed->id, id);
             if (!revs.ok()) return SendStoreError(ctx, res, revs.status());
             if (revs->empty()) return SendError(res, 404, "no item '" + id + "'");
             nlohmann::json out = nlohmann::json::array();
             for (const auto& r : *revs)
               out.push_back({{"revision", r.revision},
                              {"deleted", r.deleted},
                              {"author", r.author},
                              {"at", r.at},
                              {"item", nlohmann::json::parse(r.body, nullptr, false)}});
             SendJson(res, 200, {{"id", id}, {"revisions", out}});
           });
  http.Post(R"(/api/v1/feeds/([^/]+)/items)",
            [&ctx](const httplib::Request& req, httplib::Response& res) {
              Write(ctx, req, res, true, false);
            });
  http.Put(R"(/api/v1/feeds/([^/]+)/items/([^/]+))",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             Write(ctx, req, res, false, false);
           });
  http.Delete(R"(/api/v1/feeds/([^/]+)/items/([^/]+))",
              [&ctx](const httplib::Request& req, httplib::Response& res) {
                Write(ctx, req, res, false, true);
              });
}

}  // namespace machikado::console
