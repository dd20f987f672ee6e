// Log: a small logging interface passed by reference (no global logger).
// StderrLog writes "machikado: level: message" lines and is thread-safe; MemoryLog keeps lines for
// tests.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace machikado {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

class Log {
 public:
  virtual ~Log() = default;
  virtual void write(LogLevel level, std::string_view message) = 0;
  void debug(std::string_view m) { write(LogLevel::kDebug, m); }
  void info(std::string_view m) { write(LogLevel::kInfo, m); }
  void warn(std::string_view m) { write(LogLevel::kWarning, m); }
  void error(std::string_view m) { write(LogLevel::kError, m); }
};

class StderrLog final : public Log {
 public:
  explicit StderrLog(LogLevel min = LogLevel::kInfo) : min_(min) {}
  void write(LogLevel level, std::string_view message) override;

 private:
  LogLevel min_;
  std::mutex mu_;
};

class MemoryLog final : public Log {
 public:
  void write(LogLevel level, std::string_view message) override {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.push_back({level, std::string(message)});
  }
  struct Line {
    LogLevel level;
    std::string text;
  };
  std::vector<Line> lines() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }
  bool contains(std::string_view needle) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& l : lines_)
      if (l.text.find(needle) != std::string::npos) return true;
    return false;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Line> lines_;
};

}  // namespace machikado
