// FontFile: a font file opened once, read at explicit offsets (pread) by every size SDL_ttf opens
// from it. Each TTF_OpenFont of a size read its tables through stdio, where every seek empties the
// buffer and the next read refills it; a memory map instead would keep every page FreeType ever
// touched in the kiosk's resident memory. Each Reader has its own position and keeps the file
// open; the file closes with its last user. Readers may live on different threads.
#pragma once

#include <memory>
#include <string>

#include <SDL2/SDL.h>

#include "core/status.h"

namespace machikado::render {

class FontFile {
 public:
  static Result<std::shared_ptr<FontFile>> Open(const std::string& path);
  ~FontFile();
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  int64_t size() const { return size_; }
  // A new SDL_RWops over the whole file at position 0, for TTF_OpenFontIndexRW(rw, 1, …): SDL_ttf
  // closes it with the font. nullptr (SDL error set) when SDL cannot allocate one.
  static SDL_RWops* NewReader(const std::shared_ptr<FontFile>& file);

 private:
  FontFile(int fd, int64_t size) : fd_(fd), size_(size) {}
  int fd_;
  int64_t size_;
};

}  // namespace machikado::render
