// The API additions of the browser console: security headers on every answer, the session's end
// after inactivity, the preview of an unsaved draft, the publish plan (what changes, which
// screens) and image upload (re-encoded, stored by SHA-256, served to kiosks).
#include <gtest/gtest.h>

#include "console/console_test_util.h"
#include "console/image_reencode.h"
#include "media/hostile_images_test_util.h"
#include "trust/image_digest.h"

namespace machikado::console {
namespace {

using testing::J;
using testing::NewsItem;
using testing::Session;
using testing::TestConsole;

TEST(ConsoleBrowserApi, EveryAnswerCarriesTheSecurityHeaders) {
  TestConsole console;
  auto c = console.Client();
  for (const char* path : {"/api/v1/session", "/no/such/page"}) {
    auto res = c.Get(path);
    ASSERT_TRUE(res);
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST(ConsoleBrowserApi, SessionEndsAfterInactivityButActivityKeepsItAlive) {
  TestConsole console;  // session_idle_minutes 30 by default
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  console.clock().advance_s(25 * 60);
  ASSERT_EQ(s.Get("/api/v1/session")->status, 200);  // activity: another 30 minutes
  console.clock().advance_s(25 * 60);
  ASSERT_EQ(s.Get("/api/v1/session")->status, 200);
  console.clock().advance_s(31 * 60);
  auto gone = s.Get("/api/v1/session");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 401);
}

TEST(ConsoleBrowserApi, DraftPreviewChecksThenDrawsWithoutSaving) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  std::string drawn;
  console.ctx().preview = [&](const std::string& feed_json, const std::string& id, int w, int h,
                              const std::string& lang, UnixSeconds) -> Result<std::string> {
    drawn = id + " " + std::to_string(w) + "x" + std::to_string(h) + " " + lang;
    EXPECT_NE(feed_json.find("秋の防災訓練"), std::string::npos);
    return std::string("\x89PNG fake");
  };
  Session s(console, console.Login("sato"));
  auto bad = s.Post("/api/v1/feeds/center.news/preview.png", J{{"id", "d1"}, {"kind", "news"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(J::parse(bad->body)["errors"][0]["path"], "/title");
  auto ok =
      s.Post("/api/v1/feeds/center.news/preview.png?size=1080x1920&lang=en", NewsItem("draft-1"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(ok->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(drawn, "draft-1 1080x1920 en");
  EXPECT_EQ(J::parse(s.Get("/api/v1/feeds/center.news/items")->body)["items"].size(), 0u);
  auto other = s.Post("/api/v1/feeds/center.alerts/preview.png", NewsItem("draft-1"));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
}

TEST(ConsoleBrowserApi, PublishPlanListsChangesAndTheScreensThatReadTheFeed) {
  TestConsole console;
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  const char* items = "/api/v1/feeds/center.news/items";
  ASSERT_EQ(s.Post(items, NewsItem("a")).value().status, 201);
  ASSERT_EQ(s.Post(items, NewsItem("b")).value().status, 201);
  J plan = J::parse(s.Get("/api/v1/feeds/center.news/publish-plan")->body);
  EXPECT_EQ(plan["added"].size(), 2u);
  EXPECT_EQ(plan["added"][0]["title"], "秋の防災訓練");
  EXPECT_FALSE(plan["published"].get<bool>());
  ASSERT_EQ(s.Post("/api/v1/feeds/center.news/publish", J::object()).value().status, 200);
  ASSERT_EQ(s.Put(std::string(items) + "/a", NewsItem("a", "冬の防災訓練"), 1).value().status, 200);
  httplib::Headers h = s.headers;
  h.emplace("If-Match", "\"1\"");
  ASSERT_EQ(s.client.Delete((std::string(items) + "/b").c_str(), h).value().status, 200);
  // A kiosk that reads this feed, as its last report says.
  ASSERT_TRUE(console.store().AddKiosk("lobby-1", HashHex("t"), console.clock().now()).ok());
  J report = {
      {"feeds", {{{"url", console.config().PublishedUrl("center.news")}, {"state", "ok"}}}}};
  ASSERT_TRUE(console.store()
                  .RecordReport("lobby-1", report.dump(), "127.0.0.1", console.clock().now())
                  .ok());
  plan = J::parse(s.Get("/api/v1/feeds/center.news/publish-plan")->body);
  EXPECT_TRUE(plan["published"].get<bool>());
  EXPECT_EQ(plan["added"].size(), 0u);
  ASSERT_EQ(plan["changed"].size(), 1u);
  EXPECT_EQ(plan["changed"][0]["title"], "冬の防災訓練");
  ASSERT_EQ(plan["removed"].size(), 1u);
  EXPECT_EQ(plan["removed"][0]["id"], "b");
  ASSERT_EQ(plan["kiosks"].size(), 1u);
  EXPECT_EQ(plan["kiosks"][0]["id"], "lobby-1");
}

TEST(ConsoleBrowserApi, UploadedImagesAreReencodedAndServedBySha256) {
  TestConsole console;
  console.ctx().reencode = [](std::string_view b) { return ReencodeImage(b); };
  console.AddUser("sato", Role::kEditor, {"center.news"});
  Session s(console, console.Login("sato"));
  // Above max_body_bytes (64 KiB here), within max_image_bytes: the image route has its own cap.
  std::string png =
      media::testing::BlackPng(40, 30) + "Exif-like trailing secret" + std::string(100 * 1024, 'x');
  ASSERT_GT(png.size(), console.config().max_body_bytes);
  auto up = s.client.Post("/api/v1/images", s.headers, png, "image/png");
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 201) << up->body;
  J out = J::parse(up->body);
  EXPECT_EQ(out["width"], 40);
  const std::string url = out["url"];
  const std::string path = url.substr(url.find("/images/"));
  auto got = console.Client().Get(path.c_str());  // no login: kiosks fetch it
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(trust::Sha256Hex(got->body), out["sha256"]);
  EXPECT_EQ(got->body.find("secret"), std::string::npos);
  auto hostile =
      s.client.Post("/api/v1/images", s.headers, media::testing::HostileJpeg(), "image/jpeg");
  ASSERT_TRUE(hostile);
  EXPECT_EQ(hostile->status, 413);
  Session no_csrf(console, console.Login("sato"), false);
  EXPECT_EQ(no_csrf.client.Post("/api/v1/images", no_csrf.headers, png, "image/png")->status, 403);
  EXPECT_EQ(console.Client().Get("/images/../console.db")->status, 404);
}

}  // namespace
}  // namespace machikado::console
