// Who may see what on a shared PC, in the window: the state of the trainer
// passphrase in front of the trainer report and of the learner PIN in front
// of a learner's name (screen_gates.cpp draws them; Store keeps the hashes).
//
// scrypt costs tens of milliseconds a try (more under a sanitizer), so each
// check or new secret runs on a worker thread (std::async) and the frames go
// on drawing "Checking…". While it runs the worker is the store's only user:
// the screens that show a gate do not touch the store, and App leaves
// retrying kept steps for later (App::gate_busy()).
#pragma once

#include <chrono>
#include <cstddef>
#include <future>
#include <optional>
#include <string>

#include "records/store.hpp"

namespace lektion::ui {

// A password field's bytes: wiped (not merely cleared) once used or left.
struct SecretField {
    static constexpr std::size_t capacity = 1024 + 1;  // Store's longest passphrase, and its NUL
    char text[capacity] = {};
    std::string take();  // the text, then the field wiped
    void wipe();
    bool empty() const { return text[0] == 0; }
};

struct Gates {
    // The passphrase was accepted for this opening of the report; leaving the
    // report locks it again (a trainer who walks away leaves nothing open).
    bool report_open = false;
    std::optional<Learner> pin_for;    // this learner's PIN is asked before their session opens
    std::optional<Learner> offer_for;  // a learner just created may choose a PIN (optional)
    SecretField secret, again;

    // The worker's result: the store's verdict (a new secret saved: accepted).
    enum class Work { none, check_passphrase, set_passphrase, check_pin, set_pin };
    Work work = Work::none;
    std::future<Store::GuardCheck> result;

    // A refusal, and until when the store will not hear another try.
    std::string refusal;  // "That is not …"; empty: none
    std::string problem;  // the two fields differ, too short, …
    std::chrono::steady_clock::time_point wait_until{};
    bool passphrase_known = false;  // whether one is set, as the store said when last asked
    bool focus_field = true;        // put the caret in the first field on the next frame
    // App::type_secret(): submitted on the next frame as if typed and Enter
    // pressed. Kept apart from the field, whose bytes Dear ImGui rewrites
    // from its own copy while the field has the keyboard.
    std::string typed;
    bool submit_now = false;
    bool take_typed();  // true once: `typed` moved into the fields

    bool busy() const { return result.valid(); }
    // Whole seconds until the next try is heard (0: now).
    long long seconds_left() const;
    void reset();  // wipes the fields and forgets a refusal (a new prompt)
};

}  // namespace lektion::ui
