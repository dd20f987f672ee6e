// `machikado ingest --config FILE [--once]`: the service that polls JMA's Atom feeds (and CAP
// feeds) and publishes the alerts in force for the configured areas as a machikado-feed/1 file. The
// work is in ingest::Ingester; this file reads the configuration, runs the poll loop and stops on
// SIGTERM or SIGINT within a second.
#include <csignal>
#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

#include "commands/commands.h"
#include "core/file_system.h"
#include "ingest/ingest_config.h"
#include "ingest/ingester.h"
#include "net/curl_http_client.h"
#include "trust/minisign_signer.h"

namespace machikado {
namespace {

const char kHelp[] =
    "usage: machikado ingest --config FILE [--once]\n"
    "\n"
    "Polls JMA's Atom pull feeds (If-Modified-Since, at most once a minute) and CAP feeds, "
    "fetches\n"
    "each new warning message once, keeps what is in force on disk (state_dir) and publishes the\n"
    "alerts for the configured areas atomically to `out` (docs/official-warnings.md). The state\n"
    "survives restarts: nothing is fetched twice, nothing in force is forgotten.\n"
    "\n"
    "options:\n"
    "  --config FILE  the ingest configuration (JSON; see docs/official-warnings.md)\n"
    "  --once         poll once, publish, and exit (for cron and tests)\n"
    "  -h, --help     show this help\n"
    "\n"
    "exit status: 0 stopped normally (or --once without errors), 1 --once with an error or the\n"
    "state could not be loaded, 2 usage or configuration error\n";

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) {
  g_stop = 1;
}

UnixSeconds Now() {
  return static_cast<UnixSeconds>(std::time(nullptr));
}

}  // namespace

int IngestCommand(const Args& args) {
  std::string config_path;
  bool once = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (args[i] == "--once") {
      once = true;
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      config_path = args[++i];
    } else if (args[i].rfind("--config=", 0) == 0) {
      config_path = args[i].substr(9);
    } else {
      std::fprintf(stderr, "machikado ingest: unknown argument %s\n\n%s", args[i].c_str(), kHelp);
      return 2;
    }
  }
  if (config_path.empty()) {
    std::fprintf(stderr, "machikado ingest: --config FILE is required\n\n%s", kHelp);
    return 2;
  }
  PosixFileSystem fs;
  Result<std::string> text = fs.ReadFile(config_path, 1 << 20);
  if (!text.ok()) {
    std::fprintf(stderr, "machikado ingest: %s: %s\n", config_path.c_str(),
                 text.status().message().c_str());
    return 2;
  }
  Result<ingest::IngestConfig> config = ingest::ParseIngestConfig(*text);
  if (!config.ok()) {
    std::fprintf(stderr, "machikado ingest: %s: %s\n", config_path.c_str(),
                 config.status().message().c_str());
    return 2;
  }
  const int interval = config->poll_seconds;
  net::CurlGlobal curl;
  if (!curl.status().ok()) {
    std::fprintf(stderr, "machikado ingest: %s\n", curl.status().message().c_str());
    return 1;
  }
  std::optional<trust::SecretKey> key;
  if (!config->secret_key_file.empty()) {
    std::string password;
    if (!config->secret_key_password_file.empty()) {
      Result<std::string> p = fs.ReadFile(config->secret_key_password_file, 4096);
      if (!p.ok()) {
        std::fprintf(stderr, "machikado ingest: %s: %s\n", config->secret_key_password_file.c_str(),
                     p.status().message().c_str());
        return 2;
      }
      password = *p;
      while (!password.empty() && (password.back() == '\n' || password.back() == '\r'))
        password.pop_back();
    }
    Result<std::string> text = fs.ReadFile(config->secret_key_file, 4096);
    Result<trust::SecretKey> k = text.ok() ? trust::ParseSecretKey(*text, password)
                                           : Result<trust::SecretKey>(text.status());
    if (!k.ok()) {
      std::fprintf(stderr, "machikado ingest: %s: %s\n", config->secret_key_file.c_str(),
                   k.status().message().c_str());
      return 2;
    }
    key.emplace(std::move(k).value());
  }
  net::CurlHttpClient http;
  ingest::Ingester ingester(std::move(config).value(), http, fs, key ? &*key : nullptr);
  if (Status s = ingester.Load(Now()); !s.ok()) {
    std::fprintf(stderr, "machikado ingest: loading the state: %s\n", s.message().c_str());
    return 1;
  }
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
  while (true) {
    const uint64_t errors_before = ingester.status().errors;
    Status s = ingester.PollOnce(Now());
    const auto& st = ingester.status();
    if (st.errors != errors_before)
      std::fprintf(stderr, "machikado ingest: %llu error(s) in this poll; last: %s\n",
                   static_cast<unsigned long long>(st.errors - errors_before),
                   st.last_error.c_str());
    if (once) return s.ok() && st.errors == errors_before ? 0 : 1;
    for (int waited = 0; waited < interval && !g_stop; ++waited)
      std::this_thread::sleep_for(std::chrono::seconds(1));
    if (g_stop) return 0;
  }
}

}  // namespace machikado
