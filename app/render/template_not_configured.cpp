// The not-configured screen: what a kiosk started with a configuration that names no usable feed
// shows instead of content — never the bundled demo (its drill alert would look real in a lobby).
// It says so in plain words for visitors, and tells IT staff what is missing and how to reach the
// device (host name, addresses, the configuration file). Drawn by SlideRenderer::DrawIdle.
#include <algorithm>
#include <string>

#include "render/chrome.h"
#include "render/slide_renderer.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

LayoutRecord SlideRenderer::DrawNotConfigured(const SlideContext& ctx) {
  const NotConfigured& nc = *ctx.not_configured;
  canvas_.Begin(ctx.width, ctx.height, theme::kPage);
  canvas_.SetImageBytes({});
  const ScreenLayout s = ComputeScreenLayout(ctx.width, ctx.height, false);
  // No feed means no feed connection to report: the header's dot says whether the device has a
  // network address instead, so 「オフライン」 does not send IT staff after the wrong fault.
  SlideContext header = ctx;
  header.online = !nc.addresses.empty();
  DrawHeader(canvas_, s, header);
  const float u = s.unit;
  const RectF area = s.content;

  // For visitors: one sentence, large, in Japanese and English.
  RectF box{area.x, area.y + area.h * 0.08f, area.w, 120 * u};
  Fit big = Lines(84 * u, 44 * u, 1, 1.2f);
  big.align = Align::kCenter;
  canvas_.Text("この画面は設定されていません", box, big, StyleOf("title", "ja", theme::kInk, true));
  box.y += 128 * u;
  box.h = 60 * u;
  Fit sub = Lines(40 * u, 28 * u, 1, 1.2f);
  sub.align = Align::kCenter;
  canvas_.Text("This screen is not configured yet", box, sub,
               StyleOf("title", "en", theme::kInkMuted, false));

  // For IT staff: a card with what is missing and where the device is.
  const float card_w = std::min(area.w, 1500 * u);
  RectF card{area.x + (area.w - card_w) / 2, box.y + box.h + 48 * u, card_w, 0};
  card.h = area.y + area.h - card.y - 24 * u;
  canvas_.FillRect("card", card, theme::kCard);
  canvas_.FillRect("accent", {card.x, card.y, 10 * u, card.h}, theme::kNews);
  const float pad = 40 * u;
  RectF line{card.x + pad, card.y + pad * 0.8f, card.w - 2 * pad, 0};
  const Fit body = Lines(34 * u, 22 * u, 3, 1.35f);
  auto put = [&](const std::string& text, float h, const char* lang, Color color) {
    line.h = h * u;
    canvas_.Text(text, line, body, StyleOf("body", lang, color, false));
    line.y += (h + 14) * u;
  };
  put("担当者の方へ：表示するフィードが設定にありません。", 50, "ja", theme::kInk);
  put(nc.reason, 96, "en", theme::kInk);
  if (!nc.config_path.empty())
    put("設定ファイル / configuration: " + nc.config_path, 50, "en", theme::kInkMuted);
  std::string where = "端末名 / host: " + (nc.host_name.empty() ? std::string("?") : nc.host_name);
  put(where, 50, "en", theme::kInkMuted);
  std::string addresses;
  for (const auto& a : nc.addresses) addresses += (addresses.empty() ? "" : "  ") + a;
  put("アドレス / address: " +
          (addresses.empty() ? std::string("（ネットワーク未接続 / no network）") : addresses),
      50, "en", theme::kInkMuted);
  put("確認: machikado check-config " +
          (nc.config_path.empty() ? std::string("FILE") : nc.config_path),
      50, "en", theme::kInkMuted);

  canvas_.FillRect("footer", s.footer, theme::kHeader);
  return canvas_.TakeRecord();
}

}  // namespace machikado::render
