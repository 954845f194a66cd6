// What a translator's file is, from its first bytes: someone who saved from
// Poedit and typed `lektion xliff import` is told which command fits, rather
// than shown an XML parse error about a PO file.
#pragma once

#include <filesystem>

namespace lektion {

enum class ExchangeKind { xliff, po, unknown };

// XLIFF: the first thing after an optional byte order mark and white space is
// markup, and an <xliff element starts within the first 64 KiB. PO: the first
// line that is neither blank nor a '#' comment starts with msgid or msgctxt.
// Anything else, and what is not a regular file, is unknown: the reader of
// the format asked for reports what is wrong with it.
ExchangeKind exchange_kind(const std::filesystem::path& path);

}  // namespace lektion
