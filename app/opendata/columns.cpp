// The synonyms table (keep in step with docs/open-data.md) and ColumnMap.
#include "opendata/columns.h"

#include <map>

#include "opendata/normalize.h"

namespace machikado::opendata {
namespace {

using Names = std::vector<std::string_view>;

// Names shared by both datasets.
Names Common(Field f) {
  switch (f) {
    case Field::kMunicipalityCode:
      return {"全国地方公共団体コード",
              "都道府県コード又は市区町村コード",
              "市区町村コード",
              "地方公共団体コード",
              "prefCode",
              "団体コード"};
    case Field::kNameKana:
      return {"名称_カナ", "名称(カナ)", "名称カナ", "ふりがな", "フリガナ", "よみがな"};
    case Field::kNameEn:
      return {"名称_英字", "名称(英字)", "名称_英語", "英語名称", "name_en"};
    case Field::kAddress:
      return {"所在地_連結表記", "住所_連結表記", "所在地", "住所", "所在地_住所"};
    case Field::kAddressPref:
      return {"所在地_都道府県", "住所都道府県", "pref"};
    case Field::kAddressCity:
      return {"所在地_市区町村", "住所市区町村", "cityName"};
    case Field::kAddressTown:
      return {"所在地_町字", "住所町名", "townName"};
    case Field::kAddressBlock:
      return {"所在地_番地以下", "住所丁目以下", "address"};
    case Field::kAddressBuilding:
      return {"建物名等(方書)", "建物名等", "方書", "buildingName"};
    case Field::kLat:
      return {"緯度", "lat", "latitude", "y"};
    case Field::kLon:
      return {"経度", "lon", "lng", "long", "longitude", "x"};
    case Field::kUrl:
      return {"URL", "ホームページ", "ホームページURL", "関連URL", "url"};
    default:
      return {};
  }
}

Names ForShelters(Field f) {
  switch (f) {
    case Field::kId:
      return {"ID", "共通ID", "NO", "No.", "番号"};
    case Field::kName:
      return {"名称",         "施設・場所名", "施設名",     "施設名称", "避難場所名",
              "避難場所名称", "避難所名",     "避難所名称", "name"};
    case Field::kPhone:
      return {"電話番号", "連絡先電話番号", "電話", "TEL"};
    case Field::kCapacity:
      return {"想定収容人数", "収容人数", "収容可能人数", "想定収容人員", "capacity"};
    case Field::kHazardFlood:
      return {"災害種別_洪水", "洪水"};
    case Field::kHazardLandslide:
      return {"災害種別_崖崩れ、土石流及び地滑り", "崖崩れ、土石流及び地滑り",
              "災害種別_崖崩れ・土石流及び地滑り", "崖崩れ・土石流及び地滑り", "土砂災害"};
    case Field::kHazardStormSurge:
      return {"災害種別_高潮", "高潮"};
    case Field::kHazardEarthquake:
      return {"災害種別_地震", "地震"};
    case Field::kHazardTsunami:
      return {"災害種別_津波", "津波"};
    case Field::kHazardLargeFire:
      return {"災害種別_大規模な火事", "大規模な火事", "大規模火災", "大規模火事"};
    case Field::kHazardInlandFlood:
      return {"災害種別_内水氾濫", "内水氾濫"};
    case Field::kHazardVolcano:
      return {"災害種別_火山現象", "火山現象", "火山"};
    default:
      return Common(f);
  }
}

Names ForEvents(Field f) {
  switch (f) {
    case Field::kId:
      return {"ID", "NO", "no", "番号"};
    case Field::kName:
      return {"イベント名", "名称", "eventName", "イベント名称", "催し名", "行事名", "タイトル"};
    case Field::kNameKana:
      return {"イベント名_カナ", "名称_カナ", "名称(カナ)", "イベント名(カナ)", "フリガナ"};
    case Field::kNameEn:
      return {"イベント名_英字", "名称_英字", "名称(英字)", "イベント名(英字)"};
    case Field::kStartDate:
      return {"開始日", "開始年月日", "開始日付", "startDate", "開催日", "開催開始日"};
    case Field::kEndDate:
      return {"終了日", "終了年月日", "終了日付", "endDate", "開催終了日"};
    case Field::kStartTime:
      return {"開始時間", "開始時刻", "startTime"};
    case Field::kEndTime:
      return {"終了時間", "終了時刻", "endTime"};
    case Field::kDateNote:
      return {"開始日時特記事項", "日時備考", "日時特記事項"};
    case Field::kDescription:
      return {"説明", "概要", "overview", "内容", "詳細", "description"};
    case Field::kFee:
      return {"料金(基本)", "料金", "費用", "参加費", "参加料"};
    case Field::kFeeDetail:
      return {"料金(詳細)"};
    case Field::kContactName:
      return {"連絡先名称", "問い合わせ先", "問合せ先", "お問い合わせ先", "問い合わせ"};
    case Field::kContactPhone:
      return {"連絡先電話番号", "問い合わせ先電話番号", "電話番号", "TEL"};
    case Field::kOrganizer:
      return {"主催者", "主催団体", "主催", "organizer"};
    case Field::kPlace:
      return {"場所名称", "会場", "会場名", "開催場所", "場所", "venue", "集合場所"};
    default:
      return Common(f);
  }
}

struct Tables {
  std::array<std::vector<std::string_view>, kFieldCount> shelters, events;
  Tables() {
    for (size_t i = 0; i < kFieldCount; ++i) {
      shelters[i] = ForShelters(static_cast<Field>(i));
      events[i] = ForEvents(static_cast<Field>(i));
    }
  }
};

const Tables& AllTables() {
  static const Tables tables;  // immutable after first use
  return tables;
}

}  // namespace

const std::vector<std::string_view>& FieldNames(Dataset dataset, Field field) {
  const Tables& t = AllTables();
  const size_t i = static_cast<size_t>(field);
  return dataset == Dataset::kShelters ? t.shelters[i] : t.events[i];
}

ColumnMap::ColumnMap(Dataset dataset, const std::vector<std::string>& header)
    : dataset_(dataset), header_(header) {
  std::multimap<std::string, size_t> by_key;  // column key → column index, in header order
  for (size_t c = 0; c < header.size(); ++c) by_key.emplace(ColumnKey(header[c]), c);
  std::vector<bool> used(header.size(), false);
  for (size_t f = 0; f < kFieldCount; ++f) {
    for (std::string_view name : FieldNames(dataset, static_cast<Field>(f))) {
      const auto [lo, hi] = by_key.equal_range(ColumnKey(name));
      for (auto it = lo; it != hi; ++it) {
        columns_[f].push_back(it->second);
        used[it->second] = true;
      }
    }
  }
  for (bool u : used) known_ += u ? 1 : 0;
}

std::string_view ColumnMap::Value(const std::vector<std::string>& row, Field f) const {
  for (size_t c : columns_[static_cast<size_t>(f)]) {
    if (c >= row.size()) continue;
    const std::string_view v = TrimSpace(row[c]);
    if (!v.empty()) return v;
  }
  return {};
}

std::string ColumnMap::ColumnName(const std::vector<std::string>& row, Field f) const {
  for (size_t c : columns_[static_cast<size_t>(f)])
    if (c < row.size() && !TrimSpace(row[c]).empty()) return header_[c];
  const auto& cols = columns_[static_cast<size_t>(f)];
  if (!cols.empty()) return header_[cols.front()];
  const auto& names = FieldNames(dataset_, f);
  return names.empty() ? std::string() : std::string(names.front());
}

}  // namespace machikado::opendata
