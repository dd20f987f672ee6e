// ParseItem: the fields every item has (FEED-v1 "Item: common fields"), then its kind's part.
#include "feed/parse_internal.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace machikado::feed {
namespace {

constexpr int kIdMaxChars = 128;

// FNV-1a, 64 bits: a change detector, not a defence (whoever can change the item can change it).
std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

bool IsHexDigest(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::optional<Image> ReadImageField(FieldReader& r, const Json& item, const std::string& ptr,
                                    std::string_view key) {
  const Json* obj = r.Object(item, ptr, key, Need::kOptional);
  if (!obj) return std::nullopt;
  const std::string image_ptr = ChildPointer(ptr, key);
  Image image;
  auto url = r.ImageUrl(*obj, image_ptr, "url", Need::kRequired);
  if (auto alt = r.TextField(*obj, image_ptr, "alt", r.limits().max_summary_chars, Need::kOptional))
    image.alt = std::move(*alt);
  if (auto digest = r.String(*obj, image_ptr, "sha256", Need::kOptional)) {
    if (IsHexDigest(*digest)) {
      for (char& c : *digest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      image.sha256 = std::move(*digest);
    } else {
      r.Error(ChildPointer(image_ptr, "sha256"),
              "sha256 must be the 64 hexadecimal digits of the image's SHA-256 (e.g. from "
              "`sha256sum photo.jpg`), but it is \"" +
                  digest->substr(0, 80) + "\"");
    }
  }
  if (!url) return std::nullopt;
  image.url = std::move(*url);
  return image;
}

std::optional<Item> ParseItem(const Json& v, size_t index, std::optional<std::string> item_id,
                              const FeedLimits& limits, std::string_view base_url,
                              std::vector<FeedError>* errors) {
  const std::string ptr = ChildPointer("/items", index);
  FieldReader r(limits, base_url, FeedError::Level::kItem, std::move(item_id), errors);
  if (!v.is_object()) {
    r.Error(ptr, "each item must be an object { … }, but this one is " + DescribeJson(v));
    return std::nullopt;
  }
  Item item;
  if (auto id = r.Identifier(v, ptr, "id", Need::kRequired, kIdMaxChars, false))
    item.id = std::move(*id);

  std::optional<Kind> kind;
  if (const Json* k = r.Field(v, ptr, "kind", Need::kRequired)) {
    if (!k->is_string()) {
      r.Error(ChildPointer(ptr, "kind"),
              "kind must be one of \"news\", \"preparedness\", \"alert\", \"project\", "
              "\"video\", but it is " +
                  DescribeJson(*k));
    } else if (!(kind = KindFromName(k->get_ref<const std::string&>()))) {
      // A kind from a later format version: skip the item without judging its other fields.
      r.Error(ChildPointer(ptr, "kind"),
              "kind " + Quoted(k->get_ref<const std::string&>()) +
                  " is not known to this kiosk (known: news, "
                  "preparedness, alert, project, video); the item is skipped");
      return std::nullopt;
    }
  }
  if (kind) item.kind = *kind;

  if (auto t = r.TextField(v, ptr, "title", limits.max_title_chars, Need::kRequired))
    item.title = std::move(*t);
  if (auto t = r.TextField(v, ptr, "summary", limits.max_summary_chars, Need::kOptional))
    item.summary = std::move(*t);
  if (auto t = r.TextField(v, ptr, "body", limits.max_body_chars, Need::kOptional))
    item.body = std::move(*t);
  item.image = ReadImageField(r, v, ptr, "image");
  if (auto u = r.WebUrl(v, ptr, "url", Need::kOptional)) item.url = std::move(*u);
  if (auto d = r.Date(v, ptr, "published", Need::kOptional)) item.published = d->unix;
  if (auto d = r.Date(v, ptr, "valid_from", Need::kOptional)) item.valid_from = d->unix;
  if (auto d = r.Date(v, ptr, "valid_until", Need::kOptional)) item.valid_until = d->unix;
  if (item.valid_from && item.valid_until && *item.valid_until <= *item.valid_from)
    r.Error(ChildPointer(ptr, "valid_until"), "valid_until (" +
                                                  FormatRfc3339(*item.valid_until, 9 * 3600) +
                                                  " Japan time) must be later than valid_from (" +
                                                  FormatRfc3339(*item.valid_from, 9 * 3600) +
                                                  "); otherwise the item would never be shown");
  if (auto p = r.Integer(v, ptr, "priority", 0, 100, Need::kOptional))
    item.priority = static_cast<int>(*p);
  item.districts = r.StringList(v, ptr, "districts");
  if (auto d = r.Integer(v, ptr, "duration", 3, 300, Need::kOptional))
    item.duration_s = static_cast<int>(*d);
  if (auto s = r.StatusField(v, ptr, "status")) item.status = *s;
  if (auto tags = r.StringList(v, ptr, "tags")) item.tags = std::move(*tags);

  if (kind) {
    switch (*kind) {
      case Kind::kNews:
        ParseNewsPart(r, v, ptr, &item.news);
        break;
      case Kind::kPreparedness:
        ParsePreparednessPart(r, v, ptr, &item.preparedness);
        break;
      case Kind::kAlert:
        ParseAlertPart(r, v, ptr, item.valid_until, &item.alert);
        break;
      case Kind::kProject:
        ParseProjectPart(r, v, ptr, &item.project);
        break;
      case Kind::kVideo:
        ParseVideoPart(r, v, ptr, &item.video);
        // The poster is the slide's picture until the video plays: fetched like any item image.
        if (!item.image && item.video.poster) item.image = item.video.poster;
        break;
    }
  }
  if (!r.ok() || !kind) return std::nullopt;
  item.content_hash = ContentHash(v.dump(-1, ' ', false, Json::error_handler_t::replace));
  return item;
}

}  // namespace machikado::feed
