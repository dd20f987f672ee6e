// ScopedTempDir: a fresh directory under $TMPDIR (or /tmp) made with mkdtemp, removed with
// everything in it when the object goes away. For tests and tools; not thread-safe.
#pragma once

#include <string>

namespace machikado {

class ScopedTempDir {
 public:
  // Prints why and aborts if no temp directory can be made: the tests cannot run without one.
  explicit ScopedTempDir(const std::string& prefix = "machikado-test");
  ~ScopedTempDir();
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace machikado
