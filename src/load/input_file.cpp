#include <jadwal/load/input_file.hpp>

#include "file_io.hpp"

#include <fmt/format.h>

namespace jadwal::load {

std::optional<std::string> read_input_file(const std::filesystem::path& file, std::string_view what,
                                           diagnostics& diags, std::size_t max_bytes) {
    std::string text, why;
    const auto status = detail::read_whole_file(file, max_bytes, text, why);
    if (status == detail::read_status::ok) return text;
    diagnostic d;
    d.code = status == detail::read_status::too_large ? "E-LIMIT" : "E-FILE";
    d.message = fmt::format("cannot read {}: {}", what, why);
    d.file = file.string();
    d.io_failure = status == detail::read_status::failed;
    diags.add(std::move(d));
    return std::nullopt;
}

}  // namespace jadwal::load
