#include "kiosk/slide_context.h"

#include <algorithm>

#include "net/file_source.h"

namespace machikado::kiosk {

std::string ResolveKioskImage(const pipeline::Snapshot* snapshot, bool digests_checked_first,
                              const std::string& url) {
  if (snapshot) {
    if (snapshot->images.count(url)) return url;       // checked bytes in memory
    if (snapshot->image_errors.count(url)) return "";  // refused: why is in status.json
  }
  // A local image the pipeline has not read yet: the canvas reads the file (under the cap).
  if (net::IsLocalSource(url) && !digests_checked_first) return net::LocalPath(url).value_or("");
  return "";  // not fetched (yet): the item shows without its image
}

render::SlideContext KioskSlideContext(const SlideContextInputs& in, const schedule::Now& now) {
  const config::Config& cfg = *in.config;
  const auto& snapshot = in.snapshot;
  render::SlideContext ctx;
  ctx.width = in.width;
  ctx.height = in.height;
  ctx.lang = cfg.language;
  ctx.now = now.wall.now;
  ctx.show_wareki = cfg.show_wareki;
  ctx.utc_offset_s = cfg.utc_offset_s;
  ctx.asset_dirs = {in.data_dir + "/assets"};
  ctx.shelter_map_url = cfg.shelter_map_url;
  // With signatures required, only images the pipeline has checked against their sha256 are
  // drawn: a local file is not read behind its back (trust/image_digest.h). Either way the canvas
  // decodes through the image gate (render/image_decoder.h).
  const bool digests_checked_first = !cfg.public_keys.empty();
  ctx.resolve_image = [snapshot, digests_checked_first](const std::string& url) {
    return ResolveKioskImage(snapshot.get(), digests_checked_first, url);
  };
  if (in.not_configured) {
    const platform::HostFacts host = in.host.value_or(platform::HostFacts{});
    ctx.not_configured =
        render::NotConfigured{*in.not_configured, in.config_path, host.host_name, host.addresses};
  }
  if (const std::string& name = cfg.center_name; !name.empty())
    ctx.center_name.variants.push_back({"ja", name, {{name, ""}}});
  if (ctx.center_name.empty() && snapshot)
    for (const auto& f : snapshot->feeds)
      if (!f.title.empty()) {
        ctx.center_name = f.title;
        break;
      }
  if (snapshot) {
    bool any_ok = false;
    UnixSeconds as_of = 0;
    for (const auto& f : snapshot->feeds) {
      if (f.state == pipeline::FeedReport::State::kOk && !f.from_cache) any_ok = true;
      as_of = std::max(as_of, f.content_fetched_at);
    }
    ctx.online = any_ok;
    if (!any_ok && as_of > 0) ctx.offline_as_of = as_of;
    ctx.image_bytes = [snapshot](const std::string& url) -> const std::string* {
      auto it = snapshot->images.find(url);
      return it == snapshot->images.end() ? nullptr : &it->second->bytes;
    };
  }
  return ctx;
}

}  // namespace machikado::kiosk
