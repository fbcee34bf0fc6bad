// The message catalogue (docs/languages.md): every sentence, label and name
// jadwal shows people, in each language, read from gettext `.po` files
// (po/<language>/*.po in the source tree, built into the library) so that
// translators work in the format and tools they know.
//
// A message is looked up by its English text (the msgid, gettext's
// convention), optionally with a context that tells two uses of one English
// word apart (msgctxt). Placeholders are {fmt}'s: `{}` in order, `{0}`, `{1}`
// by position, so a translation may reorder them; see jadwal/text/format.hpp.
// Lookups are per call: no process-wide setlocale, so one process (a PHP or
// Python server) can answer in several languages at once.
#pragma once

#include <cstdint>
#include <jadwal/text/language.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::text {

/// One entry of a `.po` file.
struct po_entry {
    std::string context;               ///< msgctxt, empty when none
    std::string id;                    ///< msgid: the English text
    std::string id_plural;             ///< msgid_plural, empty when none
    std::vector<std::string> strings;  ///< msgstr, or msgstr[0..n) with a plural
    std::vector<std::string> flags;    ///< from "#, " lines: "fuzzy", "python-brace-format", ...
    std::string file;                  ///< where it was read, for messages about it
    int line = 0;                      ///< the line of its msgid
};

/// A problem in a `.po` file, with where it is ("po/id/report.po:12:7: ...").
struct po_problem {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
};

/// Reads the entries of a `.po` file (the header entry, msgid "", included).
/// Problems (a quote not closed, an unknown escape, a msgstr without msgid,
/// a keyword it does not know) are appended to `problems`; reading goes on
/// after each, so all are reported at once.
[[nodiscard]] std::vector<po_entry> read_po(std::string_view text, std::string_view file,
                                            std::vector<po_problem>& problems);

/// The messages of one language, ready to look up. Built once per language,
/// on first use, from the `.po` files compiled into the library; immutable
/// after, so any thread may use it.
class catalogue {
public:
    /// The built-in catalogue of `l`. English has no entries: its text is the msgid.
    [[nodiscard]] static const catalogue& of(language l);

    /// Builds a catalogue from entries (a test's, or a translator's file). Fuzzy
    /// and empty translations are left out, as gettext's msgfmt does.
    catalogue(language l, const std::vector<po_entry>& entries);

    [[nodiscard]] language lang() const { return lang_; }

    /// The translation of `id` (in `context`), or `id` itself when there is none.
    /// The view stays valid as long as the catalogue and `id` do.
    [[nodiscard]] std::string_view find(std::string_view id, std::string_view context = {}) const;

    /// The translation of a message with a plural form for count `n`: in
    /// English `id` when n == 1 and `id_plural` otherwise; Indonesian has one
    /// form for every n.
    [[nodiscard]] std::string_view find_plural(std::string_view id, std::string_view id_plural, std::int64_t n,
                                               std::string_view context = {}) const;

    /// True when `id` (in `context`) has a translation here.
    [[nodiscard]] bool has(std::string_view id, std::string_view context = {}) const;

    /// The number of translated messages.
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    struct entry {
        std::string key;  ///< context + '\x04' + id, as in a .mo file
        std::vector<std::string> strings;
    };
    [[nodiscard]] const entry* lookup(std::string_view id, std::string_view context) const;

    language lang_;
    std::vector<entry> entries_;  ///< sorted by key
};

/// The `.po` files compiled into the library, as (file name, text) pairs, for
/// `l`; empty for English.
struct po_source {
    std::string_view file;
    std::string_view text;
};
[[nodiscard]] std::vector<po_source> built_in_po(language l);

}  // namespace jadwal::text
