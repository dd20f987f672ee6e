// ImportEvents: one row of イベント一覧 → one EventRecord, or a skipped row with a reason.
#include "opendata/event_import.h"

#include <map>

#include "opendata/cells.h"
#include "opendata/normalize.h"
#include "opendata/values.h"

namespace machikado::opendata {
namespace {

constexpr size_t kTitleMaxChars = 120, kShortMaxChars = 400, kBodyMaxChars = 4000;
constexpr int64_t kDay = 86400;

std::string FeeText(std::string_view base, std::string_view detail) {
  std::string fee;
  if (!base.empty()) {
    const auto n = ParseCount(base);
    if (n && *n == 0)
      fee = "無料";
    else if (n)
      fee = std::to_string(*n) + "円";
    else
      fee = std::string(base);
  }
  if (!detail.empty())
    fee = fee.empty() ? std::string(detail) : fee + "（" + std::string(detail) + "）";
  return CleanText(fee, kShortMaxChars);
}

std::optional<EventRecord> ReadRow(const ColumnMap& map, const CsvRow& row,
                                   std::vector<RowProblem>* skipped,
                                   std::vector<RowProblem>* notes) {
  const auto& cells = row.fields;
  auto skip = [&](std::string m) {
    skipped->push_back({row.line, std::move(m)});
    return std::nullopt;
  };
  auto note = [&](std::string m) { notes->push_back({row.line, std::move(m)}); };
  EventRecord e;
  e.line = row.line;
  e.title = CleanText(map.Value(cells, Field::kName), kTitleMaxChars);
  if (e.title.empty())
    return skip("the event name (" + map.ColumnName(cells, Field::kName) + ") is empty");
  e.title_en = CleanText(map.Value(cells, Field::kNameEn), kTitleMaxChars);

  const std::string_view start_cell = map.Value(cells, Field::kStartDate);
  if (start_cell.empty())
    return skip("the start date (" + map.ColumnName(cells, Field::kStartDate) + ") is empty");
  std::optional<CivilTime> start_time, end_time;
  auto start_date = ParseDate(start_cell, &start_time);
  if (!start_date.ok())
    return skip(map.ColumnName(cells, Field::kStartDate) + ": " + start_date.status().message());
  if (const auto cell = map.Value(cells, Field::kStartTime); !cell.empty()) {
    auto t = ParseTime(cell);
    if (t.ok())
      start_time = *t;
    else
      note(map.ColumnName(cells, Field::kStartTime) + ": " + t.status().message() +
           "; the event is shown with its date only");
  }
  CivilDate end_date = *start_date;
  bool has_end_date = false;
  if (const auto cell = map.Value(cells, Field::kEndDate); !cell.empty()) {
    auto d = ParseDate(cell, &end_time);
    if (!d.ok()) return skip(map.ColumnName(cells, Field::kEndDate) + ": " + d.status().message());
    end_date = *d;
    has_end_date = true;
  }
  if (const auto cell = map.Value(cells, Field::kEndTime); !cell.empty()) {
    auto t = ParseTime(cell);
    if (t.ok())
      end_time = *t;  // the time column wins over a time written into the date cell
    else
      note(map.ColumnName(cells, Field::kEndTime) + ": " + t.status().message() +
           "; the end is shown as a date only");
  }
  if (start_time && start_time->hour == 24)
    start_time = CivilTime{0, 0};  // 24:00 start: odd; date only
  e.start = JapanInstant(*start_date, start_time.value_or(CivilTime{}));
  const int64_t end_of_end_day = JapanInstant(end_date, CivilTime{}) + kDay;
  if (end_time) {
    e.end = JapanInstant(end_date, *end_time);
    e.valid_until = *e.end;
  } else {
    if (has_end_date) e.end = JapanInstant(end_date, CivilTime{});
    e.valid_until = end_of_end_day;
  }
  if (end_of_end_day <= JapanInstant(*start_date, CivilTime{}) ||
      (e.end && *e.end < e.start && end_time)) {
    auto when = [&](Field date, Field time) {
      std::string w(map.Value(cells, date));
      const std::string_view t = map.Value(cells, time);
      if (!t.empty()) w += (w.empty() ? "" : " ") + std::string(t);
      return w;
    };
    return skip("the event ends (" + when(Field::kEndDate, Field::kEndTime) +
                ") before it starts (" + when(Field::kStartDate, Field::kStartTime) + ")");
  }
  // An end date without a time on the start's own day adds nothing to 「5月16日」.
  if (!end_time && end_date == *start_date) e.end.reset();
  if (e.valid_until <= e.start) e.valid_until = e.start + 60;

  const std::string description = CleanText(map.Value(cells, Field::kDescription), kBodyMaxChars);
  e.summary = CleanText(description, kShortMaxChars);
  std::string body = description;
  if (const auto date_note = map.Value(cells, Field::kDateNote); !date_note.empty())
    body += (body.empty() ? "" : "\n\n") + CleanText(date_note, kShortMaxChars);
  body = CleanText(body, kBodyMaxChars);
  if (body != e.summary) e.body = body;

  e.fee = FeeText(map.Value(cells, Field::kFee), map.Value(cells, Field::kFeeDetail));
  e.place = CleanText(map.Value(cells, Field::kPlace), kShortMaxChars);
  if (e.place.empty()) e.place = JoinedAddress(map, cells);
  const std::string contact_name = CleanText(map.Value(cells, Field::kContactName), 200);
  const std::string contact_phone = CleanText(Nfkc(map.Value(cells, Field::kContactPhone)), 40);
  e.contact = contact_name.empty() || contact_phone.empty() ? contact_name + contact_phone
                                                            : contact_name + " " + contact_phone;
  e.source = CleanText(map.Value(cells, Field::kOrganizer), kShortMaxChars);
  if (const std::string_view url = map.Value(cells, Field::kUrl); !url.empty()) {
    if (auto u = WebUrl(url))
      e.url = *u;
    else
      note("URL \"" + std::string(url) + "\" is not an absolute http(s) address; left out");
  }

  const std::string prefix = "event-" + MunicipalityPrefix(map, cells, "x");
  const std::string id = Nfkc(map.Value(cells, Field::kId));
  e.id = IsFeedId(id) && prefix.size() + 1 + id.size() <= 128
             ? prefix + "-" + id
             : HashedId(prefix, {e.title, std::string_view(start_cell), e.place});
  return e;
}

}  // namespace

Result<EventImport> ImportEvents(std::string_view bytes, const CsvLimits& limits) {
  auto sheet = ReadSheet(bytes, Dataset::kEvents, limits);
  if (!sheet.ok()) return sheet.status();
  const ColumnMap map(Dataset::kEvents, sheet->header);
  if (!map.has(Field::kName) || !map.has(Field::kStartDate))
    return Status::Invalid("the header (line " + std::to_string(sheet->header_line) +
                           ") needs an event name column (イベント名) and a start date column "
                           "(開始日)");
  EventImport out;
  out.encoding = sheet->encoding;
  out.header_line = sheet->header_line;
  out.data_rows = sheet->rows.size();
  std::map<std::string, size_t> first_line;
  for (const CsvRow& row : sheet->rows) {
    auto e = ReadRow(map, row, &out.skipped, &out.notes);
    if (!e) continue;
    const auto [it, inserted] = first_line.emplace(e->id, row.line);
    if (!inserted) {
      out.skipped.push_back({row.line, "the id \"" + e->id + "\" is already used by line " +
                                           std::to_string(it->second)});
      continue;
    }
    out.events.push_back(std::move(*e));
  }
  return out;
}

}  // namespace machikado::opendata
