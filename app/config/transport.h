// Transport: how a configured feed reaches the kiosk — https, plain http to a loopback host, plain
// http to another host by the feed's explicit `allow_http` opt-in, or a local file. status.json
// reports it per feed (docs/status-file.md) so IT staff can see which feeds travel unencrypted.
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "config/config.h"

namespace machikado::config {

enum class Transport {
  kHttps,         // https://
  kHttpLoopback,  // http:// to 127.0.0.0/8, ::1 or localhost (never leaves the machine)
  kHttpOptIn,     // http:// to another host: allowed only by the feed's allow_http
  kFile,          // file:// or a plain path
};

// The transport of `feed`. A plain-http URL to a non-loopback host counts as the opt-in even when
// allow_http is false: config loading rejects that case, so here it can only be a feed the operator
// named on the command line (`machikado run --feed`), which is an explicit choice.
Transport TransportOf(const FeedSource& feed);

// "https", "http-loopback", "http-opt-in", "file".
const char* TransportName(Transport t);

}  // namespace machikado::config
