// The configuration of `machikado console` (a JSON file; docs/console-api.md lists every key and
// its default). Validated once at load; errors name the key. Plain value type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado::console {

struct ConsoleFeed {
  std::string id;          // the feed's `id` (FEED-v1 identifier; also its file name)
  std::string title_json;  // the feed's `title` as JSON (a string or a language map)
  int ttl_s = 60;          // the published feed's `ttl`
};

struct ConsoleConfig {
  std::string state_dir;    // console.db, minisign.key; required
  std::string publish_dir;  // <feed>.json + .minisig for nginx; default <state_dir>/publish
  std::string listen_address = "127.0.0.1";  // TLS is nginx's job in front
  int port = 8470;
  std::string public_url;  // base URL kiosks fetch feeds from; default http://address:port
  std::string static_dir;  // served at / (the browser console, issue #17); "" = none
  // The district's shelter register (`machikado import shelters` output) offered on the alert
  // page; "" = none (shelter_register.h).
  std::string shelter_register;
  std::vector<ConsoleFeed> feeds;
  int session_hours = 12;                    // the longest a session lives, however busy
  int session_idle_minutes = 30;             // a session with no request for this long has ended
  size_t max_body_bytes = 256 * 1024;        // one API request (an item is far smaller)
  size_t max_report_bytes = 256 * 1024;      // one kiosk status report
  size_t max_image_bytes = 8 * 1024 * 1024;  // one uploaded image (FEED-v1: 8 MiB)
  int silent_after_s = 180;  // fleet: a kiosk not heard from for this long is "silent"
  int stale_after_s = 3600;  // fleet: shown content older than this is "stale"
  int threads = 8;           // HTTP worker threads
  // The login queue (login_queue.h): password checks at once, and logins waiting for a turn;
  // beyond both a login is answered 503 + Retry-After. checks + waiting < threads (each waiting
  // login holds a worker); unset, waiting is what the threads leave (≤ 4, one worker kept free).
  int login_checks = 2;
  int login_waiting = 4;

  const ConsoleFeed* FindFeed(std::string_view id) const;
  std::string PublishedUrl(std::string_view feed) const;
};

Result<ConsoleConfig> ParseConsoleConfig(std::string_view json);
// Reads and parses a config file (≤ 1 MiB).
Result<ConsoleConfig> LoadConsoleConfig(const std::string& path);

// True for ids safe as file names and URL segments: 1–128 of [A-Za-z0-9._-], not starting with
// '.', no "..": no path tricks ("../", "%2F", NUL, backslash) reach the file system.
// Item ids may also hold ':' (FEED-v1 allows it; they never name a file).
bool SafeId(std::string_view id, bool allow_colon = false);

}  // namespace machikado::console
