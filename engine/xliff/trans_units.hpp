// The <trans-unit>s of an XLIFF 1.2 <file>, in document order, inside
// <group>s too (CAT tools add them; XLIFF allows them nested). The player's
// overlay, the stored translations and the import all walk a file this way,
// so that none of them sees a unit the others miss.
#pragma once

#include <functional>

#include <pugixml.hpp>

namespace lektion {

// Calls `unit` for every <trans-unit> of `file` (an XLIFF <file> element),
// through <group>s up to 8 deep.
void for_each_trans_unit(pugi::xml_node file, const std::function<void(pugi::xml_node)>& unit);

}  // namespace lektion
