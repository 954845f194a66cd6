#include "records/store.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "l10n/language_tag.hpp"
#include "records/event_rows.hpp"
#include "records/identity.hpp"
#include "records/merge_order.hpp"
#include "records/names.hpp"
#include "records/printable.hpp"
#include "records/sqlite.hpp"
#include "records/state_cache.hpp"
#include "records/timestamp.hpp"
#include "records/tombstones.hpp"
#include "records/uuid.hpp"

namespace lektion {

namespace {

constexpr const char* learner_columns = "id, name, language, theme, text_size, speech_rate";

Learner read_learner(const sql::Statement& s) {
    Learner l;
    l.id = s.integer(0);
    l.name = s.text(1);
    l.language = s.text(2);
    l.theme = s.text(3);
    l.text_size = static_cast<float>(s.real(4));
    l.speech_rate = static_cast<int>(s.integer(5));
    return l;
}

std::optional<Learner> learner_by_key(sqlite3* db, const std::string& key) {
    sql::Statement s(db, fmt::format("SELECT {} FROM learners WHERE name_key = ?", learner_columns));
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return read_learner(s);
}

// A learner's language: empty (not chosen), or a BCP 47 tag ICU accepts,
// stored in its normal case ("EN-gb" is kept as "en-GB").
std::string checked_language(const std::string& tag) {
    if (tag.empty()) return tag;
    if (!valid_language_tag(tag)) {
        constexpr std::size_t shown = 40;  // of a tag that may be anything
        const std::string head = tag.size() > shown ? tag.substr(0, shown) + "…" : tag;
        throw RecordsError(fmt::format("\"{}\" is not a language tag such as da or en-GB", printable(head)));
    }
    return normalize_language_tag(tag);
}

}  // namespace

struct Store::Replica {
    Progress progress;
    std::int64_t last_seq = -1;  // -1: to be loaded before the next event
    bool merged = false;         // events from another PC: the replay order may not be the append order
};

// --- learners ------------------------------------------------------------------

std::vector<Learner> Store::learners() const {
    sql::Statement s(db_, fmt::format("SELECT {} FROM learners ORDER BY name_key, id", learner_columns));
    std::vector<Learner> out;
    while (s.step()) out.push_back(read_learner(s));
    return out;
}

std::optional<Learner> Store::find_learner(const std::string& name) const {
    std::string key;
    try {
        // Not tidy_name: a name an older lektion stored may break today's rules.
        key = name_key(lookup_name(name));
    } catch (const RecordsError&) {
        return std::nullopt;  // not UTF-8, or far too long: nobody's
    }
    return learner_by_key(db_, key);
}

std::optional<Learner> Store::learner(std::int64_t id) const {
    sql::Statement s(db_, fmt::format("SELECT {} FROM learners WHERE id = ?", learner_columns));
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_learner(s);
}

Learner Store::create_learner(const std::string& name, const std::string& language) {
    if (read_only_)
        throw RecordsError(fmt::format("{}: opened for reading; no learner can be added", path_.string()));
    const std::string tidy = tidy_name(name);
    const std::string key = name_key(tidy);
    const std::string tag = checked_language(language);
    sql::Transaction t(db_);
    if (learner_by_key(db_, key))
        throw RecordsError(fmt::format(
            "a learner named \"{}\" already exists (names are compared without regard to case)", tidy));
    sql::Statement s(db_, "INSERT INTO learners (name, name_key, language, created_at) VALUES (?,?,?,?)");
    s.bind(1, tidy).bind(2, key).bind(3, tag).bind(4, utc_now()).run();
    Learner l;
    l.id = sqlite3_last_insert_rowid(db_);
    l.name = tidy;
    l.language = tag;
    stamp_write(db_);
    t.commit();
    return l;
}

Learner Store::find_or_create_learner(const std::string& name, const std::string& language) {
    checked_language(language);  // refused for a learner who exists, too
    if (auto found = find_learner(name)) return *found;
    try {
        return create_learner(name, language);
    } catch (const RecordsError&) {
        // Another lektion may have added the same name a moment ago.
        if (auto found = find_learner(name)) return *found;
        throw;
    }
}

void Store::save_settings(const Learner& l) {
    if (read_only_)
        throw RecordsError(fmt::format("{}: opened for reading; settings cannot be saved", path_.string()));
    const float size = std::isfinite(l.text_size) && l.text_size > 0 ? l.text_size : 0.0f;
    sql::Transaction t(db_);
    // A language stored by an older, laxer lektion is kept as it is, or the
    // learner could not change their theme; a new choice must be a tag.
    const auto stored = learner(l.id);
    const std::string tag =
        stored && stored->language == l.language ? l.language : checked_language(l.language);
    sql::Statement s(
        db_, "UPDATE learners SET language = ?, theme = ?, text_size = ?, speech_rate = ? WHERE id = ?");
    s.bind(1, tag).bind(2, l.theme).bind(3, static_cast<double>(size)).bind(4, std::int64_t{l.speech_rate});
    s.bind(5, l.id).run();
    if (sqlite3_changes(db_) == 0)
        throw RecordsError(fmt::format("{}: learner {} is not in the records", path_.string(), l.id));
    stamp_write(db_);
    t.commit();
}

void Store::delete_learner(std::int64_t learner_id) {
    if (read_only_)
        throw RecordsError(fmt::format("{}: opened for reading; nothing can be deleted", path_.string()));
    {
        sql::Transaction t(db_);
        // The tombstone keeps an import from bringing them back (tombstones.hpp).
        sql::Statement key(db_, "SELECT name_key FROM learners WHERE id = ?");
        key.bind(1, learner_id);
        if (key.step()) add_tombstone(db_, key.text(0));
        sql::Statement acks(
            db_, "DELETE FROM lrs_acknowledged WHERE seq IN (SELECT seq FROM events WHERE learner_id = ?)");
        acks.bind(1, learner_id).run();
        for (const char* table : {"events", "state", "registrations", "learner_pins"}) {
            sql::Statement s(db_, fmt::format("DELETE FROM {} WHERE learner_id = ?", table));
            s.bind(1, learner_id).run();
        }
        sql::Statement s(db_, "DELETE FROM learners WHERE id = ?");
        s.bind(1, learner_id).run();
        stamp_write(db_);
        t.commit();
    }
    // secure_delete zeroed the freed cells; VACUUM rewrites the file without
    // the free pages, and a truncating checkpoint empties the log that still
    // holds copies of the pages as they were before.
    sql::exec(db_, "VACUUM", "compact the database after deleting a learner");
    int log = -1, done = -1;
    const int rc = sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    if (rc != SQLITE_OK || log != 0)
        throw RecordsError(fmt::format(
            "{}: the learner's rows are deleted, but another lektion has the records open, so old "
            "copies stay in {}-wal until it closes; run the delete again then",
            path_.string(), path_.filename().string()));
}

// --- progress ------------------------------------------------------------------

EventSink Store::sink(std::int64_t learner_id, const Course& course) {
    if (read_only_)
        throw RecordsError(fmt::format("{}: opened for reading; nothing can be recorded", path_.string()));
    auto replica = std::make_shared<Replica>();
    // Copies: the session may swap its course (a reload, a language) while the sink lives on.
    const CourseKey key{course.id, course.version, course.lang};
    return [this, learner_id, key, replica](const Event& e) { submit(learner_id, key, e, replica); };
}

void Store::submit(std::int64_t learner_id, const CourseKey& course, const Event& e,
                   const std::shared_ptr<Replica>& replica) {
    const std::string at = utc_now();  // when the learner acted, however late the commit
    const auto keep = [&] {
        kept_.push_back({learner_id, course, e, at, replica, std::chrono::steady_clock::now()});
    };
    // Kept events go first, or the order would break; the learner waited for
    // the lock once already, so not for long again.
    if (!kept_.empty() && !commit_kept(std::min(retry_lock_wait, waits_.step))) return keep();
    try {
        const sql::LockWait wait(db_, waits_.step);
        record(learner_id, course, e, at, *replica);
    } catch (const sql::Busy&) {
        keep();
    }
}

bool Store::commit_kept(std::chrono::milliseconds wait) {
    const sql::LockWait lock_wait(db_, wait);
    while (!kept_.empty()) {
        const Kept& k = kept_.front();
        try {
            record(k.learner_id, k.course, k.event, k.at, *k.replica);
        } catch (const sql::Busy&) {
            return false;
        }
        kept_.erase(kept_.begin());
    }
    return true;
}

std::size_t Store::pending() const { return kept_.size(); }

bool Store::retry_pending() { return commit_kept(std::min(retry_lock_wait, waits_.step)); }

bool Store::flush_pending(std::chrono::milliseconds wait) {
    using clock = std::chrono::steady_clock;
    const auto until = clock::now() + wait;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - clock::now());
        // SQLite's busy handler does the waiting, in slices no longer than sql::lock_wait.
        if (commit_kept(std::clamp(left, std::chrono::milliseconds(0), sql::lock_wait))) return true;
        if (clock::now() >= until) return false;
    }
}

std::string Store::save_problem() const {
    if (kept_.empty()) return {};
    const auto waited = std::chrono::steady_clock::now() - kept_.front().since;
    if (waited < waits_.problem) return {};
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(waited).count();
    const std::string how_long = seconds >= 120  ? fmt::format("{} minutes", seconds / 60)
                                 : seconds >= 60 ? std::string("over a minute")
                                                 : fmt::format("{} seconds", std::max<long long>(seconds, 1));
    const std::size_t n = kept_.size();
    return fmt::format(
        "{}: another program has held the records locked for {}; {} step{} of this session {} not saved yet "
        "and will be retried",
        path_.string(), how_long, n, n == 1 ? "" : "s", n == 1 ? "is" : "are");
}

void Store::reload(std::int64_t learner_id, const CourseKey& course, Replica& replica) {
    sql::Statement who(db_, "SELECT 1 FROM learners WHERE id = ?");
    who.bind(1, learner_id);
    if (!who.step())
        throw RecordsError(fmt::format("{}: learner {} is not in the records (deleted?); nothing recorded",
                                       path_.string(), learner_id));
    Replay r = replay(db_, learner_id, course.id);
    replica.progress = std::move(r.progress);
    replica.last_seq = r.last_seq;
    replica.merged = r.merged;
    sql::Statement reg(db_,
                       "INSERT OR IGNORE INTO registrations (learner_id, course_id, registration) "
                       "VALUES (?, ?, ?)");
    reg.bind(1, learner_id).bind(2, course.id).bind(3, random_uuid()).run();
}

void Store::record(std::int64_t learner_id, const CourseKey& course, const Event& e, const std::string& at,
                   Replica& replica) {
    try {
        sql::Transaction t(db_);
        // Another process (or another sink) may have recorded for this learner since.
        if (newest_seq(db_, learner_id, course.id) != replica.last_seq) reload(learner_id, course, replica);
        RecordedEvent row;
        row.uuid = random_uuid();
        row.learner_id = learner_id;
        row.course_id = course.id;
        row.course_version = course.version;
        row.language = e.kind == EventKind::language_changed ? e.target
                       : replica.progress.language.empty()   ? course.language
                                                             : replica.progress.language;
        row.at = at;
        row.event = e;
        row.seq = insert_event(db_, row);
        if (replica.merged) {
            // An event from another PC may come after this one in time: replay them all.
            reload(learner_id, course, replica);
            refresh_state(db_, learner_id, course.id);
        } else {
            apply(replica.progress, e);
            replica.last_seq = row.seq;
            CourseState st = summarize(replica.progress);
            st.course_version = course.version;
            st.last_seq = row.seq;
            write_state(db_, learner_id, course.id, st);
        }
        stamp_write(db_);
        t.commit();
    } catch (const RecordsError&) {
        replica.last_seq = -1;  // the copy may hold what was not recorded
        throw;
    } catch (const std::exception& ex) {
        replica.last_seq = -1;
        throw RecordsError(fmt::format("{}: could not record: {}", path_.string(), ex.what()));
    }
}

Progress Store::progress(std::int64_t learner_id, const Course& course) const {
    return replay(db_, learner_id, course.id).progress;
}

// --- reading back ----------------------------------------------------------------

std::vector<RecordedEvent> Store::events(std::int64_t learner_id, const std::string& course_id) const {
    std::vector<RecordedEvent> all = select_events(db_, learner_id, course_id);
    const bool one_device = std::all_of(
        all.begin(), all.end(), [&](const RecordedEvent& e) { return e.device == all.front().device; });
    if (one_device || !course_id.empty()) return in_replay_order(std::move(all));
    // Each course's events are replayed on their own; courses by id.
    std::set<std::string> order;
    for (const RecordedEvent& e : all) order.insert(e.course_id);
    std::vector<RecordedEvent> out;
    out.reserve(all.size());
    for (const std::string& c : order) {
        std::vector<RecordedEvent> one;
        for (RecordedEvent& e : all)
            if (e.course_id == c) one.push_back(std::move(e));
        for (RecordedEvent& e : in_replay_order(std::move(one))) out.push_back(std::move(e));
    }
    return out;
}

std::vector<std::string> Store::courses(std::int64_t learner_id) const {
    sql::Statement s(db_, "SELECT DISTINCT course_id FROM events WHERE learner_id = ? ORDER BY course_id");
    s.bind(1, learner_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::optional<CourseState> Store::state(std::int64_t learner_id, const std::string& course_id) const {
    return read_state(db_, learner_id, course_id);
}

std::string Store::registration(std::int64_t learner_id, const std::string& course_id) const {
    sql::Statement s(db_, "SELECT registration FROM registrations WHERE learner_id = ? AND course_id = ?");
    s.bind(1, learner_id).bind(2, course_id);
    return s.step() ? s.text(0) : std::string();
}

}  // namespace lektion
