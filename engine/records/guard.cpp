// Store: the trainer passphrase and learner PINs (see store.hpp).
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "course/text.hpp"
#include "records/identity.hpp"
#include "records/passphrase_hash.hpp"
#include "records/printable.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"

namespace lektion {

namespace {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// After the n-th failure in a row the next try is heard after 2^(n-1) s, at most max_guard_delay.
std::chrono::milliseconds delay_after(std::int64_t failures) {
    if (failures <= 0) return std::chrono::milliseconds(0);
    const std::int64_t cap = std::chrono::milliseconds(Store::max_guard_delay).count();
    const std::int64_t ms =
        failures > 20 ? cap : std::min<std::int64_t>(cap, std::int64_t{1000} << (failures - 1));
    return std::chrono::milliseconds(ms);
}

std::chrono::seconds whole_seconds(std::chrono::milliseconds ms) {
    return std::chrono::seconds((ms.count() + 999) / 1000);
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The passphrase as it is hashed: NFC, so that the same words typed on
// another keyboard (a precomposed or a combining å) are the same passphrase.
std::optional<std::string> normalized(std::string_view passphrase, std::string* why) {
    const auto no = [&](const char* reason) -> std::optional<std::string> {
        if (why) *why = reason;
        return std::nullopt;
    };
    if (passphrase.size() > 1024) return no("longer than 1024 bytes");
    if (find_invalid_utf8(passphrase)) return no("not UTF-8 text");
    if (!shows_as_is(passphrase)) return no("it holds control or invisible characters");
    std::string s(passphrase);
    normalize_nfc(s);
    return s;
}

bool is_pin(std::string_view pin) {
    return pin.size() >= Store::min_pin_length && pin.size() <= Store::max_pin_length &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void Store::refuse_if_read_only(const char* doing) const {
    if (read_only_) throw RecordsError(fmt::format("{}: opened for reading; {}", path_.string(), doing));
}

// --- the trainer passphrase ------------------------------------------------------

bool Store::trainer_passphrase_set() const {
    return sql::query_integer(db_, "SELECT count(*) FROM trainer_passphrase") > 0;
}

void Store::set_trainer_passphrase(std::string_view passphrase) {
    refuse_if_read_only("the passphrase cannot be set");
    std::string why;
    const auto p = normalized(passphrase, &why);
    if (!p) throw RecordsError("the passphrase is refused: " + why);
    if (code_points(*p) < min_passphrase_length)
        throw RecordsError(fmt::format("the passphrase is refused: it must be at least {} characters long",
                                       min_passphrase_length));
    const std::string hash = hash_secret(*p);  // slow: before the write lock
    sql::Transaction t(db_);
    sql::Statement s(
        db_,
        "INSERT OR REPLACE INTO trainer_passphrase (only, hash, failures, failed_at) VALUES (1, ?, 0, 0)");
    s.bind(1, hash).run();
    stamp_write(db_);
    t.commit();
}

void Store::clear_trainer_passphrase() {
    refuse_if_read_only("the passphrase cannot be reset");
    sql::Transaction t(db_);
    sql::exec(db_, "DELETE FROM trainer_passphrase", "reset the trainer passphrase");
    stamp_write(db_);
    t.commit();
}

Store::GuardCheck Store::check_trainer_passphrase(std::string_view attempt) {
    return check_guard("trainer_passphrase", "only", 1, attempt);
}

// --- learner PINs ----------------------------------------------------------------

bool Store::learner_pins_enabled() const {
    return sql::query_text(db_, "SELECT value FROM settings WHERE key = 'learner_pins'") == "on";
}

void Store::set_learner_pins_enabled(bool enabled) {
    refuse_if_read_only("the setting cannot be saved");
    sql::Transaction t(db_);
    sql::Statement s(db_, "INSERT OR REPLACE INTO settings (key, value) VALUES ('learner_pins', ?)");
    s.bind(1, enabled ? "on" : "off").run();
    stamp_write(db_);
    t.commit();
}

bool Store::learner_has_pin(std::int64_t learner_id) const {
    sql::Statement s(db_, "SELECT 1 FROM learner_pins WHERE learner_id = ?");
    s.bind(1, learner_id);
    return s.step();
}

void Store::set_learner_pin(std::int64_t learner_id, std::string_view pin) {
    refuse_if_read_only("the PIN cannot be set");
    if (!is_pin(pin))
        throw RecordsError(
            fmt::format("a PIN is {} to {} digits (0-9) and nothing else", min_pin_length, max_pin_length));
    const std::string hash = hash_secret(pin);
    sql::Transaction t(db_);
    if (!learner(learner_id))
        throw RecordsError(fmt::format("{}: learner {} is not in the records", path_.string(), learner_id));
    sql::Statement s(
        db_,
        "INSERT OR REPLACE INTO learner_pins (learner_id, hash, failures, failed_at) VALUES (?, ?, 0, 0)");
    s.bind(1, learner_id).bind(2, hash).run();
    stamp_write(db_);
    t.commit();
}

void Store::clear_learner_pin(std::int64_t learner_id) {
    refuse_if_read_only("the PIN cannot be removed");
    sql::Transaction t(db_);
    sql::Statement s(db_, "DELETE FROM learner_pins WHERE learner_id = ?");
    s.bind(1, learner_id).run();
    stamp_write(db_);
    t.commit();
}

Store::GuardCheck Store::check_learner_pin(std::int64_t learner_id, std::string_view pin) {
    if (!learner_pins_enabled()) return {};
    return check_guard("learner_pins", "learner_id", learner_id, pin);
}

// --- both -------------------------------------------------------------------------

Store::GuardCheck Store::check_guard(const char* table, const char* key_column, std::int64_t key,
                                     std::string_view attempt) {
    refuse_if_read_only("nothing can be checked");
    std::string hash;
    std::int64_t failures = 0, failed_at = 0;
    {
        sql::Statement s(
            db_, fmt::format("SELECT hash, failures, failed_at FROM {} WHERE {} = ?", table, key_column));
        s.bind(1, key);
        if (!s.step()) return {};
        hash = s.text(0);
        failures = s.integer(1);
        failed_at = s.integer(2);
    }
    const std::int64_t now = now_ms();
    if (failed_at > now) {
        // The clock was set back: the delay runs from now, rather than until it catches up.
        sql::Transaction t(db_);
        sql::Statement s(db_, fmt::format("UPDATE {} SET failed_at = ? WHERE {} = ?", table, key_column));
        s.bind(1, now).bind(2, key).run();
        stamp_write(db_);
        t.commit();
        failed_at = now;
    }
    const std::int64_t since = now - failed_at;
    const auto delay = delay_after(failures);
    if (since < delay.count()) {
        GuardCheck c;
        c.outcome = GuardCheck::Outcome::wait;
        c.wait = whole_seconds(delay - std::chrono::milliseconds(since));
        return c;
    }
    const auto p = normalized(attempt, nullptr);
    const bool right = p && secret_matches(*p, hash);  // slow: before the write lock
    sql::Transaction t(db_);
    sql::Statement s(
        db_, right ? fmt::format("UPDATE {} SET failures = 0, failed_at = 0 WHERE {} = ?", table, key_column)
                   : fmt::format("UPDATE {} SET failures = failures + 1, failed_at = ? WHERE {} = ?", table,
                                 key_column));
    // The delay runs from the refusal, not from the start of the slow hash
    // (tens of ms, more on a loaded PC): the wait the learner is told is the wait.
    if (right) s.bind(1, key);
    else s.bind(1, now_ms()).bind(2, key);
    s.run();
    stamp_write(db_);
    t.commit();
    GuardCheck c;
    c.outcome = right ? GuardCheck::Outcome::accepted : GuardCheck::Outcome::refused;
    if (!right) c.wait = whole_seconds(delay_after(failures + 1));
    return c;
}

}  // namespace lektion
