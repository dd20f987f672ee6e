// Publishing under disk faults: a full disk or a failing rename leaves the old pair served and on
// disk, with no temp files; a killed publish's temp files are removed at the next start.
#include "console/publisher.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "console/secrets.h"
#include "core/faulty_file_system.h"
#include "core/temp_dir.h"
#include "trust/minisign.h"

namespace machikado::console {
namespace {

struct Fixture {
  ScopedTempDir dir{"console-publish"};
  PosixFileSystem posix;
  FaultyFileSystem faulty{posix};
  trust::SecretKey key = LoadOrCreateKey(posix, dir.path(), true).value();
  std::string out = dir.path() + "/publish";
  std::vector<std::string> Names() { return posix.ListDir(out).value(); }
};

TEST(FeedPublisher, FullDiskKeepsTheOldFeedServed) {
  Fixture f;
  FeedPublisher pub(f.out, f.faulty, f.key);
  ASSERT_TRUE(pub.Start().ok());
  ASSERT_TRUE(pub.Publish("news", "{\"old\":1}\n", 100).ok());
  f.faulty.SetWriteBudget(5);  // the disk fills in the middle of the new body
  Result<Published> r = pub.Publish("news", "{\"new\":2, \"padding\": \"xxxxxxxx\"}\n", 200);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("disk full"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("previous version stays"), std::string::npos);
  EXPECT_EQ(pub.Get("news")->body, "{\"old\":1}\n");
  EXPECT_EQ(f.posix.ReadFile(f.out + "/news.json", 1 << 20).value(), "{\"old\":1}\n");
  // The pair on disk still verifies, and no temp file is left.
  auto pk = trust::ParsePublicKey(PublicKeyLine(f.key)).value();
  trust::SignatureError e;
  EXPECT_TRUE(trust::VerifySignature(f.posix.ReadFile(f.out + "/news.json", 1 << 20).value(),
                                     f.posix.ReadFile(f.out + "/news.json.minisig", 4096).value(),
                                     {pk}, &e));
  EXPECT_EQ(f.Names().size(), 2u);
  // Room again: the next publish goes through.
  f.faulty.ClearFaults();
  EXPECT_TRUE(pub.Publish("news", "{\"new\":3}\n", 300).ok());
  EXPECT_EQ(pub.Get("news")->body, "{\"new\":3}\n");
}

TEST(FeedPublisher, SignatureWriteFailureLeavesNothingNew) {
  Fixture f;
  FeedPublisher pub(f.out, f.faulty, f.key);
  ASSERT_TRUE(pub.Start().ok());
  ASSERT_TRUE(pub.Publish("news", "{\"old\":1}\n", 100).ok());
  f.faulty.FailOn(FsOp::kSync, EIO, 1, 1);  // the body syncs, the signature does not
  ASSERT_FALSE(pub.Publish("news", "{\"new\":2}\n", 200).ok());
  EXPECT_EQ(f.posix.ReadFile(f.out + "/news.json", 1 << 20).value(), "{\"old\":1}\n");
  EXPECT_EQ(f.Names().size(), 2u);
}

TEST(FeedPublisher, StartRemovesTempFilesOfAKilledPublishAndLoadsPairs) {
  Fixture f;
  {
    FeedPublisher pub(f.out, f.posix, f.key);
    ASSERT_TRUE(pub.Start().ok());
    ASSERT_TRUE(pub.Publish("news", "{\"a\":1}\n", 100).ok());
  }
  ASSERT_TRUE(f.posix.WriteFileAtomic(f.out + "/news.json.tmp-1-1", "torn").ok());
  FeedPublisher again(f.out, f.posix, f.key);
  ASSERT_TRUE(again.Start().ok());
  EXPECT_EQ(f.Names().size(), 2u);
  ASSERT_TRUE(again.Get("news"));
  EXPECT_EQ(again.Get("news")->body, "{\"a\":1}\n");
}

}  // namespace
}  // namespace machikado::console
