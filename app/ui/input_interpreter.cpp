#include "ui/input_interpreter.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <SDL2/SDL_touch.h>

#include "ui/touch_metrics.h"

namespace machikado::ui {

namespace {
constexpr double kTapSlopMm = 5;            // a finger that moved less than this tapped
constexpr double kSwipeMinMm = 15;          // a swipe travels at least this far …
constexpr float kSwipeMinFraction = 0.08f;  // … or this share of the width, whichever is less
constexpr int64_t kSwipeMaxMs = 1200;       // slower than this is a drag, not a swipe
}  // namespace

std::string_view IntentName(Intent::Type t) {
  switch (t) {
    case Intent::Type::kOpenDetail:
      return "open-detail";
    case Intent::Type::kCloseDetail:
      return "close-detail";
    case Intent::Type::kStep:
      return "step";
    case Intent::Type::kSetKindFilter:
      return "set-kind-filter";
    case Intent::Type::kSetLanguage:
      return "set-language";
    case Intent::Type::kRedraw:
      return "redraw";
    case Intent::Type::kRestoreWindow:
      return "restore-window";
    case Intent::Type::kExit:
      return "exit";
  }
  return "";
}

schedule::KindMask KindsForTab(Tab tab) {
  using schedule::KindMask;
  switch (tab) {
    case Tab::kAll:
      return KindMask::All();
    case Tab::kNews:
      return KindMask::Only(feed::Kind::kNews);
    // Alerts below takeover belong with preparedness: both are about safety.
    case Tab::kPreparedness:
      return KindMask::Only(feed::Kind::kPreparedness).With(feed::Kind::kAlert);
    case Tab::kProject:
      return KindMask::Only(feed::Kind::kProject);
  }
  return KindMask::All();
}

InputInterpreter::InputInterpreter(InputConfig config) : config_(std::move(config)) {
  layout_ = ComputeChromeLayout(config_.width, config_.height, config_.dpi);
  state_.language = config_.default_language;
}

void InputInterpreter::SetCurrentItem(std::string id, std::vector<std::string> languages) {
  if (state_.detail_open && id != state_.detail_item_id) {
    state_.scroll_y = 0;
    state_.scroll_max = 0;
  }
  current_id_ = std::move(id);
  current_languages_ = std::move(languages);
  if (state_.detail_open) {
    state_.detail_item_id = current_id_;
    state_.detail_languages = current_languages_;
  }
}

void InputInterpreter::SetScrollMax(float max_px) {
  state_.scroll_max = std::max(0.0f, max_px);
  state_.scroll_y = std::clamp(state_.scroll_y, 0.0f, state_.scroll_max);
}

void InputInterpreter::SetScreenSize(int width, int height) {
  config_.width = width;
  config_.height = height;
  layout_ = ComputeChromeLayout(width, height, config_.dpi);
}

bool InputInterpreter::at_rest() const {
  return !state_.detail_open && !state_.browsing && state_.language == config_.default_language &&
         state_.kinds.all();
}

void InputInterpreter::Activity(int64_t now_ms, std::vector<Intent>& out) {
  last_input_ms_ = now_ms;
  any_input_ = true;
  if (!state_.browsing) {
    state_.browsing = true;
    out.push_back(Intent::Of(Intent::Type::kRedraw));
  }
}

std::vector<Intent> InputInterpreter::HandleEvent(const SDL_Event& e, int64_t now_ms) {
  std::vector<Intent> out;
  const float W = float(config_.width), H = float(config_.height);
  switch (e.type) {
    case SDL_QUIT:
      if (!config_.kiosk) out.push_back(Intent::Of(Intent::Type::kExit));
      break;
    case SDL_WINDOWEVENT:
      if (config_.kiosk && e.window.event == SDL_WINDOWEVENT_MINIMIZED)
        out.push_back(Intent::Of(Intent::Type::kRestoreWindow));
      if (e.window.event == SDL_WINDOWEVENT_EXPOSED)
        out.push_back(Intent::Of(Intent::Type::kRedraw));
      break;
    case SDL_FINGERDOWN:
      if (tracking_) break;  // one finger drives gestures; others are ignored
      finger_ = e.tfinger.fingerId;
      finger_gesture_ = true;
      Activity(now_ms, out);
      PointerDown(e.tfinger.x * W, e.tfinger.y * H, now_ms, out);
      break;
    case SDL_FINGERMOTION:
      if (!tracking_ || !finger_gesture_ || e.tfinger.fingerId != finger_) break;
      Activity(now_ms, out);
      PointerMove(e.tfinger.x * W, e.tfinger.y * H, out);
      break;
    case SDL_FINGERUP:
      if (!tracking_ || !finger_gesture_ || e.tfinger.fingerId != finger_) break;
      Activity(now_ms, out);
      PointerUp(e.tfinger.x * W, e.tfinger.y * H, now_ms, out);
      break;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT || tracking_)
        break;
      finger_gesture_ = false;
      Activity(now_ms, out);
      PointerDown(float(e.button.x), float(e.button.y), now_ms, out);
      break;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) break;
      if (tracking_ && !finger_gesture_) {
        Activity(now_ms, out);
        PointerMove(float(e.motion.x), float(e.motion.y), out);
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
      if (!tracking_ || finger_gesture_) break;
      Activity(now_ms, out);
      PointerUp(float(e.button.x), float(e.button.y), now_ms, out);
      break;
    case SDL_MOUSEWHEEL:
      if (e.wheel.which == SDL_TOUCH_MOUSEID) break;
      Activity(now_ms, out);
      if (state_.detail_open) ScrollBy(-float(e.wheel.y) * 120 * layout_.unit, out);
      break;
    case SDL_KEYDOWN:
      if (config_.exit_chord.Matches(e.key.keysym.sym, e.key.keysym.mod)) {
        out.push_back(Intent::Of(Intent::Type::kExit));
        break;
      }
      Activity(now_ms, out);
      Key(e.key, out);
      break;
    default:
      break;
  }
  return out;
}

void InputInterpreter::PointerDown(float x, float y, int64_t now_ms, std::vector<Intent>& out) {
  tracking_ = true;
  dragging_ = false;
  down_x_ = x;
  down_y_ = y;
  last_y_ = y;
  down_ms_ = now_ms;
  pointer_ = {true, x, y};
  out.push_back(Intent::Of(Intent::Type::kRedraw));  // pressed look
}

void InputInterpreter::PointerMove(float x, float y, std::vector<Intent>& out) {
  pointer_.x = x;
  pointer_.y = y;
  const float slop = float(MmToPx(kTapSlopMm, config_.dpi));
  const float dx = x - down_x_, dy = y - down_y_;
  // A mostly vertical drag in the detail scrolls it, following the finger.
  if (state_.detail_open && !dragging_ && std::abs(dy) > slop && std::abs(dy) > std::abs(dx))
    dragging_ = true;
  if (dragging_) {
    ScrollBy(last_y_ - y, out);
    last_y_ = y;
  }
}

void InputInterpreter::PointerUp(float x, float y, int64_t now_ms, std::vector<Intent>& out) {
  tracking_ = false;
  pointer_ = {false, x, y};
  out.push_back(Intent::Of(Intent::Type::kRedraw));
  if (dragging_) {
    dragging_ = false;
    return;
  }
  const float dx = x - down_x_, dy = y - down_y_;
  const float slop = float(MmToPx(kTapSlopMm, config_.dpi));
  const float swipe =
      std::min(float(MmToPx(kSwipeMinMm, config_.dpi)), kSwipeMinFraction * float(config_.width));
  const int64_t held = now_ms - down_ms_;
  if (std::abs(dx) >= std::max(swipe, slop) && std::abs(dx) > 2 * std::abs(dy) &&
      held <= kSwipeMaxMs) {
    // Finger moves left → the next slide comes in from the right.
    Step(dx < 0 ? +1 : -1, out);
    return;
  }
  if (std::hypot(dx, dy) < slop) Tap(down_x_, down_y_, out);
}

void InputInterpreter::Tap(float x, float y, std::vector<Intent>& out) {
  if (state_.detail_open) {
    const Hit hit = HitDetail(layout_, x, y);
    switch (hit.target) {
      case Target::kClose:
        Close(out);
        break;
      case Target::kLanguage:
        CycleLanguage(out);
        break;
      case Target::kTab:
        ChooseTab(hit.tab, out);
        break;
      default:
        break;  // reading: a tap on the content does nothing
    }
    return;
  }
  if (state_.browsing) {
    const Hit hit = HitBrowseBar(layout_, x, y);
    switch (hit.target) {
      case Target::kPrevious:
        Step(-1, out);
        return;
      case Target::kNext:
        Step(+1, out);
        return;
      case Target::kLanguage:
        CycleLanguage(out);
        return;
      case Target::kTab:
        ChooseTab(hit.tab, out);
        return;
      default:
        break;
    }
  }
  Open(out);
}

void InputInterpreter::Key(const SDL_KeyboardEvent& k, std::vector<Intent>& out) {
  const float page = layout_.content.h * 0.8f, line = 120 * layout_.unit;
  switch (k.keysym.sym) {
    case SDLK_RIGHT:
      Step(+1, out);
      break;
    case SDLK_LEFT:
      Step(-1, out);
      break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
      if (!state_.detail_open) Open(out);
      break;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE:
    case SDLK_AC_BACK:
      if (state_.detail_open) Close(out);
      break;
    case SDLK_DOWN:
      if (state_.detail_open) ScrollBy(line, out);
      break;
    case SDLK_UP:
      if (state_.detail_open) ScrollBy(-line, out);
      break;
    case SDLK_PAGEDOWN:
      if (state_.detail_open) ScrollBy(page, out);
      break;
    case SDLK_PAGEUP:
      if (state_.detail_open) ScrollBy(-page, out);
      break;
    case SDLK_HOME:
      if (state_.detail_open) ScrollBy(-state_.scroll_y, out);
      break;
    case SDLK_END:
      if (state_.detail_open) ScrollBy(state_.scroll_max - state_.scroll_y, out);
      break;
    case SDLK_TAB: {
      size_t i = 0;
      while (i < 4 && kTabs[i] != state_.tab) ++i;
      ChooseTab(kTabs[(i + ((k.keysym.mod & KMOD_SHIFT) ? 3 : 1)) % 4], out);
      break;
    }
    case SDLK_l:
      CycleLanguage(out);
      break;
    default:
      break;
  }
}

void InputInterpreter::Step(int delta, std::vector<Intent>& out) {
  Intent i = Intent::Of(Intent::Type::kStep);
  i.step = delta;
  out.push_back(i);
  // In the detail, the view follows the new current slide (SetCurrentItem) from the top.
  state_.scroll_y = 0;
}

void InputInterpreter::Open(std::vector<Intent>& out) {
  if (state_.detail_open || current_id_.empty()) return;
  state_.detail_open = true;
  state_.detail_item_id = current_id_;
  state_.detail_languages = current_languages_;
  state_.scroll_y = 0;
  state_.scroll_max = 0;
  out.push_back(Intent::Of(Intent::Type::kOpenDetail));
}

void InputInterpreter::Close(std::vector<Intent>& out) {
  if (!state_.detail_open) return;
  state_.detail_open = false;
  state_.detail_item_id.clear();
  state_.detail_languages.clear();
  state_.scroll_y = 0;
  out.push_back(Intent::Of(Intent::Type::kCloseDetail));
}

void InputInterpreter::ChooseTab(Tab tab, std::vector<Intent>& out) {
  // Choosing a category from the detail goes back to the rotation, showing that category.
  Close(out);
  if (tab == state_.tab) return;
  state_.tab = tab;
  state_.kinds = KindsForTab(tab);
  Intent i = Intent::Of(Intent::Type::kSetKindFilter);
  i.kinds = state_.kinds;
  out.push_back(i);
}

void InputInterpreter::CycleLanguage(std::vector<Intent>& out) {
  const auto& langs = state_.detail_open ? state_.detail_languages : current_languages_;
  if (langs.size() < 2 && EffectiveLanguage(langs, state_.language) == state_.language) return;
  const std::string next = NextLanguage(langs, state_.language);
  if (next == state_.language) return;
  state_.language = next;
  state_.scroll_y = 0;
  Intent i = Intent::Of(Intent::Type::kSetLanguage);
  i.language = next;
  out.push_back(i);
}

void InputInterpreter::ScrollBy(float dy, std::vector<Intent>& out) {
  const float before = state_.scroll_y;
  state_.scroll_y = std::clamp(state_.scroll_y + dy, 0.0f, state_.scroll_max);
  if (state_.scroll_y != before) out.push_back(Intent::Of(Intent::Type::kRedraw));
}

std::vector<Intent> InputInterpreter::Tick(int64_t now_ms) {
  std::vector<Intent> out;
  if (at_rest() || now_ms < next_deadline_ms()) return out;
  // Back to the lobby: as if nobody had touched the screen.
  Close(out);
  if (!state_.kinds.all()) {
    state_.tab = Tab::kAll;
    state_.kinds = schedule::KindMask::All();
    Intent i = Intent::Of(Intent::Type::kSetKindFilter);
    i.kinds = state_.kinds;
    out.push_back(i);
  }
  if (state_.language != config_.default_language) {
    state_.language = config_.default_language;
    Intent i = Intent::Of(Intent::Type::kSetLanguage);
    i.language = state_.language;
    out.push_back(i);
  }
  state_.browsing = false;
  tracking_ = dragging_ = false;
  pointer_ = {};
  out.push_back(Intent::Of(Intent::Type::kRedraw));
  return out;
}

int64_t InputInterpreter::next_deadline_ms() const {
  if (at_rest()) return INT64_MAX;
  return last_input_ms_ + config_.idle_return_ms;
}

}  // namespace machikado::ui
