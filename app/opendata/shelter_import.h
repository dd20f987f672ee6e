// ImportShelters: a 指定緊急避難場所一覧 CSV (bytes) → the shelter register's entries, with every
// row that could not be used listed with its line and reason (skipped) and every value that was
// dropped or read with a guess listed too (notes). Rules (docs/open-data.md):
//  - id: the ID column (NFKC) when it is a valid feed id; else "<municipality code>-<8 hex digits>"
//    from a hash of name and address, so it stays stable across re-imports of the same list.
//  - name required; kana reading NFKC'd (half-width katakana → full-width); English name if given.
//  - address: 所在地_連結表記, else the parts joined.
//  - hazards: a flag column that reads "yes" designates the shelter for that hazard; "△"
//    (conditionally suitable) does not (noted), because a kiosk must not send people to a shelter
//    that only partly suits the danger; an unreadable flag is not a designation (noted).
//  - lat/lon: both or neither; out of range or unreadable → dropped (noted).
//  - capacity: "50,700 " → 50700; unreadable → dropped (noted).
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "feed/model.h"
#include "opendata/csv_sheet.h"
#include "opendata/row_problem.h"

namespace machikado::opendata {

struct ShelterRecord {
  size_t line = 0;  // where it came from
  std::string id;
  std::string name, name_kana, name_en;
  std::string address;
  std::optional<double> lat, lon;
  std::vector<feed::Hazard> hazards;  // in the standard's column order
  std::optional<int64_t> capacity;
  std::string phone;
  std::string url;
};

struct ShelterImport {
  SourceEncoding encoding = SourceEncoding::kUtf8;
  size_t header_line = 0;
  size_t data_rows = 0;
  std::vector<ShelterRecord> shelters;
  std::vector<RowProblem> skipped;  // rows not imported
  std::vector<RowProblem> notes;    // rows imported with a value dropped or read with a guess
};

// The whole-file failure (caps, encoding, syntax, no header, no name column) is the error value.
Result<ShelterImport> ImportShelters(std::string_view bytes, const CsvLimits& limits = {});

// Ids from several files may collide: keeps the first of each id, moves later ones to `skipped`
// of the import they came from (named by `file` in the message).
struct NamedShelterImport {
  std::string file;
  ShelterImport* import = nullptr;
};
void DropDuplicateIds(std::vector<NamedShelterImport>& imports);

}  // namespace machikado::opendata
