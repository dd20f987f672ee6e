// Labels of the touch chrome (close button, category tabs, language button, scroll hints) in the
// visitor's language, and language names written in their own script (日本語, English, 简体中文,
// 한국어, Tiếng Việt, やさしい にほんご) so that a visitor recognises their own language on the
// button. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed/model.h"

namespace machikado::ui {

// The four category tabs, in display order.
enum class Tab { kAll, kNews, kPreparedness, kProject };
inline constexpr Tab kTabs[] = {Tab::kAll, Tab::kNews, Tab::kPreparedness, Tab::kProject};

enum class ChromeLabel {
  kClose,       // ✕ 閉じる
  kLanguage,    // caption of the language button
  kScrollMore,  // "more below" hint
  kScanQr,      // caption under the QR code
  kPrevious,    // ◀ previous slide
  kNext,        // next slide ▶
  kTapForDetails,
};

// A language's own name: "ja" → 日本語, "en" → English, "ja-x-easy" → やさしい にほんご; an unknown
// tag is returned as written.
std::string LanguageName(std::string_view lang);
std::string TabLabel(Tab tab, std::string_view lang);
std::string ChromeText(ChromeLabel label, std::string_view lang);

// The languages an item provides, in feed order: those of its title, then any further ones of its
// summary and body.
std::vector<std::string> ItemLanguages(const feed::Item& item);

// The language after `current` in `languages` (wrapping). When `current` is not provided, the
// feed's fallback applies (requested → ja → first), and the one after that is returned.
std::string NextLanguage(const std::vector<std::string>& languages, std::string_view current);

// The language actually shown for `requested` among `languages` (requested → ja → first).
std::string EffectiveLanguage(const std::vector<std::string>& languages,
                              std::string_view requested);

}  // namespace machikado::ui
