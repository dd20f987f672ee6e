// The kind-specific parts of an item (FEED-v1 "kind = news / preparedness / alert / project").
#include <limits>
#include <unordered_map>

#include "feed/parse_internal.h"

namespace machikado::feed {
namespace {

constexpr int kShelterIdMaxChars = 128;
constexpr int kMaxAlertLevel = 5;
constexpr size_t kPhoneMaxBytes = 40;

std::optional<MetricPoint> ReadPoint(FieldReader& r, const Json& v, const std::string& ptr) {
  if (!v.is_object()) {
    r.Error(
        ptr,
        "a metric value must be an object such as {\"period\": \"R5\", \"value\": 64}, but it is " +
            DescribeJson(v));
    return std::nullopt;
  }
  MetricPoint p;
  auto period = r.TextField(v, ptr, "period", r.limits().max_summary_chars, Need::kRequired);
  constexpr double kAny = std::numeric_limits<double>::infinity();
  auto value = r.Number(v, ptr, "value", -kAny, kAny, Need::kRequired);
  if (!period || !value) return std::nullopt;
  p.period = std::move(*period);
  p.value = *value;
  return p;
}

std::optional<MetricPoint> ReadPointField(FieldReader& r, const Json& obj, const std::string& ptr,
                                          std::string_view key) {
  const Json* v = r.Field(obj, ptr, key, Need::kOptional);
  if (!v) return std::nullopt;
  return ReadPoint(r, *v, ChildPointer(ptr, key));
}

void ReadMetric(FieldReader& r, const Json& v, const std::string& ptr, std::vector<Metric>* out) {
  if (!v.is_object()) {
    r.Error(ptr, "each metric must be an object { … }, but this one is " + DescribeJson(v));
    return;
  }
  const size_t short_max = r.limits().max_summary_chars;
  Metric m;
  if (auto t = r.TextField(v, ptr, "label", short_max, Need::kRequired)) m.label = std::move(*t);
  if (auto t = r.TextField(v, ptr, "unit", short_max, Need::kOptional)) m.unit = std::move(*t);
  if (auto t = r.TextField(v, ptr, "note", short_max, Need::kOptional)) m.note = std::move(*t);
  m.baseline = ReadPointField(r, v, ptr, "baseline");
  m.actual = ReadPointField(r, v, ptr, "actual");
  if (const Json* targets = r.Array(v, ptr, "targets", 0, 64, Need::kOptional)) {
    const std::string targets_ptr = ChildPointer(ptr, "targets");
    for (size_t i = 0; i < targets->size(); ++i)
      if (auto p = ReadPoint(r, (*targets)[i], ChildPointer(targets_ptr, i)))
        m.targets.push_back(std::move(*p));
  }
  const bool has_values = v.contains("baseline") || v.contains("actual") || v.contains("targets");
  if (!has_values && !v.contains("note"))
    r.Error(
        ptr,
        "the metric has no values (baseline, targets, actual) and no note; a goal without numbers "
        "needs a note such as \"実施\"");
  out->push_back(std::move(m));
}

// `allow_ref`: an alert's shelter may be a reference to the register ({"ref": id, "status": …});
// the register's own entries may not.
void ReadShelter(FieldReader& r, const Json& v, const std::string& ptr, std::vector<Shelter>* out,
                 bool allow_ref) {
  if (!v.is_object()) {
    r.Error(ptr, "each shelter must be an object { … }, but this one is " + DescribeJson(v));
    return;
  }
  const size_t short_max = r.limits().max_summary_chars;
  Shelter s;
  const bool by_ref = v.contains("ref");
  if (by_ref && !allow_ref) {
    r.Error(ChildPointer(ptr, "ref"),
            "a register entry cannot refer to another shelter; write its id, name and details");
  } else if (by_ref) {
    if (auto ref = r.Identifier(v, ptr, "ref", Need::kRequired, kShelterIdMaxChars, false)) {
      s.ref = *ref;
      s.id = std::move(*ref);
    }
    if (v.contains("id") && v["id"] != v["ref"])
      r.Error(ChildPointer(ptr, "id"),
              "a shelter given by \"ref\" takes its id from the register; leave \"id\" out");
  }
  if (!by_ref) {
    if (auto id = r.Identifier(v, ptr, "id", Need::kRequired, kShelterIdMaxChars, false))
      s.id = std::move(*id);
  }
  // By reference, the register supplies the name unless the alert gives one.
  if (auto t = r.TextField(v, ptr, "name", short_max, by_ref ? Need::kOptional : Need::kRequired))
    s.name = std::move(*t);
  if (auto t = r.TextField(v, ptr, "address", short_max, Need::kOptional))
    s.address = std::move(*t);
  if (auto st = r.ShelterStatusField(v, ptr, "status")) s.status = *st;
  if (const Json* hazards = r.Array(v, ptr, "hazards", 0, 12, Need::kOptional)) {
    const std::string hazards_ptr = ChildPointer(ptr, "hazards");
    for (size_t i = 0; i < hazards->size(); ++i)
      if (auto h = r.HazardValue((*hazards)[i], ChildPointer(hazards_ptr, i)))
        s.hazards.push_back(*h);
  }
  s.capacity = r.Integer(v, ptr, "capacity", 0, 10'000'000, Need::kOptional);
  s.lat = r.Number(v, ptr, "lat", -90, 90, Need::kOptional);
  s.lon = r.Number(v, ptr, "lon", -180, 180, Need::kOptional);
  if (auto d = r.Date(v, ptr, "updated", Need::kOptional)) s.updated = d->unix;
  if (auto p = r.String(v, ptr, "phone", Need::kOptional)) {
    if (p->size() > kPhoneMaxBytes)
      r.Error(ChildPointer(ptr, "phone"),
              "the phone number is longer than " + std::to_string(kPhoneMaxBytes) + " characters");
    else
      s.phone = std::move(*p);
  }
  if (auto u = r.WebUrl(v, ptr, "url", Need::kOptional)) s.url = std::move(*u);
  out->push_back(std::move(s));
}

// Reads an array of texts (actions, areas).
void ReadTextList(FieldReader& r, const Json& item, const std::string& ptr, std::string_view key,
                  size_t min_len, size_t max_len, std::vector<Text>* out) {
  const Json* arr = r.Array(item, ptr, key, min_len, max_len, Need::kOptional);
  if (!arr) return;
  const std::string list_ptr = ChildPointer(ptr, key);
  for (size_t i = 0; i < arr->size(); ++i)
    if (auto t =
            r.TextValue((*arr)[i], ChildPointer(list_ptr, i), r.limits().max_summary_chars, true))
      out->push_back(std::move(*t));
}

}  // namespace

void ParseNewsPart(FieldReader& r, const Json& item, const std::string& ptr, NewsPart* out) {
  const size_t short_max = r.limits().max_summary_chars;
  if (auto t = r.TextField(item, ptr, "source", short_max, Need::kOptional))
    out->source = std::move(*t);
  const Json* ev = r.Object(item, ptr, "event", Need::kOptional);
  if (!ev) return;
  const std::string ev_ptr = ChildPointer(ptr, "event");
  Event event;
  if (auto d = r.Date(*ev, ev_ptr, "start", Need::kOptional)) {
    event.start = d->unix;
    event.start_offset_s = d->offset_s;
  }
  if (auto d = r.Date(*ev, ev_ptr, "end", Need::kOptional)) event.end = d->unix;
  if (event.start && event.end && *event.end < *event.start)
    r.Error(ChildPointer(ev_ptr, "end"),
            "the event ends (" + FormatRfc3339(*event.end, event.start_offset_s) +
                ") before it starts (" + FormatRfc3339(*event.start, event.start_offset_s) + ")");
  if (auto t = r.TextField(*ev, ev_ptr, "place", short_max, Need::kOptional))
    event.place = std::move(*t);
  if (auto t = r.TextField(*ev, ev_ptr, "fee", short_max, Need::kOptional))
    event.fee = std::move(*t);
  if (auto t = r.TextField(*ev, ev_ptr, "contact", short_max, Need::kOptional))
    event.contact = std::move(*t);
  if (auto u = r.WebUrl(*ev, ev_ptr, "url", Need::kOptional)) event.url = std::move(*u);
  out->event = std::move(event);
}

void ParsePreparednessPart(FieldReader& r, const Json& item, const std::string& ptr,
                           PreparednessPart* out) {
  out->hazard = r.HazardField(item, ptr, "hazard", Need::kOptional);
  ReadTextList(r, item, ptr, "actions", 1, 6, &out->actions);
}

void ParseAlertPart(FieldReader& r, const Json& item, const std::string& ptr,
                    std::optional<UnixSeconds> valid_until, AlertPart* out) {
  if (auto level = r.Integer(item, ptr, "level", 1, kMaxAlertLevel, Need::kOptional))
    out->level = static_cast<int>(*level);
  if (const Json* basis = r.Field(item, ptr, "level_basis", Need::kOptional)) {
    const std::string basis_ptr = ChildPointer(ptr, "level_basis");
    const bool equivalent = basis->is_string() && *basis == "equivalent";
    if (!equivalent && !(basis->is_string() && *basis == "issued"))
      r.Error(basis_ptr,
              "level_basis must be \"issued\" (the municipality's own 警戒レベル) or \"equivalent\" "
              "(警戒レベル相当情報 from JMA or the prefecture), but it is " +
                  DescribeJson(*basis));
    else if (!item.contains("level"))
      r.Error(basis_ptr, "level_basis says whose level this is, but the alert has no level");
    else if (equivalent)
      out->level_basis = LevelBasis::kEquivalent;
  }
  if (auto h = r.HazardField(item, ptr, "hazard", Need::kRequired)) out->hazard = *h;
  const auto issued = r.Date(item, ptr, "issued", Need::kRequired);
  if (issued) out->issued = issued->unix;
  const auto expires = r.Date(item, ptr, "expires", Need::kOptional);
  out->expires = expires ? std::optional<UnixSeconds>(expires->unix) : valid_until;
  if (issued && expires && expires->unix <= issued->unix)
    r.Error(ChildPointer(ptr, "expires"), "expires (" +
                                              FormatRfc3339(expires->unix, expires->offset_s) +
                                              ") must be later than issued (" +
                                              FormatRfc3339(issued->unix, issued->offset_s) + ")");
  const size_t short_max = r.limits().max_summary_chars;
  if (auto t = r.TextField(item, ptr, "issuer", short_max, Need::kOptional))
    out->issuer = std::move(*t);
  if (auto t = r.TextField(item, ptr, "instructions", r.limits().max_body_chars, Need::kOptional))
    out->instructions = std::move(*t);
  ReadTextList(r, item, ptr, "areas", 0, 200, &out->areas);
  if (const Json* shelters =
          r.Array(item, ptr, "shelters", 0, r.limits().max_shelters, Need::kOptional)) {
    const std::string shelters_ptr = ChildPointer(ptr, "shelters");
    for (size_t i = 0; i < shelters->size(); ++i)
      ReadShelter(r, (*shelters)[i], ChildPointer(shelters_ptr, i), &out->shelters, true);
  }
  if (auto t = r.Bool(item, ptr, "takeover", Need::kOptional)) out->takeover = *t;
}

void ParseShelterRegister(const Json& doc, const FeedLimits& limits, std::string_view base_url,
                          std::vector<Shelter>* out, size_t* total,
                          std::vector<FeedError>* errors) {
  FieldReader top(limits, base_url, FeedError::Level::kItem, std::nullopt, errors);
  const Json* list =
      top.Array(doc, "", "shelters", 0, limits.max_register_shelters, Need::kOptional);
  if (!list) return;
  *total = list->size();
  std::unordered_map<std::string, size_t> first_index;  // id → index of its first use
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string ptr = ChildPointer("/shelters", i);
    FieldReader r(limits, base_url, FeedError::Level::kItem, std::nullopt, errors);
    std::vector<Shelter> one;
    ReadShelter(r, (*list)[i], ptr, &one, false);
    if (!r.ok() || one.empty()) continue;
    const auto [pos, inserted] = first_index.emplace(one.front().id, i);
    if (!inserted) {
      r.Error(ChildPointer(ptr, "id"),
              "the shelter id " + Quoted(one.front().id) + " is already used by /shelters/" +
                  std::to_string(pos->second) + "; this later shelter is skipped");
      continue;
    }
    out->push_back(std::move(one.front()));
  }
}

void ParseProjectPart(FieldReader& r, const Json& item, const std::string& ptr, ProjectPart* out) {
  const size_t short_max = r.limits().max_summary_chars;
  if (auto t = r.TextField(item, ptr, "department", short_max, Need::kOptional))
    out->department = std::move(*t);
  if (auto t = r.TextField(item, ptr, "plan", short_max, Need::kOptional))
    out->plan = std::move(*t);
  if (const Json* metrics =
          r.Array(item, ptr, "metrics", 0, r.limits().max_metrics, Need::kOptional)) {
    const std::string metrics_ptr = ChildPointer(ptr, "metrics");
    for (size_t i = 0; i < metrics->size(); ++i)
      ReadMetric(r, (*metrics)[i], ChildPointer(metrics_ptr, i), &out->metrics);
  }
}

}  // namespace machikado::feed
