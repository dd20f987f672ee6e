// Tests of LabelLangOf and PickLabel (label_lang.h): which of the six label sets a visitor's
// language tag reads.
#include "render/label_lang.h"

#include <gtest/gtest.h>

#include <string>

namespace machikado::render {
namespace {

TEST(LabelLangTest, ReadsThePrimarySubtagWhole) {
  EXPECT_EQ(LabelLangOf("ja"), LabelLang::kJa);
  EXPECT_EQ(LabelLangOf("ja-JP"), LabelLang::kJa);
  EXPECT_EQ(LabelLangOf("ja-x-easy"), LabelLang::kEasy);
  EXPECT_EQ(LabelLangOf("zh-Hans"), LabelLang::kZh);
  EXPECT_EQ(LabelLangOf("zh"), LabelLang::kZh);
  EXPECT_EQ(LabelLangOf("ko"), LabelLang::kKo);
  EXPECT_EQ(LabelLangOf("vi-VN"), LabelLang::kVi);
  // Other languages whose tags merely begin with the same letters read English.
  EXPECT_EQ(LabelLangOf("kok"), LabelLang::kEn);  // Konkani, not Korean
  EXPECT_EQ(LabelLangOf("jv"), LabelLang::kEn);
  EXPECT_EQ(LabelLangOf("pt-BR"), LabelLang::kEn);
  EXPECT_EQ(LabelLangOf(""), LabelLang::kEn);
}

TEST(LabelLangTest, PicksTheWordOfTheLanguage) {
  auto pick = [](std::string_view lang) {
    return std::string(
        PickLabel(LabelLangOf(lang), "閉じる", "とじる", "Close", "关闭", "닫기", "Đóng"));
  };
  EXPECT_EQ(pick("ja"), "閉じる");
  EXPECT_EQ(pick("ja-x-easy"), "とじる");
  EXPECT_EQ(pick("en"), "Close");
  EXPECT_EQ(pick("zh-Hant"), "关闭");
  EXPECT_EQ(pick("ko"), "닫기");
  EXPECT_EQ(pick("vi"), "Đóng");
  EXPECT_EQ(pick("fr"), "Close");
}

}  // namespace
}  // namespace machikado::render
