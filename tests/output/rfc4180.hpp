// A strict RFC 4180 reader for the CSV tests, written independently of the
// writer: records end with CRLF, a field is either plain (no quote, separator,
// CR or LF) or wholly quoted with quotes doubled. Anything else throws, so a
// writer that slips (a bare LF between records, an unquoted comma) fails.
// The separator is ',' by RFC 4180, ';' for spreadsheet files.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::test {

using csv_table = std::vector<std::vector<std::string>>;

inline csv_table read_rfc4180(std::string_view text, char separator = ',') {
    csv_table rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t k = 0;
    auto fail = [&](const char* what) {
        throw std::runtime_error(std::string{what} + " at byte " + std::to_string(k));
    };
    while (k < text.size()) {
        field.clear();
        if (text[k] == '"') {  // quoted: up to the lone quote that closes it
            ++k;
            for (;;) {
                if (k >= text.size()) fail("unterminated quoted field");
                if (text[k] == '"') {
                    if (k + 1 < text.size() && text[k + 1] == '"') {
                        field += '"';
                        k += 2;
                        continue;
                    }
                    ++k;
                    break;
                }
                field += text[k++];
            }
        } else {
            while (k < text.size() && text[k] != separator && text[k] != '\r') {
                if (text[k] == '"' || text[k] == '\n') fail("quote or line feed in an unquoted field");
                field += text[k++];
            }
        }
        row.push_back(field);
        if (k < text.size() && text[k] == separator) {
            ++k;
            if (k == text.size()) fail("a separator at the end of the text");
            continue;
        }
        if (k + 1 < text.size() && text[k] == '\r' && text[k + 1] == '\n') {
            k += 2;
            rows.push_back(std::move(row));
            row.clear();
            continue;
        }
        fail("a record does not end with CRLF");
    }
    if (!row.empty()) fail("the last record does not end with CRLF");
    return rows;
}

}  // namespace jadwal::test
