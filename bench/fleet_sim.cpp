// fleet_sim: a fleet of simulated kiosks polling a feed server with the kiosk's own fetch code
// (net::CurlHttpClient: conditional GET with If-None-Match / If-Modified-Since, gzip) and its own
// poll timing (net::PollPolicy: start jitter, ±10 % steady jitter). Reports requests/s, 200 vs 304,
// bytes per kiosk per day and the server's CPU time per kiosk (from /proc, when given its pid).
// Run through bench/fleet/run.sh, which starts nginx on loopback; docs/operations.md has figures.
//
// Model: each simulated kiosk owns one CurlHttpClient (one kept-alive connection, as a real kiosk's
// fetch thread does) and polls its feeds in turn. A pool of worker threads serves the kiosks whose
// next poll is due (earliest first); a kiosk is handled by one worker at a time. Phases: "boot"
// (every kiosk starts with an empty cache: first polls are 200s, spread by the start jitter), then
// the measured "steady" window, in which every feed polls at a random phase of its interval as in a
// fleet that has been running for a while, and one feed file is replaced once (a republish).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "net/curl_http_client.h"
#include "net/http_client.h"
#include "net/poll_policy.h"

namespace {

using namespace machikado;
using Ms = int64_t;

struct FeedSpec {
  std::string path;    // relative to the base URL
  int interval_s = 0;  // 0 = Options::interval_s
};

struct Options {
  std::string base_url;  // e.g. http://127.0.0.1:8080/
  std::vector<FeedSpec> feeds = {{"news.json"}, {"preparedness.json"}, {"alerts.json"}};
  int kiosks = 1000;
  int interval_s = 10;  // poll interval of feeds without their own
  int duration_s = 60;
  int workers = 16;
  std::string change_file;  // replaced (atomically) once, half-way through the steady window
  int nginx_pid = 0;        // master pid; its children (workers) are summed in
  std::string json_out;
};

struct FeedPoll {
  std::string url;
  int interval_s = 0;
  net::PollPolicy policy;
  std::string etag, last_modified;
  Ms next_due = 0;
  bool booted = false;  // the first (cold) poll is done
};

struct Kiosk {
  net::CurlHttpClient client;
  std::vector<FeedPoll> feeds;
  Ms next_due() const {
    Ms m = feeds.front().next_due;
    for (const auto& f : feeds) m = std::min(m, f.next_due);
    return m;
  }
};

// Counters of one phase; each worker keeps its own and they are summed at the end.
struct PhaseStats {
  uint64_t requests = 0, ok200 = 0, not_modified = 0, errors = 0;
  uint64_t wire_bytes = 0, wire_bytes_200 = 0, wire_bytes_304 = 0, body_bytes = 0;
  Ms lateness_sum_ms = 0, lateness_max_ms = 0;
  std::vector<float> latency_ms;
  std::map<std::string, uint64_t> error_kinds;

  void Add(const PhaseStats& o) {
    requests += o.requests, ok200 += o.ok200, not_modified += o.not_modified, errors += o.errors;
    wire_bytes += o.wire_bytes, wire_bytes_200 += o.wire_bytes_200;
    wire_bytes_304 += o.wire_bytes_304, body_bytes += o.body_bytes;
    lateness_sum_ms += o.lateness_sum_ms;
    lateness_max_ms = std::max(lateness_max_ms, o.lateness_max_ms);
    latency_ms.insert(latency_ms.end(), o.latency_ms.begin(), o.latency_ms.end());
    for (const auto& [k, n] : o.error_kinds) error_kinds[k] += n;
  }
  double Percentile(double p) {
    if (latency_ms.empty()) return 0;
    std::sort(latency_ms.begin(), latency_ms.end());
    return latency_ms[std::min(latency_ms.size() - 1, size_t(p * double(latency_ms.size())))];
  }
};

Ms NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// utime + stime of `pid` and its direct children (nginx master + workers), in seconds.
double ProcessTreeCpuSeconds(int pid) {
  if (pid <= 0) return 0;
  auto read = [](const std::filesystem::path& stat, int* ppid) -> double {
    std::ifstream in(stat);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t close = text.rfind(')');  // comm may hold spaces; fields follow the last ')'
    if (close == std::string::npos) return -1;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    std::vector<std::string> f;
    while (rest >> field) f.push_back(field);
    if (f.size() < 13) return -1;  // f[0] = state (field 3), f[1] = ppid, f[11..12] = utime, stime
    *ppid = std::atoi(f[1].c_str());
    return double(std::atoll(f[11].c_str()) + std::atoll(f[12].c_str())) / sysconf(_SC_CLK_TCK);
  };
  double total = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename();
    if (name.empty() ||
        !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    int ppid = 0;
    double cpu = read(entry.path() / "stat", &ppid);
    if (cpu < 0) continue;
    if (std::atoi(name.c_str()) == pid || ppid == pid) total += cpu;
  }
  return total;
}

double SelfCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// A republish: the file's content gains a trailing newline (still the same JSON), written to a temp
// file in the same directory and renamed over the old one — what publish-feed.sh does.
bool Republish(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::path p(path);
  std::filesystem::path tmp = p.parent_path() / ("." + p.filename().string() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << body << '\n';
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, p, ec);
  return !ec;
}

class Fleet {
 public:
  Fleet(const Options& o, Ms start, Ms steady_start)
      : o_(o), steady_start_(steady_start), rng_(20261123) {
    kiosks_.reserve(size_t(o.kiosks));
    for (int k = 0; k < o.kiosks; ++k) {
      auto kiosk = std::make_unique<Kiosk>();
      for (size_t f = 0; f < o.feeds.size(); ++f) {
        net::PollConfig pc;
        pc.interval_s = o.feeds[f].interval_s;
        FeedPoll fp{o.base_url + o.feeds[f].path,
                    pc.interval_s,
                    net::PollPolicy(pc, uint64_t(k) * 131 + f + 1),
                    "",
                    "",
                    0,
                    false};
        fp.next_due = start + fp.policy.FirstDelayMs();
        kiosk->feeds.push_back(std::move(fp));
      }
      queue_.push({kiosk->next_due(), size_t(k)});
      kiosks_.push_back(std::move(kiosk));
    }
  }

  // Runs the workers until `end`; each feed's first (cold) poll counts as boot, the rest as steady.
  void Run(Ms end, PhaseStats* boot, PhaseStats* steady) {
    std::vector<std::thread> threads;
    std::vector<PhaseStats> boots(size_t(o_.workers)), steadies(size_t(o_.workers));
    for (int w = 0; w < o_.workers; ++w)
      threads.emplace_back([&, w] { Work(end, &boots[w], &steadies[w]); });
    for (auto& t : threads) t.join();
    for (auto& s : boots) boot->Add(s);
    for (auto& s : steadies) steady->Add(s);
  }

 private:
  using Entry = std::pair<Ms, size_t>;  // due time, kiosk index

  void Work(Ms end, PhaseStats* boot, PhaseStats* steady) {
    for (;;) {
      size_t k;
      {
        std::unique_lock lock(mu_);
        for (;;) {
          if (NowMs() >= end) return;
          if (!queue_.empty() && queue_.top().first <= NowMs()) break;
          Ms wake = queue_.empty() ? end : std::min(end, queue_.top().first);
          cv_.wait_for(lock, std::chrono::milliseconds(std::max<Ms>(1, wake - NowMs())));
        }
        k = queue_.top().second;
        queue_.pop();
      }
      Kiosk& kiosk = *kiosks_[k];
      for (FeedPoll& f : kiosk.feeds) {
        Ms now = NowMs();
        if (f.next_due > now) continue;
        if (now >= end) break;
        PhaseStats& s = f.booted ? *steady : *boot;
        Poll(kiosk, f, now, s);
      }
      {
        std::lock_guard lock(mu_);
        queue_.push({kiosk.next_due(), k});
      }
      cv_.notify_one();
    }
  }

  void Poll(Kiosk& kiosk, FeedPoll& f, Ms now, PhaseStats& s) {
    net::HttpRequest req;
    req.url = f.url;
    req.if_none_match = f.etag;
    req.if_modified_since = f.last_modified;
    Ms late = now - f.next_due;
    auto t0 = std::chrono::steady_clock::now();
    net::FetchResult r = kiosk.client.Fetch(req);
    auto t1 = std::chrono::steady_clock::now();
    s.requests++;
    s.lateness_sum_ms += late;
    s.lateness_max_ms = std::max(s.lateness_max_ms, late);
    s.latency_ms.push_back(std::chrono::duration<float, std::milli>(t1 - t0).count());
    s.wire_bytes += r.response.wire_bytes;
    if (!r.ok()) {
      s.errors++;
      s.error_kinds[std::string(net::FetchErrorKindName(r.error.kind))]++;
      f.next_due = NowMs() + f.policy.OnFailure(r.response.status, std::nullopt);
      return;
    }
    if (r.response.not_modified()) {
      s.not_modified++;
      s.wire_bytes_304 += r.response.wire_bytes;
    } else {
      s.ok200++;
      s.wire_bytes_200 += r.response.wire_bytes;
      s.body_bytes += r.response.body.size();
      f.etag = r.response.etag;
      f.last_modified = r.response.last_modified;
    }
    if (!f.booted) {
      // After the cold boot, every feed continues at a uniformly random phase of its interval
      // from the start of the measured window: the fleet is then in its steady state at once
      // (kiosks that have been running for a while do not poll in step).
      f.booted = true;
      std::lock_guard lock(mu_);
      f.next_due =
          steady_start_ + std::uniform_int_distribution<Ms>(0, Ms{f.interval_s} * 1000 - 1)(rng_);
      return;
    }
    // Scheduled from the due time, not from now, so a slow server does not thin out the load.
    f.next_due = std::max(f.next_due, now - 1000) + f.policy.OnSuccess(std::nullopt);
  }

  const Options& o_;
  const Ms steady_start_;
  std::mt19937_64 rng_;  // guarded by mu_
  std::vector<std::unique_ptr<Kiosk>> kiosks_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
};

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--base-url")
      o->base_url = value();
    else if (a == "--feeds") {
      o->feeds.clear();
      std::stringstream ss(value());
      for (std::string f; std::getline(ss, f, ',');) {
        if (f.empty()) continue;
        size_t at = f.find('@');  // news.json@300: this feed's own interval
        o->feeds.push_back(
            {f.substr(0, at), at == std::string::npos ? 0 : std::atoi(f.c_str() + at + 1)});
      }
    } else if (a == "--kiosks")
      o->kiosks = std::atoi(value().c_str());
    else if (a == "--interval")
      o->interval_s = std::atoi(value().c_str());
    else if (a == "--duration")
      o->duration_s = std::atoi(value().c_str());
    else if (a == "--workers")
      o->workers = std::atoi(value().c_str());
    else if (a == "--change-file")
      o->change_file = value();
    else if (a == "--nginx-pid")
      o->nginx_pid = std::atoi(value().c_str());
    else if (a == "--json")
      o->json_out = value();
    else
      return false;
  }
  for (FeedSpec& f : o->feeds) {
    if (f.interval_s == 0) f.interval_s = o->interval_s;
    if (f.interval_s < 5) return false;
  }
  return !o->base_url.empty() && !o->feeds.empty() && o->kiosks > 0 && o->duration_s > 0 &&
         o->workers > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) {
    std::fprintf(stderr,
                 "usage: fleet_sim --base-url URL/ [--feeds a.json,b.json@300,…] [--kiosks 1000] "
                 "[--interval 10 (≥5)] [--duration 60] [--workers 16] [--change-file PATH] "
                 "[--nginx-pid PID] [--json OUT]\n(normally started by bench/fleet/run.sh)\n");
    return 2;
  }
  if (o.base_url.back() != '/') o.base_url += '/';
  net::CurlGlobal curl;
  if (!curl.status().ok()) {
    std::fprintf(stderr, "fleet_sim: %s\n", curl.status().message().c_str());
    return 1;
  }

  const Ms start = NowMs();
  // Boot lasts the start jitter (≤ 10 s) plus a margin: by then every kiosk has made its first
  // (cold) polls.
  int first_poll_s = 0;
  double polls_per_kiosk_day = 0;
  for (const FeedSpec& f : o.feeds) {
    first_poll_s = std::max(first_poll_s, std::min(10, f.interval_s));
    polls_per_kiosk_day += 86400.0 / f.interval_s;
  }
  const Ms steady_start = start + Ms{first_poll_s} * 1000 + 2000;
  const Ms end = steady_start + Ms{o.duration_s} * 1000;
  Fleet fleet(o, start, steady_start);

  double nginx_cpu_start = ProcessTreeCpuSeconds(o.nginx_pid), nginx_cpu_steady = 0;
  double self_cpu_steady = 0;
  bool changed = false;
  std::thread observer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(steady_start - NowMs()));
    nginx_cpu_steady = ProcessTreeCpuSeconds(o.nginx_pid);
    self_cpu_steady = SelfCpuSeconds();
    if (!o.change_file.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(Ms{o.duration_s} * 500));
      changed = Republish(o.change_file);
    }
  });
  PhaseStats boot, steady;
  fleet.Run(end, &boot, &steady);
  observer.join();
  const double nginx_cpu_end = ProcessTreeCpuSeconds(o.nginx_pid);
  const double self_cpu_end = SelfCpuSeconds();

  const double secs = o.duration_s;
  const double nginx_steady = nginx_cpu_end - nginx_cpu_steady;
  const double per_day = 86400.0 / secs;
  const double rps = double(steady.requests) / secs;
  const double avg304 =
      steady.not_modified ? double(steady.wire_bytes_304) / steady.not_modified : 0;
  const double avg200 = steady.ok200 ? double(steady.wire_bytes_200) / steady.ok200 : 0;
  const double bytes_kiosk_day_measured = double(steady.wire_bytes) / o.kiosks * per_day;
  const double bytes_kiosk_day_unchanged = avg304 * polls_per_kiosk_day;
  const double nginx_cpu_kiosk_day = nginx_steady / o.kiosks * per_day;
  const double core_kiosks = nginx_cpu_kiosk_day > 0 ? 86400.0 / nginx_cpu_kiosk_day : 0;
  const double lat_p50 = steady.Percentile(0.5), lat_p99 = steady.Percentile(0.99);
  const double lateness_avg =
      steady.requests ? double(steady.lateness_sum_ms) / double(steady.requests) : 0;

  std::string feed_list;
  for (const FeedSpec& f : o.feeds)
    feed_list +=
        (feed_list.empty() ? "" : ", ") + f.path + " every " + std::to_string(f.interval_s) + " s";
  std::printf("fleet: %d kiosks polling %s (±10 %%); %d workers, %d s measured\n", o.kiosks,
              feed_list.c_str(), o.workers, o.duration_s);
  std::printf(
      "boot (empty caches): %llu requests, %llu × 200, %llu × 304, %llu errors, %.1f MB, "
      "nginx CPU %.2f s\n",
      (unsigned long long)boot.requests, (unsigned long long)boot.ok200,
      (unsigned long long)boot.not_modified, (unsigned long long)boot.errors, boot.wire_bytes / 1e6,
      nginx_cpu_steady - nginx_cpu_start);
  std::printf("steady: %llu requests = %.1f req/s; %llu × 200, %llu × 304, %llu errors%s\n",
              (unsigned long long)steady.requests, rps, (unsigned long long)steady.ok200,
              (unsigned long long)steady.not_modified, (unsigned long long)steady.errors,
              changed ? " (one feed republished mid-run)" : "");
  for (const auto& [kind, n] : steady.error_kinds)
    std::printf("  error %s: %llu\n", kind.c_str(), (unsigned long long)n);
  std::printf("  wire bytes: %.2f MB (avg 304 %.0f B, avg 200 %.0f B, bodies decoded %.2f MB)\n",
              steady.wire_bytes / 1e6, avg304, avg200, steady.body_bytes / 1e6);
  std::printf("  per kiosk per day: %.2f MB as measured, %.2f MB with no change at all\n",
              bytes_kiosk_day_measured / 1e6, bytes_kiosk_day_unchanged / 1e6);
  std::printf("  latency p50 %.2f ms, p99 %.2f ms; poll start lateness avg %.1f ms, max %lld ms\n",
              lat_p50, lat_p99, lateness_avg, (long long)steady.lateness_max_ms);
  if (o.nginx_pid > 0)
    std::printf(
        "  nginx CPU %.3f s (%.2f %% of one core) = %.1f ms per kiosk per day; one core "
        "≈ %.0f kiosks\n",
        nginx_steady, 100.0 * nginx_steady / secs, 1000.0 * nginx_cpu_kiosk_day, core_kiosks);
  std::printf("  simulator CPU %.2f s (the %d kiosks' fetch code)\n",
              self_cpu_end - self_cpu_steady, o.kiosks);

  if (!o.json_out.empty()) {
    std::ofstream j(o.json_out);
    j << "{\"kiosks\": " << o.kiosks << ", \"feeds\": " << o.feeds.size()
      << ", \"polls_per_kiosk_day\": " << polls_per_kiosk_day
      << ", \"duration_s\": " << o.duration_s << ", \"workers\": " << o.workers
      << ", \"requests\": " << steady.requests << ", \"requests_per_s\": " << rps
      << ", \"status_200\": " << steady.ok200 << ", \"status_304\": " << steady.not_modified
      << ", \"errors\": " << steady.errors << ", \"wire_bytes\": " << steady.wire_bytes
      << ", \"avg_304_bytes\": " << avg304 << ", \"avg_200_bytes\": " << avg200
      << ", \"bytes_per_kiosk_day_measured\": " << bytes_kiosk_day_measured
      << ", \"bytes_per_kiosk_day_unchanged\": " << bytes_kiosk_day_unchanged
      << ", \"latency_p50_ms\": " << lat_p50 << ", \"latency_p99_ms\": " << lat_p99
      << ", \"nginx_cpu_s\": " << nginx_steady
      << ", \"nginx_cpu_ms_per_kiosk_day\": " << 1000.0 * nginx_cpu_kiosk_day
      << ", \"boot_requests\": " << boot.requests << ", \"boot_200\": " << boot.ok200
      << ", \"boot_wire_bytes\": " << boot.wire_bytes
      << ", \"boot_nginx_cpu_s\": " << nginx_cpu_steady - nginx_cpu_start
      << ", \"republished\": " << (changed ? "true" : "false") << "}\n";
  }
  return steady.errors == 0 && boot.errors == 0 ? 0 : 1;
}
