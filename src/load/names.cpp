#include "names.hpp"

#include "codes.hpp"
#include "values.hpp"

#include <fmt/format.h>

namespace jadwal::load::detail {

void name_index::reserve(std::size_t n) {
    if (n <= ids_.capacity()) return;
    map_.reserve(n);
    ids_.reserve(n);
    marks_.reserve(n);
    used_.reserve(n);
}

std::optional<std::uint32_t> name_index::add(const std::string& id, loc at, std::string path, reporter& rep) {
    const auto index = static_cast<std::uint32_t>(ids_.size());
    const auto [it, inserted] = map_.try_emplace(id, index);
    if (!inserted) {
        const loc first = marks_[it->second];
        const std::string& file = first.file < rep.files().size() ? rep.files()[first.file] : std::string{};
        rep.error(code::id_duplicate,
                  say("the {} id {} is already used (first at {}:{}:{})", term(what_), in_quotes(id), file, first.line,
                      first.column),
                  at, std::move(path));
        return std::nullopt;
    }
    ids_.push_back(id);
    marks_.push_back(at);
    used_.push_back(false);
    return index;
}

std::optional<std::uint32_t> name_index::find(std::string_view id) const {
    const auto it = map_.find(id);
    if (it == map_.end()) return std::nullopt;
    return it->second;
}

std::string name_index::suggest(std::string_view word) {
    // Edit distance against every id costs ids x length^2: cap the total work so
    // a file full of bad references to 100,000 employees stays fast.
    constexpr std::size_t max_work = 50'000'000;
    const std::size_t cost = ids_.size() * (word.size() + 1) * 24;
    if (suggestion_work_ + cost > max_work) return {};
    suggestion_work_ += cost;
    return closest_match(word, ids_);
}

std::optional<std::uint32_t> name_index::resolve(std::string_view id, loc at, std::string path, reporter& rep,
                                                 std::string_view context) {
    if (const auto i = find(id)) {
        used_[*i] = true;
        return i;
    }
    const std::string hint = suggest(id);
    rep.error(ref_code_,
              say("unknown {} {}{}{}", term(what_), in_quotes(id), context,
                  hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
              at, std::move(path));
    return std::nullopt;
}

}  // namespace jadwal::load::detail
