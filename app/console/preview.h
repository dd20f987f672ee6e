// Preview of one item as the kiosk draws it, for GET …/items/{id}/preview.png: the same code path
// as `machikado render` (render::Offscreen, render::FontSet, render::SlideRenderer), returning PNG
// bytes. SDL and SDL_ttf are not used concurrently: renders are serialised by a mutex inside.
// Thread-safe.
#pragma once

#include "console/server.h"

namespace machikado::console {

// `scratch_dir` holds the one temporary PNG of a render (removed after reading). `font_dirs` as the
// kiosk's `font_paths` (empty: the system's and the bundled fonts). `images_dir`: where uploaded
// images are kept (api_images.cpp); an item's image URL ending in /images/<sha256>.<ext> is drawn
// from there.
PreviewRenderer MakePreviewRenderer(std::string scratch_dir, std::vector<std::string> font_dirs,
                                    Log& log, std::string images_dir = "");

}  // namespace machikado::console
