#include "reporter.hpp"

#include "codes.hpp"

#include <fmt/format.h>

namespace jadwal::load::detail {

std::uint32_t reporter::add_file(std::string name) {
    files_.push_back(std::move(name));
    return static_cast<std::uint32_t>(files_.size() - 1);
}

void reporter::report(severity level, std::string_view code, phrase message, loc where, std::string path,
                      bool io_failure) {
    if (level == severity::error) ++errors_;
    const std::size_t cap = level == severity::error ? max_errors_per_code : max_warnings_per_code;
    auto it = kept_.find(code);
    if (it == kept_.end()) it = kept_.emplace(std::string{code}, 0).first;
    if (level != severity::note && it->second >= cap) {
        auto d = dropped_.find(code);
        if (d == dropped_.end()) d = dropped_.emplace(std::string{code}, 0).first;
        ++d->second;
        return;
    }
    ++it->second;
    diagnostic d;
    d.level = level;
    d.code = std::string{code};
    d.message = std::move(message.en);
    d.message_id = std::move(message.id);
    d.file = where.file < files_.size() ? files_[where.file] : std::string{};
    d.line = where.line;
    d.column = where.column;
    d.path = std::move(path);
    d.io_failure = io_failure;
    out_.add(std::move(d));
}

void reporter::finish() {
    for (const auto& [c, n] : dropped_) {
        diagnostic d;
        d.level = severity::note;
        d.code = std::string{code::suppressed};
        auto m = say("{} more diagnostics with code {} were not listed", grouped(n), c);
        d.message = std::move(m.en);
        d.message_id = std::move(m.id);
        d.file = files_.empty() ? std::string{} : files_.front();
        out_.add(std::move(d));
    }
    dropped_.clear();
}

}  // namespace jadwal::load::detail
