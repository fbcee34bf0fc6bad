#include <jadwal/io/input_file.hpp>

#include "../load/file_io.hpp"

#include <fmt/format.h>

namespace jadwal::io {

std::optional<std::string> read_input_file(const std::filesystem::path& file, std::string_view what,
                                           load::diagnostics& diags, std::size_t max_bytes) {
    std::string text, why;
    const auto status = load::detail::read_whole_file(file, max_bytes, text, why);
    if (status == load::detail::read_status::ok) return text;
    load::diagnostic d;
    d.code = status == load::detail::read_status::too_large ? "E-LIMIT" : "E-FILE";
    d.message = fmt::format("cannot read {}: {}", what, why);
    d.file = file.string();
    d.io_failure = status == load::detail::read_status::failed;
    diags.add(std::move(d));
    return std::nullopt;
}

}  // namespace jadwal::io
