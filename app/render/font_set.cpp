#include "render/font_set.h"

#include <cstdio>
#include <filesystem>
#include "platform/build_paths.h"

namespace machikado::render {

namespace {

// Font files by role. Debian: fonts-morisawa-bizud-gothic, fonts-noto-cjk, fonts-noto-color-emoji,
// fonts-dejavu-core.
struct KnownFile {
  const char* role;
  const char* file;
};
constexpr KnownFile kFiles[] = {
    {"ud", "BIZUDGothic-Regular.ttf"},   {"ud-bold", "BIZUDGothic-Bold.ttf"},
    {"udp", "BIZUDPGothic-Regular.ttf"}, {"udp-bold", "BIZUDPGothic-Bold.ttf"},
    {"cjk", "NotoSansCJK-Regular.ttc"},  {"cjk-bold", "NotoSansCJK-Bold.ttc"},
    {"dejavu", "DejaVuSans.ttf"},        {"dejavu-bold", "DejaVuSans-Bold.ttf"},
    {"emoji", "NotoColorEmoji.ttf"},
};

// Known system directories (Debian 12 / Raspberry Pi OS bookworm package layouts).
constexpr const char* kSystemDirs[] = {
    "/usr/share/fonts/truetype/bizud-gothic", "/usr/share/fonts/truetype/morisawa",
    "/usr/share/fonts/opentype/noto",         "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/dejavu",       "/usr/local/share/fonts",
};

// Noto Sans CJK collection indices (fc-query): 0 JP, 1 KR, 2 SC, 3 TC.
long CjkIndex(Script s) {
  switch (s) {
    case Script::kKorean:
      return 1;
    case Script::kChineseSimplified:
      return 2;
    case Script::kChineseTraditional:
      return 3;
    default:
      return 0;
  }
}

bool JoinsPrevious(char32_t cp) {
  return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x20E3 ||
         (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

constexpr size_t kProvidesCacheMax = 1 << 16;

}  // namespace

Script ScriptForLang(std::string_view lang) {
  auto starts = [&](std::string_view p) {
    return lang.size() >= p.size() && lang.substr(0, p.size()) == p;
  };
  if (starts("ja")) return Script::kJapanese;
  if (starts("zh-Hant") || starts("zh-TW") || starts("zh-HK")) return Script::kChineseTraditional;
  if (starts("zh")) return Script::kChineseSimplified;
  if (starts("ko")) return Script::kKorean;
  return Script::kLatin;
}

char32_t NextCodePoint(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

Result<std::unique_ptr<FontSet>> FontSet::Open(const FontSetConfig& config, Log& log) {
  std::unique_ptr<FontSet> set(new FontSet(config, log));
  std::vector<std::string> dirs = config.search_dirs;
  dirs.push_back(std::string(MACHIKADO_SOURCE_DIR) + "/fonts");
  dirs.push_back(std::string(MACHIKADO_DATA_DIR) + "/fonts");
  for (const char* d : kSystemDirs) dirs.emplace_back(d);
  std::error_code ec;
  for (const auto& f : kFiles) {
    for (const auto& d : dirs) {
      std::filesystem::path p = std::filesystem::path(d) / f.file;
      if (std::filesystem::is_regular_file(p, ec)) {
        set->found_[f.role] = p.string();
        break;
      }
    }
  }
  if (!set->found_.count("ud"))
    return Status::NotFound(
        "font BIZUDGothic-Regular.ttf not found (install fonts-morisawa-bizud-gothic or put it in "
        "the fonts/ directory)");
  // Missing weights and proportional variants fall back to the regular fixed-pitch face.
  for (const char* role : {"ud-bold", "udp", "udp-bold"})
    if (!set->found_.count(role)) {
      log.warn(std::string("font for '") + role + "' not found; using BIZ UDGothic Regular");
      set->found_[role] = set->found_["ud"];
    }
  if (!set->found_.count("cjk")) log.warn("Noto Sans CJK not found: fewer glyphs available");
  return set;
}

FontSet::~FontSet() {
  for (auto& [key, font] : lru_) TTF_CloseFont(font);
}

int FontSet::AddFace(const std::string& path, long index, bool bitmap, bool single_instance) {
  for (size_t i = 0; i < faces_.size(); ++i)
    if (faces_[i].path == path && faces_[i].index == index) return static_cast<int>(i);
  faces_.push_back({path, index, bitmap, single_instance, 0, nullptr});
  return static_cast<int>(faces_.size() - 1);
}

const std::vector<int>& FontSet::Chain(const FontStyle& style) {
  auto it = chains_.find(style);
  if (it != chains_.end()) return it->second;
  std::vector<int> chain;
  auto add = [&](const std::string& role, long index = 0, bool bitmap = false) {
    auto f = found_.find(role);
    // The UD faces are the workhorses (one instance per size); the rest are fallbacks.
    const bool single = role.rfind("ud", 0) != 0;
    if (f != found_.end()) chain.push_back(AddFace(f->second, index, bitmap, single));
  };
  const std::string b = style.bold ? "-bold" : "";
  switch (style.script) {
    case Script::kJapanese:
      add("ud" + b);
      add("cjk" + b, 0);
      add("dejavu" + b);
      break;
    case Script::kLatin:
      add("udp" + b);
      add("dejavu" + b);
      add("cjk" + b, 0);
      break;
    default:
      add("cjk" + b, CjkIndex(style.script));
      add("udp" + b);
      add("dejavu" + b);
      break;
  }
  add("emoji", 0, true);
  return chains_.emplace(style, std::move(chain)).first->second;
}

namespace {
// From 24 px up, hinting changes nothing a visitor can see from across a lobby, but running the
// TrueType hinting programs of BIZ UD Gothic is most of the cost of loading a glyph (measured with
// callgrind: first slide −20 % instructions). Small text (ruby) keeps the font's own hinting.
void SetHintingFor(TTF_Font* font, int px) {
  TTF_SetFontHinting(font, px >= 24 ? TTF_HINTING_NONE : TTF_HINTING_NORMAL);
}
}  // namespace

TTF_Font* FontSet::Get(int face, int px) {
  if (face < 0 || face >= static_cast<int>(faces_.size()) || px <= 0) return nullptr;
  Face& f = faces_[face];
  // Colour bitmap faces have one strike (109 px) and are scaled when drawn.
  const int open_px = f.bitmap ? 109 : px;
  Key key{face, f.single_instance || f.bitmap ? 0 : open_px};
  auto it = index_.find(key);
  if (it != index_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    TTF_Font* font = it->second->second;
    if (f.single_instance && f.current_px != open_px) {
      if (TTF_SetFontSize(font, open_px) != 0) {
        log_.warn("cannot resize font " + f.path + ": " + TTF_GetError());
        return nullptr;
      }
      if (!f.bitmap) SetHintingFor(font, open_px);
      f.current_px = open_px;
    }
    return font;
  }
  if (!f.file) {
    auto file = FontFile::Open(f.path);
    if (!file.ok()) {
      log_.warn("cannot open font " + f.path + ": " + file.status().message());
      return nullptr;
    }
    f.file = std::move(file).value();
  }
  SDL_RWops* rw = FontFile::NewReader(f.file);
  TTF_Font* font = rw ? TTF_OpenFontIndexRW(rw, 1, open_px, f.index) : nullptr;
  if (!font) {
    log_.warn("cannot open font " + f.path + ": " + TTF_GetError());
    return nullptr;
  }
  if (!f.bitmap) SetHintingFor(font, open_px);
  f.current_px = open_px;
  lru_.emplace_front(key, font);
  index_[key] = lru_.begin();
  while (lru_.size() > config_.max_open_fonts) {
    auto& back = lru_.back();
    TTF_CloseFont(back.second);
    index_.erase(back.first);
    lru_.pop_back();
  }
  return font;
}

bool FontSet::IsBitmapFace(int face) const {
  return face >= 0 && face < static_cast<int>(faces_.size()) && faces_[face].bitmap;
}

bool FontSet::Provides(int face, char32_t cp, int px) {
  auto key = std::make_pair(face, cp);
  auto it = provides_cache_.find(key);
  if (it != provides_cache_.end()) return it->second;
  TTF_Font* font = Get(face, px);
  bool ok = font && TTF_GlyphIsProvided32(font, cp);
  if (provides_cache_.size() >= kProvidesCacheMax) provides_cache_.clear();
  provides_cache_[key] = ok;
  return ok;
}

std::vector<FontRun> FontSet::Split(std::string_view utf8, const FontStyle& style, int px) {
  const std::vector<int>& chain = Chain(style);
  std::vector<FontRun> runs;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t start = i;
    char32_t cp = NextCodePoint(utf8, i);
    std::string_view bytes = utf8.substr(start, i - start);
    if (!runs.empty() && (JoinsPrevious(cp) || cp == ' ' || cp < 0x20)) {
      // Spaces and joiners stay with the current run (every face has a space).
      runs.back().text.append(bytes);
      continue;
    }
    int chosen = -1;
    for (int face : chain)
      if (Provides(face, cp, px)) {
        chosen = face;
        break;
      }
    if (chosen < 0) {
      chosen = chain.front();
      if (logged_missing_.size() < 4096 && logged_missing_.insert(cp).second) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "no font has a glyph for U+%04X; it shows as a box",
                      static_cast<unsigned>(cp));
        log_.warn(buf);
      }
    }
    if (runs.empty() || runs.back().face != chosen) runs.push_back({"", chosen});
    runs.back().text.append(bytes);
  }
  return runs;
}

int FontSet::RunWidth(const FontRun& run, int px) {
  TTF_Font* font = Get(run.face, px);
  if (!font) return 0;
  int w = 0, h = 0;
  if (TTF_SizeUTF8(font, run.text.c_str(), &w, &h) != 0) return 0;
  if (IsBitmapFace(run.face) && h > 0) return static_cast<int>(static_cast<long>(w) * px / h);
  return w;
}

int FontSet::Ascent(int face, int px) {
  TTF_Font* font = Get(face, px);
  if (!font) return px;
  if (IsBitmapFace(face)) return px * 9 / 10;
  return TTF_FontAscent(font);
}

std::string FontSet::PrimaryPath(const FontStyle& style) {
  const auto& chain = Chain(style);
  return chain.empty() ? std::string() : faces_[chain.front()].path;
}

}  // namespace machikado::render
