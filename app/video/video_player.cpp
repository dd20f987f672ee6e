// PlayerStateName and FakeVideoPlayer (video_player.h).
#include "video/video_player.h"

#include <cstring>

namespace machikado::video {

std::string_view PlayerStateName(PlayerState s) {
  switch (s) {
    case PlayerState::kIdle:
      return "idle";
    case PlayerState::kLoading:
      return "loading";
    case PlayerState::kPlaying:
      return "playing";
    case PlayerState::kPaused:
      return "paused";
    case PlayerState::kEnded:
      return "ended";
    case PlayerState::kFailed:
      return "failed";
  }
  return "idle";
}

void FakeVideoPlayer::Open(const std::string& path, bool loop) {
  ++opens;
  opened_path = path;
  opened_loop = loop;
  state_ = PlayerState::kLoading;
  error_.clear();
}

void FakeVideoPlayer::Play() {
  ++plays;
  if (state_ == PlayerState::kPaused || state_ == PlayerState::kLoading)
    state_ = PlayerState::kPlaying;
}

void FakeVideoPlayer::Pause() {
  ++pauses;
  if (state_ == PlayerState::kPlaying) state_ = PlayerState::kPaused;
}

void FakeVideoPlayer::Stop() {
  ++stops;
  state_ = PlayerState::kIdle;
  frame_ready_ = false;
}

bool FakeVideoPlayer::RenderFrame(int w, int h, int stride, uint8_t* pixels) {
  ++renders;
  frame_ready_ = false;
  if (state_ == PlayerState::kIdle || state_ == PlayerState::kFailed) return false;
  for (int y = 0; y < h; ++y) {
    uint8_t* row = pixels + static_cast<size_t>(y) * stride;
    for (int x = 0; x < w; ++x) {
      std::memcpy(row + 4 * x, color_, 3);
      row[4 * x + 3] = 255;
    }
  }
  return true;
}

}  // namespace machikado::video
