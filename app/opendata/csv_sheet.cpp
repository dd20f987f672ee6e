// ReadSheet: decode, parse, find the header row, split metadata and blank rows off the data.
#include "opendata/csv_sheet.h"

#include "opendata/normalize.h"

namespace machikado::opendata {
namespace {

bool IsMetadata(const CsvRow& row) {
  return !row.fields.empty() && TrimSpace(row.fields[0]).substr(0, 1) == "#";
}

bool IsBlank(const CsvRow& row) {
  for (const auto& f : row.fields)
    if (!TrimSpace(f).empty()) return false;
  return true;
}

std::string Expected(Dataset dataset) {
  return dataset == Dataset::kShelters
             ? "名称, 緯度, 経度, 災害種別_洪水 … (自治体標準オープンデータセット "
               "指定緊急避難場所一覧)"
             : "イベント名, 開始日, 終了日 … (自治体標準オープンデータセット イベント一覧)";
}

}  // namespace

Result<CsvSheet> ReadSheet(std::string_view bytes, Dataset dataset, const CsvLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return Status::Limit("the file is " + std::to_string(bytes.size()) + " bytes; at most " +
                         std::to_string(limits.max_bytes) + " are read (docs/caps.md)");
  auto decoded = DecodeCsvBytes(bytes);
  if (!decoded.ok()) return decoded.status();
  // Decoding CP932 can grow the text (2 bytes → 3); the reader's own cap then applies to UTF-8.
  CsvLimits utf8_limits = limits;
  utf8_limits.max_bytes = limits.max_bytes / 2 * 3;
  auto read = ReadCsvRows(decoded->utf8, utf8_limits);
  if (!read.ok()) return read.status();
  std::vector<CsvRow>* rows = &read.value();

  CsvSheet sheet;
  sheet.encoding = decoded->encoding;
  size_t header_index = rows->size();
  for (size_t i = 0; i < rows->size() && i < kHeaderSearchRows; ++i) {
    if (ColumnMap(dataset, (*rows)[i].fields).known_columns() >= 2) {
      header_index = i;
      break;
    }
  }
  if (header_index == rows->size())
    return Status::Invalid("no header row found in the first " + std::to_string(kHeaderSearchRows) +
                           " rows: expected column names such as " + Expected(dataset));
  sheet.header_line = (*rows)[header_index].line;
  sheet.header = std::move((*rows)[header_index].fields);
  for (size_t i = 0; i < rows->size(); ++i) {
    CsvRow& row = (*rows)[i];
    if (i == header_index) {
      if (!sheet.header.empty() && TrimSpace(sheet.header[0]).substr(0, 1) == "#")
        ++sheet.metadata_rows;
      continue;
    }
    if (IsMetadata(row)) {
      ++sheet.metadata_rows;
    } else if (IsBlank(row)) {
      ++sheet.blank_rows;
    } else if (i > header_index) {
      sheet.rows.push_back(std::move(row));
    } else {
      // A non-metadata row above the header (a title line some exports add): not data.
      ++sheet.metadata_rows;
    }
  }
  return sheet;
}

}  // namespace machikado::opendata
