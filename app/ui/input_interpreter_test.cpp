#include "ui/input_interpreter.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "ui/touch_metrics.h"

namespace machikado::ui {
namespace {

using T = Intent::Type;

class InterpreterTest : public ::testing::Test {
 protected:
  InterpreterTest() : in_(Config()) { in_.SetCurrentItem("news-1", {"ja", "en", "ja-x-easy"}); }

  static InputConfig Config() {
    InputConfig c;
    c.width = 1920;
    c.height = 1080;
    c.dpi = 96;
    c.idle_return_ms = 60000;
    c.default_language = "ja";
    c.kiosk = true;
    c.exit_chord = ParseExitChord("ctrl+alt+shift+q").value();
    return c;
  }

  std::vector<Intent> Finger(Uint32 type, float x, float y, SDL_FingerID id = 7) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / 1920.0f;
    e.tfinger.y = y / 1080.0f;
    return in_.HandleEvent(e, now_);
  }
  std::vector<Intent> Tap(float x, float y) {
    auto a = Finger(SDL_FINGERDOWN, x, y);
    now_ += 80;
    auto b = Finger(SDL_FINGERUP, x + 2, y + 1);
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  std::vector<Intent> Tap(const RectF& r) { return Tap(r.x + r.w / 2, r.y + r.h / 2); }
  std::vector<Intent> Swipe(float x0, float x1, float y = 600) {
    auto out = Finger(SDL_FINGERDOWN, x0, y);
    now_ += 100;
    Finger(SDL_FINGERMOTION, (x0 + x1) / 2, y + 5);
    now_ += 100;
    auto up = Finger(SDL_FINGERUP, x1, y + 10);
    out.insert(out.end(), up.begin(), up.end());
    return out;
  }
  std::vector<Intent> Key(SDL_Keycode k, Uint16 mod = 0) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    return in_.HandleEvent(e, now_);
  }
  static bool Has(const std::vector<Intent>& v, T type) {
    return std::any_of(v.begin(), v.end(), [&](const Intent& i) { return i.type == type; });
  }
  static const Intent* Find(const std::vector<Intent>& v, T type) {
    for (const auto& i : v)
      if (i.type == type) return &i;
    return nullptr;
  }

  int64_t now_ = 1000;
  InputInterpreter in_;
};

TEST_F(InterpreterTest, TapOnSlideOpensDetailOfCurrentItem) {
  auto out = Tap(900, 500);
  EXPECT_TRUE(Has(out, T::kOpenDetail));
  EXPECT_TRUE(in_.state().detail_open);
  EXPECT_EQ(in_.state().detail_item_id, "news-1");
}

TEST_F(InterpreterTest, TapWithNothingOnScreenOpensNothing) {
  in_.SetCurrentItem("", {});
  EXPECT_FALSE(Has(Tap(900, 500), T::kOpenDetail));
  EXPECT_FALSE(in_.state().detail_open);
}

TEST_F(InterpreterTest, SwipeLeftStepsToNextAndRightToPrevious) {
  auto left = Swipe(1500, 900);
  ASSERT_NE(Find(left, T::kStep), nullptr);
  EXPECT_EQ(Find(left, T::kStep)->step, +1);
  EXPECT_FALSE(in_.state().detail_open);
  auto right = Swipe(500, 1100);
  ASSERT_NE(Find(right, T::kStep), nullptr);
  EXPECT_EQ(Find(right, T::kStep)->step, -1);
}

TEST_F(InterpreterTest, MostlyVerticalMoveIsNeitherSwipeNorTap) {
  auto out = Swipe(900, 1000, 300);  // dx 100 but y moves little: still a swipe
  EXPECT_TRUE(Has(out, T::kStep));
  auto down = Finger(SDL_FINGERDOWN, 900, 200);
  now_ += 100;
  auto up = Finger(SDL_FINGERUP, 960, 700);
  EXPECT_FALSE(Has(up, T::kStep));
  EXPECT_FALSE(Has(up, T::kOpenDetail));
}

TEST_F(InterpreterTest, SecondFingerIsIgnored) {
  Finger(SDL_FINGERDOWN, 900, 500, 1);
  auto other = Finger(SDL_FINGERUP, 100, 100, 2);
  EXPECT_FALSE(Has(other, T::kOpenDetail));
  now_ += 50;
  EXPECT_TRUE(Has(Finger(SDL_FINGERUP, 901, 500, 1), T::kOpenDetail));
}

TEST_F(InterpreterTest, CloseButtonClosesDetail) {
  Tap(900, 500);
  auto out = Tap(in_.layout().close);
  EXPECT_TRUE(Has(out, T::kCloseDetail));
  EXPECT_FALSE(in_.state().detail_open);
}

TEST_F(InterpreterTest, TapOnDetailContentKeepsItOpen) {
  Tap(900, 500);
  auto out = Tap(700, 700);
  EXPECT_FALSE(Has(out, T::kCloseDetail));
  EXPECT_TRUE(in_.state().detail_open);
}

TEST_F(InterpreterTest, LanguageButtonCyclesThroughTheItemsLanguages) {
  Tap(900, 500);
  std::vector<std::string> seen;
  for (int i = 0; i < 3; ++i) {
    auto out = Tap(in_.layout().language);
    ASSERT_NE(Find(out, T::kSetLanguage), nullptr);
    seen.push_back(Find(out, T::kSetLanguage)->language);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"en", "ja-x-easy", "ja"}));
  EXPECT_EQ(in_.state().language, "ja");
}

TEST_F(InterpreterTest, SingleLanguageItemHasNothingToCycle) {
  in_.SetCurrentItem("only-ja", {"ja"});
  Tap(900, 500);
  EXPECT_FALSE(Has(Tap(in_.layout().language), T::kSetLanguage));
}

TEST_F(InterpreterTest, CategoryTabInDetailFiltersAndReturnsToRotation) {
  Tap(900, 500);
  auto out = Tap(in_.layout().tabs[2]);  // 防災
  EXPECT_TRUE(Has(out, T::kCloseDetail));
  const Intent* f = Find(out, T::kSetKindFilter);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->kinds.Has(feed::Kind::kPreparedness));
  EXPECT_TRUE(f->kinds.Has(feed::Kind::kAlert));
  EXPECT_FALSE(f->kinds.Has(feed::Kind::kNews));
  EXPECT_EQ(in_.state().tab, Tab::kPreparedness);
}

TEST_F(InterpreterTest, BrowseBarAppearsOnInputAndItsButtonsWork) {
  EXPECT_FALSE(in_.state().browsing);
  Swipe(1500, 900);
  EXPECT_TRUE(in_.state().browsing);
  auto next = Tap(in_.layout().next);
  ASSERT_NE(Find(next, T::kStep), nullptr);
  EXPECT_EQ(Find(next, T::kStep)->step, 1);
  EXPECT_FALSE(Has(next, T::kOpenDetail));
  auto tab = Tap(in_.layout().browse_tabs[3]);
  ASSERT_NE(Find(tab, T::kSetKindFilter), nullptr);
  EXPECT_EQ(Find(tab, T::kSetKindFilter)->kinds, schedule::KindMask::Only(feed::Kind::kProject));
  auto lang = Tap(in_.layout().browse_language);
  ASSERT_NE(Find(lang, T::kSetLanguage), nullptr);
  EXPECT_EQ(Find(lang, T::kSetLanguage)->language, "en");
}

TEST_F(InterpreterTest, KeyboardDoesWhatTouchDoes) {
  EXPECT_EQ(Find(Key(SDLK_RIGHT), T::kStep)->step, 1);
  EXPECT_EQ(Find(Key(SDLK_LEFT), T::kStep)->step, -1);
  EXPECT_TRUE(Has(Key(SDLK_RETURN), T::kOpenDetail));
  EXPECT_TRUE(in_.state().detail_open);
  EXPECT_TRUE(Has(Key(SDLK_ESCAPE), T::kCloseDetail));
  EXPECT_FALSE(in_.state().detail_open);
  EXPECT_TRUE(Has(Key(SDLK_TAB), T::kSetKindFilter));
  EXPECT_EQ(in_.state().tab, Tab::kNews);
}

TEST_F(InterpreterTest, VerticalDragAndKeysScrollTheDetailWithinItsRange) {
  Tap(900, 500);
  in_.SetScrollMax(1000);
  Finger(SDL_FINGERDOWN, 700, 800);
  Finger(SDL_FINGERMOTION, 700, 600);
  Finger(SDL_FINGERMOTION, 700, 400);
  auto up = Finger(SDL_FINGERUP, 700, 400);
  EXPECT_FLOAT_EQ(in_.state().scroll_y, 400);
  EXPECT_FALSE(Has(up, T::kStep));
  Key(SDLK_END);
  EXPECT_FLOAT_EQ(in_.state().scroll_y, 1000);
  Key(SDLK_PAGEDOWN);
  EXPECT_FLOAT_EQ(in_.state().scroll_y, 1000);
  Key(SDLK_HOME);
  EXPECT_FLOAT_EQ(in_.state().scroll_y, 0);
}

TEST_F(InterpreterTest, SwipeInDetailStepsAndTheDetailFollowsTheNewSlide) {
  Tap(900, 500);
  auto out = Swipe(1500, 900);
  EXPECT_TRUE(Has(out, T::kStep));
  in_.SetCurrentItem("news-2", {"ja", "en"});
  EXPECT_TRUE(in_.state().detail_open);
  EXPECT_EQ(in_.state().detail_item_id, "news-2");
  EXPECT_EQ(in_.state().detail_languages, (std::vector<std::string>{"ja", "en"}));
}

TEST_F(InterpreterTest, IdleReturnClosesDetailResetsLanguageAndFilter) {
  Tap(900, 500);
  Tap(in_.layout().language);  // en
  Key(SDLK_TAB);               // leaves the detail, filter news
  Key(SDLK_RETURN);            // open again
  ASSERT_TRUE(in_.state().detail_open);
  ASSERT_EQ(in_.state().language, "en");
  const int64_t deadline = in_.next_deadline_ms();
  EXPECT_EQ(deadline, now_ + 60000);
  EXPECT_TRUE(in_.Tick(deadline - 1).empty());
  auto out = in_.Tick(deadline);
  EXPECT_TRUE(Has(out, T::kCloseDetail));
  ASSERT_NE(Find(out, T::kSetLanguage), nullptr);
  EXPECT_EQ(Find(out, T::kSetLanguage)->language, "ja");
  ASSERT_NE(Find(out, T::kSetKindFilter), nullptr);
  EXPECT_TRUE(Find(out, T::kSetKindFilter)->kinds.all());
  EXPECT_TRUE(in_.at_rest());
  EXPECT_EQ(in_.next_deadline_ms(), INT64_MAX);
  EXPECT_TRUE(in_.Tick(deadline + 100000).empty());
}

TEST_F(InterpreterTest, InputPostponesIdleReturn) {
  Tap(900, 500);
  now_ += 50000;
  Key(SDLK_DOWN);
  EXPECT_TRUE(in_.Tick(now_ + 59000).empty());
  EXPECT_TRUE(Has(in_.Tick(now_ + 60000), T::kCloseDetail));
}

TEST_F(InterpreterTest, OnlyTheExitChordExits) {
  EXPECT_FALSE(Has(Key(SDLK_F4, KMOD_LALT), T::kExit));
  EXPECT_FALSE(Has(Key(SDLK_q, KMOD_LCTRL), T::kExit));
  EXPECT_FALSE(Has(Key(SDLK_ESCAPE), T::kExit));
  EXPECT_FALSE(Has(Key(SDLK_q, KMOD_LCTRL | KMOD_LALT), T::kExit));
  EXPECT_TRUE(Has(Key(SDLK_q, KMOD_LCTRL | KMOD_RALT | KMOD_LSHIFT), T::kExit));
}

TEST_F(InterpreterTest, WindowCloseIsIgnoredInKioskModeOnly) {
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  EXPECT_FALSE(Has(in_.HandleEvent(quit, now_), T::kExit));
  InputConfig c = Config();
  c.kiosk = false;
  InputInterpreter windowed(c);
  EXPECT_TRUE(Has(windowed.HandleEvent(quit, now_), T::kExit));
}

TEST_F(InterpreterTest, MinimiseIsUndoneInKioskMode) {
  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = SDL_WINDOWEVENT_MINIMIZED;
  EXPECT_TRUE(Has(in_.HandleEvent(e, now_), T::kRestoreWindow));
}

TEST_F(InterpreterTest, MouseClickOpensButMouseEventsMadeFromTouchAreIgnored) {
  SDL_Event down{}, up{};
  down.type = SDL_MOUSEBUTTONDOWN;
  down.button.button = SDL_BUTTON_LEFT;
  down.button.which = SDL_TOUCH_MOUSEID;
  down.button.x = 900;
  down.button.y = 500;
  up = down;
  up.type = SDL_MOUSEBUTTONUP;
  in_.HandleEvent(down, now_);
  EXPECT_FALSE(Has(in_.HandleEvent(up, now_ + 50), T::kOpenDetail));
  down.button.which = up.button.which = 0;
  in_.HandleEvent(down, now_);
  EXPECT_TRUE(Has(in_.HandleEvent(up, now_ + 50), T::kOpenDetail));
}

TEST(ChromeLayoutTest, EveryTargetIsAtLeastTheMinimumAndOnScreen) {
  for (auto [w, h, dpi] : {std::tuple{1920, 1080, 96.0},
                           {1080, 1920, 96.0},
                           {1280, 720, 96.0},
                           {3840, 2160, 160.0},
                           {1920, 1080, 50.0}}) {
    const ChromeLayout l = ComputeChromeLayout(w, h, dpi);
    EXPECT_GE(l.min_target, MinTargetPx(dpi, w, h));
    std::vector<RectF> all{l.close, l.language, l.previous, l.next, l.browse_language};
    all.insert(all.end(), l.tabs.begin(), l.tabs.end());
    all.insert(all.end(), l.browse_tabs.begin(), l.browse_tabs.end());
    const RectF screen{0, 0, float(w), float(h)};
    for (size_t i = 0; i < all.size(); ++i) {
      EXPECT_GE(all[i].w, l.min_target) << w << "x" << h << " target " << i;
      EXPECT_GE(all[i].h, l.min_target) << w << "x" << h << " target " << i;
      EXPECT_TRUE(screen.Contains(all[i])) << w << "x" << h << " target " << i;
      for (size_t j = i + 1; j < all.size(); ++j) {
        const bool same_bar = (i < 2 || (i >= 5 && i < 9)) == (j < 2 || (j >= 5 && j < 9));
        if (!same_bar) continue;
        const bool overlap = all[i].x < all[j].right() && all[j].x < all[i].right() &&
                             all[i].y < all[j].bottom() && all[j].y < all[i].bottom();
        EXPECT_FALSE(overlap) << w << "x" << h << " targets " << i << " and " << j;
      }
    }
  }
}

}  // namespace
}  // namespace machikado::ui
