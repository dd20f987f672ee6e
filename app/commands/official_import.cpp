#include "commands/official_import.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>

#include "commands/feed_source.h"
#include "core/file_system.h"
#include "feed/datetime.h"
#include "ingest/alert_feed.h"
#include "ingest/alert_state.h"
#include "ingest/convert.h"
#include "ingest/xml_guard.h"
#include "net/curl_http_client.h"

namespace machikado {
namespace {

bool StartsWith(const std::string& s, std::string_view p) {
  return s.rfind(p, 0) == 0;
}

// Content types an XML message may come with; anything else (an HTML error page from a proxy) is
// refused before parsing.
bool XmlContentType(std::string_view ct) {
  std::string t(ct.substr(0, ct.find(';')));
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t.empty() || t == "application/xml" || t == "text/xml" || t == "text/plain" ||
         t == "application/octet-stream" ||
         (StartsWith(t, "application/") && t.size() > 4 && t.substr(t.size() - 4) == "+xml");
}

Result<std::string> ReadLocal(const std::string& path, size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::NotFound("there is no file " + path);
  if (S_ISDIR(st.st_mode)) return Status::Invalid(path + " is a folder, not an XML file");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes)
    return Status::Limit("it is larger than " + std::to_string(max_bytes) +
                         " bytes, the most an official-warning message may have");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open it: " + std::string(std::strerror(errno)));
  std::string out;
  char buf[64 * 1024];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<size_t>(in.gcount()));
    if (out.size() > max_bytes)
      return Status::Limit("it is larger than " + std::to_string(max_bytes) +
                           " bytes, the most an official-warning message may have");
  }
  return out;
}

struct Options {
  ingest::AreaFilter filter;
  std::string out;
  std::string feed_id;
  std::optional<UnixSeconds> at;
  std::vector<std::string> inputs;
};

void PrintHelp(const OfficialImportKind& kind, FILE* out) {
  std::fputs(kind.help, out);
  std::fprintf(out, kOfficialImportHelpTail, kind.feed_id);
}

int Usage(const OfficialImportKind& kind, const std::string& problem) {
  std::fprintf(stderr, "machikado import %s: %s\n\n", kind.name, problem.c_str());
  PrintHelp(kind, stderr);
  return 2;
}

// A 6-digit 全国地方公共団体コード (with its check digit) is not a JMA code; say which one is
// meant.
void NoteLocalGovernmentCode(const std::string& code) {
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return;
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (code[i] - '0') * (6 - i);
  const int check = (11 - sum % 11) % 10;
  if (check != code[5] - '0') return;
  std::fprintf(stderr,
               "note: --area %s looks like a 6-digit 全国地方公共団体コード; JMA names that "
               "municipality %s00 (市町村等). Both forms are matched as given.\n",
               code.c_str(), code.substr(0, 5).c_str());
}

}  // namespace

Result<std::string> ReadXmlSource(const std::string& src, size_t max_bytes) {
  if (src.empty()) return Status::Invalid("the input name is empty");
  if (StartsWith(src, "http://") || StartsWith(src, "https://")) {
    net::CurlGlobal curl;
    if (!curl.status().ok()) return curl.status();
    net::CurlHttpClient client;
    net::HttpRequest req;
    req.url = src;
    req.expect = net::ExpectedContent::kAny;
    req.max_body_bytes = max_bytes;
    net::FetchResult r = client.Fetch(req);
    if (!r.ok()) {
      if (r.error.kind == net::FetchErrorKind::kTooLarge)
        return Status::Limit("it is larger than " + std::to_string(max_bytes) +
                             " bytes, the most an official-warning message may have");
      return Status::Network(r.error.message);
    }
    if (!XmlContentType(r.response.content_type))
      return Status::Invalid("the server sent " + r.response.content_type + ", not XML");
    return std::move(r.response.body);
  }
  if (src == "-") {
    std::string out;
    char buf[64 * 1024];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
      out.append(buf, n);
      if (out.size() > max_bytes)
        return Status::Limit("it is larger than " + std::to_string(max_bytes) +
                             " bytes, the most an official-warning message may have");
    }
    return out;
  }
  if (StartsWith(src, "file://")) {
    Result<std::string> path = FileUrlToPath(src);
    if (!path.ok()) return path.status();
    return ReadLocal(*path, max_bytes);
  }
  if (const size_t colon = src.find("://"); colon != std::string::npos)
    return Status::Invalid("only files, file:// and http(s):// URLs can be read");
  return ReadLocal(src, max_bytes);
}

int RunOfficialImport(const OfficialImportKind& kind, const Args& args) {
  Options opt;
  opt.feed_id = kind.feed_id;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      const std::string eq = std::string(name) + "=";
      if (StartsWith(a, eq)) return a.substr(eq.size());
      if (a == name && i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    auto is = [&](const char* name) { return a == name || StartsWith(a, std::string(name) + "="); };
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "--help" || a == "-h")) {
      PrintHelp(kind, stdout);
      return 0;
    } else if (!options_done && is("--area")) {
      auto v = value("--area");
      if (!v || v->empty()) return Usage(kind, "--area needs a code, e.g. --area 1311200");
      NoteLocalGovernmentCode(*v);
      opt.filter.codes.push_back(*v);
    } else if (!options_done && is("--out")) {
      auto v = value("--out");
      if (!v || v->empty()) return Usage(kind, "--out needs a file name");
      opt.out = *v;
    } else if (!options_done && is("--feed-id")) {
      auto v = value("--feed-id");
      if (!v || v->empty() || v->size() > 64 ||
          v->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos)
        return Usage(kind, "--feed-id needs an id of 1–64 characters a-z 0-9 . _ -");
      opt.feed_id = *v;
    } else if (!options_done && is("--at")) {
      auto v = value("--at");
      if (!v) return Usage(kind, "--at needs a time such as 2026-11-23T14:05:00+09:00");
      auto t = feed::ParseRfc3339(*v);
      if (!t.ok()) return Usage(kind, "--at: " + t.status().message());
      opt.at = t->unix;
    } else if (!options_done && kind.cap_area_options && a == "--all-areas") {
      opt.filter.all = true;
    } else if (!options_done && kind.cap_area_options && is("--point")) {
      auto v = value("--point");
      double lat = 0, lon = 0;
      char extra = 0;
      if (!v || std::sscanf(v->c_str(), "%lf,%lf%c", &lat, &lon, &extra) != 2 || lat < -90 ||
          lat > 90 || lon < -180 || lon > 180)
        return Usage(kind, "--point needs LAT,LON in degrees, e.g. --point 35.6465,139.6533");
      opt.filter.point = std::make_pair(lat, lon);
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return Usage(kind, "unknown option " + a);
    } else {
      opt.inputs.push_back(a);
    }
  }
  if (opt.inputs.empty()) return Usage(kind, "name at least one message file or URL");
  if (!opt.filter.all && opt.filter.codes.empty() && !opt.filter.point)
    return Usage(kind, kind.cap_area_options
                           ? "name the kiosk's areas (--area CODE, --point LAT,LON) or --all-areas"
                           : "name the kiosk's areas with --area CODE (e.g. --area 1311200)");

  const ingest::XmlLimits limits;
  bool any_failed = false;
  std::vector<ingest::NamedInput> inputs;
  for (const auto& src : opt.inputs) {
    Result<std::string> bytes = ReadXmlSource(src, limits.max_bytes);
    if (!bytes.ok()) {
      std::fprintf(stderr, "machikado import %s: %s: %s\n", kind.name, src.c_str(),
                   bytes.status().message().c_str());
      any_failed = true;
      continue;
    }
    inputs.push_back({src, std::move(bytes).value()});
  }
  const UnixSeconds now = opt.at.value_or(static_cast<UnixSeconds>(std::time(nullptr)));
  ingest::AlertState state;
  ingest::Conversion conv =
      ingest::ConvertMessages(inputs, kind.parse, opt.filter, now, &state, limits);
  for (const auto& p : conv.problems) {
    std::fprintf(stderr, "machikado import %s: %s: %s\n", kind.name, p.name.c_str(),
                 p.reason.c_str());
    any_failed = true;
  }
  for (const auto& s : conv.stale)
    std::fprintf(stderr,
                 "machikado import %s: %s: older than a message already read for the same "
                 "warnings; ignored\n",
                 kind.name, s.c_str());
  std::vector<ingest::OfficialAlert>& alerts = conv.alerts;
  constexpr size_t kMaxItems = 1000;  // FEED-v1
  if (alerts.size() > kMaxItems) alerts.resize(kMaxItems);
  ingest::AlertFeedOptions fo;
  fo.feed_id = opt.feed_id;
  fo.generated = now;
  const std::string text = ingest::WriteAlertFeed(alerts, fo);
  if (opt.out.empty()) {
    std::fputs(text.c_str(), stdout);
  } else if (Status s = PosixFileSystem().WriteFileAtomic(opt.out, text); !s.ok()) {
    std::fprintf(stderr, "machikado import %s: %s\n", kind.name, s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "machikado import %s: %zu of %zu inputs read, %zu alerts in force\n",
               kind.name, conv.effects.size(), opt.inputs.size(), alerts.size());
  return any_failed ? 1 : 0;
}

}  // namespace machikado
