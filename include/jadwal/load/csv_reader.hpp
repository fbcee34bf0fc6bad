// An RFC 4180 CSV tokenizer over text already in memory: no allocation per
// field except for quoted fields with doubled quotes, each field with the line
// and byte offset where it starts (for diagnostics). The employees CSV and
// the attendance records are read with it.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load {

struct csv_field {
    std::string_view text;     ///< unquoted and unescaped; valid until the next record
    std::size_t offset = 0;    ///< byte offset of the field's first character in the input
    std::int32_t line = 0;     ///< 1-based line where the field starts
    std::size_t line_start = 0;  ///< byte offset of that line's start
    [[nodiscard]] std::int32_t column() const { return static_cast<std::int32_t>(offset - line_start + 1); }
};

class csv_reader {
public:
    enum class status { record, end, error };

    /// `delimiter` is ',' or ';'. A UTF-8 byte order mark at the start is skipped.
    explicit csv_reader(std::string_view data, char delimiter = ',');

    /// Reads the next non-blank record into `fields`.
    status next(std::vector<csv_field>& fields);

    /// After status::error: what went wrong and where.
    [[nodiscard]] const std::string& error() const { return error_; }
    /// The same in Indonesian; empty when it reads the same.
    [[nodiscard]] const std::string& error_id() const { return error_id_; }
    [[nodiscard]] std::int32_t error_line() const { return error_line_; }
    [[nodiscard]] std::int32_t error_column() const { return error_column_; }
    /// The line the last record started on.
    [[nodiscard]] std::int32_t record_line() const { return record_line_; }

    /// ';' when the header line holds semicolons but no commas outside quotes, else ','.
    [[nodiscard]] static char sniff_delimiter(std::string_view data);

private:
    std::string_view data_;
    char delim_;
    std::size_t pos_ = 0;
    std::int32_t line_ = 1;
    std::size_t line_start_ = 0;
    std::int32_t record_line_ = 0;
    std::deque<std::string> scratch_;  // unescaped quoted fields; deque keeps views stable
    std::string error_;
    std::string error_id_;
    std::int32_t error_line_ = 0;
    std::int32_t error_column_ = 0;
};

}  // namespace jadwal::load
