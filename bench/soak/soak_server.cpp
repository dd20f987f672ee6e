#include "soak_server.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace machikado::soak {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  if (FILE* f = std::fopen(tmp.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    std::rename(tmp.c_str(), path.c_str());
  }
}

}  // namespace

SoakServer::SoakServer(SoakServerOptions options) : options_(std::move(options)) {
  for (const char* name :
       {"bousai-bag", "cleanup", "festival", "health", "library", "smartphone"}) {
    std::string png = ReadFile(options_.image_dir + "/" + name + ".png");
    if (!png.empty()) pngs_.push_back(std::move(png));
  }
  if (!options_.hostile_dir.empty()) {
    const char* const names[] = {"big.png", "header.jpg", "tiny.gif"};
    for (int i = 0; i < 3; ++i) hostile_[i] = ReadFile(options_.hostile_dir + "/" + names[i]);
  }
  if (!options_.tls_cert.empty() && !options_.tls_key.empty()) scheme_ = "https";
}

std::unique_ptr<httplib::Server> SoakServer::MakeServer() const {
  std::unique_ptr<httplib::Server> s;
  if (scheme_ == "https")
    s = std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
  else
    s = std::make_unique<httplib::Server>();
  return s;
}

SoakServer::~SoakServer() {
  Stop();
}

int SoakServer::Start() {
  // A first listener on a free port fixes the port for every later re-listen after a refusal.
  server_ = MakeServer();
  if (!server_->is_valid()) {
    std::fprintf(stderr, "soak: cannot load the TLS certificate or key\n");
    return 0;
  }
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) return 0;
  world_ = std::make_unique<SoakWorld>(scheme_ + "://127.0.0.1:" + std::to_string(port_),
                                       options_.seed, std::time(nullptr), options_.world);
  Routes(*server_);
  httplib::Server* s = server_.get();
  listen_thread_ = std::thread([s] { s->listen_after_bind(); });
  while (!s->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ticker_ = std::thread([this] { Ticker(); });
  return port_;
}

void SoakServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  Unlisten();
  if (!options_.counters_path.empty()) WriteAtomically(options_.counters_path, CountersText());
}

bool SoakServer::Listen() {
  std::unique_ptr<httplib::Server> s = MakeServer();
  Routes(*s);
  for (int i = 0; i < 100; ++i) {  // the old socket may linger a moment
    if (s->bind_to_port("127.0.0.1", port_)) {
      httplib::Server* raw = s.get();
      server_ = std::move(s);
      listen_thread_ = std::thread([raw] { raw->listen_after_bind(); });
      while (!raw->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::fprintf(stderr, "soak: cannot listen on port %d again\n", port_);
  return false;
}

void SoakServer::Unlisten() {
  if (!server_) return;
  server_->stop();
  if (listen_thread_.joinable()) listen_thread_.join();
  server_.reset();
}

bool SoakServer::StallFor(int ms) {
  std::unique_lock<std::mutex> lock(mu_);
  return !cv_.wait_for(lock, std::chrono::milliseconds(ms),
                       [this] { return stopping_ || flap_ != Flap::kStall; });
}

void SoakServer::Routes(httplib::Server& s) {
  s.set_keep_alive_timeout(1);  // Unlisten waits for idle kept-alive connections this long
  // Flapping first: every path answers 500 or stalls while such a flap lasts.
  s.set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
    Flap flap;
    {
      std::lock_guard<std::mutex> lock(mu_);
      flap = flap_;
    }
    if (flap == Flap::kError500) {
      res.status = 500;
      res.set_content("soak: flapping", "text/plain");
      std::lock_guard<std::mutex> lock(mu_);
      ++answers_["error_500"];
      return httplib::Server::HandlerResponse::Handled;
    }
    if (flap == Flap::kStall) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++answers_["stalled"];
      }
      StallFor(options_.stall_ms);
      res.status = 503;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.Get(R"(/feed/([a-z]+)\.json)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string etag;
    const std::string* body = world_->Body(req.matches[1], &etag);
    if (!body) {
      res.status = 404;
      ++answers_["feed_404"];
      return;
    }
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      ++answers_["feed_304"];
      return;
    }
    res.set_content(*body, "application/json");
    ++answers_["feed_200"];
  });
  s.Get(R"(/feed/([a-z]+)\.json\.minisig)",
        [this](const httplib::Request& req, httplib::Response& res) {
          std::lock_guard<std::mutex> lock(mu_);
          std::string etag;
          const std::string name = req.matches[1];
          const std::string* body = world_->Body(name, &etag);
          if (!body || !options_.signing_key) {
            res.status = 404;
            ++answers_["minisig_404"];
            return;
          }
          Signed& sig = signatures_[name];
          if (sig.etag != etag) {
            sig.etag = etag;
            sig.minisig = trust::SignMinisign(*options_.signing_key, *body, name + ".json",
                                              std::time(nullptr));
            if (options_.bad_signature_every > 0 &&
                std::hash<std::string>{}(etag) % size_t(options_.bad_signature_every) == 0) {
              // Break the signature line (the second line), keeping it well-formed base64.
              const size_t line = sig.minisig.find('\n') + 1;
              char& c = sig.minisig[line + 20];
              c = c == 'A' ? 'B' : 'A';
              ++answers_["minisig_broken"];
            }
          }
          res.set_content(sig.minisig, "text/plain");
          ++answers_["minisig_200"];
        });
  s.Get(R"(/img/(\d+)\.png)", [this](const httplib::Request& req, httplib::Response& res) {
    const int n = std::atoi(req.matches[1].str().c_str());
    const int epoch = std::atoi(req.get_param_value("e").c_str());
    std::lock_guard<std::mutex> lock(mu_);
    const SoakWorld::ImageAnswer answer = world_->Image(n, epoch);
    switch (answer) {
      case SoakWorld::ImageAnswer::kNotFound:
        res.status = 404;
        ++answers_["image_404"];
        return;
      case SoakWorld::ImageAnswer::kGarbage:
        res.set_content(std::string(2048, '\x5a'), "image/png");
        ++answers_["image_garbage"];
        return;
      case SoakWorld::ImageAnswer::kHostilePng:
      case SoakWorld::ImageAnswer::kHostileJpeg:
      case SoakWorld::ImageAnswer::kHostileGif: {
        static const char* const kNames[] = {"image_hostile_png", "image_hostile_jpeg",
                                             "image_hostile_gif"};
        const int k = int(answer) - int(SoakWorld::ImageAnswer::kHostilePng);
        if (hostile_[k].empty()) {
          res.status = 404;
          return;
        }
        res.set_content(hostile_[k], "image/png");
        ++answers_[kNames[k]];
        return;
      }
      case SoakWorld::ImageAnswer::kPng:
        if (pngs_.empty()) {
          res.status = 404;
          return;
        }
        res.set_content(pngs_[size_t(n) % pngs_.size()], "image/png");
        ++answers_["image_200"];
        return;
    }
  });
}

void SoakServer::Ticker() {
  int64_t second = 0;
  int flap_index = 0;
  std::unique_lock<std::mutex> lock(mu_);
  auto next = std::chrono::steady_clock::now();
  while (!stopping_) {
    next += std::chrono::seconds(1);
    if (cv_.wait_until(lock, next, [this] { return stopping_; })) break;
    ++second;
    world_->Tick(std::time(nullptr));
    // The network: calm, then a flap of the next kind for flap_for_s seconds.
    const int64_t phase = second % options_.flap_every_s;
    Flap want = Flap::kNone;
    if (phase >= options_.flap_every_s - options_.flap_for_s) {
      static constexpr Flap kOrder[] = {Flap::kRefuse, Flap::kError500, Flap::kStall};
      want = kOrder[flap_index % 3];
    }
    if (want != flap_) {
      const Flap was = flap_;
      flap_ = want;
      cv_.notify_all();  // stalled handlers re-check
      if (want != Flap::kNone) {
        static const char* const kNames[] = {"none", "refuse", "error_500", "stall"};
        ++flaps_[kNames[int(want)]];
      } else {
        ++flap_index;
      }
      // Refusing = no listening socket at all; the kiosk sees "connection refused".
      if (want == Flap::kRefuse || was == Flap::kRefuse) {
        lock.unlock();
        if (want == Flap::kRefuse)
          Unlisten();
        else
          Listen();
        lock.lock();
      }
    }
    if (flap_ != Flap::kNone) ++flap_seconds_;
    if (!options_.counters_path.empty()) {
      lock.unlock();
      WriteAtomically(options_.counters_path, CountersText());
      lock.lock();
    }
  }
}

std::string SoakServer::FeedUrl(size_t i) const {
  std::lock_guard<std::mutex> lock(mu_);
  return scheme_ + "://127.0.0.1:" + std::to_string(port_) + "/feed/" + world_->feed_name(i) +
         ".json";
}

size_t SoakServer::feed_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return world_ ? world_->feed_count() : 0;
}

std::string SoakServer::CountersText() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  auto line = [&out](const std::string& name, uint64_t v) {
    out += "machikado_soak_" + name + " " + std::to_string(v) + "\n";
  };
  if (world_) {
    const SoakCounters& c = world_->counters();
    line("seconds", c.ticks);
    line("feed_changes", c.feed_changes);
    line("items_added", c.items_added);
    line("items_removed", c.items_removed);
    line("items_edited", c.items_edited);
    line("invalid_bodies", c.invalid_bodies);
    line("image_epochs", c.image_epochs);
    line("takeovers", c.takeovers);
  }
  uint64_t flaps = 0;
  for (const auto& [k, v] : flaps_) flaps += v, line("flaps_" + k, v);
  line("flaps", flaps);
  line("flap_seconds", flap_seconds_);
  for (const auto& [k, v] : answers_) line("answers_" + k, v);
  return out;
}

}  // namespace machikado::soak
