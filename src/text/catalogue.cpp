#include <algorithm>
#include <jadwal/text/catalogue.hpp>
#include <map>

namespace jadwal::text {

namespace {

struct po_reader {
    std::string_view file;
    std::vector<po_problem>& problems;

    void problem(int line, int column, std::string message) const {
        problems.push_back({std::string(file), line, column, std::move(message)});
    }

    /// Appends the C-quoted string at line[pos] ('"' expected there) to `out`.
    bool read_quoted(std::string_view line, std::size_t pos, int line_no, std::string& out) const {
        if (pos >= line.size() || line[pos] != '"') {
            problem(line_no, static_cast<int>(pos) + 1, "a quoted string is expected here");
            return false;
        }
        for (std::size_t i = pos + 1; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"') {
                for (std::size_t j = i + 1; j < line.size(); ++j)
                    if (line[j] != ' ' && line[j] != '\t' && line[j] != '\r') {
                        problem(line_no, static_cast<int>(j) + 1, "text after the closing quote");
                        return false;
                    }
                return true;
            }
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (++i == line.size()) break;
            switch (line[i]) {
                case 'n':
                    out.push_back('\n');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case '"':
                    out.push_back('"');
                    break;
                case '\\':
                    out.push_back('\\');
                    break;
                default:
                    problem(line_no, static_cast<int>(i), std::string("unknown escape \\") + line[i]);
                    return false;
            }
        }
        problem(line_no, static_cast<int>(pos) + 1, "the quote is not closed on this line");
        return false;
    }
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<po_entry> read_po(std::string_view text, std::string_view file, std::vector<po_problem>& problems) {
    const po_reader reader{file, problems};
    std::vector<po_entry> out;
    po_entry cur;
    bool open = false;               // cur has a msgid or msgctxt
    std::string* target = nullptr;   // where a continuation line goes
    std::vector<std::string> flags;  // "#," flags for the next entry
    auto finish = [&] {
        if (open) {
            if (cur.strings.empty()) reader.problem(cur.line, 1, "msgid without msgstr");
            out.push_back(std::move(cur));
        }
        cur = po_entry{};
        open = false;
        target = nullptr;
    };

    int line_no = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t nl = text.find('\n', at);
        const std::string_view raw = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        const std::string_view line = trim(raw);
        const auto column_of = [&](std::string_view part) { return static_cast<int>(part.data() - raw.data()) + 1; };
        if (line.empty()) {
            target = nullptr;
            continue;
        }
        if (line.front() == '#') {
            if (line.starts_with("#~")) continue;  // obsolete
            if (line.starts_with("#,")) {
                if (open && !cur.strings.empty()) finish();
                std::string_view rest = line.substr(2);
                while (!rest.empty()) {
                    const std::size_t comma = rest.find(',');
                    const std::string_view flag = trim(rest.substr(0, comma));
                    if (!flag.empty()) flags.emplace_back(flag);
                    if (comma == std::string_view::npos) break;
                    rest.remove_prefix(comma + 1);
                }
            }
            continue;
        }
        if (line.front() == '"') {
            if (!target) {
                reader.problem(line_no, column_of(line), "a continuation line belongs after msgid, msgstr or msgctxt");
                continue;
            }
            reader.read_quoted(line, 0, line_no, *target);
            continue;
        }
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view keyword = line.substr(0, space);
        const std::size_t value_at =
            space == std::string_view::npos ? line.size() : line.find_first_not_of(" \t", space);
        const std::string_view value = value_at == std::string_view::npos ? std::string_view{} : line.substr(value_at);
        const int value_column = column_of(value.empty() ? line.substr(line.size()) : value);
        auto read_into = [&](std::string& s) {
            target = &s;
            if (!reader.read_quoted(value, 0, line_no, s)) {
                // Re-report with the column in the line, not in the value.
                problems.back().column += value_column - 1;
            }
        };
        if (keyword == "msgctxt") {
            finish();
            open = true;
            cur.line = line_no;
            read_into(cur.context);
        } else if (keyword == "msgid") {
            if (open && !cur.strings.empty()) finish();
            if (open && !cur.id.empty()) {
                reader.problem(line_no, 1, "a second msgid in one entry");
                finish();
            }
            open = true;
            cur.line = line_no;
            cur.file = std::string(file);
            cur.flags = std::move(flags);
            flags.clear();
            read_into(cur.id);
        } else if (keyword == "msgid_plural") {
            if (!open) reader.problem(line_no, 1, "msgid_plural without msgid");
            read_into(cur.id_plural);
        } else if (keyword == "msgstr" || keyword.starts_with("msgstr[")) {
            if (!open) {
                reader.problem(line_no, 1, "msgstr without msgid");
                continue;
            }
            std::size_t index = 0;
            if (keyword != "msgstr") {
                const std::string_view digits = keyword.substr(7, keyword.size() - 8);
                if (!keyword.ends_with("]") || digits.empty() ||
                    !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                    reader.problem(line_no, 1, "msgstr[N] needs a number N");
                    continue;
                }
                index = static_cast<std::size_t>(std::stoul(std::string(digits)));
            }
            if (index != cur.strings.size()) {
                reader.problem(line_no, 1, "msgstr forms must come in order, from msgstr[0]");
                continue;
            }
            cur.strings.emplace_back();
            read_into(cur.strings.back());
        } else {
            reader.problem(line_no, 1, "unknown keyword '" + std::string(keyword) + "'");
            target = nullptr;
        }
    }
    finish();
    return out;
}

namespace {

std::string key_of(std::string_view context, std::string_view id) {
    std::string key;
    if (!context.empty()) {
        key.reserve(context.size() + 1 + id.size());
        key.append(context);
        key.push_back('\x04');
    }
    key.append(id);
    return key;
}

}  // namespace

catalogue::catalogue(language l, const std::vector<po_entry>& entries) : lang_(l) {
    std::map<std::string, std::vector<std::string>> sorted;
    for (const po_entry& e : entries) {
        if (e.id.empty()) continue;  // the header entry
        if (std::find(e.flags.begin(), e.flags.end(), "fuzzy") != e.flags.end()) continue;
        if (e.strings.empty() ||
            std::all_of(e.strings.begin(), e.strings.end(), [](const std::string& s) { return s.empty(); }))
            continue;
        sorted.insert_or_assign(key_of(e.context, e.id), e.strings);
    }
    entries_.reserve(sorted.size());
    for (auto& [key, strings] : sorted) entries_.push_back({key, std::move(strings)});
}

const catalogue::entry* catalogue::lookup(std::string_view id, std::string_view context) const {
    if (entries_.empty()) return nullptr;
    const std::string key = key_of(context, id);
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                     [](const entry& e, const std::string& k) { return e.key < k; });
    return it != entries_.end() && it->key == key ? &*it : nullptr;
}

std::string_view catalogue::find(std::string_view id, std::string_view context) const {
    const entry* e = lookup(id, context);
    return e && !e->strings.front().empty() ? std::string_view(e->strings.front()) : id;
}

std::string_view catalogue::find_plural(std::string_view id, std::string_view id_plural, std::int64_t n,
                                        std::string_view context) const {
    // Plural-Forms: id "nplurals=1; plural=0;", en "nplurals=2; plural=(n != 1);".
    const std::size_t form = lang_ == language::id ? 0 : (n == 1 ? 0 : 1);
    if (const entry* e = lookup(id, context); e && form < e->strings.size() && !e->strings[form].empty())
        return e->strings[form];
    return n == 1 ? id : id_plural;
}

bool catalogue::has(std::string_view id, std::string_view context) const {
    return lookup(id, context) != nullptr;
}

const catalogue& catalogue::of(language l) {
    static const auto build = [](language lang) {
        std::vector<po_entry> all;
        std::vector<po_problem> problems;  // tests/text keep the built-in files free of them
        for (const po_source& src : built_in_po(lang)) {
            auto entries = read_po(src.text, src.file, problems);
            all.insert(all.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
        }
        return catalogue(lang, all);
    };
    static const catalogue indonesian = build(language::id);
    static const catalogue english = build(language::en);
    return l == language::id ? indonesian : english;
}

}  // namespace jadwal::text
