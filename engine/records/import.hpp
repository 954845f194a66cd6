// `lektion records import`: merging exports from other PCs into this one.
//
// Events are known by their UUID, so importing a file twice, or files that
// overlap, adds nothing the second time; the same UUID with other content is
// a conflict, reported and never written over. Learners are matched by name
// (case-folded, as everywhere in the records), courses by id. A learner
// erased here stays erased (tombstones.hpp) unless allow_deleted. Progress,
// best score and attempts are rebuilt from the merged events in the same
// transaction. See Store::import_records.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "records/store.hpp"

namespace lektion {

// What an import reads at most (base/limits.hpp).
constexpr std::size_t max_records_file_bytes = limits::records_file_bytes;

struct ImportOptions {
    bool allow_deleted = false;  // import learners erased here, and lift their tombstones
};

// Events refused for one reason, for one learner.
struct RefusedEvents {
    std::string learner;  // as the file names them, escaped for a terminal
    std::string reason;   // one phrase
    std::size_t count = 0;
    bool conflict = false;  // the same id with other content here: a conflict, never overwritten
    bool erased = false;    // the learner was erased here (a tombstone), not an error in the file
};

struct ImportSummary {
    std::string device;  // the file's device id
    std::string device_name;
    bool own = false;           // the file is this database's own export
    std::size_t added = 0;      // events new here
    std::size_t present = 0;    // already here, the same
    std::size_t refused = 0;    // the sum of the counts in `refusals`
    std::size_t conflicts = 0;  // of those, conflicts
    std::size_t learners_added = 0;
    std::vector<RefusedEvents> refusals;  // by learner, in file order; conflicts one each
};

}  // namespace lektion
