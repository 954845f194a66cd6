#include "export/zip_writer.hpp"

#include <cstdio>
#include <memory>

#include <zip.h>

namespace lektion::web {

std::string zip_files(const std::map<std::string, std::string>& files, std::time_t mtime,
                      std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    // libzip's in-memory pattern: a buffer source kept alive past zip_close,
    // then read back.
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!buffer) {
        error = std::string("zip: ") + zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return {};
    }
    zip_source_keep(buffer);
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &ze);
    if (!za) {
        error = std::string("zip: ") + zip_error_strerror(&ze);
        zip_source_free(buffer);
        zip_error_fini(&ze);
        return {};
    }
    for (const auto& [name, bytes] : files) {
        zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        const zip_int64_t index =
            s ? zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            error = std::string("zip: ") + zip_strerror(za);
            zip_discard(za);
            zip_source_free(buffer);
            zip_error_fini(&ze);
            return {};
        }
        zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), mtime, 0);
    }
    if (zip_close(za) < 0) {
        error = std::string("zip: ") + zip_strerror(za);
        zip_discard(za);
        zip_source_free(buffer);
        zip_error_fini(&ze);
        return {};
    }
    std::string out;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        if (size > 0) {
            out.resize(static_cast<std::size_t>(size));
            if (zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) != size) {
                error = "zip: the archive could not be read back";
                out.clear();
            }
        }
        zip_source_close(buffer);
    } else {
        error = "zip: the archive could not be read back";
    }
    zip_source_free(buffer);
    zip_error_fini(&ze);
    return out;
}

}  // namespace lektion::web
