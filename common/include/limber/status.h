// Status: the one result type used across Limber's modules.
//
// A Status is either ok or an error with a code and a message meant for a
// person ("config.toml:12: key 'micro.interval': expected a duration like
// \"20m\", got 5"). Functions that can fail return a Status (or fill a
// Status*) instead of throwing across module boundaries.
#pragma once

#include <string>
#include <utility>

namespace limber {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's input is wrong
    kNotFound,
    kFailedPrecondition,  // the request makes no sense in the current state
    kPermissionDenied,    // the rules forbid it (no postpones left, skipping off)
    kManaged,             // the organisation's policy forbids it (a locked key)
    kUnavailable,         // a backend or service is not there
    kIoError,
    kInternal,
  };

  Status() = default;
  static Status ok() { return Status(); }
  static Status error(Code code, std::string message) { return Status(code, std::move(message)); }
  static Status invalid(std::string message) { return error(Code::kInvalidArgument, std::move(message)); }
  static Status precondition(std::string message) {
    return error(Code::kFailedPrecondition, std::move(message));
  }
  static Status denied(std::string message) { return error(Code::kPermissionDenied, std::move(message)); }
  static Status managed(std::string message) { return error(Code::kManaged, std::move(message)); }
  static Status unavailable(std::string message) { return error(Code::kUnavailable, std::move(message)); }
  static Status io(std::string message) { return error(Code::kIoError, std::move(message)); }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace limber
