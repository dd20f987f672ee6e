// LargestFitting: finds the largest candidate that fits with about log2(n) probes.
#include "render/fill_search.h"

#include <gtest/gtest.h>

#include <vector>

namespace machikado::render {
namespace {

constexpr float kScales[] = {1.0f, 1.1f, 1.2f, 1.3f, 1.4f, 1.5f, 1.6f, 1.8f};

TEST(LargestFitting, ReturnsTheLargestCandidateThatFitsForEveryThreshold) {
  for (float limit : {0.5f, 1.0f, 1.05f, 1.25f, 1.5f, 1.7f, 2.0f}) {
    std::vector<float> tried;
    const float k = LargestFitting(kScales, -1.0f, [&](float c) {
      tried.push_back(c);
      return c <= limit;
    });
    float want = -1;
    for (float c : kScales)
      if (c <= limit) want = c;
    EXPECT_FLOAT_EQ(k, want) << "limit " << limit;
    EXPECT_LE(tried.size(), 4u) << "limit " << limit;  // ⌈log2(8 + 1)⌉
  }
}

TEST(LargestFitting, NoCandidatesGivesNone) {
  EXPECT_FLOAT_EQ(LargestFitting(std::span<const float>(), 0.0f, [](float) { return true; }), 0.0f);
}

}  // namespace
}  // namespace machikado::render
