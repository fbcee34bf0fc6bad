// Helpers for the generator tests: a temporary directory and an RFC 4180 reader.
#pragma once

#include "../support/temp_dir.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace jadwal::generate::test {

using jadwal::test::temp_dir;

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Parses RFC 4180 CSV: fields separated by commas, records by CRLF (a lone LF
/// is accepted too), fields with commas, quotes or line breaks in double quotes,
/// a quote inside a quoted field doubled. Throws on malformed quoting.
inline std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    std::size_t i = 0;
    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        rows.push_back(std::move(row));
        row.clear();
    };
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                    throw std::runtime_error("text after a closing quote");
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == '"') {
            if (field_started || !field.empty()) throw std::runtime_error("quote inside an unquoted field");
            quoted = true;
            field_started = true;
            ++i;
        } else if (c == ',') {
            end_field();
            ++i;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            end_row();
            i += 2;
        } else if (c == '\n') {
            end_row();
            ++i;
        } else {
            field += c;
            field_started = true;
            ++i;
        }
    }
    if (quoted) throw std::runtime_error("unterminated quoted field");
    if (field_started || !field.empty() || !row.empty()) end_row();
    return rows;
}

inline std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

}  // namespace jadwal::generate::test
