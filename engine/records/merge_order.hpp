// The order in which a learner's events are replayed once records from
// several PCs are merged, and the replay itself.
//
// On one PC the order is the order of recording (seq). Imports append events
// in whatever order the files came, so seq alone would make the merged
// progress depend on it. Instead each device's events keep their order on
// that device (device_seq), and the devices' sequences are merged by time:
// the next event is always the earliest of the devices' next ones (ties by
// device id). That order depends only on the set of events, it keeps every
// device's own order even when its clock stepped back, and for a learner
// recorded on one PC alone it is the recording order, unchanged.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "records/store.hpp"

namespace lektion {

// `events` (as stored, by seq) in replay order.
std::vector<RecordedEvent> in_replay_order(std::vector<RecordedEvent> events);

// Quiz attempts are numbered per device (each PC counts from 1), so with
// several devices an attempt is known by its device and number: the first
// device to use a number keeps it, a later one gets the next free number, and
// the attempt's answers and score follow it. An event that names an attempt
// its device never started (a PC continuing an attempt merged from another)
// finds it by the number alone. Fed the events in replay order, number()
// gives each quiz event's attempt number among all of the learner's.
class AttemptNumbers {
public:
    int number(const RecordedEvent& e);

private:
    std::map<std::pair<std::string, int>, int> numbers_;  // (device, its number) -> number here
    std::set<int> used_;
};

// The progress the events make, in replay order, attempts numbered as above.
Progress replay_progress(const std::vector<RecordedEvent>& ordered);

}  // namespace lektion
