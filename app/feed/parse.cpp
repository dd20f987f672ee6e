// ParseFeed: the document level of FEED-v1 — byte limit, BOM, UTF-8, nesting depth, JSON syntax,
// the feed's own fields — then every item through ParseItem. The only place exceptions are caught.
#include "feed/parse.h"

#include <algorithm>
#include <new>
#include <unordered_map>

#include "feed/json_precheck.h"
#include "feed/json_syntax.h"
#include "feed/parse_internal.h"

namespace machikado::feed {
namespace {

constexpr std::string_view kFormatPrefix = "machikado-feed/";
constexpr int kFormatMajor = 1;
constexpr size_t kFeedIdMaxChars = 64;
constexpr int64_t kTtlMin = 5, kTtlMax = 86400;

// A config may lower the limits, never raise them above FEED-v1's defaults.
FeedLimits Effective(const FeedLimits& in) {
  const FeedLimits d;
  FeedLimits l;
  l.max_body_bytes = std::min(in.max_body_bytes, d.max_body_bytes);
  l.max_depth = std::clamp(in.max_depth, 1, d.max_depth);
  l.max_items = std::min(in.max_items, d.max_items);
  l.max_languages = std::min(in.max_languages, d.max_languages);
  l.max_title_chars = std::min(in.max_title_chars, d.max_title_chars);
  l.max_summary_chars = std::min(in.max_summary_chars, d.max_summary_chars);
  l.max_body_chars = std::min(in.max_body_chars, d.max_body_chars);
  l.max_shelters = std::min(in.max_shelters, d.max_shelters);
  l.max_register_shelters = std::min(in.max_register_shelters, d.max_register_shelters);
  l.max_metrics = std::min(in.max_metrics, d.max_metrics);
  return l;
}

std::string Size(size_t bytes) {
  if (bytes < 1024 * 1024) return std::to_string(bytes) + " bytes";
  const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", mib);
  return std::to_string(bytes) + " bytes (" + buf + ")";
}

void Reject(ParseOutcome& out, std::string pointer, std::string message) {
  out.errors.push_back(
      {FeedError::Level::kFeed, std::nullopt, std::move(pointer), std::move(message)});
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 3: …" without the tag.
std::string JsonErrorText(const char* what) {
  std::string s(what);
  if (const size_t tag_end = s.find("] ");
      s.rfind("[json.exception.", 0) == 0 && tag_end != std::string::npos)
    s.erase(0, tag_end + 2);
  return s;
}

// Checks `format`; returns false (after recording why) when this kiosk cannot read the feed.
bool CheckFormat(const Json& doc, ParseOutcome& out, std::string* format) {
  const auto it = doc.find("format");
  if (it == doc.end()) {
    Reject(out, "/format",
           "format is missing; a machikado feed starts with \"format\": \"machikado-feed/1\"");
    return false;
  }
  if (!it->is_string()) {
    Reject(out, "/format",
           "format must be the text \"machikado-feed/1\", but it is " + DescribeJson(*it));
    return false;
  }
  const auto& f = it->get_ref<const std::string&>();
  if (f.rfind(kFormatPrefix, 0) == 0) {
    const std::string version = f.substr(kFormatPrefix.size());
    const std::string major = version.substr(0, version.find('.'));
    const bool numeric =
        !major.empty() && major.size() <= 6 &&
        std::all_of(major.begin(), major.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool minor_ok = version.find('.') == std::string::npos ||
                          (version.size() > major.size() + 1 &&
                           std::all_of(version.begin() + static_cast<long>(major.size()) + 1,
                                       version.end(), [](char c) { return c >= '0' && c <= '9'; }));
    if (numeric && minor_ok) {
      const int m = std::stoi(major);
      if (m == kFormatMajor) {
        *format = f;
        return true;
      }
      if (m > kFormatMajor) {
        Reject(out, "/format",
               "format " + Quoted(f) +
                   " is newer than this kiosk understands (it reads machikado-feed/1); update the "
                   "kiosk software, or publish the feed as machikado-feed/1");
        return false;
      }
    }
  }
  Reject(
      out, "/format",
      "format " + Quoted(f) + " is not a format this kiosk reads; expected \"machikado-feed/1\"");
  return false;
}

// Bytes → JSON document, or nullopt after recording a feed-level error.
std::optional<Json> ParseJson(std::string_view bytes, const FeedLimits& limits, ParseOutcome& out) {
  if (bytes.size() > limits.max_body_bytes) {
    Reject(out, "",
           "the feed is " + Size(bytes.size()) + "; at most " + Size(limits.max_body_bytes) +
               " are allowed — split it into several feeds or shorten it");
    return std::nullopt;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 BOM: accepted
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    Reject(out, "", "the feed is saved as UTF-16; save it as UTF-8");
    return std::nullopt;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    Reject(out, "", "the feed is empty; expected a JSON object starting with {");
    return std::nullopt;
  }
  if (auto bad = FindInvalidUtf8(bytes)) {
    Reject(out, "", "the feed is not valid UTF-8 text: " + bad->message);
    return std::nullopt;
  }
  if (auto deep = FindTooDeepNesting(bytes, limits.max_depth)) {
    Reject(out, "",
           "the JSON is nested more than " + std::to_string(limits.max_depth) +
               " levels deep (at " + deep->where.describe() +
               "); a feed needs far fewer levels — look for unclosed or "
               "repeated [ or {");
    return std::nullopt;
  }
  try {
    return Json::parse(bytes.begin(), bytes.end());
  } catch (const Json::parse_error& e) {
    Reject(out, "",
           "the feed is not valid JSON at " + ExplainJsonSyntaxError(bytes, e.byte, false));
  } catch (const Json::exception& e) {
    Reject(out, "", "the feed is not valid JSON: " + JsonErrorText(e.what()));
  }
  return std::nullopt;
}

void ParseDocument(std::string_view bytes, const FeedLimits& limits, std::string_view base_url,
                   ParseOutcome& out) {
  std::optional<Json> doc = ParseJson(bytes, limits, out);
  if (!doc) return;
  if (!doc->is_object()) {
    Reject(out, "",
           "a feed must be a JSON object starting with {, but this is " + DescribeJson(*doc));
    return;
  }
  Feed feed;
  if (!CheckFormat(*doc, out, &feed.format)) return;

  FieldReader top(limits, base_url, FeedError::Level::kFeed, std::nullopt, &out.errors);
  if (auto id = top.Identifier(*doc, "", "id", Need::kRequired, kFeedIdMaxChars, true))
    feed.id = std::move(*id);
  if (auto g = top.Date(*doc, "", "generated", Need::kRequired)) feed.generated = g->unix;
  const Json* items = top.Array(*doc, "", "items", 0, SIZE_MAX, Need::kRequired);
  if (items) out.items_total = items->size();
  if (items && items->size() > limits.max_items) {
    top.Error("/items", "the feed has " + std::to_string(items->size()) + " items; at most " +
                            std::to_string(limits.max_items) +
                            " are allowed — split it into several feeds");
  }
  if (!top.ok()) return;

  // Problems with the optional feed fields don't reject the feed: the field is ignored and the
  // problem is reported like an item problem (level "item", no item id).
  FieldReader optional_fields(limits, base_url, FeedError::Level::kItem, std::nullopt, &out.errors);
  if (auto t =
          optional_fields.TextField(*doc, "", "title", limits.max_title_chars, Need::kOptional))
    feed.title = std::move(*t);
  if (auto ttl = optional_fields.Integer(*doc, "", "ttl", kTtlMin, kTtlMax, Need::kOptional))
    feed.ttl_s = static_cast<int>(*ttl);

  std::unordered_map<std::string, size_t> first_index;  // item id → index of its first use
  for (size_t i = 0; i < items->size(); ++i) {
    const Json& v = (*items)[i];
    std::optional<std::string> item_id;
    bool duplicate = false;
    if (v.is_object()) {
      const auto it = v.find("id");
      if (it != v.end() && it->is_string()) {
        item_id = it->get<std::string>();
        const auto [pos, inserted] = first_index.emplace(*item_id, i);
        if (!inserted) {
          duplicate = true;
          out.errors.push_back(
              {FeedError::Level::kItem, item_id, ChildPointer(ChildPointer("/items", i), "id"),
               "the id " + Quoted(*item_id) + " is already used by /items/" +
                   std::to_string(pos->second) +
                   "; ids must be unique in a feed, so this later item is skipped"});
        }
      }
    }
    std::optional<Item> item = ParseItem(v, i, item_id, limits, base_url, &out.errors);
    if (!item || duplicate) continue;
    item->feed_id = feed.id;
    feed.items.push_back(std::move(*item));
  }
  out.items_valid = feed.items.size();
  ParseShelterRegister(*doc, limits, base_url, &feed.shelters, &out.shelters_total, &out.errors);
  out.shelters_valid = feed.shelters.size();
  out.feed = std::move(feed);
}

}  // namespace

ParseOutcome ParseFeed(std::string_view bytes, const FeedLimits& limits,
                       std::string_view base_url) {
  ParseOutcome out;
  try {
    ParseDocument(bytes, Effective(limits), base_url, out);
  } catch (const std::bad_alloc&) {
    out = ParseOutcome{};
    try {
      Reject(out, "", "the feed could not be read: not enough memory");
    } catch (...) {
    }
  } catch (const std::exception& e) {
    out = ParseOutcome{};
    try {
      Reject(out, "", std::string("the feed could not be read (internal error: ") + e.what() + ")");
    } catch (...) {
    }
  } catch (...) {
    out = ParseOutcome{};
    try {
      Reject(out, "", "the feed could not be read (internal error)");
    } catch (...) {
    }
  }
  return out;
}

}  // namespace machikado::feed
