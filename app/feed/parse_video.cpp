// kind = video (feeds/README.md "kind = video"): the clip's address, digest and size, a poster
// image, captions per language and how long the slide may play. Internal to feed/.
#include <cctype>

#include "feed/parse_internal.h"

namespace machikado::feed {
namespace {

constexpr int kMinSeconds = 3;

void ReadVideoObject(FieldReader& r, const Json& item, const std::string& ptr, VideoPart* out) {
  const Json* obj = r.Object(item, ptr, "video", Need::kRequired);
  if (!obj) return;
  const std::string vptr = ChildPointer(ptr, "video");
  if (auto url = r.ImageUrl(*obj, vptr, "url", Need::kRequired)) out->url = std::move(*url);
  if (auto digest = r.String(*obj, vptr, "sha256", Need::kOptional)) {
    if (IsHexDigest(*digest)) {
      for (char& c : *digest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out->sha256 = std::move(*digest);
    } else {
      r.Error(ChildPointer(vptr, "sha256"),
              "sha256 must be the 64 hexadecimal digits of the video's SHA-256 (e.g. from "
              "`sha256sum clip.mp4`), but it is \"" +
                  digest->substr(0, 80) + "\"");
    }
  }
  const int64_t max_bytes = r.limits().max_video_bytes;
  if (const Json* b = r.Field(*obj, vptr, "bytes", Need::kOptional)) {
    if (b->is_number_integer() && b->get<int64_t>() > max_bytes) {
      r.Error(ChildPointer(vptr, "bytes"), "the video is " + std::to_string(b->get<int64_t>()) +
                                               " bytes; this kiosk plays videos of at most " +
                                               std::to_string(max_bytes) +
                                               " bytes (shorten it or lower its bit rate)");
    } else if (auto n = r.Integer(*obj, vptr, "bytes", 1, max_bytes, Need::kOptional)) {
      out->bytes = *n;
    }
  }
}

void ReadCaptions(FieldReader& r, const Json& item, const std::string& ptr, VideoPart* out) {
  const Json* obj = r.Object(item, ptr, "captions", Need::kOptional);
  if (!obj) return;
  const std::string cptr = ChildPointer(ptr, "captions");
  if (obj->size() > r.limits().max_languages) {
    r.Error(cptr, "captions lists " + std::to_string(obj->size()) + " languages; at most " +
                      std::to_string(r.limits().max_languages) + " are allowed");
    return;
  }
  for (const auto& [lang, value] : obj->items()) {
    if (!IsLanguageTag(lang)) {
      r.Error(ChildPointer(cptr, lang),
              Quoted(lang) + " is not a language tag such as \"ja\", \"en\" or \"ja-x-easy\"");
      continue;
    }
    if (auto url = r.ImageUrl(*obj, cptr, lang, Need::kRequired))
      out->captions.push_back({lang, std::move(*url)});
  }
}

}  // namespace

void ParseVideoPart(FieldReader& r, const Json& item, const std::string& ptr, VideoPart* out) {
  ReadVideoObject(r, item, ptr, out);
  out->poster = ReadImageField(r, item, ptr, "poster");
  ReadCaptions(r, item, ptr, out);
  if (auto loop = r.Bool(item, ptr, "loop", Need::kOptional)) out->loop = *loop;
  if (auto s = r.Integer(item, ptr, "max_seconds", kMinSeconds, r.limits().max_video_seconds,
                         Need::kOptional))
    out->max_seconds = static_cast<int>(*s);
}

}  // namespace machikado::feed
