// ReadCsvRows over libcsv. libcsv reports fields and record ends through callbacks but not where
// they are, so the text is fed one physical line at a time: when a record's first field completes
// on line L, the record started L minus the line breaks inside that field.
#include "opendata/csv_reader.h"

#include <csv.h>

#include <memory>

namespace machikado::opendata {
namespace {

struct ReadState {
  const CsvLimits* limits = nullptr;
  std::vector<CsvRow> rows;
  CsvRow current;
  bool in_row = false;
  size_t line = 1;          // the physical line being fed
  size_t last_row_end = 0;  // line of the last complete record
  Status failure;           // the first cap exceeded
};

void OnField(void* data, size_t len, void* state_ptr) {
  auto* st = static_cast<ReadState*>(state_ptr);
  if (!st->failure.ok()) return;
  const std::string_view field(data ? static_cast<const char*>(data) : "", data ? len : 0);
  if (!st->in_row) {
    st->in_row = true;
    st->current.fields.clear();
    const size_t inside = CountLineBreaks(field);
    st->current.line = st->line > inside ? st->line - inside : 1;
  }
  if (field.size() > st->limits->max_field_bytes) {
    st->failure = Status::Limit("line " + std::to_string(st->current.line) + ": a field is " +
                                std::to_string(field.size()) + " bytes long; at most " +
                                std::to_string(st->limits->max_field_bytes) + " are read");
    return;
  }
  if (st->current.fields.size() >= st->limits->max_fields) {
    st->failure = Status::Limit("line " + std::to_string(st->current.line) + " has more than " +
                                std::to_string(st->limits->max_fields) + " columns");
    return;
  }
  st->current.fields.emplace_back(field);
}

void OnRowEnd(int, void* state_ptr) {
  auto* st = static_cast<ReadState*>(state_ptr);
  if (!st->failure.ok()) return;
  if (!st->in_row) return;  // libcsv reports an end only after a field, but stay defensive
  st->in_row = false;
  st->last_row_end = st->line;
  if (st->rows.size() >= st->limits->max_rows) {
    st->failure = Status::Limit("the file has more than " + std::to_string(st->limits->max_rows) +
                                " rows; split it");
    return;
  }
  st->rows.push_back(std::move(st->current));
  st->current = CsvRow{};
}

struct ParserCloser {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

}  // namespace

size_t CountLineBreaks(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++n;
    } else if (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')) {
      ++n;
    }
  }
  return n;
}

Result<std::vector<CsvRow>> ReadCsvRows(std::string_view utf8, const CsvLimits& limits) {
  if (utf8.size() > limits.max_bytes)
    return Status::Limit("the file is " + std::to_string(utf8.size()) + " bytes; at most " +
                         std::to_string(limits.max_bytes) + " are read");
  std::unique_ptr<csv_parser, ParserCloser> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_APPEND_NULL) != 0)
    return Status::Error(StatusCode::kInternal, "the CSV parser could not start");
  ReadState st;
  st.limits = &limits;
  size_t pos = 0;
  while (pos < utf8.size() && st.failure.ok()) {
    // One physical line, with its terminator (CR LF, LF or a lone CR).
    size_t end = utf8.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) {
      end = utf8.size();
    } else {
      end += (utf8[end] == '\r' && end + 1 < utf8.size() && utf8[end + 1] == '\n') ? 2 : 1;
    }
    const std::string_view chunk = utf8.substr(pos, end - pos);
    if (csv_parse(parser.get(), chunk.data(), chunk.size(), OnField, OnRowEnd, &st) !=
        chunk.size()) {
      return csv_error(parser.get()) == CSV_ENOMEM
                 ? Status::Limit("not enough memory to read the file")
                 : Status::Invalid("line " + std::to_string(st.line) + ": " +
                                   csv_strerror(csv_error(parser.get())));
    }
    st.line += CountLineBreaks(chunk);
    pos = end;
  }
  if (!st.failure.ok()) return st.failure;
  // libcsv reports an unterminated quoted field only in strict mode (CSV_STRICT_FINI needs
  // CSV_STRICT, which would also refuse the stray quotes real files have), so the parser's state is
  // read here: inside a field (libcsv's FIELD_BEGUN, 2) that began with a quote.
  constexpr int kLibcsvFieldBegun = 2;
  if (parser->pstate == kLibcsvFieldBegun && parser->quoted)
    return Status::Invalid("a quoted field after line " + std::to_string(st.last_row_end) +
                           " has no closing quote (\"); the rest of the file would be one field");
  if (csv_fini(parser.get(), OnField, OnRowEnd, &st) != 0)
    return Status::Invalid("a quoted field after line " + std::to_string(st.last_row_end) +
                           " has no closing quote (\"); the rest of the file would be one field");
  if (!st.failure.ok()) return st.failure;
  return std::move(st.rows);
}

}  // namespace machikado::opendata
