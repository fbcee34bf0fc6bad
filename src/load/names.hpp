// The ids of one kind of entity (units, patterns, ...): registration with
// duplicate detection, and resolution of references with a did-you-mean.
#pragma once

#include "reporter.hpp"
#include "yaml_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jadwal::load::detail {

/// Hash that lets unordered maps keyed by std::string be searched with a string_view.
struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class T>
using string_map = std::unordered_map<std::string, T, string_hash, std::equal_to<>>;

class name_index {
public:
    /// `what` names the kind in messages ("unit"), `ref_code` is its E-REF code.
    name_index(std::string_view what, std::string_view ref_code) : what_(what), ref_code_(ref_code) {}

    /// Registers `id` as the next index; E-ID-DUPLICATE (and nullopt) when taken.
    std::optional<std::uint32_t> add(const std::string& id, loc at, std::string path, reporter& rep);
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id) const;
    /// Finds `id` or reports the kind's E-REF code with a did-you-mean.
    std::optional<std::uint32_t> resolve(std::string_view id, loc at, std::string path, reporter& rep,
                                         std::string_view context = {});
    /// The same; the path is only formatted when the reference is unknown.
    std::optional<std::uint32_t> resolve(std::string_view id, loc at, const ypath& path, reporter& rep) {
        if (const auto i = find(id)) {
            used_[*i] = true;
            return i;
        }
        return resolve(id, at, path.str(), rep);
    }

    [[nodiscard]] std::size_t size() const { return ids_.size(); }
    [[nodiscard]] const std::vector<std::string>& ids() const { return ids_; }
    [[nodiscard]] loc where(std::uint32_t i) const { return marks_[i]; }
    void reserve(std::size_t n);

    /// Marks an entity as referenced (for W-UNUSED).
    void use(std::uint32_t i) { used_[i] = true; }
    [[nodiscard]] bool used(std::uint32_t i) const { return used_[i]; }

    /// A did-you-mean for `word` among the ids; empty when none is close or when
    /// the search would cost too much (huge id lists, many misses).
    [[nodiscard]] std::string suggest(std::string_view word);

private:
    std::string what_;
    std::string ref_code_;
    string_map<std::uint32_t> map_;
    std::vector<std::string> ids_;
    std::vector<loc> marks_;
    std::vector<bool> used_;
    std::size_t suggestion_work_ = 0;
};

}  // namespace jadwal::load::detail
