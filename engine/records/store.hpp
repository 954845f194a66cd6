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

// The data folder: --data-dir, else $LEKTION_DATA_DIR, else
// $XDG_DATA_HOME/lektion, else ~/.local/share/lektion.
std::filesystem::path data_dir(const std::string& override_dir = {});

class Store {
public:
    // Opens (creating with 0700/0600 permissions) `dir`/records.sqlite3 and
    // migrates it forward in one transaction. Throws RecordsError for a
    // database from a newer lektion, a corrupt or unreadable file (which is
    // left untouched), or a folder that cannot be created.
    explicit Store(const std::filesystem::path& dir);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& path() const { return path_; }
    static int schema_version();

    // --- learners ------------------------------------------------------------
    std::vector<Learner> learners() const;
    // Names are unique under ICU case folding: "Åse" finds "åse".
    std::optional<Learner> find_learner(const std::string& name) const;
    Learner create_learner(const std::string& name, const std::string& language = {});
    Learner find_or_create_learner(const std::string& name, const std::string& language = {});
    void save_settings(const Learner& learner);  // language, theme, text size
    void delete_learner(std::int64_t learner_id);  // erases every trace of them

    // --- progress ------------------------------------------------------------
    // A sink that commits each event (one immediate transaction, synchronous=FULL)
    // for this learner and course version; it throws RecordsError on failure.
    EventSink sink(std::int64_t learner_id, const Course& course);
    // The learner's progress in this course, rebuilt from their events.
    Progress progress(std::int64_t learner_id, const Course& course) const;

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

}  // namespace lektion
