// Slide templates, one per item kind (template_<kind>.cpp), plus the full-screen takeover alert
// view. Each draws inside the screen layout's slide area (the takeover: the whole screen) on a
// Canvas that records what it draws. Stateless; render thread only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed/model.h"
#include "render/canvas.h"
#include "render/screen_layout.h"

namespace machikado::render {

void DrawNewsSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                   const ScreenLayout& s);
void DrawPreparednessSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                           const ScreenLayout& s);
void DrawAlertSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                    const ScreenLayout& s);
void DrawProjectSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                      const ScreenLayout& s);
// The emergency takeover view: the whole screen for one alert.
void DrawTakeover(Canvas& c, const feed::Item& item, const SlideContext& ctx);

// Shared pieces (template_common.cpp).
Fit Lines(float px, float min_px, int max_lines = 0, float spacing = 1.45f);
TextStyle StyleOf(std::string role, std::string_view lang, Color color, bool bold = false);
// Title with the category accent bar on its left; returns the height used.
float DrawTitleBlock(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                     float px, float min_px, int max_lines);
// Level band of an alert (number and name in text, official colour, hazard pictogram); returns
// height.
float DrawLevelBand(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                    float unit, bool large);
// 「警戒レベル4までに必ず避難！」 strip for levels 4 and 5; returns the height used (0 otherwise).
float DrawEvacuateStrip(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                        float unit);
// Shelters, open first (and within a status, those designated for the alert's hazard first), each
// with icon + name + status word, and — when any shelter has an address or known designations — a
// second line: 「洪水に対応」 / 「洪水は対象外」 and the address; returns height used.
float DrawShelterList(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                      float unit, float px, int columns);
// The alert's shelters in the order DrawShelterList shows them.
std::vector<const feed::Shelter*> SortedShelters(const feed::Item& item);
// Whether DrawShelterList draws the second line (designation, address) for this alert.
bool DetailedShelterList(const feed::Item& item);
// The height DrawShelterList needs for the heading and `rows` rows (one column).
float ShelterListHeight(const feed::Item& item, float unit, float px, size_t rows);
// "発表: … · 発表時刻 … · 最終確認 …" line(s); returns height used.
float DrawIssuerLine(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                     float unit, float px, Color ink);
// Areas as "対象地域: A、B、C"; returns height used.
float DrawAreas(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float unit,
                float px);

}  // namespace machikado::render
