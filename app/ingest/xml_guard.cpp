#include "ingest/xml_guard.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace machikado::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). Returns the offset of the
// first bad byte, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return i;
      const unsigned char d = s[i + k];
      const unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (d < l || d > h) return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

// The encoding named in the XML declaration (<?xml … encoding="…"?>), lower case; "" when none.
std::string DeclaredEncoding(std::string_view s) {
  if (!StartsWith(s, "<?xml")) return "";
  const size_t end = s.find("?>");
  if (end == std::string_view::npos || end > 512) return "";
  const std::string_view decl = s.substr(0, end);
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  at = decl.find_first_of("\"'", at);
  if (at == std::string_view::npos) return "";
  const size_t close = decl.find(decl[at], at + 1);
  if (close == std::string_view::npos) return "";
  return Lower(decl.substr(at + 1, close - at - 1));
}

// Encodings real official-warning files use, and ICU's name for each. Anything else is refused
// rather than guessed.
const char* IcuName(const std::string& enc) {
  static constexpr std::array<std::pair<const char*, const char*>, 16> kKnown{{
      {"shift_jis", "Shift_JIS"},
      {"shift-jis", "Shift_JIS"},
      {"sjis", "Shift_JIS"},
      {"windows-31j", "windows-31j"},
      {"cp932", "windows-31j"},
      {"ms932", "windows-31j"},
      {"euc-jp", "EUC-JP"},
      {"iso-2022-jp", "ISO-2022-JP"},
      {"iso-8859-1", "ISO-8859-1"},
      {"latin1", "ISO-8859-1"},
      {"iso-8859-15", "ISO-8859-15"},
      {"windows-1252", "windows-1252"},
      {"us-ascii", "US-ASCII"},
      {"utf-16", "UTF-16"},
      {"utf-16le", "UTF-16LE"},
      {"utf-16be", "UTF-16BE"},
  }};
  for (const auto& [name, icu] : kKnown)
    if (enc == name) return icu;
  return nullptr;
}

// Converts `in` from `icu_name` to UTF-8, failing on the first byte sequence that does not map.
Result<std::string> ToUtf8(std::string_view in, const char* icu_name, const std::string& declared,
                           size_t max_out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(icu_name, &err), ucnv_close);
  if (U_FAILURE(err) || !cnv)
    return Status::Invalid("its encoding " + declared + " cannot be converted on this system");
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (in.size() > static_cast<size_t>(INT32_MAX / 2)) return Status::Limit("it is too large");
  std::u16string wide(in.size() + 1, u'\0');
  const int32_t n = ucnv_toUChars(cnv.get(), wide.data(), static_cast<int32_t>(wide.size()),
                                  in.data(), static_cast<int32_t>(in.size()), &err);
  if (U_FAILURE(err))
    return Status::Invalid("it declares the encoding " + declared +
                           ", but contains bytes that are not valid " + declared);
  std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t len = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, wide.data(), n, &err);
  if (U_FAILURE(err))
    return Status::Invalid("its text in " + declared + " cannot be turned into Unicode");
  out.resize(static_cast<size_t>(len));
  if (out.size() > max_out)
    return Status::Limit("it is larger than " + std::to_string(max_out) +
                         " bytes once converted to UTF-8");
  return out;
}

// Walks the markup once without building anything: refuses any <!…> declaration outside comments
// and CDATA (DOCTYPE, ENTITY, ELEMENT, ATTLIST), and counts elements and their depth.
Status PreScan(std::string_view s, const XmlLimits& limits) {
  int depth = 0;
  size_t elements = 0;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = s.substr(i);
    auto skip_to = [&](std::string_view end) {
      const size_t e = s.find(end, i + 1);
      i = e == std::string_view::npos ? s.size() : e + end.size();
    };
    if (StartsWith(rest, "<!--")) {
      skip_to("-->");
    } else if (StartsWith(rest, "<![CDATA[")) {
      skip_to("]]>");
    } else if (StartsWith(rest, "<?")) {
      skip_to("?>");
    } else if (StartsWith(rest, "<!")) {
      const size_t name_end = rest.find_first_of(" \t\r\n[>", 2);
      const std::string what(rest.substr(0, std::min<size_t>(name_end, 16)));
      return Status::Invalid("it has a document type or entity declaration (" + what +
                             "…); official warnings never carry one, and it is refused so that "
                             "no entity can be expanded or fetched");
    } else if (StartsWith(rest, "</")) {
      --depth;
      skip_to(">");
    } else {
      ++elements;
      ++depth;
      if (depth > limits.max_depth)
        return Status::Limit("its elements are nested deeper than " +
                             std::to_string(limits.max_depth) + " levels");
      if (elements > limits.max_elements)
        return Status::Limit("it has more than " + std::to_string(limits.max_elements) +
                             " elements");
      // To the end of the start tag, past quoted attribute values (which may hold '>' or '/').
      char quote = 0;
      size_t j = i + 1;
      for (; j < s.size(); ++j) {
        const char c = s[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      if (j < s.size() && s[j - 1] == '/') --depth;
      i = j + 1;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<XmlDocument> ParseXmlSafely(std::string_view bytes, const XmlLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return Status::Limit("it is larger than " + std::to_string(limits.max_bytes) +
                         " bytes, the most an official-warning message may have");
  if (bytes.empty()) return Status::Invalid("it is empty");

  XmlDocument out;
  std::string converted;
  std::string_view text = bytes;
  const size_t max_utf8 = limits.max_bytes * 2;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    out.encoding = "utf-8";
    const std::string declared = DeclaredEncoding(text);
    if (!declared.empty() && declared != "utf-8" && declared != "utf8")
      return Status::Invalid("it starts with a UTF-8 byte-order mark but declares the encoding " +
                             declared);
  } else if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF") ||
             StartsWith(bytes, std::string_view("<\0?\0", 4)) ||
             StartsWith(bytes, std::string_view("\0<\0?", 4))) {
    const bool le = bytes[0] == '\xFF' || bytes[0] == '<';
    out.encoding = le ? "utf-16le" : "utf-16be";
    std::string_view body = bytes;
    if (bytes[0] == '\xFF' || bytes[0] == '\xFE') body.remove_prefix(2);
    auto r = ToUtf8(body, le ? "UTF-16LE" : "UTF-16BE", "UTF-16", max_utf8);
    if (!r.ok()) return r.status();
    converted = std::move(r).value();
    text = converted;
  } else {
    const std::string declared = DeclaredEncoding(bytes);
    out.encoding = declared.empty() ? "utf-8" : declared;
    if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
      const char* icu = IcuName(declared);
      if (!icu)
        return Status::Invalid("it declares the encoding " + declared +
                               ", which is not one official warnings use (UTF-8, Shift_JIS, "
                               "EUC-JP, ISO-2022-JP, ISO-8859-1, windows-1252, UTF-16)");
      auto r = ToUtf8(bytes, icu, declared, max_utf8);
      if (!r.ok()) return r.status();
      converted = std::move(r).value();
      text = converted;
    }
  }
  if (const size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos)
    return Status::Invalid("it is not valid UTF-8 (byte " + std::to_string(bad) +
                           "); a file in another encoding must say so in its XML declaration");
  if (Status s = PreScan(text, limits); !s.ok()) return s;

  out.doc = std::make_unique<pugi::xml_document>();
  // parse_default has no parse_doctype; the declaration-free input has nothing to expand anyway.
  const pugi::xml_parse_result r =
      out.doc->load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r)
    return Status::Invalid(std::string("it is not well-formed XML (") + r.description() +
                           " at byte " + std::to_string(r.offset) + ")");
  if (!out.doc->document_element()) return Status::Invalid("it has no root element");
  return out;
}

}  // namespace machikado::ingest
