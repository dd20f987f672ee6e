// ImportEvents: an イベント一覧 CSV (bytes) → news items with an event block, with every row that
// could not be used listed with its line and reason (skipped) and every value dropped (notes).
// Rules (docs/open-data.md):
//  - title (イベント名 / 名称 / eventName) and a readable start date are required;
//  - start = 開始日 + 開始時間 in Japan time; without a time the event starts at 00:00, which the
//    kiosk shows as a date only; a time that cannot be read is dropped (noted);
//  - end = 終了日 + 終了時間 (or the time that some exports put in the 終了日 cell); an end date
//  that
//    cannot be read, or an end before the start, skips the row;
//  - valid_until = the end (the end of the end day when no end time), so the kiosk stops showing
//    an event once it is over;
//  - summary = the description cut to 400 characters; body = the whole description (≤ 4000) plus
//    the date note, when longer than the summary;
//  - fee: 料金(基本) "0" → 無料, a plain number → 「N円」, with 料金(詳細) in parentheses;
//  - place: 場所名称 (else 集合場所, else the address); contact: 連絡先名称 + 電話番号;
//    source: 主催者; url: URL when it is an absolute http(s) address.
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "opendata/csv_sheet.h"
#include "opendata/row_problem.h"

namespace machikado::opendata {

struct EventRecord {
  size_t line = 0;
  std::string id;  // "event-<municipality>-<ID>" or a hashed id
  std::string title, title_en;
  std::string summary, body;
  int64_t start = 0;  // Unix seconds
  std::optional<int64_t> end;
  int64_t valid_until = 0;
  std::string place, fee, contact, source, url;
};

struct EventImport {
  SourceEncoding encoding = SourceEncoding::kUtf8;
  size_t header_line = 0;
  size_t data_rows = 0;
  std::vector<EventRecord> events;
  std::vector<RowProblem> skipped;
  std::vector<RowProblem> notes;
};

Result<EventImport> ImportEvents(std::string_view bytes, const CsvLimits& limits = {});

}  // namespace machikado::opendata
