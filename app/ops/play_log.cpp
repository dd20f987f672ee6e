#include "ops/play_log.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "feed/datetime.h"

namespace machikado::ops {

std::string PlayRecordToJson(const PlayRecord& r) {
  nlohmann::json j = {{"item", r.item_id},
                      {"kind", feed::KindName(r.kind)},
                      {"feed", r.feed},
                      {"start", feed::FormatRfc3339(r.start, 0)},
                      {"seconds", std::round(r.seconds * 10) / 10},
                      {"lang", r.lang},
                      {"mode", schedule::ModeName(r.mode)},
                      {"status", feed::StatusName(r.status)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PlayLog::PlayLog(PlayLogOptions options, FileSystem& fs)
    : options_(std::move(options)),
      fs_(fs),
      writer_(BackgroundWriter::Keep::kEveryJob, options_.max_queue) {
  if (Status s = fs_.MakeDirs(options_.dir); !s.ok()) ++write_errors_;
}

void PlayLog::Record(PlayRecord record) {
  writer_.Post([this, line = PlayRecordToJson(record)] { WriteLine(line); });
}

void PlayLog::Flush() {
  writer_.Flush();
}

uint64_t PlayLog::dropped() const {
  return writer_.dropped();
}

uint64_t PlayLog::write_errors() const {
  return write_errors_.load();
}

void PlayLog::WriteLine(const std::string& line) {
  const std::string current = options_.dir + "/play.jsonl";
  Result<uint64_t> size = fs_.FileSize(current);
  if (size.ok() && *size + line.size() + 1 > options_.max_bytes) {
    // Rotate: play.<keep-1> → play.<keep>, …, play.jsonl → play.1.jsonl.
    auto name = [&](int i) { return options_.dir + "/play." + std::to_string(i) + ".jsonl"; };
    fs_.Remove(name(options_.keep));
    for (int i = options_.keep - 1; i >= 1; --i) fs_.Rename(name(i), name(i + 1));
    fs_.Rename(current, name(1));
  }
  Result<std::unique_ptr<WritableFile>> f = fs_.AppendFile(current, /*truncate=*/false);
  Status s = f.ok() ? (*f)->Append(line + "\n") : f.status();
  if (f.ok()) {
    Status closed = (*f)->Close();
    if (s.ok()) s = closed;
  }
  if (!s.ok()) ++write_errors_;
}

}  // namespace machikado::ops
