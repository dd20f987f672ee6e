// The screen's palette and the official 警戒レベル colours. Constants only; thread-safe.
// Every text/background pair used for body text is ≥ 7:1 (WCAG AAA); tests check the drawn pairs.
#pragma once

#include "feed/model.h"
#include "render/color.h"

namespace machikado::render::theme {

inline constexpr Color kPage = Rgb(0xF5F3EE);       // warm paper white: calm, not glaring
inline constexpr Color kCard = Rgb(0xFFFFFF);       // panels on the page
inline constexpr Color kInk = Rgb(0x1A1A1A);        // body text (16:1 on kPage)
inline constexpr Color kInkMuted = Rgb(0x45454A);   // secondary text (8.9:1 on kPage)
inline constexpr Color kRule = Rgb(0xD8D3C8);       // hairlines, chart grid
inline constexpr Color kHeader = Rgb(0x14243B);     // header and footer band (deep navy)
inline constexpr Color kHeaderInk = Rgb(0xFFFFFF);  // 15:1 on kHeader
inline constexpr Color kHeaderMuted = Rgb(0xC9D3E0);
inline constexpr Color kOffline = Rgb(0xFFD34D);  // offline chip (amber), black text
inline constexpr Color kOnline = Rgb(0x52C27A);   // connectivity dot
inline constexpr Color kTrack = Rgb(0x33445C);    // progress bar track on kHeader
inline constexpr Color kProgress = Rgb(0xFFFFFF);

// Category accents (white text on each ≥ 7:1).
inline constexpr Color kNews = Rgb(0x1C4E8A);
inline constexpr Color kPreparedness = Rgb(0x08543C);
inline constexpr Color kProject = Rgb(0x6B3F0A);
inline constexpr Color kAlert = Rgb(0x8E0F1E);
// Light tints of the accents for panels behind body text.
inline constexpr Color kNewsTint = Rgb(0xE6EEF8);
inline constexpr Color kPreparednessTint = Rgb(0xE3F2EB);
inline constexpr Color kProjectTint = Rgb(0xF6ECDF);

// Shelter status colours (with an icon and a word: never colour alone).
inline constexpr Color kOpen = Rgb(0x075C33);
inline constexpr Color kClosed = Rgb(0x4D4D4D);
inline constexpr Color kFull = Rgb(0x9A1B1B);
inline constexpr Color kUnknown = Rgb(0x574900);

// Exercise (訓練) marking: a striped frame that no real alert uses.
inline constexpr Color kExercise = Rgb(0x0047AB);
inline constexpr Color kExerciseStripe = Rgb(0xFFFFFF);

Color KindAccent(feed::Kind k);
Color KindTint(feed::Kind k);

// 警戒レベル colours (JMA / Cabinet Office palette) and the text colour on them.
Color LevelColor(int level);
Color LevelInk(int level);

}  // namespace machikado::render::theme
