// Store: what each Learning Record Store acknowledged (see store.hpp, push.hpp).
#include <fmt/format.h>

#include "records/identity.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"
#include "records/timestamp.hpp"

namespace lektion {

std::optional<Store::LrsEndpoint> Store::lrs_endpoint(const std::string& url) const {
    sql::Statement s(db_, "SELECT id, url, home_page, activity_base FROM lrs_endpoints WHERE url = ?");
    s.bind(1, url);
    if (!s.step()) return std::nullopt;
    return LrsEndpoint{s.integer(0), s.text(1), s.text(2), s.text(3)};
}

Store::LrsEndpoint Store::add_lrs_endpoint(const std::string& url, const std::string& home_page,
                                           const std::string& activity_base) {
    refuse_if_read_only("nothing can be pushed");
    sql::Transaction t(db_);
    sql::Statement s(db_,
                     "INSERT OR IGNORE INTO lrs_endpoints (url, home_page, activity_base) VALUES (?, ?, ?)");
    s.bind(1, url).bind(2, home_page).bind(3, activity_base).run();
    stamp_write(db_);
    t.commit();
    return *lrs_endpoint(url);
}

std::vector<std::int64_t> Store::acknowledged(std::int64_t endpoint) const {
    sql::Statement s(db_, "SELECT seq FROM lrs_acknowledged WHERE endpoint = ? ORDER BY seq");
    s.bind(1, endpoint);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
}

void Store::acknowledge(std::int64_t endpoint, const std::vector<std::int64_t>& seqs) {
    refuse_if_read_only("nothing can be pushed");
    sql::Transaction t(db_);
    // An event erased meanwhile (the learner deleted during the push) is skipped, not an error.
    sql::Statement s(db_,
                     "INSERT OR IGNORE INTO lrs_acknowledged (endpoint, seq, at) "
                     "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE seq = ?)");
    const std::string now = utc_now();
    for (const std::int64_t seq : seqs) {
        s.reset();
        s.bind(1, endpoint).bind(2, seq).bind(3, now).bind(4, seq).run();
    }
    stamp_write(db_);
    t.commit();
}

void Store::forget_acknowledgements(std::int64_t endpoint) {
    refuse_if_read_only("nothing can be pushed");
    sql::Transaction t(db_);
    sql::Statement s(db_, "DELETE FROM lrs_acknowledged WHERE endpoint = ?");
    s.bind(1, endpoint).run();
    stamp_write(db_);
    t.commit();
}

}  // namespace lektion
