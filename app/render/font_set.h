// FontSet: finds the font files (configured directories, the source tree's fonts/, the install's
// data dir, then known Debian paths — never fontconfig at runtime), opens TTF_Font per (face, px)
// in a bounded LRU cache, and splits text into runs by font following a fallback chain (BIZ UD
// Gothic → Noto Sans CJK → DejaVu → Noto Color Emoji). A code point no font provides is logged once
// and drawn with the primary font. Owned by the renderer; requires TTF_Init. Not thread-safe: use
// from the render thread only.
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <SDL2/SDL_ttf.h>

#include "core/log.h"
#include "core/status.h"
#include "render/font_file.h"

namespace machikado::render {

// Which primary face text uses: Japanese text is set in the fixed-pitch BIZ UDGothic, other scripts
// in the proportional BIZ UDPGothic; Chinese and Korean prefer the matching Noto CJK region for Han
// forms.
enum class Script { kJapanese, kLatin, kChineseSimplified, kChineseTraditional, kKorean };

struct FontStyle {
  bool bold = false;
  Script script = Script::kJapanese;
  auto operator<=>(const FontStyle&) const = default;
};

// Script for a BCP 47 tag ("ja", "ja-x-easy" → Japanese; "zh-Hans" → Chinese; …; others Latin).
Script ScriptForLang(std::string_view lang);

struct FontSetConfig {
  // Searched first, in order (e.g. the config's font directory). Then <source>/fonts, <data>/fonts
  // and the Debian font directories.
  std::vector<std::string> search_dirs;
  // Bound on simultaneously open TTF_Font objects (one per face and pixel size).
  size_t max_open_fonts = 24;
};

struct FontRun {
  std::string text;
  int face = 0;  // index into the face table; pass to FontSet::Get
};

class FontSet {
 public:
  // Fails when the primary Japanese face (BIZ UDGothic Regular) cannot be found.
  static Result<std::unique_ptr<FontSet>> Open(const FontSetConfig& config, Log& log);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // The font of face `face` at `px` pixels; nullptr when it cannot be opened. The pointer stays
  // valid until a later Get evicts it (the cache keeps the max_open_fonts most recently used).
  TTF_Font* Get(int face, int px);
  // Splits `utf8` into runs, each drawn with the first face of the style's chain that has its
  // glyphs.
  std::vector<FontRun> Split(std::string_view utf8, const FontStyle& style, int px);
  // The first face of the style's chain (its ascent sets the baseline of a line).
  int PrimaryFace(const FontStyle& style) { return Chain(style).front(); }
  // True when the face is a colour bitmap font (drawn scaled to px).
  bool IsBitmapFace(int face) const;
  // True when the style's primary face has a glyph for `cp` (cached per face and code point).
  bool PrimaryProvides(const FontStyle& style, char32_t cp) {
    return Provides(PrimaryFace(style), cp, 32);
  }

  size_t open_fonts() const { return lru_.size(); }
  size_t missing_glyphs_logged() const { return logged_missing_.size(); }
  // Path of the primary face for `style` (for diagnostics).
  std::string PrimaryPath(const FontStyle& style);

  // Advance width of one run at `px` (bitmap faces scaled to px).
  int RunWidth(const FontRun& run, int px);
  // Distance from the top of the em box to the baseline for a run's face at px.
  int Ascent(int face, int px);

 private:
  struct Face {
    std::string path;
    long index = 0;
    bool bitmap = false;
    // Fallback faces (Noto CJK, emoji) are large: each open instance copies megabytes of tables
    // (measured: Noto Sans CJK 2.7 MB per size, BIZ UD Gothic 0.4 MB). They are rarely needed, so
    // one instance per face is kept and resized (TTF_SetFontSize) instead of one per size.
    bool single_instance = false;
    int current_px = 0;  // size the single instance is set to
    // The file, opened once and shared by every size opened from it (font_file.h).
    std::shared_ptr<FontFile> file;
  };
  FontSet(const FontSetConfig& config, Log& log) : config_(config), log_(log) {}
  int AddFace(const std::string& path, long index, bool bitmap, bool single_instance);
  const std::vector<int>& Chain(const FontStyle& style);
  bool Provides(int face, char32_t cp, int px);

  FontSetConfig config_;
  Log& log_;
  std::vector<Face> faces_;
  std::map<FontStyle, std::vector<int>> chains_;
  // Files per role, resolved at Open.
  std::map<std::string, std::string> found_;
  using Key = std::pair<int, int>;  // face, px
  std::list<std::pair<Key, TTF_Font*>> lru_;
  std::map<Key, std::list<std::pair<Key, TTF_Font*>>::iterator> index_;
  std::map<std::pair<int, char32_t>, bool> provides_cache_;
  std::set<char32_t> logged_missing_;
};

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes yield U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t& i);

}  // namespace machikado::render
