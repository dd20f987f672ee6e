#include "ingest/ingester.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "feed/datetime.h"
#include "ingest/alert_feed.h"
#include "ingest/atom_feed.h"
#include "ingest/cap_message.h"
#include "ingest/convert.h"
#include "ingest/ids.h"
#include "ingest/jma_message.h"

namespace machikado::ingest {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxSeen = 20'000;  // entry ids remembered (JMA's long feeds hold ~2,000)
constexpr uint64_t kMaxIndexBytes = 16u << 20;  // index.json
constexpr int kJst = 9 * 3600;

// net/'s messages usually name the URL already; say it once.
std::string FetchMessage(const std::string& url, const std::string& message) {
  return message.find(url) != std::string::npos ? message : url + ": " + message;
}

MessageParser ParserFor(bool cap) {
  return cap ? &ParseCapMessage : &ParseJmaMessage;
}

std::string Time(UnixSeconds t) {
  return t ? feed::FormatRfc3339(t, kJst) : "";
}

}  // namespace

Ingester::Ingester(IngestConfig config, net::HttpClient& http, FileSystem& fs,
                   const trust::SecretKey* key)
    : config_(std::move(config)), http_(http), fs_(fs), key_(key) {}

void Ingester::Fail(const std::string& message) {
  ++status_.errors;
  status_.last_error = message;
}

Status Ingester::Load(UnixSeconds now) {
  if (Status s = fs_.MakeDirs(config_.state_dir + "/messages"); !s.ok()) return s;
  if (const size_t slash = config_.out.rfind('/'); slash != std::string::npos && slash > 0)
    if (Status s = fs_.MakeDirs(config_.out.substr(0, slash)); !s.ok()) return s;
  Result<std::string> index = fs_.ReadFile(config_.state_dir + "/index.json", kMaxIndexBytes);
  if (!index.ok() && index.status().code() != StatusCode::kNotFound) return index.status();
  if (index.ok()) {
    Json j = Json::parse(*index, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return Status::Corrupt(config_.state_dir + "/index.json is not the ingest state");
    // Named copies: iterating a temporary's items() would dangle.
    const Json last_modified = j.value("last_modified", Json::object());
    const Json seen = j.value("seen", Json::array());
    const Json messages = j.value("messages", Json::array());
    for (const auto& [url, lm] : last_modified.items())
      if (lm.is_string()) last_modified_[url] = lm.get<std::string>();
    for (const auto& id : seen)
      if (id.is_string() && seen_.insert(id.get<std::string>()).second)
        seen_order_.push_back(id.get<std::string>());
    for (const auto& m : messages) {
      if (!m.is_object()) continue;
      Kept k{m.value("file", ""), m.value("source", ""), m.value("cap", false),
             m.value("report_time", UnixSeconds{0}), m.value("fetched", UnixSeconds{0})};
      if (k.file.empty() || k.file.find('/') != std::string::npos) continue;
      kept_.push_back(std::move(k));
    }
  }
  // Replay every kept message through the same model, in the order they were issued.
  for (bool cap : {false, true}) {
    std::vector<NamedInput> inputs;
    for (const auto& k : kept_) {
      if (k.cap != cap) continue;
      Result<std::string> bytes =
          fs_.ReadFile(config_.state_dir + "/messages/" + k.file, XmlLimits{}.max_bytes);
      if (!bytes.ok()) {
        Fail("kept message " + k.file + ": " + bytes.status().message());
        continue;
      }
      inputs.push_back({k.source, std::move(bytes).value()});
    }
    Conversion c = ConvertMessages(inputs, ParserFor(cap), config_.areas, now, &state_);
    for (const auto& p : c.problems) Fail("kept message " + p.name + ": " + p.reason);
  }
  return Publish(now, true);
}

std::vector<OfficialAlert> Ingester::InForce(UnixSeconds now) const {
  auto alerts = state_.InForce(config_.areas, now);
  if (alerts.size() > 1000) alerts.resize(1000);  // FEED-v1
  return alerts;
}

Status Ingester::FetchEntry(const std::string& link, bool cap, UnixSeconds now) {
  net::HttpRequest req;
  req.url = link;
  req.expect = net::ExpectedContent::kAny;
  req.max_body_bytes = XmlLimits{}.max_bytes;
  net::FetchResult r = http_.Fetch(req);
  if (!r.ok()) return Status::Network(FetchMessage(link, r.error.message));
  Result<MessageEffect> e = ReadMessage(r.response.body, ParserFor(cap));
  if (!e.ok()) {
    // Unreadable: recorded, never fetched again, and it changes nothing in force.
    Fail(link + ": " + e.status().message());
    return Status::Ok();
  }
  e->source = link;
  ++status_.entries_fetched;
  status_.last_entry = now;
  if (state_.Apply(*e) == AlertState::Applied::kStale) return Status::Ok();
  Kept k{HashHex(link) + ".xml", link, cap, e->report_time, now};
  if (Status s = fs_.WriteFileAtomic(config_.state_dir + "/messages/" + k.file, r.response.body);
      !s.ok())
    return s;
  kept_.push_back(std::move(k));
  return Status::Ok();
}

Status Ingester::PollFeed(const std::string& url, bool cap, UnixSeconds now) {
  net::HttpRequest req;
  req.url = url;
  req.expect = net::ExpectedContent::kAny;
  req.max_body_bytes = XmlLimits{}.max_bytes;
  if (auto it = last_modified_.find(url); it != last_modified_.end())
    req.if_modified_since = it->second;
  net::FetchResult r = http_.Fetch(req);
  if (!r.ok()) {
    Fail(FetchMessage(url, r.error.message));
    return Status::Network(FetchMessage(url, r.error.message));
  }
  if (r.response.not_modified()) return Status::Ok();
  Result<std::vector<AtomEntry>> entries = ParseAtomFeed(r.response.body);
  if (!entries.ok()) {
    Fail(url + ": " + entries.status().message());
    return Status::Invalid(url + ": " + entries.status().message());
  }
  std::vector<AtomEntry> wanted;
  for (auto& e : *entries)
    if (!seen_.count(e.id) && (cap || IsWarningTitle(e.title))) wanted.push_back(std::move(e));
  std::stable_sort(wanted.begin(), wanted.end(),
                   [](const AtomEntry& a, const AtomEntry& b) { return a.updated < b.updated; });
  bool complete = wanted.size() <= static_cast<size_t>(config_.max_entries_per_poll);
  if (!complete) wanted.resize(config_.max_entries_per_poll);
  Status last;
  for (const auto& e : wanted) {
    Status s = FetchEntry(e.link, cap, now);
    if (!s.ok()) {
      last = s;
      complete = false;  // tried again at the next poll (the feed is asked without the date)
      Fail(s.message());
      continue;
    }
    seen_.insert(e.id);
    seen_order_.push_back(e.id);
  }
  while (seen_order_.size() > kMaxSeen) {
    seen_.erase(seen_order_.front());
    seen_order_.erase(seen_order_.begin());
  }
  // Only a feed read to the end may be asked "if modified since" next time.
  if (complete && !r.response.last_modified.empty())
    last_modified_[url] = r.response.last_modified;
  else if (!complete)
    last_modified_.erase(url);
  return last;
}

void Ingester::Prune(UnixSeconds now) {
  const UnixSeconds horizon = now - static_cast<UnixSeconds>(config_.retention_days) * 86400;
  std::vector<Kept> keep;
  for (auto& k : kept_) {
    if (k.fetched >= horizon) {
      keep.push_back(std::move(k));
    } else {
      (void)fs_.Remove(config_.state_dir + "/messages/" + k.file);
    }
  }
  kept_ = std::move(keep);
}

Status Ingester::SaveIndex() {
  Json j;
  j["format"] = "machikado-ingest-state/1";
  j["last_modified"] = last_modified_;
  j["seen"] = seen_order_;
  j["messages"] = Json::array();
  for (const auto& k : kept_)
    j["messages"].push_back({{"file", k.file},
                             {"source", k.source},
                             {"cap", k.cap},
                             {"report_time", k.report_time},
                             {"fetched", k.fetched}});
  return fs_.WriteFileAtomic(config_.state_dir + "/index.json", j.dump(1));
}

Status Ingester::Publish(UnixSeconds now, bool force) {
  const std::vector<OfficialAlert> alerts = InForce(now);
  status_.alerts_in_force = alerts.size();
  AlertFeedOptions o;
  o.feed_id = config_.feed_id;
  o.generated = 0;
  const std::string items = WriteAlertFeed(alerts, o);
  Status s;
  if (force || items != published_items_) {
    o.generated = now;
    const std::string body = WriteAlertFeed(alerts, o);
    s = fs_.WriteFileAtomic(config_.out, body);
    // The signature right after the feed: a kiosk that reads the two between the writes rejects
    // that pair and keeps its last good feed until its next poll.
    if (s.ok() && key_) {
      const size_t slash = config_.out.rfind('/');
      const std::string name =
          slash == std::string::npos ? config_.out : config_.out.substr(slash + 1);
      s = fs_.WriteFileAtomic(config_.out + ".minisig",
                              trust::SignMinisign(*key_, body, name, now));
    }
    if (s.ok()) {
      published_items_ = items;
      ++status_.publishes;
    } else {
      Fail("publishing " + config_.out + ": " + s.message());
    }
  }
  Json st;
  st["last_poll"] = Time(status_.last_poll);
  st["last_entry"] = Time(status_.last_entry);
  st["polls"] = status_.polls;
  st["entries_fetched"] = status_.entries_fetched;
  st["errors"] = status_.errors;
  st["last_error"] = status_.last_error;
  st["publishes"] = status_.publishes;
  st["alerts_in_force"] = status_.alerts_in_force;
  (void)fs_.WriteFileAtomic(config_.state_dir + "/status.json",
                            st.dump(2, ' ', false, Json::error_handler_t::replace));
  return s;
}

Status Ingester::PollOnce(UnixSeconds now) {
  ++status_.polls;
  status_.last_poll = now;
  Status last;
  for (bool cap : {false, true})
    for (const auto& url : cap ? config_.cap_feeds : config_.jma_feeds)
      if (Status s = PollFeed(url, cap, now); !s.ok()) last = s;  // counted by PollFeed
  Prune(now);
  // The state first, then the feed: after a crash between the two, a restart publishes again.
  if (Status s = SaveIndex(); !s.ok()) {
    Fail("saving the state: " + s.message());
    return s;
  }
  if (Status s = Publish(now, false); !s.ok()) return s;
  return last;
}

}  // namespace machikado::ingest
