#include "soak_setup.h"

#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace machikado::soak {
namespace {

bool WriteFile(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

SoakKey MakeSoakKey() {
  SoakKey k;
  if (sodium_init() < 0) return k;
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_keypair(pk, k.secret.secret.data());
  randombytes_buf(k.secret.key_id.data(), k.secret.key_id.size());
  // minisign public key: "Ed" || key id (8) || Ed25519 public key (32), base64.
  unsigned char raw[2 + 8 + crypto_sign_PUBLICKEYBYTES] = {'E', 'd'};
  std::copy(k.secret.key_id.begin(), k.secret.key_id.end(), raw + 2);
  std::copy(pk, pk + sizeof pk, raw + 10);
  char b64[sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_ORIGINAL);
  k.public_key = b64;
  sodium_memzero(raw, sizeof raw);
  return k;
}

Result<std::string> WriteHostileFeed(const std::string& dir, int64_t now,
                                     const trust::SecretKey* key) {
  using Json = nlohmann::ordered_json;
  char generated[32];
  const time_t t = static_cast<time_t>(now);
  struct tm tm;
  gmtime_r(&t, &tm);
  std::strftime(generated, sizeof generated, "%Y-%m-%dT%H:%M:%SZ", &tm);
  Json items = Json::array();
  const char* const images[] = {"big.png", "header.jpg", "tiny.gif", nullptr};
  for (int i = 0; i < 4; ++i) {
    Json it;
    it["id"] = "hostile-" + std::to_string(i);
    it["kind"] = "news";
    it["title"] = {{"ja", "画像の門のテスト " + std::to_string(i + 1)},
                   {"en", "Image gate test " + std::to_string(i + 1)}};
    it["summary"] = {{"ja", "この画像は表示されません。"}, {"en", "This image is refused."}};
    if (images[i]) it["image"] = {{"url", images[i]}, {"alt", "写真"}};
    items.push_back(it);
  }
  Json feed = {{"format", "machikado-feed/1"},
               {"id", "soak.hostile"},
               {"title", {{"ja", "ソーク試験センター"}}},
               {"generated", generated},
               {"items", items}};
  const std::string path = dir + "/hostile.json", body = feed.dump();
  if (!WriteFile(path, body)) return Status::Io("cannot write " + path);
  if (key && !WriteFile(path + ".minisig", trust::SignMinisign(*key, body, "hostile.json", now)))
    return Status::Io("cannot write " + path + ".minisig");
  return path;
}

}  // namespace machikado::soak
