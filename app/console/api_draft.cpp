// Routes for the browser console's editor (issue #17): the slide of an unsaved draft
// (POST /api/v1/feeds/{feed}/preview.png with the item JSON: 422 with the kiosk's errors, or the
// PNG the kiosk's renderer draws) and what a publish would change
// (GET /api/v1/feeds/{feed}/publish-plan: items added, changed and removed against the feed as
// published now, and the kiosks of the fleet that read it). Neither writes anything.
#include "console/auth.h"
#include "console/fleet.h"
#include "console/item_check.h"

namespace machikado::console {

bool PreviewParams(const httplib::Request& req, httplib::Response& res, int& w, int& h,
                   std::string& lang) {
  w = 1920;
  h = 1080;
  if (req.has_param("size")) {
    const std::string size = req.get_param_value("size");
    if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 3840 ||
        h > 3840) {
      SendError(res, 400, "size must be WxH within 320x240 … 3840x3840");
      return false;
    }
  }
  lang = req.has_param("lang") ? req.get_param_value("lang") : "ja";
  if (lang.empty() || lang.size() > 35 ||
      lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
          std::string::npos) {
    SendError(res, 400, "lang must be a BCP 47 tag");
    return false;
  }
  return true;
}

namespace {

void SendFieldErrors(httplib::Response& res, const std::vector<FieldError>& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors) list.push_back({{"path", e.path}, {"message", e.message}});
  SendJson(res, 422, {{"errors", list}});
}

void DraftPreview(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kEdit);
  if (!p) return;
  const ConsoleFeed* feed = FeedFor(ctx, *p, req.matches[1], res);
  if (!feed) return;
  int w = 0, h = 0;
  std::string lang;
  if (!PreviewParams(req, res, w, h, lang)) return;
  if (!BodyWithinCap(ctx.config, req, res)) return;
  nlohmann::json item = nlohmann::json::parse(req.body, nullptr, false);
  if (item.is_discarded()) return SendError(res, 400, "the body is not JSON");
  const UnixSeconds now = ctx.clock.now();
  ItemCheck check = CheckItem(*feed, item, now);
  if (!check.ok()) return SendFieldErrors(res, check.errors);
  if (!ctx.preview) return SendError(res, 501, "preview is not available in this build");
  Snapshot snap = BuildSnapshot(*feed, {item.dump()}, now);
  if (!snap.errors.empty()) return SendFieldErrors(res, snap.errors);
  Result<std::string> png = ctx.preview(snap.bytes, check.item->id, w, h, lang, now);
  if (!png.ok()) return SendError(res, 500, png.status().message());
  res.set_header("Cache-Control", "no-store");
  res.set_content(*png, "image/png");
}

// The items of a feed document by id (empty for an unparsable one).
std::map<std::string, nlohmann::json> ItemsById(const std::string& document) {
  std::map<std::string, nlohmann::json> out;
  nlohmann::json doc = nlohmann::json::parse(document, nullptr, false);
  if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array()) return out;
  for (const auto& it : doc["items"])
    if (it.is_object() && it.contains("id") && it["id"].is_string())
      out[it["id"].get<std::string>()] = it;
  return out;
}

nlohmann::json Brief(const nlohmann::json& item) {
  nlohmann::json title = item.value("title", nlohmann::json());
  if (title.is_object()) title = title.contains("ja") ? title["ja"] : title.begin().value();
  return {{"id", item.value("id", "")},
          {"kind", item.value("kind", "")},
          {"title", title.is_string() ? title : nlohmann::json("")}};
}

void PublishPlan(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
  if (!p) return;
  const ConsoleFeed* feed = FeedFor(ctx, *p, req.matches[1], res);
  if (!feed) return;
  Result<std::vector<ItemRecord>> items = ctx.store.CurrentItems(feed->id);
  if (!items.ok()) return SendStoreError(ctx, res, items.status());
  std::vector<std::string> bodies;
  for (const auto& r : *items) bodies.push_back(r.body);
  const UnixSeconds now = ctx.clock.now();
  Snapshot snap = BuildSnapshot(*feed, bodies, now);
  nlohmann::json out = {{"feed", feed->id},
                        {"title", nlohmann::json::parse(feed->title_json, nullptr, false)},
                        {"url", ctx.config.PublishedUrl(feed->id)},
                        {"items", snap.items}};
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : snap.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
  out["errors"] = errors;

  std::shared_ptr<const Published> published = ctx.publisher.Get(feed->id);
  const auto before =
      published ? ItemsById(published->body) : std::map<std::string, nlohmann::json>{};
  const auto after = ItemsById(snap.bytes);
  nlohmann::json added = nlohmann::json::array(), changed = nlohmann::json::array(),
                 removed = nlohmann::json::array();
  for (const auto& [id, item] : after) {
    auto was = before.find(id);
    if (was == before.end())
      added.push_back(Brief(item));
    else if (was->second != item)
      changed.push_back(Brief(item));
  }
  for (const auto& [id, item] : before)
    if (!after.count(id)) removed.push_back(Brief(item));
  out["published"] = published != nullptr;
  out["added"] = added;
  out["changed"] = changed;
  out["removed"] = removed;

  // The screens that read this feed, by the URL in their last report.
  Result<std::vector<KioskRecord>> kiosks = ctx.store.Kiosks();
  if (!kiosks.ok()) return SendStoreError(ctx, res, kiosks.status());
  nlohmann::json screens = nlohmann::json::array();
  for (const auto& k : *kiosks) {
    KioskView v = ViewOf(k, ctx.config, now);
    bool reads = false;
    for (const auto& f : v.feeds)
      if (f.is_object() && f.value("url", "") == out["url"].get<std::string>()) reads = true;
    if (reads) screens.push_back({{"id", v.id}, {"silent", v.silent}});
  }
  out["kiosks"] = screens;
  SendJson(res, 200, out);
}

}  // namespace

void AddDraftRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Post(
      R"(/api/v1/feeds/([^/]+)/preview\.png)",
      [&ctx](const httplib::Request& req, httplib::Response& res) { DraftPreview(ctx, req, res); });
  http.Get(
      R"(/api/v1/feeds/([^/]+)/publish-plan)",
      [&ctx](const httplib::Request& req, httplib::Response& res) { PublishPlan(ctx, req, res); });
}

}  // namespace machikado::console
