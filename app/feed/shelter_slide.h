// The kiosk's own shelter slide 「この近くの指定緊急避難場所」: a preparedness item made from the
// shelter register of the feeds the kiosk reads (not published by anyone), so that it takes part
// in the rotation, the detail view and `machikado render` like any item. Its
// preparedness.nearby_shelters selects the shelter template (render/template_shelters.cpp). Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "feed/model.h"

namespace machikado::feed {

// The item's feed id: outside the feed-id alphabet, so no published feed can collide with it.
inline constexpr std::string_view kShelterSlideFeedId = "(machikado)";
inline constexpr std::string_view kShelterSlideItemId = "shelters-nearby";

// The slide listing `shelters` (in that order); nullopt when there are none. Title and summary
// in ja, ja-x-easy, en, zh-Hans, ko and vi.
std::optional<Item> MakeShelterSlideItem(std::vector<NearbyShelter> shelters);

// Whether `item` is such a slide.
bool IsShelterSlide(const Item& item);

}  // namespace machikado::feed
