// ReadCsvRows: RFC 4180 CSV text (already UTF-8) → rows of fields, each row with the physical line
// it starts on, so that every problem found later can name its line. Parsing is Debian's libcsv
// (non-strict: a stray quote inside an unquoted field is kept as text, as spreadsheets write it;
// an opening quote that never closes is an error). Quoted fields may hold line feeds and commas;
// CR LF, LF and lone CR all end a record; blank lines are skipped. Every cap is checked while
// reading, before the row is kept (docs/caps.md). Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado::opendata {

struct CsvLimits {
  size_t max_bytes = 16 * 1024 * 1024;  // the file as read, before decoding
  size_t max_rows = 20000;              // records, metadata and header rows included
  size_t max_fields = 512;              // per record
  size_t max_field_bytes = 64 * 1024;   // one field, UTF-8
};

struct CsvRow {
  size_t line = 0;  // 1-based physical line the record starts on
  std::vector<std::string> fields;
};

// `utf8` must already be within limits.max_bytes (checked by the caller before decoding).
Result<std::vector<CsvRow>> ReadCsvRows(std::string_view utf8, const CsvLimits& limits = {});

// Line breaks in `s`: CR LF, LF and a lone CR count one each.
size_t CountLineBreaks(std::string_view s);

}  // namespace machikado::opendata
