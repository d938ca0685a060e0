#pragma once
/// Time comes through this interface so that expiry rules can be tested with a clock that
/// the test moves by hand.
#include <atomic>
#include <chrono>

namespace signs::core {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Instant now() const override {
        return std::chrono::time_point_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now());
    }
};

/// A clock for tests: starts where it is told and moves only when advanced.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
    Instant now() const override { return Instant{std::chrono::microseconds{now_.load()}}; }
    void advance(std::chrono::microseconds by) { now_ += by.count(); }

  private:
    std::atomic<long long> now_;
};

}  // namespace signs::core
