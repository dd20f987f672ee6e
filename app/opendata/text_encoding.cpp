// DecodeCsvBytes: BOM, then strict UTF-8, then CP932 through ICU (ucnv) with a stop-on-error
// callback.
#include "opendata/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <cstdio>
#include <memory>

#include "feed/json_precheck.h"

namespace machikado::opendata {
namespace {

// Converts with ICU's converter `name`; fails on the first byte sequence the charset does not map.
Result<std::string> ConvertToUtf8(std::string_view bytes, const char* name,
                                  std::string_view label) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(name, &err), &ucnv_close);
  if (U_FAILURE(err))
    return Status::Error(StatusCode::kInternal, "ICU has no converter " + std::string(name));
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  // Each input byte yields at most one UTF-16 unit; each unit at most 3 UTF-8 bytes.
  std::u16string utf16(bytes.size() + 1, u'\0');
  const char* src = bytes.data();
  UChar* dst = reinterpret_cast<UChar*>(utf16.data());
  ucnv_toUnicode(conv.get(), &dst, dst + utf16.size(), &src, bytes.data() + bytes.size(), nullptr,
                 true, &err);
  if (U_FAILURE(err)) {
    const size_t at = static_cast<size_t>(src - bytes.data());
    char where[96];
    std::snprintf(where, sizeof where, " (at byte %zu)", at);
    return Status::Invalid("the file is neither UTF-8 nor " + std::string(label) +
                           ": it has a byte sequence " + std::string(label) + " does not define" +
                           where + "; save it as UTF-8");
  }
  utf16.resize(static_cast<size_t>(dst - reinterpret_cast<UChar*>(utf16.data())));
  std::string out;
  out.resize(utf16.size() * 3);
  UErrorCode err2 = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> utf8(ucnv_open("UTF-8", &err2), &ucnv_close);
  if (U_FAILURE(err2)) return Status::Error(StatusCode::kInternal, "ICU has no UTF-8 converter");
  const int32_t n = ucnv_fromUChars(utf8.get(), out.data(), static_cast<int32_t>(out.size()),
                                    reinterpret_cast<const UChar*>(utf16.data()),
                                    static_cast<int32_t>(utf16.size()), &err2);
  if (U_FAILURE(err2)) return Status::Invalid("the file's text could not be converted to UTF-8");
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string_view EncodingName(SourceEncoding e) {
  switch (e) {
    case SourceEncoding::kUtf8:
      return "UTF-8";
    case SourceEncoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case SourceEncoding::kUtf16Bom:
      return "UTF-16 with BOM";
    case SourceEncoding::kCp932:
      return "Shift_JIS (CP932)";
  }
  return "?";
}

Result<DecodedText> DecodeCsvBytes(std::string_view bytes) {
  DecodedText out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (auto bad = feed::FindInvalidUtf8(bytes))
      return Status::Invalid("the file starts with a UTF-8 BOM but is not valid UTF-8 (" +
                             bad->where.describe() + ")");
    out.utf8.assign(bytes);
    out.encoding = SourceEncoding::kUtf8Bom;
    return out;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const bool le = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
    auto r = ConvertToUtf8(bytes, le ? "UTF-16LE" : "UTF-16BE", "UTF-16");
    if (!r.ok()) return r.status();
    out.utf8 = std::move(r).value();
    out.encoding = SourceEncoding::kUtf16Bom;
    return out;
  }
  if (feed::IsValidUtf8(bytes)) {
    out.utf8.assign(bytes);
    out.encoding = SourceEncoding::kUtf8;
    return out;
  }
  // "windows-31j" is ICU's alias of Microsoft's Shift_JIS (CP932, with NEC/IBM extensions).
  auto r = ConvertToUtf8(bytes, "windows-31j", "Shift_JIS (CP932)");
  if (!r.ok()) return r.status();
  out.utf8 = std::move(r).value();
  out.encoding = SourceEncoding::kCp932;
  return out;
}

}  // namespace machikado::opendata
