// Status and Result<T>: errors as values between modules.
// A Status is either ok or carries a message meant for a human (staff or IT) and a coarse code.
// Value types; thread-compatible (no shared state).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace machikado {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // bad input handed to us (feed, config, command line)
  kNotFound,
  kIoError,        // disk, file system
  kNetworkError,   // connect, DNS, timeout, TLS
  kLimitExceeded,  // a documented cap was hit
  kCorrupt,        // checksum or format of our own files
  kUnavailable,    // try later (e.g. 429/503)
  kInternal,
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(StatusCode code, std::string message) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    return s;
  }
  static Status Invalid(std::string m) { return Error(StatusCode::kInvalidArgument, std::move(m)); }
  static Status Io(std::string m) { return Error(StatusCode::kIoError, std::move(m)); }
  static Status NotFound(std::string m) { return Error(StatusCode::kNotFound, std::move(m)); }
  static Status Network(std::string m) { return Error(StatusCode::kNetworkError, std::move(m)); }
  static Status Limit(std::string m) { return Error(StatusCode::kLimitExceeded, std::move(m)); }
  static Status Corrupt(std::string m) { return Error(StatusCode::kCorrupt, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T>: a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T* operator->() const { return &std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }
  const T& operator*() const { return std::get<T>(v_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace machikado
