#include "kiosk/proof_of_play.h"

namespace machikado::kiosk {

void ProofOfPlay::Show(const feed::Item* item, const std::string& lang, schedule::Mode mode,
                       UnixSeconds start, int64_t mono_ms) {
  if (item && showing_ && showing_->item_id == item->id && showing_->feed == item->feed_id &&
      showing_->lang == lang && showing_->mode == mode)
    return;
  Close(mono_ms);
  if (!item) return;
  showing_ =
      ops::PlayRecord{item->id, item->kind, item->feed_id, start, 0, lang, mode, item->status};
  start_ms_ = mono_ms;
  ++shown_;
  ++by_kind_[std::string(feed::KindName(item->kind))];
}

void ProofOfPlay::Close(int64_t mono_ms) {
  if (!showing_) return;
  showing_->seconds = static_cast<double>(mono_ms - start_ms_) / 1000.0;
  if (log_) log_->Record(std::move(*showing_));
  showing_.reset();
}

void ProofOfPlay::Flush() {
  if (log_) log_->Flush();
}

}  // namespace machikado::kiosk
