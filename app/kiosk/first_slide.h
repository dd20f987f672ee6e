// FirstSlide: the launch's first slide, drawn on a worker thread into a software-rendered surface
// while the main thread brings the display up (SDL video, the window, its first present), so the
// two halves of a launch run on two cores instead of one after the other. The main thread then
// uploads the surface as the current slide's texture (UploadTo) if the worker drew the slide that
// is still due; otherwise it prepares as usual, with fonts and glyphs the worker already loaded.
// The worker has the FontSet to itself until Wait() returns (SDL_ttf and FreeType are not safe from
// two threads at once) and never touches SDL's video subsystem: its renderer is SDL's software
// renderer on its own surface, like `machikado render`'s.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <SDL2/SDL.h>

#include "core/log.h"
#include "kiosk/screen_key.h"
#include "render/font_set.h"
#include "render/layout_record.h"
#include "render/slide_renderer.h"

namespace machikado::kiosk {

class FirstSlide {
 public:
  // What the worker draws, with its own SlideRenderer onto the width×height surface. Returns the
  // key of what it drew (the App's screen key) and fills the record and the item's id (empty for
  // the idle screen), or nothing when there is nothing to show.
  struct Drawn {
    ScreenKey key;  // the App's screen key when it was drawn
    std::string item_id;
    render::LayoutRecord record;
  };
  using DrawFn = std::function<std::optional<Drawn>(render::SlideRenderer& renderer)>;

  // Starts the worker at once. `fonts` and whatever `draw` reads belong to the worker until Wait.
  static std::unique_ptr<FirstSlide> Start(int width, int height, render::FontSet& fonts, Log& log,
                                           DrawFn draw);
  ~FirstSlide();  // waits for the worker
  FirstSlide(const FirstSlide&) = delete;
  FirstSlide& operator=(const FirstSlide&) = delete;

  // Waits for the worker. Idempotent.
  void Wait();
  // After Wait: what was drawn (nothing when the worker drew nothing or failed), and how long the
  // worker took from its start to the end of drawing.
  const std::optional<Drawn>& drawn() const { return drawn_; }
  int width() const { return width_; }
  int height() const { return height_; }
  double draw_ms() const { return draw_ms_; }
  // After Wait, on the thread that owns `renderer`: the drawn slide as an opaque (RGB888) target
  // texture of `renderer`, in `into` — the same kind of texture SlideRenderer::Prepare makes. False
  // when nothing was drawn or the texture could not be made. Frees the surface either way.
  bool UploadTo(SDL_Renderer* renderer, render::SlideTexture& into);

 private:
  FirstSlide(int width, int height, render::FontSet& fonts, Log& log)
      : width_(width), height_(height), fonts_(fonts), log_(log) {}
  void Work(DrawFn draw);

  const int width_, height_;
  render::FontSet& fonts_;
  Log& log_;
  std::thread worker_;
  // Written by the worker, read after Wait.
  SDL_Surface* surface_ = nullptr;
  std::optional<Drawn> drawn_;
  double draw_ms_ = 0;
};

}  // namespace machikado::kiosk
