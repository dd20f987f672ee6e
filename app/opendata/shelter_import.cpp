// ImportShelters: one row of 指定緊急避難場所一覧 → one ShelterRecord, or a skipped row with a
// reason.
#include "opendata/shelter_import.h"

#include <map>

#include "opendata/cells.h"
#include "opendata/normalize.h"
#include "opendata/values.h"

namespace machikado::opendata {
namespace {

struct HazardColumn {
  Field field;
  feed::Hazard hazard;
};
// The standard's column order: 洪水, 崖崩れ…, 高潮, 地震, 津波, 大規模な火事, 内水氾濫, 火山現象.
constexpr HazardColumn kHazardColumns[] = {
    {Field::kHazardFlood, feed::Hazard::kFlood},
    {Field::kHazardLandslide, feed::Hazard::kLandslide},
    {Field::kHazardStormSurge, feed::Hazard::kStormSurge},
    {Field::kHazardEarthquake, feed::Hazard::kEarthquake},
    {Field::kHazardTsunami, feed::Hazard::kTsunami},
    {Field::kHazardLargeFire, feed::Hazard::kFire},
    {Field::kHazardInlandFlood, feed::Hazard::kInlandFlood},
    {Field::kHazardVolcano, feed::Hazard::kVolcano},
};

constexpr size_t kNameMaxChars = 400;  // a shelter name is a short text of the feed

std::optional<ShelterRecord> ReadRow(const ColumnMap& map, const CsvRow& row,
                                     std::vector<RowProblem>* skipped,
                                     std::vector<RowProblem>* notes) {
  const auto& cells = row.fields;
  auto note = [&](std::string m) { notes->push_back({row.line, std::move(m)}); };
  ShelterRecord s;
  s.line = row.line;
  s.name = CleanText(map.Value(cells, Field::kName), kNameMaxChars);
  if (s.name.empty()) {
    skipped->push_back({row.line, "the name (" + map.ColumnName(cells, Field::kName) +
                                      ") is empty; a shelter without a name cannot be shown"});
    return std::nullopt;
  }
  s.name_kana = CleanText(Nfkc(map.Value(cells, Field::kNameKana)), kNameMaxChars);
  s.name_en = CleanText(map.Value(cells, Field::kNameEn), kNameMaxChars);
  s.address = JoinedAddress(map, cells);

  const std::string id = Nfkc(map.Value(cells, Field::kId));
  if (IsFeedId(id)) {
    s.id = id;
  } else {
    if (!id.empty())
      note("the ID \"" + id + "\" has characters a feed id cannot have; a generated id is used");
    s.id = HashedId(MunicipalityPrefix(map, cells, "shelter"), {s.name, s.address});
  }

  for (const HazardColumn& h : kHazardColumns) {
    const std::string_view cell = map.Value(cells, h.field);
    const std::optional<Flag> flag = ParseFlag(cell);
    if (flag == Flag::kYes) {
      s.hazards.push_back(h.hazard);
    } else if (flag == Flag::kConditional) {
      note(map.ColumnName(cells, h.field) + " is \"" + std::string(cell) +
           "\" (conditionally suitable): not listed as designated for " +
           std::string(feed::HazardName(h.hazard)));
    } else if (!flag) {
      note(map.ColumnName(cells, h.field) + " is \"" + std::string(cell) +
           "\", which is not a flag (1 / ○ or empty): not listed as designated for " +
           std::string(feed::HazardName(h.hazard)));
    }
  }

  const std::string_view lat_cell = map.Value(cells, Field::kLat);
  const std::string_view lon_cell = map.Value(cells, Field::kLon);
  if (!lat_cell.empty() || !lon_cell.empty()) {
    s.lat = ParseCoordinate(lat_cell, -90, 90);
    s.lon = ParseCoordinate(lon_cell, -180, 180);
    if (!s.lat || !s.lon) {
      note("the position (緯度 \"" + std::string(lat_cell) + "\", 経度 \"" + std::string(lon_cell) +
           "\") cannot be read; the shelter has no map position");
      s.lat.reset();
      s.lon.reset();
    }
  }
  if (const std::string_view cap = map.Value(cells, Field::kCapacity); !cap.empty()) {
    s.capacity = ParseCount(cap);
    if (!s.capacity || *s.capacity > 10'000'000) {
      note(map.ColumnName(cells, Field::kCapacity) + " \"" + std::string(cap) +
           "\" is not a head count; left out");
      s.capacity.reset();
    }
  }
  s.phone = CleanText(Nfkc(map.Value(cells, Field::kPhone)), 40);
  if (const std::string_view url = map.Value(cells, Field::kUrl); !url.empty()) {
    if (auto u = WebUrl(url))
      s.url = *u;
    else
      note("URL \"" + std::string(url) + "\" is not an absolute http(s) address; left out");
  }
  return s;
}

}  // namespace

Result<ShelterImport> ImportShelters(std::string_view bytes, const CsvLimits& limits) {
  auto sheet = ReadSheet(bytes, Dataset::kShelters, limits);
  if (!sheet.ok()) return sheet.status();
  const ColumnMap map(Dataset::kShelters, sheet->header);
  if (!map.has(Field::kName))
    return Status::Invalid("the header (line " + std::to_string(sheet->header_line) +
                           ") has no name column (名称)");
  ShelterImport out;
  out.encoding = sheet->encoding;
  out.header_line = sheet->header_line;
  out.data_rows = sheet->rows.size();
  std::map<std::string, size_t> first_line;  // id → line of its first row
  for (const CsvRow& row : sheet->rows) {
    auto s = ReadRow(map, row, &out.skipped, &out.notes);
    if (!s) continue;
    const auto [it, inserted] = first_line.emplace(s->id, row.line);
    if (!inserted) {
      out.skipped.push_back({row.line, "the id \"" + s->id + "\" is already used by line " +
                                           std::to_string(it->second) +
                                           " (same ID, or same name and address)"});
      continue;
    }
    out.shelters.push_back(std::move(*s));
  }
  return out;
}

void DropDuplicateIds(std::vector<NamedShelterImport>& imports) {
  std::map<std::string, std::pair<std::string, size_t>> seen;  // id → file, line
  for (NamedShelterImport& named : imports) {
    auto& list = named.import->shelters;
    std::vector<ShelterRecord> kept;
    kept.reserve(list.size());
    for (ShelterRecord& s : list) {
      const auto [it, inserted] = seen.emplace(s.id, std::pair{named.file, s.line});
      if (inserted) {
        kept.push_back(std::move(s));
      } else {
        named.import->skipped.push_back({s.line, "the id \"" + s.id + "\" is already used by " +
                                                     it->second.first + " line " +
                                                     std::to_string(it->second.second)});
      }
    }
    list = std::move(kept);
  }
}

}  // namespace machikado::opendata
