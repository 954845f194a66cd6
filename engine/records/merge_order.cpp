#include "records/merge_order.hpp"

#include <algorithm>

namespace lektion {

std::vector<RecordedEvent> in_replay_order(std::vector<RecordedEvent> events) {
    const bool one_device = std::all_of(events.begin(), events.end(), [&](const RecordedEvent& e) {
        return e.device == events.front().device;
    });
    const auto by_place = [](const RecordedEvent& a, const RecordedEvent& b) {
        return a.device_seq < b.device_seq;
    };
    if (one_device) {
        // This database's own events are in seq order already; another PC's
        // may have come in more than one file.
        if (!std::is_sorted(events.begin(), events.end(), by_place))
            std::stable_sort(events.begin(), events.end(), by_place);
        return events;
    }

    std::map<std::string, std::vector<RecordedEvent>> by_device;  // sorted by device id: the tie-break
    for (RecordedEvent& e : events) by_device[e.device].push_back(std::move(e));
    struct Run {
        std::vector<RecordedEvent>* events;
        std::size_t next = 0;
    };
    std::vector<Run> runs;
    for (auto& [device, list] : by_device) {
        std::stable_sort(list.begin(), list.end(), by_place);
        runs.push_back({&list});
    }
    std::vector<RecordedEvent> out;
    out.reserve(events.size());
    for (;;) {
        Run* earliest = nullptr;
        for (Run& r : runs) {
            if (r.next == r.events->size()) continue;
            // Runs are in device order, so `<` keeps the lower device id on a tie.
            if (!earliest || (*r.events)[r.next].at < (*earliest->events)[earliest->next].at) earliest = &r;
        }
        if (!earliest) break;
        out.push_back(std::move((*earliest->events)[earliest->next++]));
    }
    return out;
}

int AttemptNumbers::number(const RecordedEvent& r) {
    const std::pair<std::string, int> key{r.device, r.event.attempt};
    if (r.event.kind == EventKind::quiz_started && !numbers_.count(key)) {
        int n = r.event.attempt;
        if (used_.count(n)) n = *used_.rbegin() + 1;
        numbers_[key] = n;
        used_.insert(n);
    }
    const auto it = numbers_.find(key);
    return it == numbers_.end() ? r.event.attempt : it->second;
}

Progress replay_progress(const std::vector<RecordedEvent>& ordered) {
    Progress p;
    const bool one_device = std::all_of(ordered.begin(), ordered.end(), [&](const RecordedEvent& e) {
        return e.device == ordered.front().device;
    });
    AttemptNumbers numbers;
    for (const RecordedEvent& r : ordered) {
        const Event& e = r.event;
        const bool quiz = e.kind == EventKind::quiz_started || e.kind == EventKind::quiz_answered ||
                          e.kind == EventKind::quiz_submitted;
        if (one_device || !quiz) {
            apply(p, e);
            continue;
        }
        Event renumbered = e;
        renumbered.attempt = numbers.number(r);
        apply(p, renumbered);
    }
    return p;
}

}  // namespace lektion
