// Learner records: a local SQLite database of learners and of every event
// their sessions produce. The session's EventSink commits each event here
// before the session applies it, so what the learner saw happen is on disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "session/progress.hpp"
#include "session/session.hpp"

struct sqlite3;

namespace lektion {

// Raised with a message fit to show the user as it is: what and where.
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
    void save_settings(const Learner& learner);  // language, theme, text size
    // Erases every trace of them: their rows, then the freed bytes (secure
    // delete, VACUUM, write-ahead log truncated). Throws RecordsError when the
    // rows are gone but another process keeps old pages alive in the log.
    void delete_learner(std::int64_t learner_id);

    // --- progress ------------------------------------------------------------
    // A sink that commits each event (one immediate transaction, synchronous=FULL)
    // for this learner and course version; it throws RecordsError on failure.
    // The store must outlive the sink.
    EventSink sink(std::int64_t learner_id, const Course& course);
    // The learner's progress in this course, rebuilt from their events.
    // Events from earlier versions of the course count too; ids the course no
    // longer has are kept in the progress and harm nothing.
    Progress progress(std::int64_t learner_id, const Course& course) const;

    // --- reading back ----------------------------------------------------------
    // Every event of the learner, in the order they happened; course_id empty: all courses.
    std::vector<RecordedEvent> events(std::int64_t learner_id, const std::string& course_id = {}) const;
    // Course ids the learner has events in, sorted.
    std::vector<std::string> courses(std::int64_t learner_id) const;
    // The cached current state, or nullopt before the first event.
    std::optional<CourseState> state(std::int64_t learner_id, const std::string& course_id) const;
    // The xAPI registration of the learner in the course (a UUID), empty before the first event.
    std::string registration(std::int64_t learner_id, const std::string& course_id) const;

private:
    struct Replica;    // a sink's copy of the progress it records
    struct CourseKey;  // what a sink keeps of its course
    void open_for_writing(bool create);
    void open_for_reading();
    void record(std::int64_t learner_id, const CourseKey& course, const Event& e, Replica& replica);
    void reload(std::int64_t learner_id, const CourseKey& course, Replica& replica);

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
};

}  // namespace lektion
