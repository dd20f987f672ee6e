// The bundled artwork is complete and loadable: a pictogram for every hazard of FEED-v1, every
// image a demo feed references exists, and SDL2_image (nanosvg for SVG) decodes every asset to a
// non-empty surface. Reads files under the source tree (MACHIKADO_SOURCE_DIR); no network, no
// display (SDL dummy video driver).
#include <SDL.h>
#include <SDL_image.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "feed/model.h"
#include "platform/build_paths.h"

namespace machikado {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = MACHIKADO_SOURCE_DIR;
const fs::path kPictograms = kSource / "assets" / "pictograms";
const fs::path kDemoFeeds = kSource / "feeds" / "demo";

// Every hazard of FEED-v1, in the order of the enum; kOther is the last value.
std::vector<feed::Hazard> AllHazards() {
  std::vector<feed::Hazard> out;
  for (int h = 0; h <= static_cast<int>(feed::Hazard::kOther); ++h) {
    out.push_back(static_cast<feed::Hazard>(h));
  }
  return out;
}

std::vector<fs::path> FilesWithExtension(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

class DemoAssetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    ASSERT_EQ(SDL_Init(0), 0) << SDL_GetError();
    ASSERT_NE(IMG_Init(IMG_INIT_PNG) & IMG_INIT_PNG, 0) << IMG_GetError();
  }
  static void TearDownTestSuite() {
    IMG_Quit();
    SDL_Quit();
  }
};

TEST_F(DemoAssetsTest, EveryHazardHasAPictogram) {
  for (feed::Hazard h : AllHazards()) {
    const fs::path p = kPictograms / ("hazard-" + std::string(feed::HazardName(h)) + ".svg");
    EXPECT_TRUE(fs::is_regular_file(p)) << "missing pictogram " << p.filename();
  }
}

TEST_F(DemoAssetsTest, PlaceAndCategoryPictogramsExist) {
  for (const char* name : {"shelter", "evacuation-site", "tsunami-building", "news", "preparedness",
                           "project", "alert"}) {
    EXPECT_TRUE(fs::is_regular_file(kPictograms / (std::string(name) + ".svg"))) << name;
  }
}

// nanosvg (SDL2_image's SVG loader) ignores text, CSS, filters, masks and <use>; a pictogram
// relying on them would silently render wrong on the kiosk, so none may use them.
TEST_F(DemoAssetsTest, PictogramsUseOnlyFeaturesNanosvgDraws) {
  const std::vector<fs::path> svgs = FilesWithExtension(kPictograms, ".svg");
  ASSERT_GE(svgs.size(), 19u);
  for (const fs::path& p : svgs) {
    const std::string svg = ReadFile(p);
    EXPECT_NE(svg.find("viewBox=\"0 0 100 100\""), std::string::npos)
        << p.filename() << " not square 100";
    for (const char* banned : {"<text", "<style", "class=", "filter", "<mask", "<clipPath", "<use",
                               "<image", "<pattern", "<symbol"}) {
      EXPECT_EQ(svg.find(banned), std::string::npos) << p.filename() << " uses " << banned;
    }
  }
}

TEST_F(DemoAssetsTest, EveryPictogramLoadsThroughSdlImageAtNativeAndLargeSizes) {
  for (const fs::path& p : FilesWithExtension(kPictograms, ".svg")) {
    SurfacePtr native(IMG_Load(p.c_str()));
    ASSERT_NE(native, nullptr) << p.filename() << ": " << IMG_GetError();
    EXPECT_EQ(native->w, 100) << p.filename();
    EXPECT_EQ(native->h, 100) << p.filename();

    // The renderer rasterises at the size it draws, e.g. 256 px for an alert band.
    SDL_RWops* rw = SDL_RWFromFile(p.c_str(), "rb");
    ASSERT_NE(rw, nullptr);
    SurfacePtr large(IMG_LoadSizedSVG_RW(rw, 256, 256));
    SDL_RWclose(rw);
    ASSERT_NE(large, nullptr) << p.filename() << ": " << IMG_GetError();
    EXPECT_EQ(large->w, 256);
    EXPECT_EQ(large->h, 256);
  }
}

// The tile is opaque where the figure is drawn: the centre pixel of a rasterised pictogram is never
// transparent (an empty or mis-parsed SVG rasterises to a fully transparent surface).
TEST_F(DemoAssetsTest, PictogramsRasteriseToVisiblePixels) {
  for (const fs::path& p : FilesWithExtension(kPictograms, ".svg")) {
    SurfacePtr raw(IMG_Load(p.c_str()));
    ASSERT_NE(raw, nullptr) << p.filename();
    SurfacePtr rgba(SDL_ConvertSurfaceFormat(raw.get(), SDL_PIXELFORMAT_RGBA32, 0));
    ASSERT_NE(rgba, nullptr);
    ASSERT_EQ(SDL_LockSurface(rgba.get()), 0);
    const auto* px = static_cast<const Uint8*>(rgba->pixels);
    int opaque = 0;
    for (int y = 0; y < rgba->h; ++y) {
      for (int x = 0; x < rgba->w; ++x) {
        if (px[y * rgba->pitch + x * 4 + 3] == 255) ++opaque;
      }
    }
    const Uint8 centre_alpha = px[(rgba->h / 2) * rgba->pitch + (rgba->w / 2) * 4 + 3];
    SDL_UnlockSurface(rgba.get());
    EXPECT_EQ(centre_alpha, 255) << p.filename();
    // Only the rounded corners are transparent.
    EXPECT_GT(opaque, rgba->w * rgba->h * 95 / 100) << p.filename();
  }
}

TEST_F(DemoAssetsTest, EveryImageReferencedByADemoFeedExistsAndLoads) {
  const std::vector<fs::path> feeds = FilesWithExtension(kDemoFeeds, ".json");
  ASSERT_GE(feeds.size(), 5u);
  std::set<fs::path> referenced;
  for (const fs::path& feed_path : feeds) {
    const nlohmann::json doc =
        nlohmann::json::parse(ReadFile(feed_path), nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(doc.is_discarded()) << feed_path.filename() << " is not JSON";
    ASSERT_TRUE(doc.contains("items") && doc["items"].is_array()) << feed_path.filename();
    for (const auto& item : doc["items"]) {
      if (!item.contains("image")) continue;
      const auto& image = item["image"];
      ASSERT_TRUE(image.contains("url") && image["url"].is_string()) << feed_path.filename();
      const std::string url = image["url"].get<std::string>();
      // Demo images are relative to the feed, so the bundled demo works from a plain directory.
      ASSERT_EQ(url.find("://"), std::string::npos) << item.value("id", "?") << ": " << url;
      ASSERT_TRUE(image.contains("alt"))
          << item.value("id", "?") << " has an image without alt text";
      const fs::path p = (feed_path.parent_path() / url).lexically_normal();
      EXPECT_TRUE(fs::is_regular_file(p)) << item.value("id", "?") << " references missing " << url;
      referenced.insert(p);
    }
  }
  EXPECT_GE(referenced.size(), 5u) << "the demo should show several images";
  for (const fs::path& p : referenced) {
    if (!fs::is_regular_file(p)) continue;
    SurfacePtr s(IMG_Load(p.c_str()));
    ASSERT_NE(s, nullptr) << p.filename() << ": " << IMG_GetError();
    EXPECT_GT(s->w, 0);
    EXPECT_GT(s->h, 0);
  }
}

TEST_F(DemoAssetsTest, DemoImagesAreModestPngs) {
  const std::vector<fs::path> pngs = FilesWithExtension(kDemoFeeds / "images", ".png");
  ASSERT_FALSE(pngs.empty());
  for (const fs::path& p : pngs) {
    EXPECT_LT(fs::file_size(p), 200u * 1024u) << p.filename();
    SDL_RWops* rw = SDL_RWFromFile(p.c_str(), "rb");
    ASSERT_NE(rw, nullptr);
    EXPECT_EQ(IMG_isPNG(rw), 1) << p.filename() << " is not a PNG";
    SurfacePtr s(IMG_LoadPNG_RW(rw));
    SDL_RWclose(rw);
    ASSERT_NE(s, nullptr) << p.filename() << ": " << IMG_GetError();
    // Well inside FEED-v1's image cap of 4096x4096 px.
    EXPECT_GT(s->w, 0);
    EXPECT_GT(s->h, 0);
    EXPECT_LE(s->w, 4096);
    EXPECT_LE(s->h, 4096);
  }
}

}  // namespace
}  // namespace machikado
