#include <jadwal/load/csv_reader.hpp>

#include "say.hpp"

#include <fmt/format.h>

namespace jadwal::load {

using detail::say;

csv_reader::csv_reader(std::string_view data, char delimiter) : data_(data), delim_(delimiter) {
    if (data_.size() >= 3 && data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

char csv_reader::sniff_delimiter(std::string_view data) {
    bool quoted = false;
    std::size_t commas = 0, semicolons = 0;
    for (const char c : data) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
    }
    return commas == 0 && semicolons > 0 ? ';' : ',';
}

csv_reader::status csv_reader::next(std::vector<csv_field>& fields) {
    fields.clear();
    scratch_.clear();
    const std::size_t n = data_.size();
    // Skip blank lines (an empty line, or one with only a CR).
    while (pos_ < n) {
        if (data_[pos_] == '\n') {
            ++pos_;
            ++line_;
            line_start_ = pos_;
        } else if (data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') {
            pos_ += 2;
            ++line_;
            line_start_ = pos_;
        } else {
            break;
        }
    }
    if (pos_ >= n) return status::end;
    record_line_ = line_;

    while (true) {
        csv_field f;
        f.offset = pos_;
        f.line = line_;
        f.line_start = line_start_;
        if (pos_ < n && data_[pos_] == '"') {
            // Quoted: runs to the next quote not doubled; may span lines.
            std::size_t i = pos_ + 1;
            const std::size_t begin = i;
            bool escaped = false;
            while (true) {
                const std::size_t q = data_.find('"', i);
                if (q == std::string_view::npos) {
                    auto why = say("a quoted field is never closed (a '\"' is missing)");
                    error_ = std::move(why.en);
                    error_id_ = std::move(why.id);
                    error_line_ = f.line;
                    error_column_ = f.column();
                    return status::error;
                }
                // Count the lines inside the field so later positions stay right.
                for (std::size_t k = i; k < q; ++k)
                    if (data_[k] == '\n') {
                        ++line_;
                        line_start_ = k + 1;
                    }
                if (q + 1 < n && data_[q + 1] == '"') {
                    escaped = true;
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            const std::string_view raw = data_.substr(begin, i - 1 - begin);
            if (escaped) {
                std::string& s = scratch_.emplace_back();
                s.reserve(raw.size());
                for (std::size_t k = 0; k < raw.size(); ++k) {
                    s += raw[k];
                    if (raw[k] == '"') ++k;  // "" -> "
                }
                f.text = s;
            } else {
                f.text = raw;
            }
            pos_ = i;
            if (pos_ < n && data_[pos_] != delim_ && data_[pos_] != '\n' &&
                !(data_[pos_] == '\r' && (pos_ + 1 == n || data_[pos_ + 1] == '\n'))) {
                auto why =
                    say("unexpected '{}' after a closing quote (a quote inside a quoted field is "
                        "written as \"\")",
                        data_[pos_]);
                error_ = std::move(why.en);
                error_id_ = std::move(why.id);
                error_line_ = line_;
                error_column_ = static_cast<std::int32_t>(pos_ - line_start_ + 1);
                return status::error;
            }
        } else {
            // Unquoted: runs to the delimiter or the end of the line. A stray quote
            // inside is taken literally (spreadsheets write such files).
            std::size_t i = pos_;
            while (i < n && data_[i] != delim_ && data_[i] != '\n') ++i;
            std::size_t end = i;
            if (end > pos_ && data_[end - 1] == '\r' && (i == n || data_[i] == '\n')) --end;
            f.text = data_.substr(pos_, end - pos_);
            pos_ = i;
        }
        fields.push_back(f);
        if (pos_ >= n) return status::record;
        if (data_[pos_] == delim_) {
            ++pos_;
            continue;
        }
        if (data_[pos_] == '\r') ++pos_;
        if (pos_ < n && data_[pos_] == '\n') {
            ++pos_;
            ++line_;
            line_start_ = pos_;
        }
        return status::record;
    }
}

}  // namespace jadwal::load
