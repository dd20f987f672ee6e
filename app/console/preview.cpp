#include "console/preview.h"

#include <unistd.h>

#include <mutex>

#include "core/file_system.h"
#include "feed/parse.h"
#include "feed/shelter_refs.h"
#include "net/file_source.h"
#include "platform/build_paths.h"
#include "render/font_set.h"
#include "render/offscreen.h"
#include "render/slide_renderer.h"
#include "trust/image_digest.h"

namespace machikado::console {

PreviewRenderer MakePreviewRenderer(std::string scratch_dir, std::vector<std::string> font_dirs,
                                    Log& log, std::string images_dir) {
  auto mu = std::make_shared<std::mutex>();
  return [mu, scratch_dir, font_dirs, images_dir, &log](
             const std::string& feed_json, const std::string& item_id, int width, int height,
             const std::string& lang, UnixSeconds at) -> Result<std::string> {
    feed::ParseOutcome parsed = feed::ParseFeed(feed_json);
    if (!parsed.feed) return Status::Invalid("the item's feed does not parse");
    feed::Item* item = nullptr;
    for (auto& it : parsed.feed->items)
      if (it.id == item_id) item = &it;
    if (!item) return Status::NotFound("no such item");
    feed::ShelterRegister shelters;
    shelters.Add(parsed.feed->shelters);
    feed::ResolveShelterRefs(item, shelters);

    std::lock_guard lock(*mu);
    auto screen = render::Offscreen::Create(width, height);
    if (!screen.ok()) return screen.status();
    render::FontSetConfig font_cfg;
    font_cfg.search_dirs = font_dirs;
    auto fonts = render::FontSet::Open(font_cfg, log);
    if (!fonts.ok()) return fonts.status();
    render::SlideRenderer renderer((*screen)->renderer(), **fonts, log);
    render::SlideContext ctx;
    ctx.width = width;
    ctx.height = height;
    ctx.lang = lang;
    ctx.now = at;
    ctx.center_name = parsed.feed->title;
    ctx.position = 1;
    ctx.total = 1;
    ctx.confirmed_at = parsed.feed->generated;
    ctx.resolve_image = [&images_dir](const std::string& url) -> std::string {
      // An image uploaded to this console: <anything>/images/<64 hex>.png|jpg.
      const size_t slash = url.rfind("/images/");
      if (!images_dir.empty() && slash != std::string::npos) {
        const std::string name = url.substr(slash + 8);
        const size_t dot = name.find('.');
        if (dot == 64 && trust::IsSha256Hex(name.substr(0, 64)) &&
            (name.substr(64) == ".png" || name.substr(64) == ".jpg"))
          return JoinPath(images_dir, name);
      }
      if (!net::IsLocalSource(url)) return "";
      return net::LocalPath(url).value_or("");
    };
    ctx.asset_dirs = {std::string(MACHIKADO_DATA_DIR) + "/assets",
                      std::string(MACHIKADO_SOURCE_DIR) + "/assets"};
    const bool takeover = item->kind == feed::Kind::kAlert && item->alert.takeover;
    render::SlideTexture tex;
    if (!renderer.Prepare(*item, ctx,
                          takeover ? render::SlideMode::kTakeover : render::SlideMode::kRotation,
                          tex))
      return Status::Error(StatusCode::kInternal, "the slide could not be drawn");
    PosixFileSystem fs;
    if (Status s = fs.MakeDirs(scratch_dir); !s.ok()) return s;
    const std::string path =
        JoinPath(scratch_dir, "preview-" + std::to_string(::getpid()) + ".png");
    if (Status s = (*screen)->SavePng(tex, path); !s.ok()) return s;
    Result<std::string> png = fs.ReadFile(path, 64 * 1024 * 1024);
    (void)fs.Remove(path);
    return png;
  };
}

}  // namespace machikado::console
