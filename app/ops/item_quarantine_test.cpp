// The quarantine of poison items: a marker that survives a dead run quarantines its item at the
// next start; clean exits, other boots and changed items do not keep anything quarantined.
#include "ops/item_quarantine.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "core/faulty_file_system.h"
#include "core/temp_dir.h"

namespace machikado::ops {
namespace {

const QuarantineKey kA{"news", "a", "00000000000000aa"};
const QuarantineKey kB{"news", "b", "00000000000000bb"};
constexpr UnixSeconds kNow = 1795392000;

class ItemQuarantineTest : public ::testing::Test {
 protected:
  std::unique_ptr<ItemQuarantine> Start(std::string boot = "boot-1", UnixSeconds now = kNow) {
    auto q = std::make_unique<ItemQuarantine>(tmp_.file("quarantine"), fs_, log_, boot);
    q->Open(now);
    return q;
  }
  ScopedTempDir tmp_;
  PosixFileSystem fs_;
  MemoryLog log_;
};

TEST_F(ItemQuarantineTest, AMarkerThatSurvivesARunQuarantinesItsItemAtTheNextStart) {
  {
    auto run = Start();
    run->Mark(kA, "preparing");
    // The process dies here: nothing clears the marker.
  }
  auto next = Start();
  EXPECT_TRUE(next->Contains(kA));
  EXPECT_FALSE(next->Contains(kB));
  ASSERT_EQ(next->entries().size(), 1u);
  EXPECT_EQ(next->entries()[0].phase, "preparing");
  EXPECT_EQ(next->entries()[0].since, kNow);
  EXPECT_EQ(next->quarantined_this_run(), 1u);
  EXPECT_TRUE(log_.contains("died while preparing item a of feed news"));
  // Kept across further starts (the list is on disk), without counting it again.
  next.reset();
  auto third = Start();
  EXPECT_TRUE(third->Contains(kA));
  EXPECT_EQ(third->quarantined_this_run(), 0u);
}

TEST_F(ItemQuarantineTest, ACleanExitQuarantinesNothing) {
  {
    auto run = Start();
    run->Mark(kA, "showing");
    run->Clear();
  }
  EXPECT_TRUE(Start()->entries().empty());
}

TEST_F(ItemQuarantineTest, TheMarkerFollowsTheItemBeingWorkedOn) {
  {
    auto run = Start();
    run->Mark(kA, "preparing");
    run->Mark(kA, "showing");
    run->Mark(kB, "preparing");  // the next slide, while A is on screen
  }
  auto next = Start();
  EXPECT_FALSE(next->Contains(kA));
  EXPECT_TRUE(next->Contains(kB));
}

TEST_F(ItemQuarantineTest, AMarkerFromAnotherBootIsNotHeldAgainstTheItem) {
  {
    auto run = Start("boot-1");
    run->Mark(kA, "showing");  // then the power goes
  }
  auto after_reboot = Start("boot-2");
  EXPECT_TRUE(after_reboot->entries().empty());
  EXPECT_TRUE(log_.contains("the machine restarted"));
}

TEST_F(ItemQuarantineTest, AChangedOrVanishedItemLeavesQuarantine) {
  {
    auto run = Start();
    run->Mark(kA, "preparing");
  }
  auto q = Start();
  ASSERT_TRUE(q->Contains(kA));
  // The feed has not loaded yet: its entries stay.
  EXPECT_FALSE(q->Retain({}, {}, kNow + 10));
  EXPECT_TRUE(q->Contains(kA));
  // The same item unchanged: stays.
  EXPECT_FALSE(q->Retain({kA, kB}, {"news"}, kNow + 10));
  // Changed (another content hash): shown again, and the list on disk says so.
  const QuarantineKey changed{"news", "a", "00000000000000cc"};
  EXPECT_TRUE(q->Retain({changed, kB}, {"news"}, kNow + 20));
  EXPECT_FALSE(q->Contains(kA));
  q.reset();
  EXPECT_TRUE(Start()->entries().empty());
}

TEST_F(ItemQuarantineTest, AnEntryExpiresAfterADay) {
  {
    auto run = Start();
    run->Mark(kA, "preparing");
  }
  auto q = Start();
  EXPECT_FALSE(q->Retain({kA}, {"news"}, kNow + 24 * 3600 - 1));
  EXPECT_TRUE(q->Retain({kA}, {"news"}, kNow + 24 * 3600));
  EXPECT_FALSE(q->Contains(kA));
}

TEST_F(ItemQuarantineTest, AFailingDiskIsLoggedOnceAndNeverStopsTheKiosk) {
  FaultyFileSystem faulty(fs_);
  ItemQuarantine q(tmp_.file("quarantine"), faulty, log_, "boot-1");
  q.Open(kNow);
  faulty.FailOn(FsOp::kCreate, ENOSPC);
  q.Mark(kA, "preparing");
  q.Mark(kB, "preparing");
  size_t warnings = 0;
  for (const auto& l : log_.lines())
    if (l.text.find("cannot write the marker") != std::string::npos) ++warnings;
  EXPECT_EQ(warnings, 1u);
  q.Clear();
}

TEST_F(ItemQuarantineTest, AnUnreadableListStartsEmpty) {
  ASSERT_TRUE(fs_.MakeDirs(tmp_.file("quarantine")).ok());
  ASSERT_TRUE(fs_.WriteFileAtomic(tmp_.file("quarantine/items.json"), "{not json").ok());
  auto q = Start();
  EXPECT_TRUE(q->entries().empty());
}

}  // namespace
}  // namespace machikado::ops
