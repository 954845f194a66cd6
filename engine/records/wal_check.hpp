// A write-ahead log that is not this database's must never be applied.
//
// SQLite applies whatever valid frames it finds in DB-wal when it opens DB
// after a crash: nothing in the database file names its log, so a log copied
// in from another PC or another data folder puts that database's pages into
// this one, and the next checkpoint makes the mix permanent. A log that
// lektion itself left behind in a crash must still be applied: it holds
// answers that were committed.
//
// How a log is matched to its database: every lektion database holds a
// random id (table identity, schema 3), and every write transaction of
// lektion's rewrites the row holding it (identity.hpp). So each committed
// transaction in a log lektion wrote carries the id page of the database it
// was written for. Before SQLite reads the log, check_wal_belongs():
//   1. copies the log to a private temporary folder and reads its frames as
//      SQLite would (header checksum, salts, cumulative checksums, up to the
//      last commit frame); a log with no committed frame changes nothing;
//   2. reads the id from the database file alone (immutable=1: the log is
//      ignored);
//   3. opens a private copy of the database with the log applied, and
//      requires it to pass PRAGMA quick_check, its id to be the same, and
//      the id's page to be among the log's committed frames.
// A log from another lektion database brings the other id; a log of any
// other program, or one made for another database whose id page sits
// elsewhere, lacks this database's id page. Either way it is refused. The
// copies, never the originals, are what SQLite opens, so both files stay as
// they were. Limits: a database copied while closed shares its id with the
// copy, so a log from one applied to the other is found out only when the
// mix is damaged; and a database from before schema 3 has no id to compare,
// so a log without one is accepted when the result is whole, and a log that
// brings one is refused (it would be the upgrade's own log only after a
// crash in the instant between the upgrade and its checkpoint).
#pragma once

#include <filesystem>

namespace lektion {

// Throws RecordsError, naming both files, when `db_file`-wal exists, holds
// committed frames, and was not written for `db_file`, or `db_file` is
// missing or empty (SQLite would delete such a log). Reads both, writes
// neither.
void check_wal_belongs(const std::filesystem::path& db_file);

}  // namespace lektion
