#include "platform/service_notifier.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace machikado::platform {
namespace {

// A datagram socket standing in for systemd's notify socket.
class NotifySocket {
 public:
  NotifySocket() {
    path_ = std::string(::testing::TempDir()) + "notify-" + std::to_string(::getpid());
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, sizeof(addr.sun_path) - 1);
    ::unlink(path_.c_str());
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  }
  ~NotifySocket() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  std::string Receive() {
    char buf[512];
    timeval tv{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

TEST(SystemdNotifierTest, SendsReadyAndRateLimitedWatchdogPings) {
  NotifySocket sock;
  ::setenv("NOTIFY_SOCKET", sock.path().c_str(), 1);
  ::setenv("WATCHDOG_USEC", "2000000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  SystemdNotifier n;
  EXPECT_TRUE(n.watchdog_enabled());
  n.Ready();
  EXPECT_EQ(sock.Receive(), "READY=1");
  n.Watchdog(10'000);
  EXPECT_EQ(sock.Receive(), "WATCHDOG=1");
  n.Watchdog(10'500);  // within half the interval: no ping
  n.Watchdog(11'001);
  EXPECT_EQ(sock.Receive(), "WATCHDOG=1");
  n.Status("rotation");
  n.Status("rotation");  // unchanged: not resent
  n.Status("emergency");
  EXPECT_EQ(sock.Receive(), "STATUS=rotation");
  EXPECT_EQ(sock.Receive(), "STATUS=emergency");
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("WATCHDOG_USEC");
  ::unsetenv("WATCHDOG_PID");
}

TEST(SystemdNotifierTest, WithoutSystemdEverythingIsANoOp) {
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("WATCHDOG_USEC");
  SystemdNotifier n;
  EXPECT_FALSE(n.watchdog_enabled());
  n.Ready();
  n.Watchdog(1);
  n.Status("x");
}

}  // namespace
}  // namespace machikado::platform
