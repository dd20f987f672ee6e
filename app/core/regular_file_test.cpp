#include "core/regular_file.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "commands/feed_source.h"
#include "core/file_system.h"
#include "core/temp_dir.h"
#include "net/file_source.h"
#include "render/image_decoder.h"

namespace machikado {
namespace {

// A FIFO without a writer: a plain blocking open(O_RDONLY) would wait for a writer forever, so a
// regression here hangs the test (ctest's timeout catches it) rather than failing an assertion.
class RegularFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fifo_ = dir_.file("pipe.json");
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
    regular_ = dir_.file("feed.json");
    std::ofstream(regular_) << "{}";
  }
  ScopedTempDir dir_;
  std::string fifo_, regular_;
};

TEST_F(RegularFileTest, ARegularFileOpens) {
  Result<OpenedFile> f = OpenRegularFile(regular_);
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_GE(f->fd.get(), 0);
  EXPECT_EQ(f->st.st_size, 2);
}

TEST_F(RegularFileTest, AFifoIsRefusedWithoutBlocking) {
  Result<OpenedFile> f = OpenRegularFile(fifo_);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kIoError);
  EXPECT_NE(f.status().message().find("FIFO"), std::string::npos) << f.status().message();
}

TEST_F(RegularFileTest, DevicesAndDirectoriesAreRefused) {
  for (const char* path : {"/dev/zero", "/dev/null"}) {
    Result<OpenedFile> f = OpenRegularFile(path);
    ASSERT_FALSE(f.ok()) << path;
    EXPECT_NE(f.status().message().find("character device"), std::string::npos)
        << f.status().message();
  }
  Result<OpenedFile> d = OpenRegularFile(dir_.path());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("directory"), std::string::npos) << d.status().message();
}

TEST_F(RegularFileTest, AMissingFileIsNotFound) {
  EXPECT_EQ(OpenRegularFile(dir_.file("absent")).status().code(), StatusCode::kNotFound);
}

TEST_F(RegularFileTest, ASymlinkToARegularFileIsFollowed) {
  const std::string link = dir_.file("link.json");
  ASSERT_EQ(::symlink(regular_.c_str(), link.c_str()), 0);
  EXPECT_TRUE(OpenRegularFile(link).ok());
  const std::string to_fifo = dir_.file("link-to-pipe");
  ASSERT_EQ(::symlink(fifo_.c_str(), to_fifo.c_str()), 0);
  EXPECT_FALSE(OpenRegularFile(to_fifo).ok());
}

// Every reader of outside files goes through the same gate.
TEST_F(RegularFileTest, TheFileSystemRefusesAFifo) {
  PosixFileSystem fs;
  Result<std::string> r = fs.ReadFile(fifo_, 1 << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("FIFO"), std::string::npos);
  EXPECT_FALSE(fs.ReadFile("/dev/zero", 1 << 20).ok());
}

TEST_F(RegularFileTest, KioskFeedFilesRefuseAFifoAndADevice) {
  net::HttpRequest req;
  for (const std::string& url : {fifo_, "file://" + fifo_, std::string("/dev/zero")}) {
    req.url = url;
    net::FetchResult r = net::ReadLocalSource(req);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error.kind, net::FetchErrorKind::kFile) << url;
    EXPECT_NE(r.error.message.find("not a regular file"), std::string::npos) << r.error.message;
  }
}

TEST_F(RegularFileTest, CommandFeedSourcesRefuseAFifoAndADevice) {
  for (const std::string& src : {fifo_, "file://" + fifo_, std::string("/dev/zero")}) {
    Result<std::string> r = ReadFeedSource(src);
    ASSERT_FALSE(r.ok()) << src;
    EXPECT_NE(r.status().message().find("not a regular file"), std::string::npos)
        << r.status().message();
  }
}

TEST_F(RegularFileTest, ImageFilesRefuseAFifoAndADevice) {
  for (const std::string& path : {fifo_, std::string("/dev/zero"), dir_.path()}) {
    Result<std::string> r = render::ReadImageFile(path);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_NE(r.status().message().find("not a regular file"), std::string::npos)
        << r.status().message();
  }
}

TEST_F(RegularFileTest, AUnixSocketIsRefused) {
  const std::string path = dir_.file("s");
  const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof addr.sun_path);
  std::copy(path.begin(), path.end(), addr.sun_path);
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  Result<OpenedFile> f = OpenRegularFile(path);
  ::close(s);
  // open(2) of a socket fails with ENXIO: refused either way, never read.
  EXPECT_FALSE(f.ok());
}

}  // namespace
}  // namespace machikado
