// The optional `outputs` section: the scenario's own settings for the files a
// plan is published as (docs/format.md "outputs"), each a default that an
// option given to a command, the C API, Python or PHP overrides
// (docs/outputs.md "Options in the scenario").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>

#include "sections.hpp"
#include "values.hpp"

namespace jadwal::load::detail {
namespace {

/// The longest reminder, as on the command line (`--reminders`): 28 days.
constexpr int max_reminder_minutes = 28 * 24 * 60;

/// True when `s` holds a control character (CR, LF, tab, ...), which would
/// break a calendar line or a CSV cell apart.
bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u < 0x20 || u == 0x7f;
    });
}

/// True for a domain name as calendar UIDs keep it: letters, digits, '.' and
/// '-', at most 253 bytes.
bool is_domain(std::string_view s) {
    if (s.empty() || s.size() > 253) return false;
    return std::all_of(s.begin(), s.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '-';
    });
}

/// "1d", "2h", "30m" or a whole number of minutes as minutes; none for anything else.
std::optional<int> parse_reminder(std::string_view item) {
    if (item.empty() || item.size() > 7) return std::nullopt;
    int per = 1;
    if (const char unit = item.back(); unit < '0' || unit > '9') {
        per = unit == 'd' ? 24 * 60 : unit == 'h' ? 60 : unit == 'm' ? 1 : 0;
        if (per == 0) return std::nullopt;
        item.remove_suffix(1);
    }
    if (item.empty()) return std::nullopt;
    long n = 0;
    for (const char c : item) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return static_cast<int>(std::min<long>(n * per, max_reminder_minutes + 1L));
}

}  // namespace

void read_outputs(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("outputs");
    static constexpr std::array<std::string_view, 6> keys{"uid_domain",  "product_id",        "reminders",
                                                          "spreadsheet", "default_organizer", "csv_bom"};
    const auto m = c.yr.map(yval{*e, p}, "the outputs section", keys);
    if (!m) return;
    auto& o = c.s.outputs;
    o.mark = c.yr.where(*e).mark();
    auto& yr = c.yr;

    if (const yentry* f = m->find("uid_domain")) {
        const ypath q = p.key("uid_domain");
        const yval v{*f, q};
        if (auto t = yr.text(v, "uid_domain")) {
            if (is_domain(*t))
                o.uid_domain = std::move(*t);
            else
                yr.error(code::address,
                         say("uid_domain: {} is not a domain name such as bkpsdmd.batangharikab.go.id (letters, "
                             "digits, '.' and '-')",
                             in_quotes(*t)),
                         v);
        }
    }
    // Text that ends up on one calendar line or in one CSV cell: one line.
    const auto read_line = [&](std::string_view key, bool may_be_empty, std::optional<std::string>& out) {
        const yentry* f = m->find(key);
        if (f == nullptr) return;
        const ypath q = p.key(key);
        const yval v{*f, q};
        auto t = yr.text(v, key);
        if (!t) return;
        if (t->empty() && !may_be_empty)
            yr.error(code::type, say("{} must not be empty", key), v);
        else if (has_control(*t))
            yr.error(code::type, say("{} must be one line of text, without line breaks or tabs", key), v);
        else
            out = std::move(*t);
    };
    read_line("product_id", false, o.product_id);
    read_line("default_organizer", true, o.default_organizer);

    if (const yentry* f = m->find("reminders")) {
        const ypath q = p.key("reminders");
        const yval v{*f, q};
        std::vector<int> minutes;
        bool ok = true;
        // One reminder as text: a problem is reported at `at`.
        const auto add = [&](std::string_view item, const yval& at) {
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            const auto r = parse_reminder(item);
            if (!r) {
                yr.error(code::type,
                         say("reminder {} is not a time before the entry such as 1d, 2h or 30m (days d, hours h, "
                             "minutes m)",
                             in_quotes(item)),
                         at);
                ok = false;
            } else if (*r > max_reminder_minutes) {
                yr.error(code::number, say("reminder {} is more than 28 days before the entry", in_quotes(item)), at);
                ok = false;
            } else {
                minutes.push_back(*r);
            }
        };
        if (f->value.IsSequence()) {
            if (const auto items = yr.list(v, "reminders", 20)) {
                for (std::size_t i = 0; i < items->size(); ++i) {
                    const ypath qi = q.at(i);
                    const yval item{(*items)[i], qi};
                    if (const auto t = yr.text(item, "a reminder"))
                        add(*t, item);
                    else
                        ok = false;
                }
            } else {
                ok = false;
            }
        } else if (const auto t = yr.text(v, "reminders")) {
            // none, or a list in one text as on the command line: 1d,30m
            std::string_view rest = *t;
            if (rest != "none") {
                while (true) {
                    const auto comma = rest.find(',');
                    add(rest.substr(0, comma), v);
                    if (comma == std::string_view::npos) break;
                    rest.remove_prefix(comma + 1);
                }
            }
        } else {
            ok = false;
        }
        if (ok) {
            // As `--reminders` gives them: largest first, each once.
            std::sort(minutes.begin(), minutes.end(), std::greater<>());
            minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
            o.reminder_minutes = std::move(minutes);
        }
    }

    const auto read_flag = [&](std::string_view key, std::optional<bool>& out) {
        if (const yentry* f = m->find(key)) {
            const ypath q = p.key(key);
            if (const auto b = yr.boolean(yval{*f, q}, key)) out = *b;
        }
    };
    read_flag("spreadsheet", o.spreadsheet);
    read_flag("csv_bom", o.csv_bom);
}

}  // namespace jadwal::load::detail
