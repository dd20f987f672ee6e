// The typed model of a machikado feed (format v1, see feeds/README.md).
// Produced by feed::ParseFeed from JSON bytes; consumed by schedule/, text/, render/ and ui/.
// Plain value types: copyable, thread-compatible. Every field here has passed validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace machikado::feed {

// One piece of a text string after ruby markup is parsed: `{漢字|かんじ}` → {base "漢字", ruby
// "かんじ"}; plain runs have an empty ruby. `{{`/`}}` are already unescaped into literal braces in
// `base`.
struct RubySegment {
  std::string base;
  std::string ruby;
  bool operator==(const RubySegment&) const = default;
};

// One language variant of a text value.
struct LocalizedString {
  std::string lang;                   // BCP 47 tag as written in the feed ("ja", "en", "ja-x-easy")
  std::string raw;                    // as in the feed, with ruby markup
  std::vector<RubySegment> segments;  // parsed markup
  // The text without readings (what a renderer that cannot draw ruby shows).
  std::string plain() const;
  bool has_ruby() const;
};

// A localized text: a plain JSON string becomes one variant with lang "ja".
struct Text {
  std::vector<LocalizedString> variants;  // in feed order, at most 8
  bool empty() const { return variants.empty(); }
  // Language choice falls back: requested → "ja" → first listed. nullptr when empty.
  const LocalizedString* pick(std::string_view lang) const;
  // pick(lang)->plain(), or "" when empty.
  std::string plain(std::string_view lang = "ja") const;
  std::vector<std::string> languages() const;
};

enum class Kind { kNews, kPreparedness, kAlert, kProject, kVideo };
enum class ItemStatus { kActual, kExercise, kTest };
enum class Hazard {
  kFlood,
  kInlandFlood,
  kLandslide,
  kStormSurge,
  kTsunami,
  kEarthquake,
  kFire,
  kStorm,
  kSnow,
  kHeat,
  kVolcano,
  kOther,
};
enum class ShelterStatus { kOpen, kClosed, kFull, kUnknown };
// Whose level an alert's `level` is: the municipality's own 警戒レベル (issued), or a
// 警戒レベル相当情報 from JMA or a prefecture (equivalent), which every rendering marks 「相当」 /
// "equivalent".
enum class LevelBasis { kIssued, kEquivalent };

std::string_view KindName(Kind k);          // "news", "preparedness", "alert", "project", "video"
std::string_view HazardName(Hazard h);      // "flood", "inland_flood", …
std::string_view StatusName(ItemStatus s);  // "actual", "exercise", "test"
std::string_view ShelterStatusName(ShelterStatus s);
std::optional<Kind> KindFromName(std::string_view s);
std::optional<Hazard> HazardFromName(std::string_view s);
std::optional<ItemStatus> StatusFromName(std::string_view s);
std::optional<ShelterStatus> ShelterStatusFromName(std::string_view s);

struct Image {
  std::string url;  // absolute after resolution against the feed URL (when one is known)
  Text alt;
  // Lowercase hex SHA-256 of the image's bytes, "" when not given. Puts the image under the
  // feed's signature (trust/image_digest.h).
  std::string sha256;
};

struct Event {
  std::optional<UnixSeconds> start;
  std::optional<UnixSeconds> end;
  // Offset of `start` as written (seconds east of UTC), so "9:00" is shown as the publisher meant
  // it.
  int start_offset_s = 9 * 3600;
  Text place;
  Text fee;
  Text contact;     // who to ask: 「市川市保健センター (047)377-4511」
  std::string url;  // the event's own page (absolute http(s)), when it has one
};

struct NewsPart {
  std::optional<Event> event;
  Text source;
};

struct Shelter {
  // An alert may list a shelter by reference to a register ({"ref": id, "status": …}): then `ref`
  // is that id (and `id` equals it), and ResolveShelterRefs (feed/shelter_refs.h) copies name,
  // address, hazards, capacity, position, phone and url from the register entry of any feed the
  // kiosk reads; `resolved` says whether one was found.
  std::string ref;
  bool resolved = false;
  std::string id;
  Text name;
  Text address;
  ShelterStatus status = ShelterStatus::kUnknown;
  std::vector<Hazard> hazards;
  std::optional<int64_t> capacity;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<UnixSeconds> updated;
  std::string phone;  // as written, e.g. "(047)371-6100"
  std::string url;    // absolute http(s)
};

// A register entry chosen for the kiosk's shelter slide, with its distance from the kiosk when the
// kiosk's position is configured (feed/nearby_shelters.h).
struct NearbyShelter {
  Shelter shelter;
  std::optional<double> distance_m;
};

struct PreparednessPart {
  std::optional<Hazard> hazard;
  std::vector<Text> actions;  // 1–6
  // Only on the kiosk's own shelter slide 「この近くの指定緊急避難場所」 (feed/shelter_slide.h):
  // never read from a feed. Non-empty selects the shelter template.
  std::vector<NearbyShelter> nearby_shelters;
};

struct AlertPart {
  std::optional<int> level;  // 警戒レベル 1–5; absent outside the level system
  LevelBasis level_basis = LevelBasis::kIssued;  // "level_basis": "equivalent" → 警戒レベル○相当
  Hazard hazard = Hazard::kOther;
  UnixSeconds issued = 0;
  std::optional<UnixSeconds> expires;  // already defaulted to valid_until when absent
  Text issuer;
  Text instructions;
  std::vector<Text> areas;
  std::vector<Shelter> shelters;  // ≤ 50
  bool takeover = false;
};

struct MetricPoint {
  Text period;  // e.g. "R3", "令和4年度"
  double value = 0;
};

struct Metric {
  Text label;
  Text unit;
  std::optional<MetricPoint> baseline;
  std::vector<MetricPoint> targets;
  std::optional<MetricPoint> actual;
  Text note;  // a non-numeric goal (「実施」) has only a note
};

struct ProjectPart {
  Text department;
  Text plan;
  std::vector<Metric> metrics;  // ≤ 6
};

// One captions track of a video: a WebVTT file (video/webvtt.h) in one language.
struct CaptionTrack {
  std::string lang;  // BCP 47 tag, the key in the feed's `captions` object
  std::string url;   // absolute http(s) (relative ones resolved against the feed URL)
};

// kind = video: a clip made by a local group, played muted from the kiosk's media cache.
struct VideoPart {
  std::string url;               // absolute http(s)
  std::string sha256;            // lowercase hex, "" when not given; checked by the media cache
  std::optional<int64_t> bytes;  // the file's size as published, ≤ FeedLimits::max_video_bytes
  std::optional<Image> poster;   // shown while the video is not cached yet
  std::vector<CaptionTrack> captions;  // in feed order, ≤ max_languages
  bool loop = false;                   // play again until the slide's time is up
  std::optional<int> max_seconds;      // cap on the slide's time, 3–FeedLimits::max_video_seconds
};

struct Item {
  std::string id;
  Kind kind = Kind::kNews;
  Text title;
  Text summary;
  Text body;
  std::optional<Image> image;
  std::string url;
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> valid_from;
  std::optional<UnixSeconds> valid_until;
  int priority = 50;
  std::optional<std::vector<std::string>> districts;  // absent = everywhere
  std::optional<int> duration_s;                      // 3–300
  ItemStatus status = ItemStatus::kActual;
  std::vector<std::string> tags;

  // Kind-specific parts: only the one matching `kind` is meaningful.
  NewsPart news;
  PreparednessPart preparedness;
  AlertPart alert;
  ProjectPart project;
  VideoPart video;

  // Which feed this item came from (the feed's `id`); set by the parser.
  std::string feed_id;
  // A digest of the item as published (FNV-1a 64 of its JSON, 16 hex digits); set by the parser,
  // changes whenever anything in the item does (the kiosk's quarantine of poison items keys on it).
  std::string content_hash;
};

struct Feed {
  std::string format;  // "machikado-feed/1"
  std::string id;
  Text title;
  UnixSeconds generated = 0;
  std::optional<int> ttl_s;  // 5–86400
  std::vector<Item> items;   // only the valid ones, in feed order
  // The shelter register (指定緊急避難場所): what alerts may refer to by id. Only the valid
  // entries, in feed order; ids unique within the feed.
  std::vector<Shelter> shelters;
};

}  // namespace machikado::feed
