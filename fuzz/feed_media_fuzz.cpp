// libFuzzer target: a whole feed with its media through the feed pipeline, as the kiosk takes it
// in. The input is a feed document, then "\n--media--\n"-separated image bodies; a fake HTTP client
// serves the feed at one URL and, for every image URL the feed names, one of the bodies (chosen by
// the URL). FeedPipeline parses the feed, fetches each image and passes it through the image gate
// (media/image_gate.h); then every image the snapshot holds is decoded as the canvas would
// (render::DecodeImage, small caps). Invariants: every image the pipeline kept passes the gate with
// the pipeline's caps; every refused image has a reason; a decode never exceeds its caps.
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/log.h"
#include "media/image_gate.h"
#include "net/http_client.h"
#include "pipeline/clock_sanity.h"
#include "pipeline/feed_pipeline.h"
#include "pipeline/feed_store.h"
#include "render/image_decoder.h"

namespace {

using namespace machikado;

void Check(bool condition) {
  if (!condition) std::abort();
}

constexpr std::string_view kFeedUrl = "https://example.jp/feeds/news.json";

class MediaServer final : public net::HttpClient {
 public:
  MediaServer(std::string feed, std::vector<std::string> media)
      : feed_(std::move(feed)), media_(std::move(media)) {}
  net::FetchResult Fetch(const net::HttpRequest& request) override {
    net::FetchResult r;
    r.response.status = 200;
    r.response.effective_url = request.url;
    if (request.url == kFeedUrl) {
      r.response.content_type = "application/json";
      r.response.body = feed_;
    } else if (media_.empty()) {
      return net::FetchResult::Fail(net::FetchErrorKind::kHttpStatus, "404");
    } else {
      r.response.content_type = "image/png";
      r.response.body = media_[std::hash<std::string>{}(request.url) % media_.size()];
    }
    if (r.response.body.size() > request.max_body_bytes)
      return net::FetchResult::Fail(net::FetchErrorKind::kTooLarge, "too large");
    return r;
  }

 private:
  std::string feed_;
  std::vector<std::string> media_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n--media--\n";
  std::vector<std::string> parts;
  size_t from = 0;
  while (parts.size() < 8) {
    const size_t at = input.find(kSeparator, from);
    parts.emplace_back(input.substr(from, at == std::string_view::npos ? at : at - from));
    if (at == std::string_view::npos) break;
    from = at + kSeparator.size();
  }
  std::string feed = std::move(parts.front());
  parts.erase(parts.begin());

  MediaServer server(std::move(feed), std::move(parts));
  pipeline::MemoryFeedStore store;
  FakeClock clock;
  pipeline::ClockSanity sanity(clock);
  MemoryLog log;
  pipeline::PipelineConfig cfg;
  config::FeedSource source;
  source.url = std::string(kFeedUrl);
  cfg.feeds = {source};
  cfg.poll.start_jitter_max_s = 0;
  pipeline::FeedPipeline p(cfg, server, &store, clock, sanity, log);
  p.LoadCache();
  p.RunDue();
  std::shared_ptr<const pipeline::Snapshot> snap = p.Latest();
  Check(snap != nullptr);
  media::ImageLimits small;
  small.max_width = small.max_height = 256;
  small.max_pixels = 256 * 256;
  for (const auto& [url, image] : snap->images) {
    Result<media::ImageInfo> info = media::CheckImage(image->bytes, cfg.image_limits);
    Check(info.ok());
    Check(info->width == image->width && info->height == image->height);
    Result<render::SurfacePtr> s = render::DecodeImage(image->bytes, small);
    if (s.ok()) Check((*s)->w <= 256 && (*s)->h <= 256);
  }
  for (const auto& [url, why] : snap->image_errors) Check(!why.empty());
  return 0;
}
