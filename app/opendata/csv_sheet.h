// ReadSheet: a municipal CSV file's bytes → its header and data rows, ready for a dataset's
// converter. Decodes (text_encoding.h), parses (csv_reader.h), then finds the header: the first of
// the leading rows that names at least two known columns of the dataset (columns.h). That may be a
// `#property` metadata row (Takamatsu's files carry their column names only there); rows starting
// with `#` are metadata and are never data; rows whose every cell is empty are dropped (counted).
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "opendata/columns.h"
#include "opendata/csv_reader.h"
#include "opendata/text_encoding.h"

namespace machikado::opendata {

// The header must be among this many leading rows.
inline constexpr size_t kHeaderSearchRows = 32;

struct CsvSheet {
  SourceEncoding encoding = SourceEncoding::kUtf8;
  size_t header_line = 0;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // data rows, in file order
  size_t metadata_rows = 0;  // rows starting with '#' (the header too when it is one)
  size_t blank_rows = 0;     // rows of empty cells only
};

// Fails (for the whole file) on a cap, an undecodable encoding, a CSV syntax error or a missing
// header; the message says which, for the ward's IT staff.
Result<CsvSheet> ReadSheet(std::string_view bytes, Dataset dataset, const CsvLimits& limits = {});

}  // namespace machikado::opendata
