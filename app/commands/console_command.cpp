// `machikado console …`: the publishing service (`serve`, the default) and its administration from
// the command line (`init`, `add-user`, `set-password`, `disable-user`, `add-token`, `add-kiosk`,
// `audit`, `public-key`). The work is in app/console/; this file parses arguments, opens the state
// directory and the database, and runs the HTTP service until SIGTERM or SIGINT.
#include <pwd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "commands/commands.h"
#include "console/console_config.h"
#include "console/image_reencode.h"
#include "console/preview.h"
#include "console/publisher.h"
#include "console/secrets.h"
#include "console/server.h"
#include "console/store.h"
#include "platform/rfc3339_utc.h"

namespace machikado {
namespace {

const char kHelp[] =
    "usage: machikado console [serve] --config FILE\n"
    "       machikado console init --config FILE\n"
    "       machikado console add-user --config FILE NAME --role admin|editor|alerts\n"
    "                                  [--feeds ID,ID…] --password-stdin\n"
    "       machikado console set-password --config FILE NAME --password-stdin\n"
    "       machikado console disable-user --config FILE NAME\n"
    "       machikado console add-token --config FILE NAME --scope read|edit|publish [--label L]\n"
    "       machikado console add-kiosk --config FILE KIOSK-ID\n"
    "       machikado console audit --config FILE [--limit N] [--json]\n"
    "       machikado console public-key --config FILE\n"
    "\n"
    "The publishing service: staff log in, edit notices (every revision kept in SQLite), and\n"
    "publish signed feeds to the publish directory nginx serves; kiosks may report their status\n"
    "(docs/console-api.md). `init` creates the state directory, the database and the ward's\n"
    "signing key; `public-key` prints the line kiosks list in `public_keys`. add-token and "
    "add-kiosk\n"
    "print a new token once (only its hash is kept).\n"
    "\n"
    "exit status: 0 ok, 1 the command failed (database, disk, unknown user), 2 usage error\n";

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) {
  g_stop = 1;
}

int Usage(const std::string& msg) {
  std::fprintf(stderr, "machikado console: %s\n\n%s", msg.c_str(), kHelp);
  return 2;
}

int Fail(const std::string& msg) {
  std::fprintf(stderr, "machikado console: %s\n", msg.c_str());
  return 1;
}

struct Parsed {
  std::string sub = "serve";
  std::string config, role, feeds, scope, label;
  std::vector<std::string> positional;
  bool password_stdin = false, json = false;
  int64_t limit = 50;
};

std::string CliActor() {
  const passwd* pw = ::getpwuid(::getuid());
  return std::string("cli:") + (pw ? pw->pw_name : std::to_string(::getuid()));
}

std::string ReadPassword() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

struct Opened {
  console::ConsoleConfig config;
  std::unique_ptr<console::Store> store;
};

Result<Opened> Open(const std::string& config_path) {
  Result<console::ConsoleConfig> config = console::LoadConsoleConfig(config_path);
  if (!config.ok()) return config.status();
  PosixFileSystem fs;
  if (Status s = fs.MakeDirs(config->state_dir); !s.ok()) return s;
  Result<std::unique_ptr<console::Store>> store =
      console::Store::Open(JoinPath(config->state_dir, "console.db"));
  if (!store.ok()) return store.status();
  return Opened{std::move(config).value(), std::move(store).value()};
}

int Serve(Opened& o) {
  PosixFileSystem fs;
  Result<trust::SecretKey> key = console::LoadOrCreateKey(fs, o.config.state_dir, true);
  if (!key.ok()) return Fail(key.status().message());
  StderrLog log;
  RealClock clock;
  console::FeedPublisher publisher(o.config.publish_dir, fs, *key);
  if (Status s = publisher.Start(); !s.ok()) return Fail("publish directory: " + s.message());
  console::LoginThrottle throttle(clock);
  console::ConsoleContext ctx{
      o.config,
      *o.store,
      publisher,
      throttle,
      clock,
      log,
      console::MakePreviewRenderer(JoinPath(o.config.state_dir, "preview"), {}, log,
                                   JoinPath(o.config.publish_dir, "images")),
      [cap = o.config.max_image_bytes](std::string_view bytes) {
        media::ImageLimits limits;
        limits.max_bytes = cap;
        return console::ReencodeImage(bytes, limits);
      }};
  console::ConsoleServer server(ctx);
  if (Status s = server.Start(); !s.ok()) return Fail(s.message());
  o.config.port = server.port();  // port 0 in the config: the one the system picked
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);
  std::thread serving([&] { server.Serve(); });
  log.info("console: listening on http://" + o.config.listen_address + ":" +
           std::to_string(server.port()) + " (public key " + console::PublicKeyLine(*key) + ")");
  // The line tests and scripts wait for (the port is useful when the config says 0).
  std::printf("machikado console: listening on %s:%d\n", o.config.listen_address.c_str(),
              server.port());
  std::fflush(stdout);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server.Stop();
  serving.join();
  return 0;
}

int Audit(Opened& o, const Parsed& p) {
  Result<std::vector<console::AuditEntry>> log = o.store->AuditLog(p.limit);
  if (!log.ok()) return Fail(log.status().message());
  for (auto it = log->rbegin(); it != log->rend(); ++it) {
    const std::string at = platform::FormatRfc3339Utc(it->at).value_or(std::to_string(it->at));
    if (p.json) {
      std::printf("%s\n", nlohmann::json({{"seq", it->seq},
                                          {"at", at},
                                          {"actor", it->actor},
                                          {"action", it->action},
                                          {"target", it->target},
                                          {"detail", it->detail},
                                          {"address", it->address}})
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              .c_str());
    } else {
      std::printf("%lld %s %-12s %-16s %-28s %s %s\n", static_cast<long long>(it->seq), at.c_str(),
                  it->actor.c_str(), it->action.c_str(), it->target.c_str(), it->address.c_str(),
                  it->detail.c_str());
    }
  }
  return 0;
}

int Admin(Opened& o, const Parsed& p) {
  console::Store& store = *o.store;
  const UnixSeconds now = RealClock().now();
  const std::string actor = CliActor();
  auto audit = [&](const std::string& action, const std::string& target, const std::string& d) {
    if (Status s = store.Audit(now, actor, action, target, d, "local"); !s.ok())
      std::fprintf(stderr, "machikado console: audit log: %s\n", s.message().c_str());
  };
  const std::string name = p.positional.empty() ? "" : p.positional[0];
  if (p.sub == "add-user" || p.sub == "set-password") {
    if (name.empty() || name.size() > 64 || !console::SafeId(name))
      return Usage("a user NAME (1–64 of A-Z a-z 0-9 . _ -) is required");
    if (!p.password_stdin) return Usage("--password-stdin is required (the password on stdin)");
    const std::string password = ReadPassword();
    if (Status s = console::CheckPasswordPolicy(password); !s.ok()) return Fail(s.message());
    Result<std::string> hash = console::HashPassword(password);
    if (!hash.ok()) return Fail(hash.status().message());
    if (p.sub == "set-password") {
      if (Status s = store.SetPasswordHash(name, *hash); !s.ok()) return Fail(s.message());
      audit("set-password", name, "");
      return 0;
    }
    console::User u;
    u.name = name;
    std::optional<console::Role> role = console::RoleFromName(p.role);
    if (!role) return Usage("--role must be admin, editor or alerts");
    u.role = *role;
    size_t pos = 0;
    while (pos < p.feeds.size()) {
      size_t end = p.feeds.find(',', pos);
      if (end == std::string::npos) end = p.feeds.size();
      const std::string f = p.feeds.substr(pos, end - pos);
      if (!f.empty() && !o.config.FindFeed(f))
        return Fail("--feeds: no feed '" + f + "' in the config");
      if (!f.empty()) u.feeds.push_back(f);
      pos = end + 1;
    }
    if (u.role == console::Role::kEditor && u.feeds.empty())
      return Usage("an editor needs --feeds (the feeds they may edit)");
    u.password_hash = *hash;
    if (Status s = store.AddUser(u); !s.ok()) return Fail(s.message());
    audit("add-user", name, std::string("role ") + console::ToString(u.role) + " feeds " + p.feeds);
    return 0;
  }
  if (p.sub == "disable-user") {
    if (name.empty()) return Usage("a user NAME is required");
    if (Status s = store.SetDisabled(name, true); !s.ok()) return Fail(s.message());
    audit("disable-user", name, "");
    return 0;
  }
  if (p.sub == "add-token") {
    std::optional<console::Scope> scope = console::ScopeFromName(p.scope);
    if (name.empty() || !scope) return Usage("add-token needs NAME and --scope read|edit|publish");
    const std::string token = console::RandomToken();
    if (Status s = store.AddToken(console::HashHex(token), name, *scope, p.label, now); !s.ok())
      return Fail(s.message());
    audit("add-token", name, std::string("scope ") + console::ToString(*scope) + " " + p.label);
    std::printf("%s\n", token.c_str());
    return 0;
  }
  if (p.sub == "add-kiosk") {
    if (name.empty() || !console::SafeId(name)) return Usage("add-kiosk needs a KIOSK-ID");
    const std::string token = console::RandomToken();
    if (Status s = store.AddKiosk(name, console::HashHex(token), now); !s.ok())
      return Fail(s.message());
    audit("add-kiosk", name, "");
    std::printf("%s\n", token.c_str());
    return 0;
  }
  return Usage("unknown subcommand '" + p.sub + "'");
}

}  // namespace

int ConsoleCommand(const Args& args) {
  Parsed p;
  size_t i = 0;
  if (!args.empty() && args[0].rfind("-", 0) != 0) {
    p.sub = args[0];
    i = 1;
  }
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--config") {
      if (!value(p.config)) return Usage("--config needs a file");
    } else if (a == "--role") {
      if (!value(p.role)) return Usage("--role needs a role");
    } else if (a == "--feeds") {
      if (!value(p.feeds)) return Usage("--feeds needs ID,ID…");
    } else if (a == "--scope") {
      if (!value(p.scope)) return Usage("--scope needs read, edit or publish");
    } else if (a == "--label") {
      if (!value(p.label)) return Usage("--label needs text");
    } else if (a == "--limit") {
      if (!value(v) || v.empty() || v.find_first_not_of("0123456789") != std::string::npos ||
          v.size() > 6)
        return Usage("--limit needs a number");
      p.limit = std::stoll(v);
    } else if (a == "--password-stdin") {
      p.password_stdin = true;
    } else if (a == "--json") {
      p.json = true;
    } else if (a.rfind("-", 0) == 0) {
      return Usage("unknown option " + a);
    } else {
      p.positional.push_back(a);
    }
  }
  if (p.config.empty()) return Usage("--config FILE is required");
  if (p.sub == "public-key" || p.sub == "keygen") {
    Result<console::ConsoleConfig> config = console::LoadConsoleConfig(p.config);
    if (!config.ok()) return Usage(config.status().message());
    PosixFileSystem fs;
    if (Status s = fs.MakeDirs(config->state_dir); !s.ok()) return Fail(s.message());
    Result<trust::SecretKey> key = console::LoadOrCreateKey(fs, config->state_dir, true);
    if (!key.ok()) return Fail(key.status().message());
    std::printf("%s\n", console::PublicKeyLine(*key).c_str());
    return 0;
  }
  Result<Opened> opened = Open(p.config);
  if (!opened.ok()) {
    return opened.status().code() == StatusCode::kInvalidArgument &&
                   opened.status().message().find("schema") == std::string::npos
               ? Usage(opened.status().message())
               : Fail(opened.status().message());
  }
  if (p.sub == "serve") return Serve(opened.value());
  if (p.sub == "init") {
    PosixFileSystem fs;
    Result<trust::SecretKey> key = console::LoadOrCreateKey(fs, opened->config.state_dir, true);
    if (!key.ok()) return Fail(key.status().message());
    std::printf("machikado console: state in %s; public key for kiosks' public_keys:\n%s\n",
                opened->config.state_dir.c_str(), console::PublicKeyLine(*key).c_str());
    return 0;
  }
  if (p.sub == "audit") return Audit(opened.value(), p);
  return Admin(opened.value(), p);
}

}  // namespace machikado
