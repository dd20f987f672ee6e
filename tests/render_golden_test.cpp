// Golden-image tests: `machikado render` of tests/golden/feed.json at half scale, in both
// orientations, compared with the committed PNGs under a tolerance (pixels differing by more than
// 24 in any channel ≤ 0.5 %, mean absolute error ≤ 1.5). Refresh with tests/update-goldens.sh.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <gtest/gtest.h>
#include "test_paths.h"

namespace {

namespace fs = std::filesystem;

struct Diff {
  double differing_fraction = 1;
  double mean_abs_error = 255;
};

SDL_Surface* LoadArgb(const std::string& path) {
  SDL_Surface* s = IMG_Load(path.c_str());
  if (!s) return nullptr;
  SDL_Surface* c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
  SDL_FreeSurface(s);
  return c;
}

Diff Compare(SDL_Surface* a, SDL_Surface* b) {
  Diff d;
  if (a->w != b->w || a->h != b->h) return d;
  size_t differing = 0;
  double sum = 0;
  for (int y = 0; y < a->h; ++y) {
    auto* pa = reinterpret_cast<uint8_t*>(a->pixels) + size_t(y) * a->pitch;
    auto* pb = reinterpret_cast<uint8_t*>(b->pixels) + size_t(y) * b->pitch;
    for (int x = 0; x < a->w * 4; x += 4) {
      int worst = 0;
      for (int ch = 0; ch < 3; ++ch) {
        int e = std::abs(int(pa[x + ch]) - int(pb[x + ch]));
        worst = std::max(worst, e);
        sum += e;
      }
      if (worst > 24) ++differing;
    }
  }
  const double n = double(a->w) * a->h;
  d.differing_fraction = differing / n;
  d.mean_abs_error = sum / (n * 3);
  return d;
}

TEST(RenderGolden, EveryTemplateMatchesItsGoldenInBothOrientations) {
  const fs::path golden = fs::path(MACHIKADO_TESTS_DIR) / "golden";
  const fs::path out =
      fs::temp_directory_path() / ("machikado-golden-" + std::to_string(::getpid()));
  int compared = 0;
  for (const std::string size : {"960x540", "540x960"}) {
    const fs::path dir = out / size;
    const std::string cmd = std::string(MACHIKADO_BINARY) + " render --feed " +
                            (golden / "feed.json").string() + " --out " + dir.string() +
                            " --size " + size +
                            " --at 2026-11-23T14:05:00+09:00 --include-test >/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    ASSERT_TRUE(fs::is_directory(golden / size)) << "no goldens: run tests/update-goldens.sh";
    for (const auto& entry : fs::directory_iterator(golden / size)) {
      if (entry.path().extension() != ".png") continue;
      SDL_Surface* want = LoadArgb(entry.path().string());
      SDL_Surface* got = LoadArgb((dir / entry.path().filename()).string());
      ASSERT_NE(want, nullptr) << entry.path();
      ASSERT_NE(got, nullptr) << "not rendered: " << entry.path().filename();
      Diff d = Compare(want, got);
      EXPECT_LE(d.differing_fraction, 0.005) << size << "/" << entry.path().filename().string();
      EXPECT_LE(d.mean_abs_error, 1.5) << size << "/" << entry.path().filename().string();
      SDL_FreeSurface(want);
      SDL_FreeSurface(got);
      ++compared;
    }
  }
  EXPECT_EQ(compared,
            20);  // 10 slides (2 takeover alerts × 2 languages, 6 rotation slides with the
                  // previewed test item) × 2 orientations
  std::error_code ec;
  fs::remove_all(out, ec);
}

}  // namespace
