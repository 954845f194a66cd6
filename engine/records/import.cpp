// Store::import_records: one file, one transaction.
#include "records/import.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "records/event_json.hpp"
#include "records/event_rows.hpp"
#include "records/identity.hpp"
#include "records/names.hpp"
#include "records/records_file.hpp"
#include "records/sqlite.hpp"
#include "records/state_cache.hpp"
#include "records/timestamp.hpp"
#include "records/tombstones.hpp"

namespace lektion {

namespace {

// BEGIN IMMEDIATE, waiting as long as `wait` for another lektion's write lock
// (SQLite's own busy wait stops at sql::lock_wait).
std::unique_ptr<sql::Transaction> begin_waiting(sqlite3* db, std::chrono::milliseconds wait,
                                                const std::string& file) {
    const auto until = std::chrono::steady_clock::now() + wait;
    for (;;) {
        try {
            return std::make_unique<sql::Transaction>(db);
        } catch (const sql::Busy&) {
            if (std::chrono::steady_clock::now() >= until)
                throw RecordsError(fmt::format(
                    "{}: another program has held the records locked for {} s; nothing imported, try again",
                    file, wait.count() / 1000));
        }
    }
}

std::optional<std::int64_t> learner_id_by_key(sqlite3* db, const std::string& key) {
    sql::Statement s(db, "SELECT id FROM learners WHERE name_key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
}

// Where the event already here differs from the file's, for the conflict's message.
std::string how_it_differs(const RecordedEvent& here, const RecordedEvent& file) {
    if (here.learner_id != file.learner_id) return "here it is another learner's";
    if (here.course_id != file.course_id) return fmt::format("here it belongs to course {}", here.course_id);
    return fmt::format("here it is a {} of {}", to_string(here.event.kind), here.at);
}

class Merger {
public:
    Merger(sqlite3* db, const ImportOptions& options, ImportSummary& summary)
        : db_(db), options_(options), summary_(summary), finder_(db), writer_(db) {}

    void learner(const FileLearner& l) {
        const std::size_t events = count(l);
        if (!l.problem.empty()) return refuse(l.shown_name, l.problem, events);
        const std::string key = name_key(l.name);
        if (const auto erased = tombstone(db_, key)) {
            if (!options_.allow_deleted) {
                RefusedEvents r{l.shown_name,
                                fmt::format("the learner was erased here on {}; --allow-deleted imports them",
                                            erased->substr(0, 10)),
                                events, false, true};
                summary_.refused += events;
                summary_.refusals.push_back(std::move(r));
                return;
            }
            remove_tombstone(db_, key);
        }
        std::int64_t id = 0;
        if (const auto found = learner_id_by_key(db_, key)) {
            id = *found;
        } else {
            sql::Statement s(db_,
                             "INSERT INTO learners (name, name_key, language, theme, text_size, speech_rate, "
                             "created_at) VALUES (?,?,?,?,?,?,?)");
            s.bind(1, l.name).bind(2, key).bind(3, l.language).bind(4, l.theme);
            s.bind(5, static_cast<double>(l.text_size)).bind(6, std::int64_t{l.speech_rate});
            s.bind(7, utc_now()).run();
            id = sqlite3_last_insert_rowid(db_);
            ++summary_.learners_added;
        }
        for (const FileCourse& c : l.courses) course(l, id, c);
    }

    void finish() {
        for (const auto& [learner, course] : touched_) refresh_state(db_, learner, course);
    }

private:
    static std::size_t count(const FileLearner& l) {
        std::size_t n = 0;
        for (const FileCourse& c : l.courses) n += c.events.size();
        return n;
    }

    void refuse(const std::string& learner, const std::string& reason, std::size_t n, bool conflict = false) {
        if (n == 0) return;
        summary_.refused += n;
        if (conflict) ++summary_.conflicts;
        // Like refusals of one learner are counted together; each conflict is its own line.
        if (!conflict && !summary_.refusals.empty()) {
            RefusedEvents& last = summary_.refusals.back();
            if (!last.conflict && last.learner == learner && last.reason == reason) {
                last.count += n;
                return;
            }
        }
        summary_.refusals.push_back({learner, reason, n, conflict, false});
    }

    void course(const FileLearner& l, std::int64_t learner_id, const FileCourse& c) {
        if (!c.problem.empty()) return refuse(l.shown_name, c.problem, c.events.size());
        for (const FileEvent& fe : c.events) {
            if (!fe.problem.empty()) {
                refuse(l.shown_name, fmt::format("an event {}", fe.problem), 1);
                continue;
            }
            RecordedEvent e = fe.event;
            e.learner_id = learner_id;
            if (const auto here = finder_.find(e.uuid)) {
                if (here->learner_id == learner_id && here->course_id == e.course_id &&
                    same_content(*here, e)) {
                    ++summary_.present;
                } else {
                    refuse(l.shown_name,
                           fmt::format("conflict: event {} is here already with other content ({}); "
                                       "neither is changed",
                                       e.uuid, how_it_differs(*here, e)),
                           1, true);
                }
                continue;
            }
            writer_.insert(e);
            ++summary_.added;
            touched_.insert({learner_id, e.course_id});
        }
        if (!c.registration.empty()) {
            // The learner's registration in the course, when this PC has none
            // yet and nobody here uses the id: their statements then carry it.
            sql::Statement s(db_,
                             "INSERT OR IGNORE INTO registrations (learner_id, course_id, registration) "
                             "SELECT ?, ?, ? WHERE NOT EXISTS "
                             "(SELECT 1 FROM registrations WHERE registration = ?)");
            s.bind(1, learner_id).bind(2, c.id).bind(3, c.registration).bind(4, c.registration).run();
        }
    }

    sqlite3* db_;
    const ImportOptions& options_;
    ImportSummary& summary_;
    EventFinder finder_;
    EventWriter writer_;
    std::set<std::pair<std::int64_t, std::string>> touched_;
};

}  // namespace

std::string Store::device_id() const { return database_id(db_); }

std::string Store::device_name(const std::string& device) const {
    if (device == device_id()) return this_device_name();
    sql::Statement s(db_, "SELECT name FROM devices WHERE id = ?");
    s.bind(1, device);
    return s.step() ? s.text(0) : std::string();
}

bool Store::erased(const std::string& name) const {
    try {
        return tombstone(db_, name_key(lookup_name(name))).has_value();
    } catch (const RecordsError&) {
        return false;
    }
}

ImportSummary Store::import_records(std::string_view json_text, const ImportOptions& options) {
    refuse_if_read_only("nothing can be imported");
    const RecordsFile file = read_records_file(json_text);  // before the database is touched
    ImportSummary summary;
    summary.device = file.device;
    summary.device_name = file.device_name;
    summary.own = file.device == device_id();

    const auto t = begin_waiting(db_, long_lock_wait, path_.string());
    // Names of devices: a device's own export is the authority on its name.
    sql::Statement device(db_,
                          "INSERT INTO devices (id, name, first_seen) VALUES (?, ?, ?) "
                          "ON CONFLICT (id) DO UPDATE SET name = excluded.name "
                          "WHERE excluded.name <> '' AND (devices.name = '' OR ?)");
    if (!summary.own)
        device.bind(1, file.device).bind(2, file.device_name).bind(3, utc_now()).bind(4, 1).run();
    for (const auto& [id, name] : file.devices) {
        if (id == device_id()) continue;
        device.reset();
        device.bind(1, id).bind(2, name).bind(3, utc_now()).bind(4, 0).run();
    }
    Merger merger(db_, options, summary);
    for (const FileLearner& l : file.learners) merger.learner(l);
    merger.finish();
    stamp_write(db_);
    t->commit();
    return summary;
}

}  // namespace lektion
