// Text normalisation for values read from municipal CSVs. Two strengths, because NFKC is right for
// machine values but changes how Japanese prose looks (it turns 「～」 into "~" and 「（」 into
// "("):
//  - Nfkc: full Unicode NFKC (ICU Normalizer2) for numbers, dates, times, phone numbers, kana
//    readings and column names: 「５０，７００」→"50,700", 「ｹﾝﾘﾂ」→「ケンリツ」.
//  - DisplayText: for names, addresses and descriptions: only half-width katakana become full-width
//    (NFKC on those runs, so ｶﾞ becomes ガ) and full-width letters and digits become ASCII; other
//    characters stay as the ward wrote them. Also CR LF → LF and surrounding spaces trimmed.
// Input must be valid UTF-8 (the decoder guarantees it). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace machikado::opendata {

std::string Nfkc(std::string_view utf8);
std::string DisplayText(std::string_view utf8);

// Without leading/trailing ASCII white space and U+3000 IDEOGRAPHIC SPACE.
std::string_view TrimSpace(std::string_view s);

// The key a column name is matched by: NFKC, all white space removed, ASCII lower-cased, so
// 「連絡先備考（その他、SNSなど）」 and 「連絡先備考(その他、SNSなど)」 match, as do "Lat " and
// "lat".
std::string ColumnKey(std::string_view name);

}  // namespace machikado::opendata
