// Routes: POST /api/v1/images (an editor uploads a picture: the raw bytes as the body, at most
// max_image_bytes; re-encoded by ctx.reencode so no EXIF survives; stored once under its SHA-256 in
// <publish_dir>/images, beside the published feeds, so the feed site serves them as it serves the
// feeds) → 201 {"url": "<public_url>/images/<sha256>.<ext>", "sha256", "width", "height", "bytes"};
// and GET /images/{sha256}.{png|jpg} (no login: kiosks fetch them, and the item names the sha256 so
// a kiosk checks the bytes, docs/signing.md "Images").
#include "console/auth.h"
#include "core/file_system.h"
#include "trust/image_digest.h"

namespace machikado::console {
namespace {

std::string ImagesDir(const ConsoleContext& ctx) {
  return JoinPath(ctx.config.publish_dir, "images");
}

void Upload(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Principal> p = Authenticate(ctx, req, res, Need::kEdit);
  if (!p) return;
  if (req.body.empty()) return SendError(res, 400, "send the image's bytes as the body");
  if (req.body.size() > ctx.config.max_image_bytes)
    return SendError(res, 413,
                     "the image is larger than max_image_bytes (" +
                         std::to_string(ctx.config.max_image_bytes) + ")");
  if (!ctx.reencode) return SendError(res, 501, "image upload is not available in this build");
  Result<ReencodedImage> img = ctx.reencode(req.body);
  if (!img.ok()) {
    const bool caps = img.status().code() == StatusCode::kLimitExceeded;
    return SendError(res, caps ? 413 : 422, img.status().message());
  }
  if (img->bytes.size() > ctx.config.max_image_bytes)
    return SendError(res, 413, "the re-encoded image is larger than max_image_bytes");
  const std::string sha = trust::Sha256Hex(img->bytes);
  const std::string name = sha + "." + img->extension;
  PosixFileSystem fs;
  if (Status s = fs.MakeDirs(ImagesDir(ctx)); !s.ok()) return SendStoreError(ctx, res, s);
  if (Status s = fs.WriteFileAtomic(JoinPath(ImagesDir(ctx), name), img->bytes); !s.ok())
    return SendStoreError(ctx, res, s);
  std::string base = ctx.config.public_url;
  if (base.empty())
    base = "http://" + ctx.config.listen_address + ":" + std::to_string(ctx.config.port);
  while (!base.empty() && base.back() == '/') base.pop_back();
  AuditLog(ctx, p->user.name, "image-upload", "images/" + name,
           std::to_string(img->width) + "x" + std::to_string(img->height) + ", " +
               std::to_string(img->bytes.size()) + " bytes",
           req);
  SendJson(res, 201,
           {{"url", base + "/images/" + name},
            {"sha256", sha},
            {"width", img->width},
            {"height", img->height},
            {"bytes", img->bytes.size()}});
}

void Serve(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string sha = req.matches[1];
  const std::string ext = req.matches[2];
  PosixFileSystem fs;
  Result<std::string> bytes =
      fs.ReadFile(JoinPath(ImagesDir(ctx), sha + "." + ext), ctx.config.max_image_bytes);
  if (!bytes.ok()) return SendError(res, 404, "no such image");
  res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  res.set_content(*bytes, ext == "png" ? "image/png" : "image/jpeg");
}

}  // namespace

void AddImageRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Post("/api/v1/images",
            [&ctx](const httplib::Request& req, httplib::Response& res) { Upload(ctx, req, res); });
  http.Get(R"(/images/([0-9a-f]{64})\.(png|jpg))",
           [&ctx](const httplib::Request& req, httplib::Response& res) { Serve(ctx, req, res); });
}

}  // namespace machikado::console
