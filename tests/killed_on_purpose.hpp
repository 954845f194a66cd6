// Children that a test kills on purpose (SIGKILL at a random moment, as a
// power cut would) run without LeakSanitizer's exit-time check. The kill may
// land while that check has the child's threads stopped: its tracer then logs
// "Unable to get registers from thread N", or leaves an empty log, and
// tools/check rightly fails on any log. A killed process has no leak check to
// give; its address and undefined-behaviour checks stay on, and the same code
// runs with the leak check in every test that lets it finish.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace lektion::test {

inline std::string asan_options_without_leak_check() {
    const char* now = std::getenv("ASAN_OPTIONS");
    // A later option overrides an earlier one of the same name.
    return std::string(now ? now : "") + ":detect_leaks=0";
}

// In a forked child, before exec.
inline void turn_off_leak_check_before_exec() {
    ::setenv("ASAN_OPTIONS", asan_options_without_leak_check().c_str(), 1);
}

// This process's environment with the leak check off, for posix_spawn.
class EnvironmentWithoutLeakCheck {
public:
    EnvironmentWithoutLeakCheck() {
        for (char** e = environ; *e; ++e)
            if (std::string(*e).rfind("ASAN_OPTIONS=", 0) != 0) strings_.emplace_back(*e);
        strings_.push_back("ASAN_OPTIONS=" + asan_options_without_leak_check());
        for (std::string& s : strings_) pointers_.push_back(s.data());
        pointers_.push_back(nullptr);
    }
    char** get() { return pointers_.data(); }

private:
    std::vector<std::string> strings_;
    std::vector<char*> pointers_;
};

}  // namespace lektion::test
