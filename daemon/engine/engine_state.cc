// BreakEngine::serialize / restore: the engine's whole state as versioned
// "key value" lines. Monotonic times are stored as ages relative to the
// moment of saving (they mean nothing across a reboot); the save moment is
// stored as wall time so that restore can count the downtime as idle.
#include <charconv>
#include <map>
#include <sstream>
#include <vector>

#include "break_engine.h"

namespace limber {
namespace {

constexpr std::string_view kHeader = "limber-engine-state 1";

std::string ms(Duration d) { return std::to_string(d.count()); }

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool to_int(std::string_view s, long long* out) {
  return std::from_chars(s.data(), s.data() + s.size(), *out).ec == std::errc() && !s.empty();
}

}  // namespace

std::string BreakEngine::serialize() const {
  auto age = [this](MonoTime t) { return ms(now_ - t); };
  std::ostringstream out;
  out << kHeader << '\n';
  out << "saved_wall " << wall_at(now_).time_since_epoch().count() << '\n';
  out << "activity " << (active_ ? 1 : 0) << ' ' << age(last_input_) << ' ' << age(idle_since_) << ' '
      << age(credited_until_) << '\n';
  if (candidate_start_) {
    out << "candidate " << age(*candidate_start_) << ' ' << age(candidate_last_) << '\n';
  }
  out << "session " << (locked_ ? 1 : 0) << ' ' << (asleep_ ? 1 : 0) << '\n';
  out << "mode " << static_cast<int>(mode_) << ' ' << (quiet_ ? 1 : 0) << '\n';
  if (pause_kind_ == PauseKind::kFor) out << "pause_for " << age(pause_end_mono_) << '\n';
  if (pause_kind_ == PauseKind::kUntil) {
    out << "pause_until " << pause_end_wall_.time_since_epoch().count() << '\n';
  }
  out << "day " << day_ << ' ' << ms(active_today_) << ' ' << ms(active_total_) << '\n';
  out << "next_id " << next_id_ << '\n';
  for (size_t i = 0; i < timers_.size(); ++i) {
    const Timer& t = timers_[i];
    out << "timer " << to_string(static_cast<BreakKind>(i)) << ' ' << static_cast<int>(t.phase) << ' '
        << ms(t.accrued) << ' ' << ms(t.snooze_accrued) << ' ' << t.postpones << ' ' << t.id << ' '
        << (t.started ? 1 : 0) << ' ' << (t.paused ? 1 : 0) << ' ' << (t.held ? 1 : 0) << ' ' << (t.requested ? 1 : 0) << ' '
        << ms(t.progress) << ' ' << ms(t.due_active) << ' ' << age(t.prompted_at) << '\n';
  }
  return out.str();
}

// The saved lines by key; timer lines by break kind.
struct BreakEngine::SavedState {
  std::map<std::string, std::vector<long long>> values;
  std::map<std::string, std::vector<long long>> timers;
  const std::vector<long long>* need(const std::string& key, size_t n, std::string* err) const {
    auto it = values.find(key);
    if (it == values.end() || it->second.size() != n) {
      *err = "missing or malformed '" + key + "' line";
      return nullptr;
    }
    return &it->second;
  }
  const std::vector<long long>* optional(const std::string& key, size_t n) const {
    auto it = values.find(key);
    return it != values.end() && it->second.size() == n ? &it->second : nullptr;
  }
};

namespace {

bool parse_line(std::string_view line, int line_no, std::map<std::string, std::vector<long long>>* values,
                std::map<std::string, std::vector<long long>>* timers, std::string* err) {
  const auto f = fields(line);
  if (f.empty()) return true;
  const std::string key(f[0]);
  const bool timer = key == "timer";
  if (timer && f.size() < 2) {
    *err = "line " + std::to_string(line_no) + ": timer without a kind";
    return false;
  }
  std::vector<long long> numbers;
  for (size_t i = timer ? 2 : 1; i < f.size(); ++i) {
    long long v = 0;
    if (!to_int(f[i], &v)) {
      *err = "line " + std::to_string(line_no) + ": '" + std::string(f[i]) + "' is not a number";
      return false;
    }
    numbers.push_back(v);
  }
  (timer ? *timers : *values)[timer ? std::string(f[1]) : key] = std::move(numbers);
  return true;
}

}  // namespace

bool BreakEngine::restore(const std::string& text, std::string* err) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) {
    *err = "not a Limber engine state (expected \"" + std::string(kHeader) + "\" on the first line)";
    return false;
  }
  SavedState saved;
  for (int line_no = 2; std::getline(in, line); ++line_no) {
    if (!parse_line(line, line_no, &saved.values, &saved.timers, err)) return false;
  }
  const auto* wall = saved.need("saved_wall", 1, err);
  if (wall == nullptr) return false;
  // The save moment, mapped onto this process's monotonic clock.
  const WallTime saved_wall{Duration{(*wall)[0]}};
  const Duration downtime = std::max(Duration{0}, clock_.wall() - saved_wall);
  const MonoTime base = clock_.mono() - downtime;
  if (!restore_activity(saved, base, err) || !restore_timers(saved, base, err)) return false;
  wall_offset_ = clock_.wall().time_since_epoch() - clock_.mono().time_since_epoch();
  events_.clear();
  if (downtime > Duration{0}) {
    // Nobody was at this daemon while it was down: that time was idle.
    candidate_start_.reset();
    asleep_ = false;
    if (active_) go_idle(last_input_, now_);
    step_to(clock_.mono());
  }
  return true;
}

bool BreakEngine::restore_activity(const SavedState& saved, MonoTime base, std::string* err) {
  const auto* activity = saved.need("activity", 4, err);
  const auto* sess = activity ? saved.need("session", 2, err) : nullptr;
  const auto* mode = sess ? saved.need("mode", 2, err) : nullptr;
  const auto* day = mode ? saved.need("day", 3, err) : nullptr;
  const auto* next_id = day ? saved.need("next_id", 1, err) : nullptr;
  if (!next_id) return false;
  if ((*mode)[0] < 0 || (*mode)[0] > static_cast<int>(Mode::kOffHours)) {
    *err = "unknown mode " + std::to_string((*mode)[0]);
    return false;
  }
  auto at = [base](long long age_ms) { return base - Duration{age_ms}; };
  now_ = base;
  active_ = (*activity)[0] != 0;
  last_input_ = at((*activity)[1]);
  idle_since_ = at((*activity)[2]);
  credited_until_ = at((*activity)[3]);
  candidate_start_.reset();
  if (const auto* c = saved.optional("candidate", 2)) {
    candidate_start_ = at((*c)[0]);
    candidate_last_ = at((*c)[1]);
  }
  locked_ = (*sess)[0] != 0;
  asleep_ = (*sess)[1] != 0;
  mode_ = static_cast<Mode>((*mode)[0]);
  quiet_ = (*mode)[1] != 0;
  pause_kind_ = PauseKind::kNone;
  if (const auto* p = saved.optional("pause_for", 1)) {
    pause_kind_ = PauseKind::kFor;
    pause_end_mono_ = at((*p)[0]);
  }
  if (const auto* p = saved.optional("pause_until", 1)) {
    pause_kind_ = PauseKind::kUntil;
    pause_end_wall_ = WallTime{Duration{(*p)[0]}};
  }
  day_ = static_cast<int>((*day)[0]);
  active_today_ = Duration{(*day)[1]};
  active_total_ = Duration{(*day)[2]};
  next_id_ = static_cast<uint64_t>((*next_id)[0]);
  return true;
}

bool BreakEngine::restore_timers(const SavedState& saved, MonoTime base, std::string* err) {
  for (size_t i = 0; i < timers_.size(); ++i) {
    const std::string name(to_string(static_cast<BreakKind>(i)));
    auto it = saved.timers.find(name);
    Timer t;
    if (it != saved.timers.end()) {
      const auto& v = it->second;
      if (v.size() != 12 || v[0] < 0 || v[0] > static_cast<int>(Phase::kDone)) {
        *err = "malformed timer line for " + name;
        return false;
      }
      t.phase = static_cast<Phase>(v[0]);
      t.accrued = Duration{v[1]};
      t.snooze_accrued = Duration{v[2]};
      t.postpones = static_cast<int>(v[3]);
      t.id = static_cast<uint64_t>(v[4]);
      t.started = v[5] != 0;
      t.paused = v[6] != 0;
      t.held = v[7] != 0;
      t.requested = v[8] != 0;
      t.progress = Duration{v[9]};
      t.due_active = Duration{v[10]};
      t.prompted_at = base - Duration{v[11]};
    }
    timers_[i] = t;
  }
  return true;
}

}  // namespace limber
