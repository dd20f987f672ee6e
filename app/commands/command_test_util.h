// Helpers for the tests of app/commands/: call a command as `machikado COMMAND ARGS…` would, in
// process, with its stdout and stderr captured; write small input files into a scratch directory.
// Not thread-safe (the capture redirects the process's stdout and stderr).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "commands/commands.h"
#include "core/temp_dir.h"

namespace machikado::testing {

struct CommandOutcome {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command(args)` with stdout and stderr captured.
inline CommandOutcome Call(int (*command)(const Args&), const Args& args) {
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CommandOutcome o;
  o.code = command(args);
  o.out = ::testing::internal::GetCapturedStdout();
  o.err = ::testing::internal::GetCapturedStderr();
  return o;
}

inline bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Writes `content` to dir/name and returns the path.
inline std::string WriteFile(const ScopedTempDir& dir, const std::string& name,
                             const std::string& content) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace machikado::testing
