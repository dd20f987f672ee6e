// SoakServer: serves a SoakWorld over loopback HTTP or HTTPS (cpp-httplib; a certificate from a
// test CA made by the run's script) to the kiosk under soak, signs every feed body with minisign
// (`<feed>.minisig`, a few signatures deliberately broken) when given a key, and
// flaps the network: every `flap_every_s` seconds, for `flap_for_s` seconds, it refuses connections
// (the listening socket is closed), answers 500, or stalls every request past the kiosk's timeout —
// in turn. Feeds answer 304 to a matching If-None-Match. A ticker thread advances the world every
// second and writes the driver's counters (Prometheus text) to `counters_path`.
// Thread-safe; Start/Stop from one thread. Stalled handlers return as soon as the server stops.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "soak_world.h"
#include "trust/minisign_signer.h"

namespace machikado::soak {

struct SoakServerOptions {
  std::string image_dir;      // PNG files served as the items' images
  std::string counters_path;  // where the driver's counters go ("" = nowhere)
  int flap_every_s = 30;
  int flap_for_s = 6;
  int stall_ms = 3000;  // longer than the accelerated kiosk's request timeout
  uint64_t seed = 1;
  // HTTPS when both are set: PEM certificate (for 127.0.0.1) and its key.
  std::string tls_cert, tls_key;
  // Signs every feed body when set (not owned); 1 in `bad_signature_every` versions gets a
  // signature that does not verify.
  const trust::SecretKey* signing_key = nullptr;
  int bad_signature_every = 30;
  // Holds big.png, header.jpg and tiny.gif (the hostile images), served when the world says so.
  std::string hostile_dir;
  WorldOptions world;
};

class SoakServer {
 public:
  explicit SoakServer(SoakServerOptions options);
  ~SoakServer();
  // Binds 127.0.0.1 on a free port and starts serving and ticking; returns the port (0 = failed).
  int Start();
  void Stop();
  std::string FeedUrl(size_t i) const;
  size_t feed_count() const;
  // Counters as Prometheus text (machikado_soak_*).
  std::string CountersText() const;

 private:
  enum class Flap { kNone, kRefuse, kError500, kStall };
  std::unique_ptr<httplib::Server> MakeServer() const;  // plain or TLS, routes set
  bool Listen();  // (re)binds the fixed port and serves on a new thread
  void Unlisten();
  void Routes(httplib::Server& s);
  void Ticker();
  bool StallFor(int ms);  // false when stopping

  SoakServerOptions options_;
  int port_ = 0;
  std::vector<std::string> pngs_;
  std::string hostile_[3];  // PNG, JPEG, GIF
  std::string scheme_ = "http";
  struct Signed {
    std::string etag, minisig;
  };
  std::map<std::string, Signed> signatures_;  // by feed name, for its current body (under mu_)

  mutable std::mutex mu_;  // guards world_, flap_, counters below
  std::condition_variable cv_;
  std::unique_ptr<SoakWorld> world_;
  Flap flap_ = Flap::kNone;
  bool stopping_ = false;
  std::map<std::string, uint64_t> answers_;  // by kind: feed_200, feed_304, image_404, …
  std::map<std::string, uint64_t> flaps_;    // by kind: refuse, error_500, stall
  uint64_t flap_seconds_ = 0;

  std::unique_ptr<httplib::Server> server_;  // current listener (null while refusing)
  std::thread listen_thread_;
  std::thread ticker_;
};

}  // namespace machikado::soak
