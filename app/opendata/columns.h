// Column names of municipal CSVs and their synonyms: the current 自治体標準オープンデータセット
// names, the older 推奨データセット form and variants found in real files (English property names
// of Takamatsu's event list, the national catalogue's event schema, GSI's shelter download). The
// table is the one in docs/open-data.md. Matching is on ColumnKey (NFKC, no spaces, ASCII lower
// case). A field may be found in several columns (場所名称 and 集合場所): the first non-empty one
// in synonym order wins, row by row. Pure; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machikado::opendata {

enum class Field {
  // both kinds
  kMunicipalityCode,
  kId,
  kName,
  kNameKana,
  kNameEn,
  kAddress,
  kAddressPref,
  kAddressCity,
  kAddressTown,
  kAddressBlock,
  kAddressBuilding,
  kLat,
  kLon,
  kPhone,
  kUrl,
  // shelters
  kCapacity,
  kHazardFlood,
  kHazardLandslide,
  kHazardStormSurge,
  kHazardEarthquake,
  kHazardTsunami,
  kHazardLargeFire,
  kHazardInlandFlood,
  kHazardVolcano,
  // events
  kStartDate,
  kEndDate,
  kStartTime,
  kEndTime,
  kDateNote,
  kDescription,
  kFee,
  kFeeDetail,
  kContactName,
  kContactPhone,
  kOrganizer,
  kPlace,
  kCount,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::kCount);

enum class Dataset { kShelters, kEvents };

// The names a field goes by in `dataset`, preferred first (as written in the docs' table).
const std::vector<std::string_view>& FieldNames(Dataset dataset, Field field);

// Which columns of a header hold which field.
class ColumnMap {
 public:
  // Maps `header` (the header row's cells as written).
  ColumnMap(Dataset dataset, const std::vector<std::string>& header);
  // Number of header cells that name a known field (to recognise the header row).
  size_t known_columns() const { return known_; }
  bool has(Field f) const { return !columns_[static_cast<size_t>(f)].empty(); }
  // The first non-empty (after trimming) value of `f` in `row`, or "" (trimmed).
  std::string_view Value(const std::vector<std::string>& row, Field f) const;
  // The header cell `f` was read from in `row` (for messages), or the first name of `f`.
  std::string ColumnName(const std::vector<std::string>& row, Field f) const;

 private:
  Dataset dataset_;
  std::vector<std::string> header_;
  std::array<std::vector<size_t>, kFieldCount> columns_;  // column indices in synonym order
  size_t known_ = 0;
};

}  // namespace machikado::opendata
