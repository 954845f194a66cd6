// Learner records: a local SQLite database of learners and of every event
// their sessions produce. The session's EventSink commits each event here
// before the session applies it, so what the learner saw happen is on disk.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "session/events.hpp"
#include "session/progress.hpp"

struct sqlite3;

namespace lektion {

struct ImportOptions;  // import.hpp
struct ImportSummary;

// Raised with a message fit to show the user: one line saying what and where
// (most begin with the file's path). Messages never begin with "lektion: ";
// a front end that prints them to a terminal adds that prefix itself.
class RecordsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Learner {
    std::int64_t id = 0;
    std::string name;
    std::string language;  // BCP 47, empty: not chosen
    std::string theme;     // "light", "dark", "contrast"; empty: default
    float text_size = 0;   // points; 0: default
    int speech_rate = 0;   // read aloud, words a minute; 0: default
};

// One event as the store keeps it: the event and where and when it happened.
struct RecordedEvent {
    std::int64_t seq = 0;  // append order across the whole database
    std::string uuid;      // random UUID v4, the xAPI statement id
    std::int64_t learner_id = 0;
    std::string course_id;
    std::string course_version;
    std::string language;  // the language the learner was using, BCP 47
    std::string at;        // UTC, ISO 8601 with milliseconds
    Event event;
    // Where it was recorded: the id of the database (the PC) that recorded it,
    // its place in that database's order, and the xAPI registration it was
    // recorded under. For this database's own events: its own id, `seq`, and
    // the learner's registration here. Imported events keep their origin's.
    std::string device;
    std::int64_t device_seq = 0;
    std::string registration;
};

// The current state of a learner in a course: what a trainer asks first, kept
// as a cache of the events in the same transaction as each event.
struct CourseState {
    std::string course_version;  // of the latest event
    Position position;
    std::vector<std::string> lessons_complete;  // lesson ids, sorted
    bool course_complete = false;
    std::optional<Score> best;
    std::optional<Score> last;
    int attempts = 0;  // quiz attempts submitted
    std::int64_t last_seq = 0;
};
bool operator==(const CourseState& a, const CourseState& b);

// The state the cache must hold for this progress (course_version and
// last_seq are left for the caller).
CourseState summarize(const Progress& progress);

// The data folder: --data-dir, else $LEKTION_DATA_DIR, else
// $XDG_DATA_HOME/lektion, else ~/.local/share/lektion.
std::filesystem::path data_dir(const std::string& override_dir = {});

class Store {
public:
    enum class Access {
        create,  // creates the folder and the database when missing (the player)
        update,  // the database must exist; opened for writing (erasure)
        read,    // the database must exist; nothing is recorded (exports, reports).
                 // An older schema is upgraded first when the file is writable.
    };

    // Opens (creating with 0700/0600 permissions) `dir`/records.sqlite3 and
    // migrates it forward in one transaction. Throws RecordsError for a
    // database from a newer lektion, a corrupt or unreadable file (which is
    // left untouched), or a folder that cannot be created.
    explicit Store(const std::filesystem::path& dir);
    Store(const std::filesystem::path& dir, Access access);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& path() const { return path_; }
    static int schema_version();
    static const char* file_name() { return "records.sqlite3"; }

    // --- learners ------------------------------------------------------------
    std::vector<Learner> learners() const;
    // Names are unique under ICU case folding: "Åse" finds "åse".
    std::optional<Learner> find_learner(const std::string& name) const;
    std::optional<Learner> learner(std::int64_t id) const;
    Learner create_learner(const std::string& name, const std::string& language = {});
    Learner find_or_create_learner(const std::string& name, const std::string& language = {});
    void save_settings(const Learner& learner);  // language, theme, text size, speech rate
    // Erases every trace of them: their rows, then the freed bytes (secure
    // delete, VACUUM, write-ahead log truncated). Throws RecordsError when the
    // rows are gone but another process keeps old pages alive in the log.
    void delete_learner(std::int64_t learner_id);

    // --- progress ------------------------------------------------------------
    // A sink that commits each event (one immediate transaction, synchronous=FULL)
    // for this learner and course version; it throws RecordsError on failure,
    // except that an event that finds the write lock held is kept (see
    // pending()). The store must outlive the sink.
    EventSink sink(std::int64_t learner_id, const Course& course);
    // The learner's progress in this course, rebuilt from their events.
    // Events from earlier versions of the course count too; ids the course no
    // longer has are kept in the progress and harm nothing.
    Progress progress(std::int64_t learner_id, const Course& course) const;

    // --- reading back ----------------------------------------------------------
    // Every event of the learner, in the order they are replayed; course_id
    // empty: all courses. This database's own events come in the order they
    // were recorded; with events merged from other PCs, each PC's events keep
    // their order there and are interleaved by time (merge_order.hpp), so the
    // order is the same whatever order the imports came in.
    std::vector<RecordedEvent> events(std::int64_t learner_id, const std::string& course_id = {}) const;
    // Course ids the learner has events in, sorted.
    std::vector<std::string> courses(std::int64_t learner_id) const;
    // The cached current state, or nullopt before the first event.
    std::optional<CourseState> state(std::int64_t learner_id, const std::string& course_id) const;
    // The xAPI registration of the learner in the course (a UUID), empty before the first event.
    std::string registration(std::int64_t learner_id, const std::string& course_id) const;

    // --- a classroom of PCs (import.cpp) -----------------------------------------
    // This database's device id: the random id made when it was created
    // (identity.hpp), which exports and events carry.
    std::string device_id() const;
    // The name a device gave itself in its exports (its host name), "" when unknown.
    std::string device_name(const std::string& device) const;
    // Merges a `records export --format json` into this database in one
    // transaction (waiting up to long_lock_wait for another lektion's).
    // Throws RecordsError, with nothing changed, for a file that is refused
    // whole (damaged, truncated, edited, newer, older, foreign). The summary
    // counts events new, already present and refused, with the reasons.
    ImportSummary import_records(std::string_view json_text, const ImportOptions& options);
    // Whether `name` was erased here (a tombstone, kept as a keyed hash).
    bool erased(const std::string& name) const;

    // --- acknowledgements of a Learning Record Store (push.cpp) -------------------
    struct LrsEndpoint {
        std::int64_t id = 0;
        std::string url;  // normalised, without credentials
        std::string home_page;
        std::string activity_base;
    };
    // The endpoint's row, or nullopt before the first push to it.
    std::optional<LrsEndpoint> lrs_endpoint(const std::string& url) const;
    LrsEndpoint add_lrs_endpoint(const std::string& url, const std::string& home_page,
                                 const std::string& activity_base);
    // The seqs of the events whose statements the endpoint acknowledged.
    std::vector<std::int64_t> acknowledged(std::int64_t endpoint) const;
    // Records an acknowledgement, in one transaction.
    void acknowledge(std::int64_t endpoint, const std::vector<std::int64_t>& seqs);
    // Forgets every acknowledgement of the endpoint (for an LRS that lost its data).
    void forget_acknowledgements(std::int64_t endpoint);

    // --- who may see what on a shared PC (guard.cpp) ------------------------------
    // A trainer passphrase guards the trainer report in the window; learner
    // PINs, when switched on for the installation, guard each learner's
    // name. Both are kept only as slow salted hashes (scrypt, passphrase_hash.hpp).
    // A wrong one is refused with a delay that doubles with each failure in a
    // row (1 s, 2 s, 4 s, ... at most max_guard_delay), kept in the database
    // so that restarting the program does not reset it. They keep classmates
    // at the same PC out of each other's records; they do not protect the
    // database file from anyone who can read it.
    struct GuardCheck {
        enum class Outcome {
            accepted,  // right: go on
            refused,   // wrong: say so; `wait` is the delay before the next try is heard
            wait,      // not tried: the delay of an earlier failure still runs for `wait`
            not_set,   // nothing to check: no passphrase, PINs off, or no PIN for this learner
        };
        Outcome outcome = Outcome::not_set;
        std::chrono::seconds wait{0};
    };
    static constexpr std::chrono::seconds max_guard_delay{300};
    static constexpr std::size_t min_passphrase_length = 8;                // characters
    static constexpr std::size_t min_pin_length = 4, max_pin_length = 12;  // digits

    bool trainer_passphrase_set() const;
    // Throws RecordsError for a passphrase shorter than min_passphrase_length,
    // with control characters, or not UTF-8.
    void set_trainer_passphrase(std::string_view passphrase);
    // For a forgotten passphrase: `lektion records passphrase --reset`.
    void clear_trainer_passphrase();
    GuardCheck check_trainer_passphrase(std::string_view attempt);

    bool learner_pins_enabled() const;
    void set_learner_pins_enabled(bool enabled);
    bool learner_has_pin(std::int64_t learner_id) const;
    // Throws RecordsError for anything but min_pin_length to max_pin_length digits.
    void set_learner_pin(std::int64_t learner_id, std::string_view pin);
    void clear_learner_pin(std::int64_t learner_id);
    // not_set when PINs are off or the learner has none.
    GuardCheck check_learner_pin(std::int64_t learner_id, std::string_view pin);

    // --- when another program holds the write lock ----------------------------------
    // Another lektion, a backup tool or an sqlite3 shell may hold the records'
    // write lock for longer than a learner should wait. A sink call then does
    // not fail: after waiting LockWaits::step for the lock, it keeps the event
    // in memory and returns, so the session goes on. Kept events are committed
    // in the order they happened (each in its own transaction, with the time
    // the learner acted), before any later event: by every later sink call,
    // and by retry_pending() and flush_pending(). Errors other than a lock
    // (a deleted learner, a full disk) still throw RecordsError from the sink.
    static constexpr std::chrono::milliseconds step_lock_wait{2'000};
    static constexpr std::chrono::milliseconds long_lock_wait{60'000};
    // What retry_pending(), and a sink call that finds events kept already,
    // wait for the lock: the learner already waited once.
    static constexpr std::chrono::milliseconds retry_lock_wait{100};
    struct LockWaits {
        std::chrono::milliseconds step = step_lock_wait;     // one sink call waits this long
        std::chrono::milliseconds problem = long_lock_wait;  // then save_problem() speaks
    };
    void set_lock_waits(const LockWaits& waits) { waits_ = waits; }

    // Events kept in memory, not yet in the database.
    std::size_t pending() const;
    // Commits the kept events, in order; true when none is left. Throws
    // RecordsError for a failure other than the lock (the event stays kept).
    bool retry_pending();
    // Empty, or one line for the learner once events have been kept longer
    // than LockWaits::problem: where, how long, how many, and that they will
    // be retried. No "lektion: " prefix (see RecordsError).
    std::string save_problem() const;
    // For quitting: retries until nothing is kept or `wait` is over; true when nothing is.
    bool flush_pending(std::chrono::milliseconds wait);

private:
    struct Replica;     // a sink's copy of the progress it records
    struct CourseKey {  // what a sink keeps of its course
        std::string id;
        std::string version;
        std::string language;
    };
    struct Kept {  // an event waiting for the write lock
        std::int64_t learner_id = 0;
        CourseKey course;
        Event event;
        std::string at;  // when the learner acted
        std::shared_ptr<Replica> replica;
        std::chrono::steady_clock::time_point since;
    };
    void open_for_writing(bool create);
    void open_for_reading();
    void submit(std::int64_t learner_id, const CourseKey& course, const Event& e,
                const std::shared_ptr<Replica>& replica);
    bool commit_kept(std::chrono::milliseconds wait);
    void record(std::int64_t learner_id, const CourseKey& course, const Event& e, const std::string& at,
                Replica& replica);
    void reload(std::int64_t learner_id, const CourseKey& course, Replica& replica);
    void refuse_if_read_only(const char* doing) const;
    GuardCheck check_guard(const char* table, const char* key_column, std::int64_t key,
                           std::string_view attempt);

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
    LockWaits waits_;
    std::vector<Kept> kept_;  // oldest first
};

}  // namespace lektion
