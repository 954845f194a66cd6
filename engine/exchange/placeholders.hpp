// Whether an interface translation names the same placeholders as its
// English message: the one check, for the import (the unit is refused) and
// for lint (an error in a stored catalog), in the same words.
#pragma once

#include <string>

namespace lektion {

// "" when `target` uses exactly the placeholders of `source` ({lesson},
// {count, plural, …}), else what differs: "lacks {lesson}; uses {lexia},
// which the source does not have".
std::string placeholder_problem(const std::string& source, const std::string& target);

}  // namespace lektion
