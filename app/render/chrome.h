// The parts of the screen around a slide: header (center name, date and time, connectivity), footer
// (category with icon, position, progress), the offline indicator, the persistent alert banner, the
// exercise (訓練) marking, and small vector icons shared by the templates. Stateless drawing
// functions over a Canvas; render thread only.
#pragma once

#include <string>

#include "feed/model.h"
#include "render/canvas.h"
#include "render/screen_layout.h"

namespace machikado::render {

void DrawHeader(Canvas& c, const ScreenLayout& s, const SlideContext& ctx);
// `kind` selects the category label and colour; nullopt draws no category (e.g. idle screen).
void DrawFooter(Canvas& c, const ScreenLayout& s, const SlideContext& ctx, feed::Kind kind);
// Banner for alerts below takeover (ctx.banner_alerts); draws nothing when there are none.
void DrawAlertBanner(Canvas& c, const ScreenLayout& s, const SlideContext& ctx);
// 訓練 / EXERCISE marking over the whole rendering (striped frame and a diagonal watermark).
// `test` draws the 試験 / TEST variant for status "test" items shown in preview.
void DrawExerciseMark(Canvas& c, RectF area, float unit, bool test);
// The strip under the header of an exercise/test rendering: "訓練 EXERCISE — これは訓練です …".
void DrawExerciseStrip(Canvas& c, RectF strip, float unit, bool test, std::string_view lang);
// A label chip "訓練 EXERCISE" inside a rect (for banners).
void DrawExerciseChip(Canvas& c, RectF r, float unit, bool test);

// Category icon in white, centred in a square.
void DrawKindIcon(Canvas& c, feed::Kind kind, RectF square, Color ink);
// The hazard pictogram: the SVG asset pictograms/hazard-<name>.svg when present, else our own
// drawn fallback (a warning triangle). `bg` is the tile colour behind it.
void DrawHazardPictogram(Canvas& c, const SlideContext& ctx, feed::Hazard h, RectF square,
                         std::string_view role);
// Shelter status icon (circle with ✓, ×, ! or ?), coloured per status.
void DrawShelterStatusIcon(Canvas& c, feed::ShelterStatus st, float cx, float cy, float r);

}  // namespace machikado::render
