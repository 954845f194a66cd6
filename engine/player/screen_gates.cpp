// The trainer passphrase in front of the trainer report, and the learner PIN
// in front of a learner's session (gates.hpp). What they keep out: a
// classmate at the same PC. The hashes, the delays and the counting of
// failures are the store's (records/guard.cpp); this only asks.
#include <algorithm>
#include <cstring>
#include <utility>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"
#include "records/secret_input.hpp"
#include "session/messages.hpp"

namespace lektion::ui {

namespace {

using clock = std::chrono::steady_clock;

std::size_t code_points(const char* s) {
    std::size_t n = 0;
    for (; *s; ++s) n += (static_cast<unsigned char>(*s) & 0xC0) != 0x80;
    return n;
}

std::int64_t count(std::size_t n) { return static_cast<std::int64_t>(n); }

}  // namespace

// --- the state -------------------------------------------------------------------

std::string SecretField::take() {
    std::string s(text);
    wipe();
    return s;
}

void SecretField::wipe() { lektion::wipe(text, sizeof text); }

long long Gates::seconds_left() const {
    const auto left = wait_until - clock::now();
    if (left <= clock::duration::zero()) return 0;
    return std::chrono::ceil<std::chrono::seconds>(left).count();
}

void Gates::reset() {
    secret.wipe();
    again.wipe();
    refusal.clear();
    problem.clear();
    wait_until = {};
    focus_field = true;
}

void App::lock() {
    gates_.report_open = false;
    gates_.pin_for.reset();
    gates_.offer_for.reset();
    gates_.reset();
}

void App::type_secret(const std::string& secret) {
    wipe(gates_.typed);
    gates_.typed = secret;
    gates_.submit_now = true;
}

bool Gates::take_typed() {
    if (!std::exchange(submit_now, false)) return false;
    const std::size_t n = std::min(typed.size(), sizeof secret.text - 1);
    for (SecretField* f : {&secret, &again}) {
        f->wipe();
        std::memcpy(f->text, typed.data(), n);
    }
    wipe(typed);
    typed.clear();
    return true;
}

bool App::gate_ticking() const { return gates_.busy() || gates_.seconds_left() > 0; }

// --- the worker ---------------------------------------------------------------------

void App::start_gate_work(Gates::Work work, std::function<Store::GuardCheck()> job) {
    gates_.problem.clear();
    gates_.work = work;
    gates_.result = std::async(std::launch::async, std::move(job));
}

void App::poll_gate() {
    if (!gates_.busy() || gates_.result.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const Gates::Work work = gates_.work;
    gates_.work = Gates::Work::none;
    Store::GuardCheck check;
    try {
        check = gates_.result.get();
    } catch (const std::exception& e) {
        error_ = without_program_name(e.what());  // the database failed: the gate stays shut
        gates_.focus_field = true;
        return;
    }
    error_.clear();
    const bool pin = work == Gates::Work::check_pin || work == Gates::Work::set_pin;
    using Outcome = Store::GuardCheck::Outcome;
    switch (check.outcome) {
        case Outcome::not_set:
            // Nothing to check any more (the passphrase was reset, PINs switched
            // off, the PIN removed, all meanwhile): the passphrase is asked for
            // anew; a learner goes on, as any learner without a PIN would.
            if (!pin) {
                gates_.reset();
                break;
            }
            [[fallthrough]];
        case Outcome::accepted:
            if (pin && !gates_.pin_for && !gates_.offer_for) {
                gates_.reset();  // the question was left meanwhile (lock())
            } else if (pin) {
                const Learner learner = gates_.pin_for ? *gates_.pin_for : *gates_.offer_for;
                gates_.pin_for.reset();
                gates_.offer_for.reset();
                gates_.reset();
                guard([&] { pick_learner(learner); });
            } else {
                gates_.reset();
                gates_.report_open = true;
            }
            break;
        case Outcome::refused:
            gates_.refusal = pin ? tr("gate.pin_wrong") : tr("gate.passphrase_wrong");
            [[fallthrough]];
        case Outcome::wait:
            gates_.wait_until = clock::now() + check.wait;
            gates_.focus_field = true;
            break;
    }
}

// --- who is learning -------------------------------------------------------------------

void App::open_learner(const Learner& learner, bool created) {
    if (store_ && store_->learner_pins_enabled()) {
        if (store_->learner_has_pin(learner.id)) {
            gates_.reset();
            gates_.offer_for.reset();
            gates_.pin_for = learner;
            screen_ = Screen::learners;
            return;
        }
        // Offered to a new name only: offered to any name without a PIN, a
        // classmate could lock someone out of their own name.
        if (created) {
            gates_.reset();
            gates_.pin_for.reset();
            gates_.offer_for = learner;
            screen_ = Screen::learners;
            return;
        }
    }
    pick_learner(learner);
}

// --- the pieces ---------------------------------------------------------------------------

bool App::gate_field(const std::string& label, const char* id, SecretField& field, std::size_t max_bytes,
                     bool digits, float width) {
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetNextItemWidth(width);
    // Not into a field disabled while a check runs or a wait counts down: the caret comes after.
    const bool waiting = gates_.busy() || gates_.seconds_left() > 0;
    if (gates_.focus_field && !waiting) ImGui::SetKeyboardFocusHere(), gates_.focus_field = false;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue;
    if (digits) flags |= ImGuiInputTextFlags_CharsDecimal;
    const bool entered = ImGui::InputText(id, field.text, std::min(max_bytes + 1, sizeof field.text), flags);
    remember(id);
    return entered;
}

void App::gate_messages(float width) {
    const Palette& pal = palette(theme_);
    if (gates_.busy()) draw_plain(layouts(), fonts_.italic, tr("gate.checking"), width, pal.muted);
    if (!gates_.problem.empty()) draw_plain(layouts(), fonts_.regular, gates_.problem, width, pal.bad);
    if (!gates_.refusal.empty()) draw_plain(layouts(), fonts_.regular, gates_.refusal, width, pal.bad);
    if (const long long s = gates_.seconds_left(); s > 0)
        draw_plain(layouts(), fonts_.regular, tr("gate.wait", {{"seconds", static_cast<std::int64_t>(s)}}),
                   width, pal.bad);
    if (!error_.empty()) draw_plain(layouts(), fonts_.regular, error_, width, pal.bad);
}

// --- the trainer report ----------------------------------------------------------------------

void App::passphrase_gate(float width) {
    const Palette& pal = palette(theme_);
    if (!gates_.busy()) guard([&] { gates_.passphrase_known = store_->trainer_passphrase_set(); });
    const bool known = gates_.passphrase_known;
    const bool waiting = gates_.busy() || gates_.seconds_left() > 0;
    draw_plain(layouts(), fonts_.title, tr("trainer.report"), width, pal.heading, 1.3f);
    gap(0.5f);
    if (known) {
        draw_plain(layouts(), fonts_.regular, tr("gate.passphrase_ask"), width, pal.text);
    } else {
        draw_plain(layouts(), fonts_.heading, tr("gate.passphrase_new_title"), width, pal.heading);
        draw_plain(layouts(), fonts_.regular,
                   tr("gate.passphrase_new", {{"min", count(Store::min_passphrase_length)}}), width,
                   pal.text);
    }
    gap(0.3f);
    ImGui::BeginDisabled(waiting);
    const float field = std::min(width, fonts_.size * 18);
    bool submit = known ? gate_field(tr("gate.passphrase"), "##passphrase", gates_.secret, 1024, false, field)
                        : new_secret_fields(tr("gate.passphrase"), tr("gate.passphrase_again"),
                                            "##passphrase", 1024, false, field);
    gap(0.3f);
    submit |= button(known ? tr("gate.open") : tr("gate.set_and_open"));
    submit |= gates_.take_typed();
    ImGui::EndDisabled();
    gate_messages(width);
    if (!submit || waiting) return;

    if (known) {
        start_gate_work(Gates::Work::check_passphrase,
                        [store = store_, attempt = gates_.secret.take()]() mutable {
                            const Store::GuardCheck c = store->check_trainer_passphrase(attempt);
                            wipe(attempt);
                            return c;
                        });
        return;
    }
    set_new_secret(code_points(gates_.secret.text) < Store::min_passphrase_length
                       ? tr("gate.passphrase_short", {{"min", count(Store::min_passphrase_length)}})
                       : std::string(),
                   tr("gate.passphrase_differ"), Gates::Work::set_passphrase,
                   [](Store& store, const std::string& chosen) { store.set_trainer_passphrase(chosen); });
}

// --- a new passphrase or PIN, typed twice ---------------------------------------------------

bool App::new_secret_fields(const std::string& label, const std::string& again_label, const char* id,
                            std::size_t max_bytes, bool digits, float width) {
    // Enter in the first field moves on to the second; Enter in the second submits.
    if (gate_field(label, id, gates_.secret, max_bytes, digits, width)) ImGui::SetKeyboardFocusHere();
    return gate_field(again_label, (std::string(id) + "-again").c_str(), gates_.again, max_bytes, digits,
                      width);
}

void App::set_new_secret(std::string problem, const std::string& differ, Gates::Work work,
                         std::function<void(Store&, const std::string&)> set) {
    if (problem.empty() && std::string_view(gates_.secret.text) != std::string_view(gates_.again.text))
        problem = differ;
    if (problem.empty()) {
        gates_.again.wipe();
        start_gate_work(work,
                        [store = store_, set = std::move(set), chosen = gates_.secret.take()]() mutable {
                            set(*store, chosen);
                            wipe(chosen);
                            return Store::GuardCheck{Store::GuardCheck::Outcome::accepted, {}};
                        });
        return;
    }
    gates_.problem = std::move(problem);  // both fields emptied for another try
    gates_.secret.wipe();
    gates_.again.wipe();
    gates_.focus_field = true;
}

// --- a learner's PIN --------------------------------------------------------------------------

void App::pin_gate(float width) {
    const Palette& pal = palette(theme_);
    const Learner learner = *gates_.pin_for;
    const bool waiting = gates_.busy() || gates_.seconds_left() > 0;
    draw_plain(layouts(), fonts_.heading, learner.name, width, pal.heading);
    draw_plain(layouts(), fonts_.regular, tr("gate.pin_ask"), width, pal.text);
    ImGui::BeginDisabled(waiting);
    bool submit = gate_field(tr("gate.pin"), "##pin", gates_.secret, Store::max_pin_length, true,
                             std::min(width, fonts_.size * 10));
    gap(0.3f);
    submit |= button(tr("gate.pin_go"));
    submit |= gates_.take_typed();
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool back = button_if(!gates_.busy(), tr("gate.other_name"));
    gate_messages(width);
    if (back && !gates_.busy()) {
        gates_.pin_for.reset();
        gates_.reset();
        error_.clear();
        return;
    }
    if (!submit || waiting) return;
    start_gate_work(Gates::Work::check_pin,
                    [store = store_, id = learner.id, attempt = gates_.secret.take()]() mutable {
                        const Store::GuardCheck c = store->check_learner_pin(id, attempt);
                        wipe(attempt);
                        return c;
                    });
}

void App::pin_offer(float width) {
    const Palette& pal = palette(theme_);
    const Learner learner = *gates_.offer_for;
    draw_plain(layouts(), fonts_.heading, learner.name, width, pal.heading);
    draw_plain(layouts(), fonts_.bold, tr("gate.pin_offer_title"), width, pal.text);
    draw_plain(
        layouts(), fonts_.regular,
        tr("gate.pin_offer", {{"min", count(Store::min_pin_length)}, {"max", count(Store::max_pin_length)}}),
        width, pal.text);
    ImGui::BeginDisabled(gates_.busy());
    const float field = std::min(width, fonts_.size * 10);
    bool submit =
        new_secret_fields(tr("gate.pin"), tr("gate.pin_again"), "##pin", Store::max_pin_length, true, field);
    gap(0.3f);
    submit |= button(tr("gate.pin_set"));
    ImGui::SameLine();
    const bool skip = button(tr("gate.pin_skip"));
    ImGui::EndDisabled();
    gate_messages(width);
    if (gates_.busy()) return;
    if (skip) {
        gates_.offer_for.reset();
        gates_.reset();
        guard([&] { pick_learner(learner); });
        return;
    }
    if (!submit) return;
    const std::size_t digits = std::strlen(gates_.secret.text);
    set_new_secret(
        digits < Store::min_pin_length || digits > Store::max_pin_length
            ? tr("gate.pin_invalid",
                 {{"min", count(Store::min_pin_length)}, {"max", count(Store::max_pin_length)}})
            : std::string(),
        tr("gate.pin_differ"), Gates::Work::set_pin,
        [id = learner.id](Store& store, const std::string& chosen) { store.set_learner_pin(id, chosen); });
}

}  // namespace lektion::ui
