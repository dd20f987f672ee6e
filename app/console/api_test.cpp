// The console's API over loopback HTTP: roles, CSRF, API tokens, throttling, revisions (409),
// validation (422), caps (413), path tricks, publish and the served feed with ETag.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "console/console_test_util.h"
#include "trust/minisign.h"

namespace machikado::console {
namespace {

using testing::AlertItem;
using testing::J;
using testing::NewsItem;
using testing::Session;
using testing::TestConsole;

const char kNewsItems[] = "/api/v1/feeds/center.news/items";

TEST(ConsoleApi, LoginGivesHttpOnlyStrictCookieAndCsrf) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  auto c = console.Client();
  auto res =
      c.Post("/api/v1/session", J{{"name", "sato"}, {"password", "correct horse battery"}}.dump(),
             "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_FALSE(J::parse(res->body)["csrf"].get<std::string>().empty());
  auto bad = c.Post("/api/v1/session", J{{"name", "sato"}, {"password", "wrong password!"}}.dump(),
                    "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  auto anon = c.Get(kNewsItems);
  ASSERT_TRUE(anon);
  EXPECT_EQ(anon->status, 401);
}

TEST(ConsoleApi, StateChangesNeedTheCsrfToken) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  auto login = console.Login("sato");
  Session without(console, login, false);
  auto res = without.Post(kNewsItems, NewsItem("n1"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_NE(res->body.find("CSRF"), std::string::npos);
  // Reading needs no token.
  auto list = without.Get(kNewsItems);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  Session with(console, login);
  auto ok = with.Post(kNewsItems, NewsItem("n1"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
  EXPECT_EQ(J::parse(ok->body)["revision"], 1);
}

TEST(ConsoleApi, EditorsTouchOnlyTheirFeedsAndNoHighAlerts) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  console.AddUser("kikikanri", Role::kAlerts);
  Session editor(console, console.Login("sato"));
  auto other = editor.Post("/api/v1/feeds/center.alerts/items", AlertItem("a1", 3));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  auto high = editor.Post(kNewsItems, AlertItem("a2", 4));
  ASSERT_TRUE(high);
  EXPECT_EQ(high->status, 403);
  EXPECT_NE(high->body.find("level 4"), std::string::npos);
  auto low = editor.Post(kNewsItems, AlertItem("a3", 3));
  ASSERT_TRUE(low);
  EXPECT_EQ(low->status, 201) << low->body;
  J takeover = AlertItem("a4", 3);
  takeover["takeover"] = true;
  auto t = editor.Post(kNewsItems, takeover);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->status, 403);
  Session alerts(console, console.Login("kikikanri"));
  auto allowed = alerts.Post("/api/v1/feeds/center.alerts/items", AlertItem("a5", 5));
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 201) << allowed->body;
  auto feeds = editor.Get("/api/v1/feeds");
  ASSERT_TRUE(feeds);
  EXPECT_EQ(J::parse(feeds->body)["feeds"].size(), 1u);
}

TEST(ConsoleApi, ApiTokensHaveAScopeAndNeedNoCsrf) {
  TestConsole console;
  console.AddUser("script", Role::kAdmin);
  ASSERT_TRUE(console.store().AddToken(HashHex("read-token"), "script", Scope::kRead, "", 0).ok());
  ASSERT_TRUE(console.store().AddToken(HashHex("edit-token"), "script", Scope::kEdit, "", 0).ok());
  auto c = console.Client();
  auto read = c.Post(kNewsItems, {{"Authorization", "Bearer read-token"}}, NewsItem("n1").dump(),
                     "application/json");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 403);
  auto edit = c.Post(kNewsItems, {{"Authorization", "Bearer edit-token"}}, NewsItem("n1").dump(),
                     "application/json");
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->status, 201);
  auto publish = c.Post("/api/v1/feeds/center.news/publish",
                        {{"Authorization", "Bearer edit-token"}}, "", "application/json");
  ASSERT_TRUE(publish);
  EXPECT_EQ(publish->status, 403);
  auto unknown = c.Get(kNewsItems, {{"Authorization", "Bearer nope"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
}

TEST(ConsoleApi, FiveFailuresAMinuteThenTooManyRequests) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(console.Login("sato", "guess number " + std::to_string(i)).first.empty());
  auto c = console.Client();
  auto res =
      c.Post("/api/v1/session", J{{"name", "sato"}, {"password", "correct horse battery"}}.dump(),
             "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_FALSE(res->get_header_value("Retry-After").empty());
  console.clock().advance_s(61);
  EXPECT_FALSE(console.Login("sato").first.empty());
}

TEST(ConsoleApi, StaleRevisionIsAConflict) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  ASSERT_EQ(s.Post(kNewsItems, NewsItem("n1"))->status, 201);
  auto first = s.Put(std::string(kNewsItems) + "/n1", NewsItem("n1", "改訂"), 1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(J::parse(first->body)["revision"], 2);
  auto stale = s.Put(std::string(kNewsItems) + "/n1", NewsItem("n1", "別の改訂"), 1);
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(J::parse(stale->body)["revision"], 2);
  auto dup = s.Post(kNewsItems, NewsItem("n1"));
  EXPECT_EQ(dup->status, 409);
  auto revs = s.Get(std::string(kNewsItems) + "/n1/revisions");
  EXPECT_EQ(J::parse(revs->body)["revisions"].size(), 2u);
}

TEST(ConsoleApi, InvalidItemsGetTheKiosksErrors) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  J item = NewsItem("n1");
  item["title"]["ja"] = std::string(200, 'x');
  item["priority"] = 1000;
  auto res = s.Post(kNewsItems, item);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  J errors = J::parse(res->body)["errors"];
  ASSERT_GE(errors.size(), 2u);
  bool title = false;
  for (const auto& e : errors) title = title || e["path"] == "/title/ja";
  EXPECT_TRUE(title) << res->body;
  auto malformed = s.client.Post(kNewsItems, s.headers, "{\"id\": ", "application/json");
  EXPECT_EQ(malformed->status, 400);
}

TEST(ConsoleApi, OversizeBodiesAreRefused) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  J item = NewsItem("n1");
  item["body"] = std::string(200 * 1024, 'x');
  auto res = s.Post(kNewsItems, item);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST(ConsoleApi, PathTricksInIdsGoNowhere) {
  TestConsole console;
  console.AddUser("boss", Role::kAdmin);
  Session s(console, console.Login("boss"));
  for (const char* path : {"/api/v1/feeds/..%2F..%2Fetc/items", "/api/v1/feeds/%2e%2e/items",
                           "/feeds/..%2Fconsole.db.json", "/feeds/%2e%2e%2fminisign.key.json",
                           "/api/v1/feeds/center.news/items/..%2F..%2Fx"}) {
    auto res = s.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
    EXPECT_EQ(res->body.find("untrusted comment"), std::string::npos);
  }
  J item = NewsItem("../../etc/passwd");
  EXPECT_EQ(s.Post(kNewsItems, item)->status, 422);
}

TEST(ConsoleApi, PublishServesASignedFeedWithEtag) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  ASSERT_EQ(s.Post(kNewsItems, NewsItem("n1"))->status, 201);
  auto pub = s.Post("/api/v1/feeds/center.news/publish", J::object());
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->status, 200) << pub->body;
  J out = J::parse(pub->body);
  EXPECT_EQ(out["items"], 1);
  auto c = console.Client();
  auto feed = c.Get("/feeds/center.news.json");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("ETag"), out["etag"].get<std::string>());
  auto sig = c.Get("/feeds/center.news.json.minisig");
  ASSERT_TRUE(sig);
  Result<trust::PublicKey> pk = trust::ParsePublicKey(PublicKeyLine(console.key()));
  ASSERT_TRUE(pk.ok());
  trust::SignatureError error;
  EXPECT_TRUE(trust::VerifySignature(feed->body, sig->body, {*pk}, &error)) << error.message;
  auto again =
      c.Get("/feeds/center.news.json", {{"If-None-Match", out["etag"].get<std::string>()}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  // The audit log has who, what and from where.
  auto log = console.store().AuditLog(10).value();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "publish");
  EXPECT_EQ(log.front().actor, "sato");
  EXPECT_EQ(log.front().address, "127.0.0.1");
}

TEST(ConsoleApi, DisablingAUserEndsItsSessionsAndOnlyAdminReadsTheAudit) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  console.AddUser("boss", Role::kAdmin);
  Session editor(console, console.Login("sato"));
  EXPECT_EQ(editor.Get("/api/v1/audit")->status, 403);
  Session admin(console, console.Login("boss"));
  auto audit = admin.Get("/api/v1/audit?limit=5");
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200);
  EXPECT_EQ(J::parse(audit->body)["entries"][0]["action"], "login");
  ASSERT_TRUE(console.store().SetDisabled("sato", true).ok());
  EXPECT_EQ(editor.Get(kNewsItems)->status, 401);
  EXPECT_TRUE(console.Login("sato").first.empty());
}

}  // namespace
}  // namespace machikado::console

namespace machikado::console {
namespace {

// A full login queue answers 503 with Retry-After at once, does not count as a failed login, and
// lets the login through once the turn is free (login_queue.h).
TEST(ConsoleApi, FullLoginQueueAnswers503WithRetryAfter) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  console.ctx().logins = std::make_unique<LoginQueue>(LoginQueueOptions{1, 0});
  std::promise<void> holding, release;
  std::thread busy([&] {
    console.ctx().logins->Run([&] {
      holding.set_value();
      release.get_future().wait();
      return true;
    });
  });
  holding.get_future().wait();
  auto c = console.Client();
  const std::string body = J{{"name", "sato"}, {"password", "correct horse battery"}}.dump();
  for (int i = 0; i < 7; ++i) {  // more than the throttle's 5 failures: a 503 is not a failure
    auto res = c.Post("/api/v1/session", body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    const std::string retry = res->get_header_value("Retry-After");
    ASSERT_FALSE(retry.empty());
    EXPECT_GE(std::stoi(retry), 1);
  }
  release.set_value();
  busy.join();
  auto ok = c.Post("/api/v1/session", body, "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

}  // namespace
}  // namespace machikado::console
